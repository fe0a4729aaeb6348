import { CreateDecisionRequest, CRITERION_VERDICT_LABELS, DECISION_OUTCOME_LABELS, type DecisionOutcome, type TrialDecisionView } from '@contracts/insights.js';
import { criterionText, criterionValueText, type TrialDetail } from '@contracts/trials.js';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsyncErrorRegion, StatusRegion } from '../../../components/alert';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorSummary, type SummaryItem, useErrorSummaryFocus } from '../../../components/error-summary';
import { CheckboxField, TextAreaField } from '../../../components/form-fields';
import { fieldErrorsFrom } from '../../../lib/api-client';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useLocalized } from '../../../lib/localized';
import { useFieldErrors } from '../../../lib/use-field-errors';
import { useCreateDecision, useSetPublication } from '../api/insights';
import { useReasonText } from './measure-view';
import { Button } from '../../../components/button';

const OUTCOMES: readonly DecisionOutcome[] = ['ADOPT', 'ADJUST', 'STOP'];
type Field = 'outcome' | 'rationale' | 'evidence';
const fieldId = (f: Field) => `decision-${f}`;

type Problems = Partial<Record<Field, string>>;

/**
 * The form's problems, field by field (an outcome must be chosen; rationale and evidence as the contract says), or
 * the request to confirm when there are none.
 */
function checkDecision(
  values: { outcome: DecisionOutcome | ''; rationale: string; evidence: string },
  chooseOutcome: string,
): { problems: Problems } | { problems: null; body: CreateDecisionRequest } {
  const found: Problems = {};
  if (!values.outcome) found.outcome = chooseOutcome;
  const parsed = CreateDecisionRequest.safeParse({
    outcome: values.outcome || undefined,
    rationale: values.rationale,
    evidence: values.evidence,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if ((key === 'rationale' || key === 'evidence') && !found[key]) found[key] = issue.message;
    }
  }
  if (!parsed.success || Object.keys(found).length > 0) return { problems: found };
  return { problems: null, body: parsed.data };
}

/**
 * The decision form's state: the values, their errors, the decision waiting to be confirmed, and sending it once
 * (`sendingRef` is set in the same event as the request, before the mutation's pending flag reaches the page).
 */
function useDecisionForm(trialId: string) {
  const { t } = useTranslation();
  const create = useCreateDecision(trialId);
  const [outcome, setOutcome] = useState<DecisionOutcome | ''>('');
  const [rationale, setRationale] = useState('');
  const [evidence, setEvidence] = useState('');
  const { errors, setErrors, clear } = useFieldErrors<Record<Field, string>>();
  const [saved, setSaved] = useState<string | null>(null);
  const [toConfirm, setToConfirm] = useState<CreateDecisionRequest | null>(null);
  const [sending, setSending] = useState(false);
  const sendingRef = useRef(false);
  const { summaryRef, failedAttempt } = useErrorSummaryFocus();

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (sendingRef.current) return;
    setSaved(null);
    const checked = checkDecision({ outcome, rationale, evidence }, t('insights.decision.chooseOutcome'));
    if (checked.problems) {
      setErrors(checked.problems);
      failedAttempt();
      return;
    }
    setErrors({});
    setToConfirm(checked.body);
  };

  const send = (body: CreateDecisionRequest) => {
    setToConfirm(null);
    if (sendingRef.current) return;
    sendingRef.current = true;
    setSending(true);
    create.mutate(body, {
      onSuccess: () => {
        setOutcome('');
        setRationale('');
        setEvidence('');
        setSaved(t('insights.decision.saved'));
      },
      onError: (err) => {
        const fields = fieldErrorsFrom(err) as Problems;
        if (Object.keys(fields).length) {
          setErrors(fields);
          failedAttempt();
        }
      },
      onSettled: () => {
        sendingRef.current = false;
        setSending(false);
      },
    });
  };

  const items: SummaryItem[] = (['outcome', 'rationale', 'evidence'] as const)
    .filter((f) => errors[f])
    .map((f) => ({ fieldId: f === 'outcome' ? `${fieldId('outcome')}-ADOPT` : fieldId(f), message: errors[f] ?? '' }));
  const serverError = create.error && Object.keys(fieldErrorsFrom(create.error)).length === 0 ? create.error : null;

  return {
    values: { outcome, rationale, evidence },
    setOutcome,
    setRationale,
    setEvidence,
    errors,
    clear,
    items,
    summaryRef,
    serverError,
    saved,
    toConfirm,
    cancelConfirm: () => setToConfirm(null),
    busy: sending || create.isPending,
    onSubmit,
    send,
  };
}

