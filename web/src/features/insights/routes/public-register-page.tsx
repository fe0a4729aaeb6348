import { DECISION_OUTCOME_LABELS, type PublicRegisterTrial } from '@contracts/insights.js';
import { useTranslation } from 'react-i18next';
import { AsyncErrorRegion } from '../../../components/alert';
import { Loading, Page } from '../../../components/page';
import { formatDate } from '../../../lib/format';
import { useLocalized } from '../../../lib/localized';
import { usePublicRegister } from '../api/insights';

/**
 * The public AI register: the trials the organisation has chosen to publish, readable by anyone without signing
 * in. The server sends the policy and the oversight in plain Danish; it is shown as it is.
 */
export function PublicRegisterPage() {
  const { t } = useTranslation();
  const register = usePublicRegister();
  return (
    <Page title={t('register.title')} lead={t('register.lead')} testId="public-register">
      <AsyncErrorRegion error={register.error} />
      {register.isPending ? <Loading /> : null}
      {register.data ? (
        <>
          <p data-testid="register-organisation">{t('register.organisation', { name: register.data.organisation })}</p>
          {register.data.trials.length === 0 ? (
            <p data-testid="register-empty">{t('register.none')}</p>
          ) : (
            <ul className="nobullet-list" data-testid="register-trials">
              {register.data.trials.map((trial) => (
                <li key={trial.id} className="mt-6">
                  <RegisterEntry trial={trial} />
                </li>
              ))}
            </ul>
          )}
          {register.data.trials.length > 0 ? (
            <section aria-labelledby="register-standards-heading" className="mt-7" data-testid="register-standards">
              <h2 id="register-standards-heading" className="h3">
                {t('register.standards.heading')}
              </h2>
              <p>{t('register.standards.intro')}</p>
              <ul>
                <li>
                  <a href="/api/public/register/algoritmeregister.json" download>
                    {t('register.standards.algoritmeregister')}
                  </a>
                </li>
                <li>
                  <a href="/api/public/register/atrs.json" download>
                    {t('register.standards.atrs')}
                  </a>
                </li>
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

function RegisterEntry({ trial }: { trial: PublicRegisterTrial }) {
  const { t, i18n } = useTranslation();
  const pick = useLocalized();
  const headingId = `register-${trial.id}`;
  return (
    <article aria-labelledby={headingId} data-testid="register-entry">
      <h2 id={headingId}>{trial.title}</h2>
      <dl>
        <dt>{t('register.purpose')}</dt>
        <dd style={{ whiteSpace: 'pre-wrap' }}>{trial.purpose}</dd>
        <dt>{t('register.unit')}</dt>
        <dd>{trial.unit}</dd>
        <dt>{t('register.assistants')}</dt>
        <dd>{trial.assistants.map((a) => a.name).join(', ')}</dd>
        <dt>{t('register.period')}</dt>
        <dd>{t('trials.period', { start: formatDate(trial.period.startsAt, i18n.language), end: formatDate(trial.period.endsAt, i18n.language) })}</dd>
        <dt>{t('register.status')}</dt>
        <dd>{t(`trials.status.${trial.status}`)}</dd>
        <dt>{t('register.decision')}</dt>
        <dd data-testid="register-decision">
          {trial.decision ? (
            <>
              <strong>{pick(DECISION_OUTCOME_LABELS[trial.decision.outcome])}</strong> (
              {formatDate(trial.decision.decidedAt, i18n.language)})
              <br />
              <span style={{ whiteSpace: 'pre-wrap' }}>{trial.decision.rationale}</span>
            </>
          ) : (
            t('register.noDecision')
          )}
        </dd>
      </dl>
      <h3>{t('register.policyHeading', { title: trial.policy.title })}</h3>
      <PlainList heading={t('register.may')} lines={trial.policy.may} />
      <PlainList heading={t('register.mayNot')} lines={trial.policy.mayNot} />
      <PlainList heading={t('register.must')} lines={trial.policy.must} />
      <h3>{t('register.oversightHeading')}</h3>
      <ul data-testid="register-oversight">
        {trial.humanOversight.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </article>
  );
}

function PlainList({ heading, lines }: { heading: string; lines: { code: string; da: string }[] }) {
  if (lines.length === 0) return null;
  return (
    <>
      <h4 className="h5">{heading}</h4>
      <ul lang="da">
        {lines.map((l) => (
          <li key={l.code}>{l.da}</li>
        ))}
      </ul>
    </>
  );
}
