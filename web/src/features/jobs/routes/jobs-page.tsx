import type { JobQueueItem } from '@contracts/jobs.js';
import { useTranslation } from 'react-i18next';
import { AsyncErrorRegion } from '../../../components/alert';
import { Loading, Page } from '../../../components/page';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useJobQueue } from '../api/jobs';

/** "3 min", "2 t 5 min": how long ago, in whole minutes (seconds under a minute). */
function useAge() {
  const { t } = useTranslation();
  return (seconds: number) => {
    if (seconds < 60) return t('jobs.age.seconds', { count: seconds });
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) return t('jobs.age.minutes', { count: minutes });
    return t('jobs.age.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  };
}

/**
 * Baggrundsjob, for the digital unit: what waits, what runs (on which instance, under which lease) and what
 * failed in the last day, with kind, age and attempts. Never what a job carries.
 */
export function JobsPage() {
  const { t, i18n } = useTranslation();
  const queue = useJobQueue();
  const age = useAge();
  const now = Date.now();
  const since = (iso: string) => age(Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000)));

  return (
    <Page title={t('jobs.pageTitle')} heading={t('jobs.heading')} lead={t('jobs.intro')} testId="jobs-page">
      <AsyncErrorRegion error={queue.error} />
      {queue.isPending ? <Loading /> : null}
      {queue.data ? (
        <>
          <section aria-labelledby="jobs-summary-heading">
            <h2 id="jobs-summary-heading">{t('jobs.summaryHeading')}</h2>
            <dl className="run-facts" data-testid="jobs-summary">
              <dt>{t('jobs.summary.queued')}</dt>
              <dd>{formatNumber(queue.data.summary.queued, i18n.language)}</dd>
              <dt>{t('jobs.summary.oldest')}</dt>
              <dd>{queue.data.summary.oldestQueuedSeconds === null ? t('jobs.summary.none') : age(queue.data.summary.oldestQueuedSeconds)}</dd>
              <dt>{t('jobs.summary.running')}</dt>
              <dd>{formatNumber(queue.data.summary.running, i18n.language)}</dd>
              <dt>{t('jobs.summary.failed')}</dt>
              <dd>{formatNumber(queue.data.summary.failedLastDay, i18n.language)}</dd>
              <dt>{t('jobs.summary.dead')}</dt>
              <dd>{formatNumber(queue.data.summary.deadLastDay, i18n.language)}</dd>
            </dl>
          </section>
          <section aria-labelledby="jobs-list-heading">
            <h2 id="jobs-list-heading">{t('jobs.listHeading')}</h2>
            {queue.data.jobs.length === 0 ? (
              <p data-testid="jobs-empty">{t('jobs.empty')}</p>
            ) : (
              <div className="table--responsive-scroll" role="region" aria-labelledby="jobs-list-heading" tabIndex={0}>
                <table className="table table--zebra" data-testid="jobs-table">
                  <caption className="sr-only">{t('jobs.listHeading')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('jobs.columns.type')}</th>
                      <th scope="col">{t('jobs.columns.status')}</th>
                      <th scope="col">{t('jobs.columns.created')}</th>
                      <th scope="col" className="text-align-right">
                        {t('jobs.columns.attempts')}
                      </th>
                      <th scope="col">{t('jobs.columns.detail')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {queue.data.jobs.map((j: JobQueueItem) => (
                      <tr key={j.id}>
                        <th scope="row">{t(`jobs.types.${j.type}`)}</th>
                        <td>{j.status === 'FAILED' && j.errorCode === 'LEASE_EXPIRED' ? t('jobs.dead') : t(`jobs.statuses.${j.status}`)}</td>
                        <td>
                          {formatDateTime(j.createdAt, i18n.language)} ({since(j.createdAt)})
                        </td>
                        <td className="text-align-right">{formatNumber(j.attempts, i18n.language)}</td>
                        <td>
                          {j.status === 'RUNNING' && j.workerId
                            ? t('jobs.heldBy', { worker: j.workerId, until: j.leaseUntil ? formatDateTime(j.leaseUntil, i18n.language, { precise: true }) : '–' })
                            : (j.errorCode ?? '')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      ) : null}
    </Page>
  );
}
