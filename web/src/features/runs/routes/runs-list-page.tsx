import type { RunListItem } from '@contracts/reviews.js';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { AsyncErrorRegion } from '../../../components/alert';
import { Loading, Page } from '../../../components/page';
import { formatDateTime } from '../../../lib/format';
import { useCurrentUser } from '../../../lib/session';
import { type RunListView, useRunList } from '../api/review';

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

  return (
    <Page title={t('runList.pageTitle')} heading={t('runList.heading')} lead={t('runList.intro')} testId="runs-list-page">
      <nav aria-label={t('runList.viewsLabel')} className="mb-5">
        <ul className="nobullet-list run-list-views">
          {views.map((v) => (
            <li key={v} className="d-inline-block mr-4">
              <button
                type="button"
                className={`button ${v === view ? 'button-primary' : 'button-secondary'}`}
                aria-pressed={v === view}
                onClick={() => setParams(v === 'mine' ? {} : { visning: VIEW_PARAM[v] })}
              >
                {t(`runList.views.${v}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <h2 data-testid="runs-view-heading">{t(`runList.views.${view}`)}</h2>
      <p>{t(`runList.viewIntro.${view}`)}</p>
      <AsyncErrorRegion error={list.error} />
      {list.isPending ? <Loading /> : null}
      {list.data ? (
        runs.length ? (
          <>
            <RunsTable runs={runs} caption={t(`runList.views.${view}`)} />
            {list.hasNextPage ? (
              <button
                type="button"
                className="button button-secondary mt-5"
                onClick={() => void list.fetchNextPage()}
                disabled={list.isFetchingNextPage}
              >
                {list.isFetchingNextPage ? t('runList.loadingMore') : t('runList.loadMore')}
              </button>
            ) : null}
          </>
        ) : (
          <p data-testid="runs-empty">{t(`runList.empty.${view}`)}</p>
        )
      ) : null}
    </Page>
  );
}

function RunsTable({ runs, caption }: { runs: RunListItem[]; caption: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table--responsive-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="table table--compact table--zebra" data-testid="runs-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('runList.columns.assistant')}</th>
            <th scope="col">{t('runList.columns.trial')}</th>
            <th scope="col">{t('runList.columns.status')}</th>
            <th scope="col">{t('runList.columns.date')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id}>
              <td>
                <Link to={`/koersler/${encodeURIComponent(r.id)}`}>
                  {t(`trials.assistants.${r.assistant}`)}
                  <span className="sr-only"> – {formatDateTime(r.createdAt, i18n.language)}</span>
                </Link>
              </td>
              <td>{r.trialTitle}</td>
              <td>
                {t(`runList.status.${r.status}`)}
                {r.awaiting ? <span className="d-block small-text">{t(`runList.awaiting.${r.awaiting}`)}</span> : null}
              </td>
              <td className="nowrap">
                <time dateTime={r.createdAt}>{formatDateTime(r.createdAt, i18n.language)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
