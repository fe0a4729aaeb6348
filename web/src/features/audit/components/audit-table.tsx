import type { AuditEventView } from '@contracts/audit.js';
import { Role } from '@contracts/auth.js';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';

export function AuditTable({ events, actorNames }: { events: AuditEventView[]; actorNames: Map<string, string> }) {
  const { t, i18n } = useTranslation();
  const roleLabel = (role: string | null) => {
    const parsed = Role.safeParse(role);
    return parsed.success ? t(`roles.${parsed.data}`) : null;
  };
  return (
    <div className="table--responsive-scroll" tabIndex={0} role="region" aria-label={t('audit.caption')}>
      <table className="table table--compact table--zebra" data-testid="audit-table">
        <caption className="sr-only">{t('audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="align-text-right">
              {t('audit.columns.seq')}
            </th>
            <th scope="col">{t('audit.columns.at')}</th>
            <th scope="col">{t('audit.columns.actor')}</th>
            <th scope="col">{t('audit.columns.action')}</th>
            <th scope="col">{t('audit.columns.resource')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => {
            const role = roleLabel(event.actorRole);
            return (
              <tr key={event.seq}>
                <td className="align-text-right">{event.seq}</td>
                <td className="nowrap">
                  <time dateTime={event.at}>{formatDateTime(event.at, i18n.language, { precise: true })}</time>
                </td>
                <td>
                  {event.actorId ? (actorNames.get(event.actorId) ?? event.actorId) : t('audit.system')}
                  {role ? <span className="d-block small-text">{role}</span> : null}
                </td>
                <td>
                  {i18n.exists(`audit.actions.${event.action}`) ? (
                    <span className="d-block">{t(`audit.actions.${event.action}` as 'audit.system')}</span>
                  ) : null}
                  <code className="small-text">{event.action}</code>
                </td>
                <td className="break-word">
                  {i18n.exists(`audit.resourceTypes.${event.resourceType}`)
                    ? t(`audit.resourceTypes.${event.resourceType}` as 'audit.system')
                    : event.resourceType}
                  {event.resourceId ? <span className="d-block small-text">{event.resourceId}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
