import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert, AsyncErrorRegion } from '../../../components/alert';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { Loading, Page } from '../../../components/page';
import { formatDateTime } from '../../../lib/format';
import { useLocalized } from '../../../lib/localized';
import { useCurrentUser } from '../../../lib/session';
import { useRun } from '../api/review';
import { DraftText } from '../components/draft-text';
import { RunDetails } from '../components/run-details';
import { RunFollowUp } from '../components/run-follow-up';

/**
 * One run, opened later: the draft (still marked as a draft until approved), the review, the approved text and
 * the experience log. The requester comes back here; a second approver opens it from "Kørsler".
 */
export function RunDetailPage() {
  const { runId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const pick = useLocalized();
  const user = useCurrentUser();
  const run = useRun(runId);

  const crumbs = (
    <Breadcrumbs label={t('runs.breadcrumbs')} items={[{ label: t('nav.runs'), to: '/koersler' }, { label: t('runList.runHeading') }]} />
  );
  if (run.isPending) return <Loading />;
  if (run.error) {
    return (
      <>
        {crumbs}
        <Page title={t('runList.runHeading')}>
          <AsyncErrorRegion error={run.error} />
          <p>
            <Link to="/koersler">{t('runList.back')}</Link>
          </p>
        </Page>
      </>
    );
  }
  const r = run.data;
  const name = t(`trials.assistants.${r.assistant}`);
  const decided = r.status === 'APPROVED' || r.status === 'REJECTED';
  return (
    <>
      {crumbs}
      <Page title={`${name} – ${t('runList.runHeading')}`} heading={name} testId="run-detail-page">
        <dl className="run-facts">
          <dt>{t('runList.columns.status')}</dt>
          <dd data-testid="run-detail-status">{t(`runList.status.${r.status}`)}</dd>
          <dt>{t('runList.columns.date')}</dt>
          <dd>{formatDateTime(r.createdAt, i18n.language)}</dd>
          <dt>{t('runs.policy')}</dt>
          <dd>
            <Link to={`/datapolitikker/${encodeURIComponent(r.policyId)}`}>
              {r.policyTitle} ({r.policyCurrent ? t('runs.policyCurrent') : t('runs.policyEarlier')})
            </Link>
          </dd>
        </dl>

        {r.output === null ? (
          <Alert variant="info" heading={t('runList.noContent')} headingLevel={2} testId="run-no-content">
            <p className="m-0">{t('runList.noContentText')}</p>
          </Alert>
        ) : r.status === 'APPROVED' ? null : (
          <section className="run-draft" aria-labelledby="run-draft-heading" data-testid="run-draft">
            <h2 id="run-draft-heading" className="run-draft-marker">
              {decided ? t('runList.rejectedDraft') : r.draftMarker}
            </h2>
            <p className="small-text" data-testid="run-disclosure">
              <strong>{t('runs.disclosure')}:</strong> {pick(r.disclosureLabel)}
            </p>
            <div className="run-draft-text" role="region" aria-label={t('runs.draftLabel')} tabIndex={0} data-testid="run-draft-text">
              <DraftText assistant={r.assistant} text={r.output} details={r.details} />
            </div>
            {decided ? null : (
              <p className="run-approval-note">
                <strong>{t('runs.approvalNote')}</strong>
              </p>
            )}
            <RunDetails run={r} />
          </section>
        )}

        {/* Not remounted when the run changes: a refused decision's message stays in view next to the run as it now is. */}
        <RunFollowUp key={r.id} run={r} isRequester={r.requesterId === user.id} />
      </Page>
    </>
  );
}
