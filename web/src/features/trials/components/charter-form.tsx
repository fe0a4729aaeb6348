import type { AssistantId } from '@contracts/policies.js';
import {
  CharterLooseningDetails,
  CreateTrialRequest,
  type TrialDetail,
  type TrialQuestion,
  type UpdateTrialRequest,
} from '@contracts/trials.js';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../../components/alert';
import { useErrorMessage } from '../../../components/error-message';
import { ErrorSummary, type SummaryItem, useErrorSummaryFocus } from '../../../components/error-summary';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../components/form-fields';
import { fieldErrorsFrom, isApiError } from '../../../lib/api-client';
import { useLocalized } from '../../../lib/localized';
import { useCurrentUser } from '../../../lib/session';
import { useFieldErrors } from '../../../lib/use-field-errors';
import { useUnsavedChanges } from '../../../lib/use-unsaved-changes';
import { useCreateTrial, usePolicyChoices, useUnitChoices, useUpdateTrial } from '../api/trial';
import { useAssistantList } from './assistant-list';
import { CriteriaFieldset, criterionFieldId, criterionOf, draftOf, type CriterionDraft } from './criteria-fieldset';
import { Button, buttonClass } from '../../../components/button';

export const ASSISTANT_IDS: readonly AssistantId[] = ['letter', 'minutes', 'documents'];
export const MAX_QUESTIONS = 10;

const FIELDS = [
  'title',
  'purpose',
  'hypothesis',
  'successCriteria',
  'policyId',
  'assistants',
  'unitId',
  'startsAt',
  'endsAt',
  'briefing',
  'questions',
  'criteria',
  'possiblyHighRisk',
] as const;
type Field = (typeof FIELDS)[number];
const isField = (k: unknown): k is Field => (FIELDS as readonly unknown[]).includes(k);
export const charterFieldId = (f: Field) => (f === 'assistants' ? 'charter-assistants-letter' : `charter-${f}`);
const questionFieldId = (i: number) => `charter-question-${i}`;

interface Values {
  title: string;
  purpose: string;
  hypothesis: string;
  successCriteria: string;
  assistants: AssistantId[];
  policyId: string;
  unitId: string;
  startsAt: string;
  endsAt: string;
  briefing: string;
  questions: TrialQuestion[];
  criteria: CriterionDraft[];
  possiblyHighRisk: boolean;
}

const EMPTY: Values = {
  title: '',
  purpose: '',
  hypothesis: '',
  successCriteria: '',
  assistants: [],
  policyId: '',
  unitId: '',
  startsAt: '',
  endsAt: '',
  briefing: '',
  questions: [],
  criteria: [],
  possiblyHighRisk: false,
};

/** The date part of an ISO date-time, for a date field. */
const dateOnly = (iso: string) => iso.slice(0, 10);

function valuesOf(trial: TrialDetail): Values {
  return {
    title: trial.title,
    purpose: trial.purpose,
    hypothesis: trial.hypothesis,
    successCriteria: trial.successCriteria,
    assistants: [...trial.assistants],
    policyId: trial.policy.id,
    unitId: trial.unit.id,
    startsAt: dateOnly(trial.startsAt),
    endsAt: dateOnly(trial.endsAt),
    briefing: trial.briefing,
    questions: trial.questions.map((q) => ({ ...q })),
    criteria: trial.criteria.map(draftOf),
    possiblyHighRisk: trial.possiblyHighRisk,
  };
}

let questionSeq = 0;
const newQuestionId = () => `q-${Date.now().toString(36)}-${(questionSeq++).toString(36)}`;

type FieldErrors = Partial<Record<Field, string> & { questionTexts: Record<number, string>; criterionThresholds: Record<number, string> }>;

/**
 * Create or edit a trial's charter. The contract's rules are checked here first so the person gets every
 * problem at once; the server checks them again. An edit sends only what changed, with the version the editor
 * started from, so the server can tell when someone else changed the charter in the meantime.
 */
