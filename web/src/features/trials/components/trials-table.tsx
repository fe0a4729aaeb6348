import type { TrialSummary } from '@contracts/trials.js';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import { TrialStatusBadge } from './trial-status';

const KNOWN_ASSISTANTS = ['letter', 'minutes', 'documents'] as const;
type KnownAssistant = (typeof KNOWN_ASSISTANTS)[number];
const isKnown = (a: string): a is KnownAssistant => (KNOWN_ASSISTANTS as readonly string[]).includes(a);

export function TrialsTable({
  trials,
  showUnit = true,
  caption,
  testId = 'trials-table',
}: {
  trials: TrialSummary[];
  showUnit?: boolean;
  caption?: string;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const assistantName = (a: string) => (isKnown(a) ? t(`trials.assistants.${a}`) : a);
  return (
    <div className="table--responsive-scroll" tabIndex={0} role="region" aria-label={caption ?? t('trials.caption')}>
      {/* DKFDS' responsive headers: on a phone each row is stacked with the column names from data-title, so the
          actions ("Brug assistent") are in reach without scrolling sideways. */}
      <table className="table table--zebra table--responsive-headers" data-testid={testId}>
        <caption className="sr-only">{caption ?? t('trials.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trials.columns.title')}</th>
            {showUnit ? <th scope="col">{t('trials.columns.unit')}</th> : null}
            <th scope="col">{t('trials.columns.status')}</th>
            <th scope="col">{t('trials.columns.period')}</th>
            <th scope="col" className="align-text-right">
              {t('trials.columns.participants')}
            </th>
            <th scope="col">{t('trials.columns.assistants')}</th>
            <th scope="col">{t('trials.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {trials.map((trial) => (
            <tr key={trial.id}>
              <th scope="row" className="weight-semibold">
                <Link to={`/proevehandlinger/${encodeURIComponent(trial.id)}`}>{trial.title}</Link>
                {trial.purpose ? <span className="d-block small-text weight-normal">{trial.purpose}</span> : null}
              </th>
              {showUnit ? <td data-title={t('trials.columns.unit')}>{trial.unit.name}</td> : null}
              <td data-title={t('trials.columns.status')}>
                <TrialStatusBadge status={trial.status} />
              </td>
              <td className="nowrap" data-title={t('trials.columns.period')}>
                {t('trials.period', {
                  start: formatDate(trial.startsAt, i18n.language),
                  end: formatDate(trial.endsAt, i18n.language),
                })}
              </td>
              <td className="align-text-right" data-title={t('trials.columns.participants')}>
                {trial.participantCount}
              </td>
              <td data-title={t('trials.columns.assistants')}>
                {trial.assistants.length ? trial.assistants.map(assistantName).join(', ') : t('trials.noAssistants')}
              </td>
              <td data-title={hasActions(trial) ? t('trials.columns.actions') : ''}>
                {trial.briefingRequired ? (
                  <Link
                    to={`/proevehandlinger/${encodeURIComponent(trial.id)}/introduktion`}
                    className="nowrap"
                    data-testid="briefing-required"
                  >
                    {t('trials.readBriefing')}
                    <span className="sr-only"> ({trial.title})</span>
                  </Link>
                ) : (
                  <UseAssistantLinks trial={trial} assistantName={assistantName} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Whether the actions cell shows anything: the briefing link, or the assistants of an active trial one takes part in. */
const hasActions = (trial: TrialSummary) => trial.briefingRequired || (trial.status === 'ACTIVE' && trial.isParticipant);

/** "Brug assistent" for each assistant of an active trial the person takes part in; nothing otherwise. */
function UseAssistantLinks({ trial, assistantName }: { trial: TrialSummary; assistantName: (a: string) => string }) {
  const { t } = useTranslation();
  if (!hasActions(trial)) return null;
  const known = trial.assistants.filter(isKnown);
  return (
    <ul className="nobullet-list m-0" data-testid="use-assistant">
      {known.map((a) => (
        <li key={a}>
          <Link to={`/proevehandlinger/${encodeURIComponent(trial.id)}/assistent/${a}`} className="nowrap">
            {t('trials.useAssistant')}
            {known.length > 1 ? `: ${assistantName(a)}` : null}
            <span className="sr-only">
              {' '}
              ({assistantName(a)}, {trial.title})
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
