import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, AsyncErrorRegion } from '../../../components/alert';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { useErrorMessage } from '../../../components/error-message';
import { ErrorSummary, type SummaryItem, useErrorSummaryFocus } from '../../../components/error-summary';
import { CheckboxField } from '../../../components/form-fields';
import { Loading, Page } from '../../../components/page';
import { formatDateTime } from '../../../lib/format';
import { useLocalized } from '../../../lib/localized';
import { useAcknowledgeBriefing, useBriefing } from '../api/trial';
import { Button } from '../../../components/button';

const CHECKBOX_ID = 'briefing-understood';

/**
 * The AI literacy briefing (AI Act art. 4) a participant reads before the first run: the leader's text, what
 * each assistant is and how it fails, and the policy in plain words. Acknowledging records the revision read,
 * so a changed briefing must be read again.
 */
export function BriefingPage() {
  const { trialId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const pick = useLocalized();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const briefing = useBriefing(trialId);
  const acknowledge = useAcknowledgeBriefing(trialId);
  const [understood, setUnderstood] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { summaryRef, failedAttempt } = useErrorSummaryFocus();
  const trialPath = `/proevehandlinger/${encodeURIComponent(trialId)}`;

  if (briefing.isPending) return <Loading />;
  if (briefing.error || !briefing.data) {
    return (
      <Page title={t('trials.briefing.pageTitle')}>
        <AsyncErrorRegion error={briefing.error} />
        <p>
          <Link to={trialPath}>{t('trials.briefing.backToTrial')}</Link>
        </p>
      </Page>
    );
  }
  const view = briefing.data.briefing;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!understood) {
      setError(t('trials.briefing.mustCheck'));
      failedAttempt();
      return;
    }
    setError(null);
    acknowledge.mutate(
      { briefingRevision: view.briefingRevision },
      {
        onSuccess: () => void navigate(trialPath, { state: { flash: 'acknowledged' } }),
        onError: (err) => {
          setError(errorMessage(err));
          failedAttempt();
        },
      },
    );
  };

  const items: SummaryItem[] = error ? [{ fieldId: CHECKBOX_ID, message: error }] : [];
  const sections = [
    { key: 'may', rules: view.policy.plain.may },
    { key: 'mayNot', rules: view.policy.plain.mayNot },
    { key: 'must', rules: view.policy.plain.must },
  ] as const;

  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('trials.heading'), to: '/proevehandlinger' },
          { label: view.trialTitle, to: trialPath },
          { label: t('trials.briefing.pageTitle') },
        ]}
        label={t('trials.breadcrumbsLabel')}
      />
      <Page
        title={t('trials.briefing.pageTitle')}
        heading={t('trials.briefing.heading', { title: view.trialTitle })}
        lead={t('trials.briefing.lead')}
        testId="briefing-page"
      >
        {view.briefing.trim() ? (
          <section aria-labelledby="briefing-text-heading">
            <h2 id="briefing-text-heading">{t('trials.briefing.fromLeader')}</h2>
            <p style={{ whiteSpace: 'pre-wrap' }} data-testid="briefing-text">
              {view.briefing}
            </p>
          </section>
        ) : null}

        <section aria-labelledby="briefing-assistants-heading">
          <h2 id="briefing-assistants-heading">{t('trials.briefing.assistantsHeading')}</h2>
          {view.assistants.map((a) => (
            <div key={a.id} data-testid={`briefing-assistant-${a.id}`}>
              <h3>{a.name}</h3>
              <p>{a.whatItIs}</p>
              {a.failureModes.length ? (
                <>
                  <h4>{t('trials.briefing.failureModes')}</h4>
                  <ul>
                    {a.failureModes.map((f) => (
                      <li key={f}>{f}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          ))}
        </section>

        <section aria-labelledby="briefing-policy-heading">
          <h2 id="briefing-policy-heading">{t('trials.briefing.policyHeading', { title: view.policy.title })}</h2>
          {sections.map(({ key, rules }) => (
            <section key={key} aria-labelledby={`briefing-${key}`}>
              <h3 id={`briefing-${key}`}>{t(`trials.briefing.${key}`)}</h3>
              {rules.length ? (
                <ul>
                  {rules.map((r) => (
                    <li key={r.code}>{pick(r)}</li>
                  ))}
                </ul>
              ) : (
                <p>{t('trials.briefing.noRules')}</p>
              )}
            </section>
          ))}
          <p>
            <Link to={`/datapolitikker/${encodeURIComponent(view.policy.id)}`}>{t('trials.briefing.fullPolicy')}</Link>
          </p>
        </section>

        {view.acknowledged ? (
          <div data-testid="briefing-acknowledged">
            <Alert variant="success">
              <p className="m-0">
                {view.briefedAt
                  ? t('trials.briefing.alreadyAt', { date: formatDateTime(view.briefedAt, i18n.language) })
                  : t('trials.briefing.already')}
              </p>
            </Alert>
            <p>
              <Link to={trialPath}>{t('trials.briefing.backToTrial')}</Link>
            </p>
          </div>
        ) : (
          <form onSubmit={onSubmit} noValidate data-testid="briefing-form">
            <ErrorSummary ref={summaryRef} items={items} testId="briefing-errors" />
            <CheckboxField
              id={CHECKBOX_ID}
              label={t('trials.briefing.understood')}
              checked={understood}
              error={error ?? undefined}
              onChange={(e) => {
                setUnderstood(e.target.checked);
                setError(null);
              }}
            />
            <Button variant="primary" type="submit" disabled={acknowledge.isPending}>
              {t('trials.briefing.acknowledge')}
            </Button>
          </form>
        )}
      </Page>
    </>
  );
}