export function CharterForm({ trial, onReload }: { trial?: TrialDetail; onReload?: () => void }) {
  const { t } = useTranslation();
  const assistantList = useAssistantList();
  const pick = useLocalized();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const isDigital = user.role === 'DIGITAL_UNIT';
  const policies = usePolicyChoices();
  const units = useUnitChoices(isDigital && !trial);
  const create = useCreateTrial();
  const update = useUpdateTrial(trial?.id ?? '');
  const initial = trial ? valuesOf(trial) : EMPTY;
  const [values, setValues] = useState<Values>(initial);
  const { errors, setErrors, clear } = useFieldErrors<Record<Field, string> & { questionTexts: Record<number, string>; criterionThresholds: Record<number, string> }>();
  const [formError, setFormError] = useState<string | null>(null);
  const [loosening, setLoosening] = useState<{ message: string; items: string[]; body: UpdateTrialRequest } | null>(null);
  const [conflicted, setConflicted] = useState<string | null>(null);
  const { summaryRef, failedAttempt } = useErrorSummaryFocus();
  const looseningRef = useRef<HTMLDivElement>(null);
  const pending = create.isPending || update.isPending;
  // Compared with what the form started from, so typing and then undoing it does not count as a change.
  const unsaved = useUnsavedChanges(JSON.stringify(values) !== JSON.stringify(initial));

  useEffect(() => {
    if (loosening) looseningRef.current?.focus();
  }, [loosening]);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    // The field's error from the last attempt is stale once it is edited. So is an end date "before the start"
    // once the start moves, the question errors (by position) once the list changes, and whether the assistants
    // fit the policy, which is said live below.
    if (key === 'startsAt') clear('startsAt', 'endsAt');
    else if (key === 'questions') clear('questions', 'questionTexts');
    else if (key === 'criteria') clear('criteria', 'criterionThresholds');
    else if (key === 'policyId') clear('policyId', 'assistants');
    else clear(key);
  };

  // The charter and its policy agree: only the assistants the chosen policy allows are offered. One already
  // chosen that the policy does not allow stays in view, marked, so the person removes it themselves: their
  // choice is never dropped silently, and the charter is not saved until it fits.
  const chosenPolicy = policies.data?.policies.find((p) => p.id === values.policyId);
  const offered = chosenPolicy
    ? ASSISTANT_IDS.filter((a) => chosenPolicy.assistants.includes(a) || values.assistants.includes(a))
    : ASSISTANT_IDS;
  const notAllowed = chosenPolicy ? values.assistants.filter((a) => !chosenPolicy.assistants.includes(a)) : [];
  const notAllowedText =
    chosenPolicy && notAllowed.length
      ? t('trials.form.validation.assistantsNotAllowed', {
          count: notAllowed.length,
          policy: pick(chosenPolicy.title),
          assistants: assistantList(notAllowed),
        })
      : null;

  const fail = (fields: FieldErrors, general: string | null) => {
    setErrors(fields);
    setFormError(general);
    failedAttempt();
  };

  /** Mirrors CreateTrialRequest, with the form's own wording for each field. */
  const validate = (): FieldErrors => {
    const input = {
      ...values,
      criteria: values.criteria.map(criterionOf),
      unitId: values.unitId || undefined,
      startsAt: values.startsAt,
      endsAt: values.endsAt,
    };
    const parsed = CreateTrialRequest.safeParse(input);
    const fields: FieldErrors = notAllowedText ? { assistants: notAllowedText } : {};
    if (parsed.success) return fields;
    for (const issue of parsed.error.issues) {
      const [key, index] = issue.path;
      if (key === 'questions' && typeof index === 'number') {
        fields.questionTexts = { ...fields.questionTexts, [index]: issue.message };
        continue;
      }
      if (key === 'criteria' && typeof index === 'number') {
        fields.criterionThresholds = { ...fields.criterionThresholds, [index]: t('trials.form.criterionThresholdInvalid') };
        continue;
      }
      if (!isField(key) || fields[key]) continue;
      if (key === 'endsAt') fields.endsAt = values.endsAt ? t('trials.form.validation.endsBeforeStart') : t('trials.form.validation.endsAt');
      else fields[key] = t(`trials.form.validation.${key}`);
    }
    return fields;
  };

  const changedFields = (): UpdateTrialRequest => {
    const body: Record<string, unknown> = { expectedVersion: trial?.version ?? 1 };
    for (const key of Object.keys(values) as (keyof Values)[]) {
      if (key === 'unitId') continue;
      if (JSON.stringify(values[key]) !== JSON.stringify(initial[key])) body[key] = key === 'criteria' ? values.criteria.map(criterionOf) : values[key];
    }
    return body as UpdateTrialRequest;
  };

  const onServerError = (error: unknown, body?: UpdateTrialRequest) => {
    if (isApiError(error) && error.code === 'CHARTER_LOOSENING_NEEDS_CONFIRMATION' && body) {
      const details = CharterLooseningDetails.safeParse(error.details);
      setErrors({});
      setFormError(null);
      setLoosening({ message: errorMessage(error), items: details.success ? details.data.loosened.map((l) => l.da) : [], body });
      return;
    }
    if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
      setErrors({});
      setFormError(null);
      setConflicted(errorMessage(error));
      return;
    }
    const fromServer = fieldErrorsFrom(error);
    const fields: FieldErrors = {};
    for (const [k, msg] of Object.entries(fromServer)) if (isField(k)) fields[k] = msg;
    if (isApiError(error) && error.code === 'UNKNOWN_POLICY') fields.policyId = errorMessage(error);
    if (isApiError(error) && error.code === 'ASSISTANT_NOT_ALLOWED_BY_POLICY') fields.assistants = errorMessage(error);
    fail(fields, Object.keys(fields).length ? null : errorMessage(error));
  };

  const saveUpdate = (body: UpdateTrialRequest) => {
    if (!trial) return;
    update.mutate(body, {
      onSuccess: ({ trial: saved }) => {
        unsaved.allowLeaving();
        void navigate(`/proevehandlinger/${encodeURIComponent(saved.id)}`, { state: { flash: 'saved' } });
      },
      onError: (error) => onServerError(error, body),
    });
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setLoosening(null);
    const fields = validate();
    if (Object.keys(fields).length) {
      fail(fields, null);
      return;
    }
    if (trial) {
      saveUpdate(changedFields());
      return;
    }
    const body = CreateTrialRequest.parse({ ...values, criteria: values.criteria.map(criterionOf), unitId: isDigital && values.unitId ? values.unitId : undefined });
    create.mutate(body, {
      onSuccess: ({ trial: created }) => {
        unsaved.allowLeaving();
        void navigate(`/proevehandlinger/${encodeURIComponent(created.id)}`, { state: { flash: 'created' } });
      },
      onError: (error) => onServerError(error),
    });
  };

  const toggleAssistant = (a: AssistantId, on: boolean) =>
    set('assistants', on ? ASSISTANT_IDS.filter((x) => x === a || values.assistants.includes(x)) : values.assistants.filter((x) => x !== a));

  const items: SummaryItem[] = [
    ...(formError ? [{ message: formError }] : []),
    ...FIELDS.flatMap((f) =>
      errors[f] ? [{ fieldId: f === 'assistants' ? `charter-assistants-${notAllowed[0] ?? offered[0] ?? 'letter'}` : charterFieldId(f), message: errors[f] }] : [],
    ),
    ...Object.entries(errors.questionTexts ?? {}).map(([i, message]) => ({ fieldId: questionFieldId(Number(i)), message })),
    ...Object.entries(errors.criterionThresholds ?? {}).map(([i, message]) => ({ fieldId: criterionFieldId(Number(i)), message })),
  ];
  const cancelTo = trial ? `/proevehandlinger/${encodeURIComponent(trial.id)}` : '/proevehandlinger';

  if (conflicted) {
    return (
      <div aria-live="assertive" data-testid="charter-conflict">
        <Alert variant="warning" heading={t('trials.form.conflictHeading')}>
          <p>{conflicted}</p>
          <p className="m-0">{t('trials.form.conflictText')}</p>
        </Alert>
        <Button variant="primary" type="button" onClick={() => onReload?.()}>
          {t('trials.form.reload')}
        </Button>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate data-testid="charter-form" aria-label={t('trials.form.formLabel')}>
      <ErrorSummary ref={summaryRef} items={items} testId="charter-errors" />
      {loosening ? (
        <div ref={looseningRef} tabIndex={-1} data-testid="charter-loosening">
          <Alert variant="warning" heading={t('trials.form.looseningHeading')}>
            <p>{loosening.message}</p>
            {loosening.items.length ? (
              <ul>
                {loosening.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            ) : null}
            <div className="mt-4">
              <Button variant="primary"
                type="button"
                disabled={pending}
                onClick={() => saveUpdate({ ...loosening.body, confirmLoosening: true })}
              >
                {t('trials.form.confirmLoosening')}
              </Button>
              <Button variant="secondary" type="button" className="ml-4" onClick={() => setLoosening(null)}>
                {t('trials.form.cancelLoosening')}
              </Button>
            </div>
          </Alert>
        </div>
      ) : null}

      <TextField
        id={charterFieldId('title')}
        label={t('trials.form.title')}
        required
        value={values.title}
        error={errors.title}
        onChange={(e) => set('title', e.target.value)}
      />
      <TextAreaField
        id={charterFieldId('purpose')}
        label={t('trials.form.purpose')}
        hint={t('trials.form.purposeHint')}
        required
        rows={3}
        value={values.purpose}
        error={errors.purpose}
        onChange={(e) => set('purpose', e.target.value)}
      />
      <TextAreaField
        id={charterFieldId('hypothesis')}
        label={t('trials.form.hypothesis')}
        hint={t('trials.form.hypothesisHint')}
        rows={3}
        value={values.hypothesis}
        error={errors.hypothesis}
        onChange={(e) => set('hypothesis', e.target.value)}
      />
      <TextAreaField
        id={charterFieldId('successCriteria')}
        label={t('trials.form.successCriteria')}
        hint={t('trials.form.successCriteriaHint')}
        rows={3}
        value={values.successCriteria}
        error={errors.successCriteria}
        onChange={(e) => set('successCriteria', e.target.value)}
      />
      <CriteriaFieldset
        criteria={values.criteria}
        errors={errors.criterionThresholds}
        listError={errors.criteria}
        onChange={(next) => set('criteria', next)}
      />

      <SelectField
        id={charterFieldId('policyId')}
        label={t('trials.form.policy')}
        hint={t('trials.form.policyHint')}
        required
        value={values.policyId}
        error={errors.policyId}
        onChange={(e) => set('policyId', e.target.value)}
      >
        <option value="">{policies.isPending ? t('app.loading') : t('trials.form.choosePolicy')}</option>
        {(policies.data?.policies ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {pick(p.title)} ({p.status === 'APPROVED' ? t('trials.form.policyApproved') : t('trials.form.policyAwaiting')})
          </option>
        ))}
      </SelectField>

      <fieldset
        className={`form-group${errors.assistants ? ' form-error' : ''}`}
        aria-describedby={errors.assistants ? 'charter-assistants-hint charter-assistants-error' : 'charter-assistants-hint'}
      >
        <legend className="form-label">{t('trials.form.assistants')}</legend>
        <p className="form-hint" id="charter-assistants-hint">
          {t('trials.form.assistantsHint')}
        </p>
        {errors.assistants ? (
          <span className="form-error-message" id="charter-assistants-error">
            {errors.assistants}
          </span>
        ) : null}
        <div aria-live="polite" data-testid="charter-assistants-notice">
          {notAllowedText && notAllowedText !== errors.assistants ? (
            <Alert variant="warning" heading={t('trials.form.assistantsNotAllowedHeading')} headingLevel={3}>
              <p className="m-0">{notAllowedText}</p>
            </Alert>
          ) : null}
        </div>
        <ul className="nobullet-list">
          {offered.map((a) => (
            <li key={a}>
              <input
                id={`charter-assistants-${a}`}
                type="checkbox"
                className="form-checkbox"
                checked={values.assistants.includes(a)}
                onChange={(e) => toggleAssistant(a, e.target.checked)}
              />
              <label htmlFor={`charter-assistants-${a}`}>
                {t(`trials.form.assistantOptions.${a}`)}
                {notAllowed.includes(a) ? <strong> ({t('trials.form.notAllowedByPolicy')})</strong> : null}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      {isDigital && !trial ? (
        <SelectField
          id={charterFieldId('unitId')}
          label={t('trials.form.unit')}
          hint={t('trials.form.unitHint')}
          value={values.unitId}
          error={errors.unitId}
          onChange={(e) => set('unitId', e.target.value)}
        >
          <option value="">{t('trials.form.ownUnit')}</option>
          {(units.data?.units ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
      ) : null}

      <TextField
        id={charterFieldId('startsAt')}
        type="date"
        label={t('trials.form.startsAt')}
        required
        className="input-width-s"
        value={values.startsAt}
        error={errors.startsAt}
        onChange={(e) => set('startsAt', e.target.value)}
      />
      <TextField
        id={charterFieldId('endsAt')}
        type="date"
        label={t('trials.form.endsAt')}
        required
        className="input-width-s"
        value={values.endsAt}
        error={errors.endsAt}
        onChange={(e) => set('endsAt', e.target.value)}
      />
      <TextAreaField
        id={charterFieldId('briefing')}
        label={t('trials.form.briefing')}
        hint={t('trials.form.briefingHint')}
        rows={6}
        value={values.briefing}
        error={errors.briefing}
        onChange={(e) => set('briefing', e.target.value)}
      />
      <div className="form-group">
        <CheckboxField
          id={charterFieldId('possiblyHighRisk')}
          label={t('trials.form.possiblyHighRisk')}
          hint={t('trials.form.possiblyHighRiskHint')}
          checked={values.possiblyHighRisk}
          onChange={(e) => set('possiblyHighRisk', e.target.checked)}
        />
      </div>

      <fieldset className="form-group" data-testid="charter-questions">
        <legend className="form-label">{t('trials.form.questions')}</legend>
        <p className="form-hint" id="charter-questions-hint">
          {t('trials.form.questionsHint', { max: MAX_QUESTIONS })}
        </p>
        {errors.questions ? <p className="form-error-message">{errors.questions}</p> : null}
        {values.questions.map((q, i) => (
          <div key={q.id} className="mb-4">
            <TextField
              id={questionFieldId(i)}
              label={t('trials.form.questionLabel', { n: i + 1 })}
              value={q.text}
              error={errors.questionTexts?.[i]}
              onChange={(e) =>
                set(
                  'questions',
                  values.questions.map((x) => (x.id === q.id ? { ...x, text: e.target.value } : x)),
                )
              }
            />
            <Button variant="tertiary"
              type="button"
              onClick={() => set('questions', values.questions.filter((x) => x.id !== q.id))}
            >
              {t('trials.form.removeQuestion')}
              <span className="sr-only"> {i + 1}</span>
            </Button>
          </div>
        ))}
        {values.questions.length < MAX_QUESTIONS ? (
          <Button variant="secondary"
            type="button"
            onClick={() => set('questions', [...values.questions, { id: newQuestionId(), text: '' }])}
          >
            {t('trials.form.addQuestion')}
          </Button>
        ) : (
          <p className="m-0">{t('trials.form.questionsFull', { max: MAX_QUESTIONS })}</p>
        )}
      </fieldset>

      <div className="mt-6">
        <Button variant="primary" type="submit" disabled={pending}>
          {pending ? t('trials.form.saving') : trial ? t('trials.form.saveChanges') : t('trials.form.create')}
        </Button>
        <Link to={cancelTo} className={buttonClass('tertiary', 'ml-4')}>
          {t('trials.form.cancel')}
        </Link>
      </div>
    </form>
  );
}
