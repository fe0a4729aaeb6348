import type { RunListItem, RunListSummary } from '@contracts/reviews.js';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { AsyncErrorRegion } from '../../../components/alert';
import { Loading, Page } from '../../../components/page';
import { formatDateTime } from '../../../lib/format';
import { useCurrentUser } from '../../../lib/session';
import { type RunListView, useRunList } from '../api/review';
import { Button } from '../../../components/button';

/** Danish addresses for the views, so a view can be bookmarked and shared. */
const VIEW_PARAM: Record<RunListView, string> = { mine: 'mine', review: 'afventer', second_approval: 'anden-godkendelse' };

/**
 * "Mine kørsler": the viewer's runs, those waiting for a review, and (for those who administer trials) those
 * waiting for a second approver. Content-free: what ran, in which trial, where it stands and when.
 */
export function RunsListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const views: RunListView[] = user.role === 'EMPLOYEE' ? ['mine', 'review'] : ['mine', 'review', 'second_approval'];
  const requested = (Object.keys(VIEW_PARAM) as RunListView[]).find((v) => VIEW_PARAM[v] === params.get('visning'));
  const view: RunListView = requested && views.includes(requested) ? requested : 'mine';
  const list = useRunList(view);
  const runs = list.data?.pages.flatMap((p) => p.runs) ?? [];
  // The same on every page of the list: what waits over all the runs the person may see.
  const summary = list.data?.pages[0]?.summary;

  return (
    <Page title={t('runList.pageTitle')} heading={t('runList.heading')} lead={t('runList.intro')} testId="runs-list-page">
      <nav aria-label={t('runList.viewsLabel')} className="mb-5">
        <ul className="nobullet-list run-list-views">
          {views.map((v) => (
            <li key={v} className="d-inline-block mr-4">
              <Button
                type="button"
                variant={v === view ? 'primary' : 'secondary'}
                aria-pressed={v === view}
                onClick={() => setParams(v === 'mine' ? {} : { visning: VIEW_PARAM[v] })}
              >
                {t(`runList.views.${v}`)}
              </Button>
            </li>
          ))}
        </ul>
      </nav>
      {summary ? <WaitingSummary summary={summary} /> : null}
      <h2 data-testid="runs-view-heading">{t(`runList.views.${view}`)}</h2>
      <p>{t(`runList.viewIntro.${view}`)}</p>
      <AsyncErrorRegion error={list.error} />
      {list.isPending ? <Loading /> : null}
      {list.data ? (
        runs.length ? (
          <>
            <RunsTable runs={runs} caption={t(`runList.views.${view}`)} />
            {list.hasNextPage ? (
              <Button variant="secondary"
                type="button" className="mt-5"
                onClick={() => void list.fetchNextPage()}
                disabled={list.isFetchingNextPage}
              >
                {list.isFetchingNextPage ? t('runList.loadingMore') : t('runList.loadMore')}
              </Button>
            ) : null}
          </>
        ) : (
          <p data-testid="runs-empty">{t(`runList.empty.${view}`)}</p>
        )
      ) : null}
    </Page>
  );
}

/** What still waits, at the top of the page: the person's own runs, and what they may approve as the second person. */
function WaitingSummary({ summary }: { summary: RunListSummary }) {
  const { t } = useTranslation();
  const lines: { key: string; text: string; to?: string }[] = [];
  if (summary.experienceDue > 0) lines.push({ key: 'experience', text: t('runList.summary.experienceDue', { count: summary.experienceDue }) });
  if (summary.waitingForColleague > 0) {
    lines.push({ key: 'colleague', text: t('runList.summary.waitingForColleague', { count: summary.waitingForColleague }) });
  }
  if (summary.waitingForYou > 0) {
    lines.push({
      key: 'you',
      text: t('runList.summary.waitingForYou', { count: summary.waitingForYou }),
      to: `/koersler?visning=${VIEW_PARAM.second_approval}`,
    });
  }
  if (lines.length === 0) return null;
  return (
    <ul className="mb-5" aria-label={t('runList.summary.label')} data-testid="runs-summary">
      {lines.map((l) => (
        <li key={l.key}>{l.to ? <Link to={l.to}>{l.text}</Link> : l.text}</li>
      ))}
    </ul>
  );
}

/**
 * The runs as a table. On a phone each row is stacked with its column names (DKFDS' responsive headers, as the
 * trials table), so nothing needs scrolling sideways.
 */
function RunsTable({ runs, caption }: { runs: RunListItem[]; caption: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table--responsive-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="table table--compact table--zebra table--responsive-headers" data-testid="runs-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('runList.columns.assistant')}</th>
            <th scope="col">{t('runList.columns.trial')}</th>
            <th scope="col">{t('runList.columns.status')}</th>
            <th scope="col">{t('runList.nextStep.heading')}</th>
            <th scope="col">{t('runList.columns.date')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id}>
              <th scope="row" className="weight-normal">
                <Link to={`/koersler/${encodeURIComponent(r.id)}`}>
                  {t(`trials.assistants.${r.assistant}`)}
                  <span className="sr-only"> – {formatDateTime(r.createdAt, i18n.language)}</span>
                </Link>
              </th>
              <td data-title={t('runList.columns.trial')}>{r.trialTitle}</td>
              <td data-title={t('runList.columns.status')}>{t(`runList.status.${r.status}`)}</td>
              <td data-title={t('runList.nextStep.heading')} data-testid="run-next-step">
                <NextStep run={r} />
              </td>
              <td className="nowrap" data-title={t('runList.columns.date')}>
                <time dateTime={r.createdAt}>{formatDateTime(r.createdAt, i18n.language)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What a run waits for: a review, a second approval, the viewer's experience log. The words carry it, not the colour. */
function NextStep({ run }: { run: RunListItem }) {
  const { t } = useTranslation();
  const marks: { key: string; text: string; className: string }[] = [];
  if (run.awaiting) marks.push({ key: run.awaiting, text: t(`runList.nextStep.${run.awaiting}`), className: 'badge badge-info' });
  if (run.experienceDue) marks.push({ key: 'experience', text: t('runList.nextStep.experienceDue'), className: 'badge badge-warning' });
  return (
    <>
      {marks.map((m, i) => (
        <span key={m.key}>
          {i > 0 ? ' ' : null}
          <span className={m.className}>{m.text}</span>
        </span>
      ))}
    </>
  );
}
