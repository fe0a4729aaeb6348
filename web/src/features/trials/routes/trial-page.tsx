import { DECISION_OUTCOME_LABELS, type TrialDetail } from '@contracts/trials.js';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Alert, AsyncErrorRegion, StatusRegion } from '../../../components/alert';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { Loading, Page } from '../../../components/page';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useLocalized } from '../../../lib/localized';
import { BaselineForm } from '../components/baseline-form';
import { useComplianceStatus, useTrialDetail } from '../api/trial';
import { KnowledgeBase } from '../components/knowledge-base';
import { Reflections } from '../components/reflections';
import { Participants, PolicyChanged, Revisions, TrialActions } from '../components/trial-admin';
import { TrialStatusBadge } from '../components/trial-status';
import { buttonClass } from '../../../components/button';

const FLASHES = ['created', 'saved', 'acknowledged'] as const;
type Flash = (typeof FLASHES)[number];
const flashOf = (state: unknown): Flash | null => {
  const f = state && typeof state === 'object' ? (state as { flash?: unknown }).flash : undefined;
  return (FLASHES as readonly unknown[]).includes(f) ? (f as Flash) : null;
};

/**
 * Which version of its policy the trial runs under, as people name a version: by the day it was approved. The
 * content hash the server records stays in the audit trail, where it is checked, not read.
 */
function PolicyVersion({ policy }: { policy: TrialDetail['policy'] }) {
  const { t, i18n } = useTranslation();
  if (policy.currentVersion === null) return <>{t('trials.detail.policyGone')}</>;
  if (policy.currentVersion !== policy.version) return <>{t('trials.detail.policyEarlier')}</>;
  if (policy.approved && policy.approvedOn) return <>{t('trials.detail.policyApprovedOn', { date: formatDate(policy.approvedOn, i18n.language) })}</>;
  return <>{t('trials.detail.policyAwaiting')}</>;
}

export function TrialPage() {
  const { trialId = '' } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const trial = useTrialDetail(trialId);
  const flash = flashOf(location.state);

  if (trial.isPending) return <Loading />;
  if (trial.error || !trial.data) {
    return (
      <Page title={t('trials.detail.notFound')}>
        <AsyncErrorRegion error={trial.error} />
        <p>
          <Link to="/proevehandlinger">{t('trials.detail.backToList')}</Link>
        </p>
      </Page>
    );
  }
  const found = trial.data.trial;
  return (
    <>
      <Breadcrumbs items={[{ label: t('trials.heading'), to: '/proevehandlinger' }, { label: found.title }]} label={t('trials.breadcrumbsLabel')} />
      <Page title={found.title} testId="trial-page">
        <StatusRegion message={flash ? t(`trials.detail.flash.${flash}`) : null} testId="trial-flash" />
        <ParticipantCallToAction trial={found} />
        {found.canAdminister ? <PolicyChanged trial={found} /> : null}
        <Charter trial={found} />
        <LatestDecision trial={found} />
        {found.assistants.includes('documents') && (found.canAdminister || found.isParticipant) ? (
          <KnowledgeBase trial={found} />
        ) : null}
        {found.canAdminister ? (
          <>
            <TrialActions trial={found} />
            <Participants trial={found} />
            <Revisions trialId={found.id} />
          </>
        ) : null}
        <BaselineForm trial={found} />
        <Reflections trial={found} />
      </Page>
    </>
  );
}

