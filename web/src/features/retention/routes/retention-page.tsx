import type { RetentionGroup, RetentionSweepView } from '@contracts/retention.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, AsyncErrorRegion } from '../../../components/alert';
import { Loading, Page } from '../../../components/page';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useRetentionOverview, useSweepNow } from '../api/retention';
import { Button } from '../../../components/button';

/** The question before a sweep by hand: how much it erases now. */
function SweepConfirmation({ due, onConfirm, onCancel }: { due: RetentionGroup; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-warning" data-testid="retention-confirm">
      <div className="alert-body">
        <h3 className="alert-heading">{t('retention.confirmHeading')}</h3>
        <p className="alert-text">
          {t('retention.confirmText', { runs: t('count.runs', { count: due.runs }), documents: t('count.documents', { count: due.documents }) })}
        </p>
        <div className="run-actions">
          <Button variant="primary" type="button" onClick={onConfirm}>
            {t('retention.confirm')}
          </Button>
          <Button variant="secondary" type="button" onClick={onCancel}>
            {t('retention.cancel')}
          </Button>
        </div>
      </div>
    </div>
  );
}

/** What the sweep by hand erased, or that it stopped part-way; a live region, so it is read out when it arrives. */
function SweepStatus({ result }: { result: RetentionSweepView | undefined }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite" aria-atomic="true" data-testid="retention-status" className="mt-4">
      {result ? (
        <Alert variant={result.errorCode ? 'warning' : 'success'}>
          <p className="m-0">
            {result.errorCode
              ? t('retention.sweepPartial', { runs: t('count.runs', { count: result.runsPurged }), documents: t('count.documents', { count: result.documentsPurged }), code: result.errorCode })
              : t('retention.sweepDone', { runs: t('count.runs', { count: result.runsPurged }), documents: t('count.documents', { count: result.documentsPurged }) })}
          </p>
        </Alert>
      ) : null}
    </div>
  );
}

/**
 * Opbevaring og sletning, for the digital unit: what the next sweep erases, what follows within a week, and what
 * the latest sweeps erased. Identifiers, dates and counts only; never content.
 */
export function RetentionPage() {
  const { t, i18n } = useTranslation();
  const overview = useRetentionOverview();
  const sweep = useSweepNow();
  const [confirming, setConfirming] = useState(false);

  const onSweep = () => {
    setConfirming(false);
    sweep.mutate();
  };
  const result = sweep.data?.sweep;

  return (
    <Page title={t('retention.pageTitle')} heading={t('retention.heading')} lead={t('retention.intro')} testId="retention-page">
      <AsyncErrorRegion error={overview.error} />
      {overview.isPending ? <Loading /> : null}
      {overview.data ? (
        <>
          <section aria-labelledby="retention-due-heading">
            <h2 id="retention-due-heading">{t('retention.dueHeading')}</h2>
            <GroupTable group={overview.data.due} caption={t('retention.dueHeading')} testId="retention-due" empty={t('retention.dueEmpty')} />
          </section>
          <section aria-labelledby="retention-upcoming-heading">
            <h2 id="retention-upcoming-heading">{t('retention.upcomingHeading')}</h2>
            <GroupTable
              group={overview.data.upcoming}
              caption={t('retention.upcomingHeading')}
              testId="retention-upcoming"
              empty={t('retention.upcomingEmpty')}
            />
          </section>

          <section aria-labelledby="retention-sweep-heading" className="mt-6">
            <h2 id="retention-sweep-heading">{t('retention.sweepHeading')}</h2>
            <p data-testid="retention-next">
              {overview.data.nextScheduledAt
                ? t('retention.nextScheduled', { at: formatDateTime(overview.data.nextScheduledAt, i18n.language) })
                : t('retention.noSchedule')}
            </p>
            <p data-testid="retention-totals">
              {t('retention.totals', { runs: t('count.runs', { count: overview.data.purgedTotals.runs }), documents: t('count.documents', { count: overview.data.purgedTotals.documents }) })}
            </p>
            {confirming ? (
              <SweepConfirmation due={overview.data.due} onConfirm={onSweep} onCancel={() => setConfirming(false)} />
            ) : (
              <Button
                variant="primary"
                type="button"
                onClick={() => {
                  sweep.reset();
                  setConfirming(true);
                }}
                disabled={sweep.isPending}
              >
                {sweep.isPending ? t('retention.sweeping') : t('retention.sweepNow')}
              </Button>
            )}
            <SweepStatus result={result} />
            <AsyncErrorRegion error={sweep.error} testId="retention-sweep-error" />
          </section>

          <section aria-labelledby="retention-history-heading" className="mt-6">
            <h2 id="retention-history-heading">{t('retention.historyHeading')}</h2>
            <SweepsTable sweeps={overview.data.sweeps} />
          </section>
        </>
      ) : null}
    </Page>
  );
}

function GroupTable({ group, caption, testId, empty }: { group: RetentionGroup; caption: string; testId: string; empty: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div data-testid={testId}>
      <p data-testid={`${testId}-counts`}>{t('retention.counts', { runs: t('count.runs', { count: group.runs }), documents: t('count.documents', { count: group.documents }) })}</p>
      {group.items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <>
          <div className="table--responsive-scroll" tabIndex={0} role="region" aria-label={caption}>
            <table className="table table--compact table--zebra">
              <caption className="sr-only">{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('retention.columns.kind')}</th>
                  <th scope="col">{t('retention.columns.trial')}</th>
                  <th scope="col">{t('retention.columns.policy')}</th>
                  <th scope="col">{t('retention.columns.retainUntil')}</th>
                </tr>
              </thead>
              <tbody>
                {group.items.map((item) => (
                  <tr key={`${item.kind}-${item.id}`}>
                    <td>{t(`retention.kind.${item.kind}`)}</td>
                    <td>{item.trialTitle}</td>
                    <td>{item.policyTitle}</td>
                    <td className="nowrap">
                      <time dateTime={item.retainUntil}>{formatDateTime(item.retainUntil, i18n.language)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {group.items.length < group.runs + group.documents ? (
            <p className="small-text">{t('retention.truncated', { shown: group.items.length })}</p>
          ) : null}
        </>
      )}
    </div>
  );
}

function SweepsTable({ sweeps }: { sweeps: RetentionSweepView[] }) {
  const { t, i18n } = useTranslation();
  if (sweeps.length === 0) return <p>{t('retention.noSweeps')}</p>;
  const caption = t('retention.historyHeading');
  return (
    <div className="table--responsive-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="table table--compact table--zebra" data-testid="retention-sweeps">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('retention.columns.startedAt')}</th>
            <th scope="col">{t('retention.columns.trigger')}</th>
            <th scope="col" className="align-text-right">
              {t('retention.columns.runsPurged')}
            </th>
            <th scope="col" className="align-text-right">
              {t('retention.columns.documentsPurged')}
            </th>
            <th scope="col">{t('retention.columns.result')}</th>
          </tr>
        </thead>
        <tbody>
          {sweeps.map((s) => (
            <tr key={s.id}>
              <td className="nowrap">
                <time dateTime={s.startedAt}>{formatDateTime(s.startedAt, i18n.language)}</time>
              </td>
              <td>{t(`retention.trigger.${s.trigger}`)}</td>
              <td className="align-text-right">{formatNumber(s.runsPurged, i18n.language)}</td>
              <td className="align-text-right">{formatNumber(s.documentsPurged, i18n.language)}</td>
              <td>{s.errorCode ? t('retention.failed', { code: s.errorCode }) : s.finishedAt ? t('retention.ok') : t('retention.running')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
