import type { BriefingView } from '@contracts/trials.js';
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
  const { t } = useTranslation();
  const briefing = useBriefing(trialId);
  const trialPath = `/proevehandlinger/${encodeURIComponent(trialId)}`;
  const acknowledgement = useAcknowledgement(trialId, trialPath);

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

        <BriefingAssistants assistants={view.assistants} />
        <BriefingPolicy policy={view.policy} />

        {view.acknowledged ? (
          <Acknowledged briefedAt={view.briefedAt} trialPath={trialPath} />
        ) : (
          <AcknowledgeForm form={acknowledgement} briefingRevision={view.briefingRevision} />
        )}
      </Page>
    </>
  );
}

/** What each assistant is and how it fails. */
function BriefingAssistants({ assistants }: { assistants: BriefingView['assistants'] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="briefing-assistants-heading">
      <h2 id="briefing-assistants-heading">{t('trials.briefing.assistantsHeading')}</h2>
      {assistants.map((a) => (
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
  );
}

/** The policy in plain words: what a participant may, may not and must do, and a link to the whole policy. */
function BriefingPolicy({ policy }: { policy: BriefingView['policy'] }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const sections = [
    { key: 'may', rules: policy.plain.may },
    { key: 'mayNot', rules: policy.plain.mayNot },
    { key: 'must', rules: policy.plain.must },
  ] as const;
  return (
    <section aria-labelledby="briefing-policy-heading">
      <h2 id="briefing-policy-heading">{t('trials.briefing.policyHeading', { title: policy.title })}</h2>
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
        <Link to={`/datapolitikker/${encodeURIComponent(policy.id)}`}>{t('trials.briefing.fullPolicy')}</Link>
      </p>
    </section>
  );
}

/** The current revision is already read: when, and the way back to the trial. */
function Acknowledged({ briefedAt, trialPath }: { briefedAt: string | null; trialPath: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div data-testid="briefing-acknowledged">
      <Alert variant="success">
        <p className="m-0">
          {briefedAt ? t('trials.briefing.alreadyAt', { date: formatDateTime(briefedAt, i18n.language) }) : t('trials.briefing.already')}
        </p>
      </Alert>
      <p>
        <Link to={trialPath}>{t('trials.briefing.backToTrial')}</Link>
      </p>
    </div>
  );
}

/**
 * "I have read and understood": the checkbox, its error and the submit that records the revision read, then goes
 * back to the trial. Held by the page, so the answer to a sent acknowledgement still arrives when the form has
 * given way to "already read".
 */
function useAcknowledgement(trialId: string, trialPath: string) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const acknowledge = useAcknowledgeBriefing(trialId);
  const [understood, setUnderstood] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { summaryRef, failedAttempt } = useErrorSummaryFocus();

  const submit = (briefingRevision: number) => {
    if (!understood) {
      setError(t('trials.briefing.mustCheck'));
      failedAttempt();
      return;
    }
    setError(null);
    acknowledge.mutate(
      { briefingRevision },
      {
        onSuccess: () => void navigate(trialPath, { state: { flash: 'acknowledged' } }),
        onError: (err) => {
          setError(errorMessage(err));
          failedAttempt();
        },
      },
    );
  };

  const check = (checked: boolean) => {
    setUnderstood(checked);
    setError(null);
  };

  return { understood, check, error, summaryRef, submit, pending: acknowledge.isPending };
}

function AcknowledgeForm({ form, briefingRevision }: { form: ReturnType<typeof useAcknowledgement>; briefingRevision: number }) {
  const { t } = useTranslation();
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    form.submit(briefingRevision);
  };
  const items: SummaryItem[] = form.error ? [{ fieldId: CHECKBOX_ID, message: form.error }] : [];

  return (
    <form onSubmit={onSubmit} noValidate data-testid="briefing-form">
      <ErrorSummary ref={form.summaryRef} items={items} testId="briefing-errors" />
      <CheckboxField
        id={CHECKBOX_ID}
        label={t('trials.briefing.understood')}
        checked={form.understood}
        error={form.error ?? undefined}
        onChange={(e) => form.check(e.target.checked)}
      />
      <Button variant="primary" type="submit" disabled={form.pending}>
        {t('trials.briefing.acknowledge')}
      </Button>
    </form>
  );
}