/** Indfør / Justér / Stop as radio buttons, each with what it means. */
function OutcomeFieldset({
  outcome,
  error,
  onChoose,
}: {
  outcome: DecisionOutcome | '';
  error: string | undefined;
  onChoose: (o: DecisionOutcome) => void;
}) {
  const { t } = useTranslation();
  const pick = useLocalized();
  return (
    <fieldset
      className={`form-group${error ? ' form-error' : ''}`}
      aria-describedby={error ? `${fieldId('outcome')}-error` : undefined}
    >
      <legend className="form-label">{t('insights.decision.outcome')}</legend>
      {error ? (
        <span className="form-error-message" id={`${fieldId('outcome')}-error`}>
          <span className="sr-only">{t('errors.prefix')} </span>
          {error}
        </span>
      ) : null}
      <ul className="nobullet-list">
        {OUTCOMES.map((o) => (
          <li key={o}>
            <input
              id={`${fieldId('outcome')}-${o}`}
              type="radio"
              className="form-radio"
              name="decision-outcome"
              value={o}
              checked={outcome === o}
              onChange={() => onChoose(o)}
            />
            <label htmlFor={`${fieldId('outcome')}-${o}`}>
              {pick(DECISION_OUTCOME_LABELS[o])} – {t(`insights.decision.outcomeHint.${o}`)}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** The question before a decision is sent: what it says, whether the public register may show it, and that it is final. */
function ConfirmDecisionDialog({
  decision,
  published,
  onConfirm,
  onCancel,
}: {
  decision: CreateDecisionRequest;
  published: boolean | undefined;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const pick = useLocalized();
  return (
    <ConfirmDialog
      title={t('insights.decision.confirmTitle')}
      confirmLabel={t('insights.decision.confirm')}
      cancelLabel={t('insights.decision.cancel')}
      onConfirm={onConfirm}
      onCancel={onCancel}
      testId="decision-confirm"
    >
      <p>{t('insights.decision.confirmIntro')}</p>
      <dl>
        <dt>{t('insights.decision.outcome')}</dt>
        <dd>
          <strong>{pick(DECISION_OUTCOME_LABELS[decision.outcome])}</strong> – {t(`insights.decision.outcomeHint.${decision.outcome}`)}
        </dd>
        <dt>{t('insights.decision.rationale')}</dt>
        <dd style={{ whiteSpace: 'pre-wrap' }}>{decision.rationale}</dd>
        <dt>{t('insights.decision.evidence')}</dt>
        <dd style={{ whiteSpace: 'pre-wrap' }}>{decision.evidence?.trim() ? decision.evidence : t('insights.decision.noEvidence')}</dd>
      </dl>
      <p>
        <strong>
          {published === undefined
            ? t('insights.decision.confirmMaybePublic')
            : published
              ? t('insights.decision.confirmPublic')
              : t('insights.decision.confirmNotPublic')}
        </strong>
      </p>
      <p className="mb-0">{t('insights.decision.confirmFinal')}</p>
    </ConfirmDialog>
  );
}

/**
 * Indfør / Justér / Stop with a rationale and the evidence it rests on. The server audits it. A decision cannot be
 * taken back and may at once be what the public AI register shows, so it is confirmed first, and sent once:
 * `sending` is set in the same event as the request (the mutation's own pending flag reaches the page a moment
 * later, time enough for a second click). `published` is undefined while the trial is still loading.
 */
export function DecisionForm({
  trialId,
  disabledReason,
  published,
}: {
  trialId: string;
  disabledReason: string | null;
  published?: boolean | undefined;
}) {
  const { t } = useTranslation();
  const form = useDecisionForm(trialId);
  const { values, errors, clear, toConfirm } = form;

  return (
    <div data-testid="decision-form-block">
      <h3>{t('insights.decision.formHeading')}</h3>
      {disabledReason ? (
        <p data-testid="decision-disabled">{disabledReason}</p>
      ) : (
        <form onSubmit={form.onSubmit} noValidate data-testid="decision-form">
          <ErrorSummary ref={form.summaryRef} items={form.items} testId="decision-errors" />
          <AsyncErrorRegion error={form.serverError} testId="decision-error" />
          <OutcomeFieldset
            outcome={values.outcome}
            error={errors.outcome}
            onChoose={(o) => {
              form.setOutcome(o);
              clear('outcome');
            }}
          />
          <TextAreaField
            id={fieldId('rationale')}
            label={t('insights.decision.rationale')}
            hint={t('insights.decision.rationaleHint')}
            rows={4}
            value={values.rationale}
            error={errors.rationale}
            onChange={(e) => {
              form.setRationale(e.target.value);
              clear('rationale');
            }}
          />
          <TextAreaField
            id={fieldId('evidence')}
            label={t('insights.decision.evidence')}
            hint={t('insights.decision.evidenceHint')}
            rows={3}
            value={values.evidence}
            error={errors.evidence}
            onChange={(e) => {
              form.setEvidence(e.target.value);
              clear('evidence');
            }}
          />
          <Button variant="primary" type="submit" disabled={form.busy}>
            {form.busy ? t('insights.decision.saving') : t('insights.decision.submit')}
          </Button>
        </form>
      )}
      {toConfirm ? (
        <ConfirmDecisionDialog
          decision={toConfirm}
          published={published}
          onConfirm={() => form.send(toConfirm)}
          onCancel={form.cancelConfirm}
        />
      ) : null}
      <StatusRegion message={form.saved} testId="decision-status" />
    </div>
  );
}

export function DecisionList({ decisions }: { decisions: TrialDecisionView[] }) {
  const { t, i18n } = useTranslation();
  const pick = useLocalized();
  const reasonText = useReasonText();
  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'da';
  if (decisions.length === 0) return <p data-testid="decisions-none">{t('insights.decision.none')}</p>;
  return (
    <ol className="nobullet-list" data-testid="decisions-list">
      {decisions.map((d) => (
        <li key={d.id} className="mb-5">
          <h3 className="h5 m-0">{pick(DECISION_OUTCOME_LABELS[d.outcome])}</h3>
          <p className="small-text m-0">
            {t('insights.decision.by', { name: d.decidedBy.name, at: formatDateTime(d.createdAt, i18n.language) })}
          </p>
          <p className="m-0" style={{ whiteSpace: 'pre-wrap' }}>
            {d.rationale}
          </p>
          {d.evidence.trim() ? (
            <p className="m-0" style={{ whiteSpace: 'pre-wrap' }}>
              <strong>{t('insights.decision.evidence')}:</strong> {d.evidence}
            </p>
          ) : null}
          {d.criteria.length ? (
            <div data-testid="decision-criteria">
              <p className="m-0 weight-semibold">{t('insights.decision.criteria')}</p>
              <ul className="m-0">
                {d.criteria.map((c) => (
                  <li key={c.criterion.id}>
                    {criterionText(c.criterion, lang)}:{' '}
                    {c.verdict && c.estimate !== null && c.low !== null && c.high !== null ? (
                      <>
                        {criterionValueText(c.criterion.measure, c.estimate, lang)} ({criterionValueText(c.criterion.measure, c.low, lang)} –{' '}
                        {criterionValueText(c.criterion.measure, c.high, lang)}), <strong>{pick(CRITERION_VERDICT_LABELS[c.verdict])}</strong>
                      </>
                    ) : (
                      reasonText(c.reason ?? '')
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

const REGISTER_FIELDS = ['title', 'purpose', 'unit', 'assistants', 'period', 'status', 'policy', 'oversight', 'decision'] as const;

/** The question before publishing: which fields the register shows, the decision it shows now, and what it never shows. */
function ConfirmPublishDialog({
  trial,
  onConfirm,
  onCancel,
}: {
  trial: TrialDetail;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const pick = useLocalized();
  const decision = trial.latestDecision;
  return (
    <ConfirmDialog
      title={t('insights.publication.confirmPublishTitle', { title: trial.title })}
      confirmLabel={t('insights.publication.confirmPublish')}
      cancelLabel={t('insights.publication.cancel')}
      onConfirm={onConfirm}
      onCancel={onCancel}
      testId="publication-confirm"
    >
      <p>{t('insights.publication.confirmPublishIntro')}</p>
      <ul data-testid="publication-fields">
        {REGISTER_FIELDS.map((f) => (
          <li key={f}>{t(`insights.publication.fields.${f}`)}</li>
        ))}
      </ul>
      <p>
        {decision
          ? t('insights.publication.decisionNow', {
              outcome: pick(DECISION_OUTCOME_LABELS[decision.outcome]),
              date: formatDate(decision.createdAt, i18n.language),
            })
          : t('insights.publication.decisionNone')}
      </p>
      <p>{t('insights.publication.notShown')}</p>
      <p className="mb-0">{t('insights.publication.followsTrial')}</p>
    </ConfirmDialog>
  );
}

function ConfirmUnpublishDialog({
  trial,
  onConfirm,
  onCancel,
}: {
  trial: TrialDetail;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t('insights.publication.confirmUnpublishTitle', { title: trial.title })}
      confirmLabel={t('insights.publication.confirmUnpublish')}
      cancelLabel={t('insights.publication.cancel')}
      onConfirm={onConfirm}
      onCancel={onCancel}
      testId="publication-confirm"
    >
      <p className="mb-0">{t('insights.publication.confirmUnpublishText')}</p>
    </ConfirmDialog>
  );
}

/**
 * Publishing in the public AI register: what it means is said next to the checkbox, and again, field by field, in a
 * question that must be answered before anything is sent (server: insights.service.ts publicRegister). Ticking or
 * unticking only asks; the checkbox shows the saved state until the answer is "Offentliggør" and the server agrees.
 */
export function PublicationToggle({ trial }: { trial: TrialDetail }) {
  const { t } = useTranslation();
  const set = useSetPublication(trial.id);
  const [message, setMessage] = useState<string | null>(null);
  const [asking, setAsking] = useState<boolean | null>(null);
  // The answer shows at once while it is saved; the saved value takes over when the trial arrives again (the old
  // one if saving failed), so the box does not flick back in between.
  const [choice, setChoice] = useState<boolean | null>(null);
  useEffect(() => setChoice(null), [trial.published]);
  const canPublish = trial.status !== 'DRAFT';

  const send = (next: boolean) => {
    setAsking(null);
    setMessage(null);
    setChoice(next);
    set.mutate(next, {
      onSuccess: () => setMessage(next ? t('insights.publication.published') : t('insights.publication.unpublished')),
      onError: () => setChoice(null),
    });
  };

  return (
    <section aria-labelledby="publication-heading" className="mt-6" data-testid="publication">
      <h2 id="publication-heading">{t('insights.publication.heading')}</h2>
      <p id="publication-explanation">{t('insights.publication.explanation')}</p>
      {canPublish ? (
        <div className="form-group">
          <CheckboxField
            id="publication-toggle"
            label={t('insights.publication.toggle')}
            checked={choice ?? trial.published}
            disabled={set.isPending}
            aria-describedby="publication-explanation"
            onChange={(e) => {
              setMessage(null);
              setAsking(e.target.checked);
            }}
          />
        </div>
      ) : (
        <p data-testid="publication-draft">{t('insights.publication.draft')}</p>
      )}
      {asking === true ? (
        <ConfirmPublishDialog trial={trial} onConfirm={() => send(true)} onCancel={() => setAsking(null)} />
      ) : null}
      {asking === false ? (
        <ConfirmUnpublishDialog trial={trial} onConfirm={() => send(false)} onCancel={() => setAsking(null)} />
      ) : null}
      <StatusRegion message={message} testId="publication-status" />
      <AsyncErrorRegion error={set.error} />
    </section>
  );
}
