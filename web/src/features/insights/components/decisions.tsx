import { CreateDecisionRequest, DECISION_OUTCOME_LABELS, type DecisionOutcome, type TrialDecisionView } from '@contracts/insights.js';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsyncErrorRegion, StatusRegion } from '../../../components/alert';
import { ErrorSummary, type SummaryItem } from '../../../components/error-summary';
import { TextAreaField } from '../../../components/form-fields';
import { fieldErrorsFrom } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useLocalized } from '../../../lib/localized';
import { useCreateDecision, useSetPublication } from '../api/insights';

const OUTCOMES: readonly DecisionOutcome[] = ['ADOPT', 'ADJUST', 'STOP'];
type Field = 'outcome' | 'rationale' | 'evidence';
const fieldId = (f: Field) => `decision-${f}`;

/** Indfør / Justér / Stop with a rationale and the evidence it rests on. The server audits it. */
export function DecisionForm({ trialId, disabledReason }: { trialId: string; disabledReason: string | null }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const create = useCreateDecision(trialId);
  const [outcome, setOutcome] = useState<DecisionOutcome | ''>('');
  const [rationale, setRationale] = useState('');
  const [evidence, setEvidence] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (attempt > 0) summaryRef.current?.focus();
  }, [attempt]);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSaved(null);
    const found: Partial<Record<Field, string>> = {};
    if (!outcome) found.outcome = t('insights.decision.chooseOutcome');
    const parsed = CreateDecisionRequest.safeParse({ outcome: outcome || undefined, rationale, evidence });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        if ((key === 'rationale' || key === 'evidence') && !found[key]) found[key] = issue.message;
      }
    }
    if (!parsed.success || Object.keys(found).length > 0) {
      setErrors(found);
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: () => {
        setOutcome('');
        setRationale('');
        setEvidence('');
        setSaved(t('insights.decision.saved'));
      },
      onError: (err) => {
        const fields = fieldErrorsFrom(err) as Partial<Record<Field, string>>;
        if (Object.keys(fields).length) {
          setErrors(fields);
          setAttempt((n) => n + 1);
        }
      },
    });
  };

  const items: SummaryItem[] = (['outcome', 'rationale', 'evidence'] as const)
    .filter((f) => errors[f])
    .map((f) => ({ fieldId: f === 'outcome' ? `${fieldId('outcome')}-ADOPT` : fieldId(f), message: errors[f] ?? '' }));
  const serverError = create.error && Object.keys(fieldErrorsFrom(create.error)).length === 0 ? create.error : null;

  return (
    <div data-testid="decision-form-block">
      <h3>{t('insights.decision.formHeading')}</h3>
      {disabledReason ? (
        <p data-testid="decision-disabled">{disabledReason}</p>
      ) : (
        <form onSubmit={onSubmit} noValidate data-testid="decision-form">
          <ErrorSummary ref={summaryRef} items={items} testId="decision-errors" />
          <AsyncErrorRegion error={serverError} testId="decision-error" />
          <fieldset
            className={`form-group${errors.outcome ? ' form-error' : ''}`}
            aria-describedby={errors.outcome ? `${fieldId('outcome')}-error` : undefined}
          >
            <legend className="form-label">{t('insights.decision.outcome')}</legend>
            {errors.outcome ? (
              <span className="form-error-message" id={`${fieldId('outcome')}-error`}>
                <span className="sr-only">{t('errors.prefix')} </span>
                {errors.outcome}
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
                    onChange={() => setOutcome(o)}
                  />
                  <label htmlFor={`${fieldId('outcome')}-${o}`}>
                    {pick(DECISION_OUTCOME_LABELS[o])} – {t(`insights.decision.outcomeHint.${o}`)}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <TextAreaField
            id={fieldId('rationale')}
            label={t('insights.decision.rationale')}
            hint={t('insights.decision.rationaleHint')}
            rows={4}
            value={rationale}
            error={errors.rationale}
            onChange={(e) => setRationale(e.target.value)}
          />
          <TextAreaField
            id={fieldId('evidence')}
            label={t('insights.decision.evidence')}
            hint={t('insights.decision.evidenceHint')}
            rows={3}
            value={evidence}
            error={errors.evidence}
            onChange={(e) => setEvidence(e.target.value)}
          />
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending ? t('insights.decision.saving') : t('insights.decision.submit')}
          </button>
        </form>
      )}
      <StatusRegion message={saved} testId="decision-status" />
    </div>
  );
}

export function DecisionList({ decisions }: { decisions: TrialDecisionView[] }) {
  const { t, i18n } = useTranslation();
  const pick = useLocalized();
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
        </li>
      ))}
    </ol>
  );
}

/** Publishing in the public AI register: what it means is said next to the switch, before anyone flips it. */
export function PublicationToggle({ trialId, published, canPublish }: { trialId: string; published: boolean; canPublish: boolean }) {
  const { t } = useTranslation();
  const set = useSetPublication(trialId);
  const [message, setMessage] = useState<string | null>(null);
  // The choice shows at once while it is saved; afterwards the saved value (or the old one if saving failed).
  const [choice, setChoice] = useState<boolean | null>(null);
  return (
    <section aria-labelledby="publication-heading" className="mt-6" data-testid="publication">
      <h2 id="publication-heading">{t('insights.publication.heading')}</h2>
      <p id="publication-explanation">{t('insights.publication.explanation')}</p>
      {canPublish ? (
        <div className="form-group">
          <input
            id="publication-toggle"
            type="checkbox"
            className="form-checkbox"
            checked={choice ?? published}
            disabled={set.isPending}
            aria-describedby="publication-explanation"
            onChange={(e) => {
              const next = e.target.checked;
              setMessage(null);
              setChoice(next);
              set.mutate(next, {
                onSuccess: () => setMessage(next ? t('insights.publication.published') : t('insights.publication.unpublished')),
                onSettled: () => setChoice(null),
              });
            }}
          />
          <label htmlFor="publication-toggle">{t('insights.publication.toggle')}</label>
        </div>
      ) : (
        <p data-testid="publication-draft">{t('insights.publication.draft')}</p>
      )}
      <StatusRegion message={message} testId="publication-status" />
      <AsyncErrorRegion error={set.error} />
    </section>
  );
}