/** The trial shows its decision (adopt / adjust / stop); administrators also get the way to the insights. */
function LatestDecision({ trial }: { trial: TrialDetail }) {
  const { t, i18n } = useTranslation();
  const pick = useLocalized();
  const d = trial.latestDecision;
  const compliance = useComplianceStatus(trial.id, trial.canAdminister);
  if (!d && !trial.canAdminister) return null;
  return (
    <section aria-labelledby="decision-heading" data-testid="trial-decision">
      <h2 id="decision-heading">{t('insights.decision.latest')}</h2>
      {d ? (
        <>
          <p className="m-0">
            <strong>{pick(DECISION_OUTCOME_LABELS[d.outcome])}</strong> –{' '}
            {t('insights.decision.by', { name: d.decidedBy.name, at: formatDateTime(d.createdAt, i18n.language) })}
          </p>
          <p style={{ whiteSpace: 'pre-wrap' }}>{d.rationale}</p>
        </>
      ) : (
        <p>{t('insights.decision.none')}</p>
      )}
      {trial.canAdminister ? (
        <p>
          <Link to={`/proevehandlinger/${encodeURIComponent(trial.id)}/indsigt`}>{t('insights.trial.link')}</Link>
        </p>
      ) : null}
      {trial.canAdminister ? (
        <p>
          <Link to={`/proevehandlinger/${encodeURIComponent(trial.id)}/dokumentation`} data-testid="compliance-link">
            {t('compliance.link')}
          </Link>
          {compliance.data ? (
            <span className="d-block small-text" data-testid="compliance-status">
              {t('compliance.trialStatus', {
                approved: compliance.data.documents.filter((d) => d.approval?.current).length,
                total: compliance.data.documents.length,
              })}
            </span>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}

/** Participants read the briefing first; afterwards they get straight to the assistants while the trial runs. */
function ParticipantCallToAction({ trial }: { trial: TrialDetail }) {
  const { t } = useTranslation();
  if (!trial.isParticipant) return null;
  const briefingPath = `/proevehandlinger/${encodeURIComponent(trial.id)}/introduktion`;
  if (trial.myBriefing && !trial.myBriefing.acknowledged) {
    return (
      <div data-testid="briefing-required">
        <Alert variant="warning" heading={t('trials.detail.briefingRequiredHeading')}>
          <p>{t('trials.detail.briefingRequiredText')}</p>
          <Link to={briefingPath} className={buttonClass('primary')}>
            {t('trials.detail.readBriefing')}
          </Link>
        </Alert>
      </div>
    );
  }
  return (
    <section aria-labelledby="use-heading" data-testid="use-assistants">
      <h2 id="use-heading">{t('trials.detail.useHeading')}</h2>
      {trial.status === 'ACTIVE' ? (
        <ul className="nobullet-list">
          {trial.assistants.map((a) => (
            <li key={a} className="mb-3">
              <Link to={`/proevehandlinger/${encodeURIComponent(trial.id)}/assistent/${a}`} className={buttonClass('primary')}>
                {t('trials.detail.useAssistant', { name: t(`trials.assistants.${a}`) })}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('trials.detail.notActive', { status: t(`trials.status.${trial.status}`) })}</p>
      )}
      <p>
        <Link to={briefingPath}>{t('trials.detail.rereadBriefing')}</Link>
      </p>
    </section>
  );
}

function Charter({ trial }: { trial: TrialDetail }) {
  const { t, i18n } = useTranslation();
  const text = (s: string) => (s.trim() ? <span style={{ whiteSpace: 'pre-wrap' }}>{s}</span> : t('trials.detail.notGiven'));
  return (
    <section aria-labelledby="charter-heading" data-testid="trial-charter">
      <h2 id="charter-heading">{t('trials.detail.charterHeading')}</h2>
      <dl>
        <dt>{t('trials.detail.status')}</dt>
        <dd>
          <TrialStatusBadge status={trial.status} />
        </dd>
        <dt>{t('trials.detail.unit')}</dt>
        <dd>{trial.unit.name}</dd>
        <dt>{t('trials.detail.period')}</dt>
        <dd>
          {t('trials.period', { start: formatDate(trial.startsAt, i18n.language), end: formatDate(trial.endsAt, i18n.language) })}
        </dd>
        <dt>{t('trials.detail.purpose')}</dt>
        <dd>{text(trial.purpose)}</dd>
        <dt>{t('trials.detail.hypothesis')}</dt>
        <dd>{text(trial.hypothesis)}</dd>
        <dt>{t('trials.detail.successCriteria')}</dt>
        <dd>{text(trial.successCriteria)}</dd>
        <dt>{t('trials.detail.assistants')}</dt>
        <dd>{trial.assistants.map((a) => t(`trials.assistants.${a}`)).join(', ')}</dd>
        <dt>{t('trials.detail.policy')}</dt>
        <dd data-testid="trial-policy">
          <Link to={`/datapolitikker/${encodeURIComponent(trial.policy.id)}`}>{trial.policy.title}</Link>{' '}
          (<PolicyVersion policy={trial.policy} />)
        </dd>
        <dt>{t('trials.detail.version')}</dt>
        <dd data-testid="trial-version">{trial.version}</dd>
        {trial.questions.length ? (
          <>
            <dt>{t('trials.detail.questions')}</dt>
            <dd>
              <ul>
                {trial.questions.map((q) => (
                  <li key={q.id}>{q.text}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
