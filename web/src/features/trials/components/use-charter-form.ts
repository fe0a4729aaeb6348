import { CharterLooseningDetails, CreateTrialRequest, type TrialDetail, type UpdateTrialRequest } from '@contracts/trials.js';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useErrorMessage } from '../../../components/error-message';
import { type SummaryItem, useErrorSummaryFocus } from '../../../components/error-summary';
import { fieldErrorsFrom, isApiError } from '../../../lib/api-client';
import { useLocalized } from '../../../lib/localized';
import { useCurrentUser } from '../../../lib/session';
import { useFieldErrors } from '../../../lib/use-field-errors';
import { useUnsavedChanges } from '../../../lib/use-unsaved-changes';
import { useCreateTrial, usePolicyChoices, useUnitChoices, useUpdateTrial } from '../api/trial';
import { useAssistantList } from './assistant-list';
import {
  ASSISTANT_IDS,
  changedFields,
  type CharterErrors,
  charterFieldId,
  EMPTY,
  FIELDS,
  type FieldErrors,
  isField,
  questionFieldId,
  type SetValue,
  type Values,
  valuesOf,
} from './charter-values';
import { criterionFieldId, criterionOf } from './criteria-fieldset';

/** A save the server holds back because it loosens the charter: what it says, what loosens, and the body to resend. */
export interface Loosening {
  message: string;
  items: string[];
  body: UpdateTrialRequest;
}

/** What a refused save means for the form. */
type Refusal =
  | { kind: 'loosening'; loosening: Loosening }
  | { kind: 'conflict'; message: string }
  | { kind: 'fields'; fields: FieldErrors; general: string | null };

export type AssistantFit = ReturnType<typeof useAssistantFit>;

/**
 * The charter and its policy agree: only the assistants the chosen policy allows are offered. One already
 * chosen that the policy does not allow stays in view, marked, so the person removes it themselves: their
 * choice is never dropped silently, and the charter is not saved until it fits.
 */
export function useAssistantFit(values: Values) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const assistantList = useAssistantList();
  const policies = usePolicyChoices();
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
  return { policies, offered, notAllowed, notAllowedText };
}

/** Mirrors CreateTrialRequest, with the form's own wording for each field. */
function useCharterValidation() {
  const { t } = useTranslation();
  return (values: Values, notAllowedText: string | null): FieldErrors => {
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
}

/** Reads the server's refusal: a loosening to confirm, someone else's change in the meantime, or field errors. */
function useRefusalOf() {
  const errorMessage = useErrorMessage();
  return (error: unknown, body?: UpdateTrialRequest): Refusal => {
    if (isApiError(error) && error.code === 'CHARTER_LOOSENING_NEEDS_CONFIRMATION' && body) {
      const details = CharterLooseningDetails.safeParse(error.details);
      return {
        kind: 'loosening',
        loosening: { message: errorMessage(error), items: details.success ? details.data.loosened.map((l) => l.da) : [], body },
      };
    }
    if (isApiError(error) && error.code === 'VERSION_CONFLICT') return { kind: 'conflict', message: errorMessage(error) };
    const fromServer = fieldErrorsFrom(error);
    const fields: FieldErrors = {};
    for (const [k, msg] of Object.entries(fromServer)) if (isField(k)) fields[k] = msg;
    if (isApiError(error) && error.code === 'UNKNOWN_POLICY') fields.policyId = errorMessage(error);
    if (isApiError(error) && error.code === 'ASSISTANT_NOT_ALLOWED_BY_POLICY') fields.assistants = errorMessage(error);
    return { kind: 'fields', fields, general: Object.keys(fields).length ? null : errorMessage(error) };
  };
}

/** What the form tells the person after an attempt: field errors, a general error, a loosening to confirm, a conflict. */
function useCharterFeedback() {
  const { errors, setErrors, clear } = useFieldErrors<CharterErrors>();
  const [formError, setFormError] = useState<string | null>(null);
  const [loosening, setLoosening] = useState<Loosening | null>(null);
  const [conflicted, setConflicted] = useState<string | null>(null);
  const { summaryRef, failedAttempt } = useErrorSummaryFocus();
  const looseningRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (loosening) looseningRef.current?.focus();
  }, [loosening]);

  const fail = (fields: FieldErrors, general: string | null) => {
    setErrors(fields);
    setFormError(general);
    failedAttempt();
  };

  const refused = (refusal: Refusal) => {
    if (refusal.kind === 'fields') {
      fail(refusal.fields, refusal.general);
      return;
    }
    setErrors({});
    setFormError(null);
    if (refusal.kind === 'loosening') setLoosening(refusal.loosening);
    else setConflicted(refusal.message);
  };

  return { errors, clear, formError, loosening, setLoosening, conflicted, summaryRef, looseningRef, fail, refused };
}

/** Sends a new charter or an edit, and opens the trial with its flash message once the server has it. */
function useCharterSave(trial: TrialDetail | undefined, allowLeaving: () => void, refused: (refusal: Refusal) => void) {
  const navigate = useNavigate();
  const create = useCreateTrial();
  const update = useUpdateTrial(trial?.id ?? '');
  const refusalOf = useRefusalOf();

  const openTrial = (id: string, flash: 'created' | 'saved') => {
    allowLeaving();
    void navigate(`/proevehandlinger/${encodeURIComponent(id)}`, { state: { flash } });
  };

  const saveUpdate = (body: UpdateTrialRequest) => {
    if (!trial) return;
    update.mutate(body, {
      onSuccess: ({ trial: saved }) => openTrial(saved.id, 'saved'),
      onError: (error) => refused(refusalOf(error, body)),
    });
  };

  const saveNew = (body: CreateTrialRequest) =>
    create.mutate(body, {
      onSuccess: ({ trial: created }) => openTrial(created.id, 'created'),
      onError: (error) => refused(refusalOf(error)),
    });

  return { saveUpdate, saveNew, pending: create.isPending || update.isPending };
}

/** Every problem for the error summary, each linked to its field. */
export function charterSummaryItems(errors: FieldErrors, formError: string | null, fit: AssistantFit): SummaryItem[] {
  const assistantsId = `charter-assistants-${fit.notAllowed[0] ?? fit.offered[0] ?? 'letter'}`;
  return [
    ...(formError ? [{ message: formError }] : []),
    ...FIELDS.flatMap((f) => (errors[f] ? [{ fieldId: f === 'assistants' ? assistantsId : charterFieldId(f), message: errors[f] }] : [])),
    ...Object.entries(errors.questionTexts ?? {}).map(([i, message]) => ({ fieldId: questionFieldId(Number(i)), message })),
    ...Object.entries(errors.criterionThresholds ?? {}).map(([i, message]) => ({ fieldId: criterionFieldId(Number(i)), message })),
  ];
}

/**
 * The charter form's state: its values, what went wrong, and the submit. The contract's rules are checked here
 * first so the person gets every problem at once; the server checks them again.
 */
export function useCharterForm(trial: TrialDetail | undefined) {
  const isDigital = useCurrentUser().role === 'DIGITAL_UNIT';
  const units = useUnitChoices(isDigital && !trial);
  const initial = trial ? valuesOf(trial) : EMPTY;
  const [values, setValues] = useState<Values>(initial);
  const feedback = useCharterFeedback();
  // Compared with what the form started from, so typing and then undoing it does not count as a change.
  const unsaved = useUnsavedChanges(JSON.stringify(values) !== JSON.stringify(initial));
  const fit = useAssistantFit(values);
  const validate = useCharterValidation();
  const save = useCharterSave(trial, unsaved.allowLeaving, feedback.refused);
  const { clear } = feedback;

  const set: SetValue = (key, value) => {
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

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    feedback.setLoosening(null);
    const fields = validate(values, fit.notAllowedText);
    if (Object.keys(fields).length) {
      feedback.fail(fields, null);
      return;
    }
    if (trial) {
      save.saveUpdate(changedFields(values, initial, trial.version));
      return;
    }
    save.saveNew(
      CreateTrialRequest.parse({ ...values, criteria: values.criteria.map(criterionOf), unitId: isDigital && values.unitId ? values.unitId : undefined }),
    );
  };

  return { values, set, isDigital, units, fit, feedback, save, onSubmit };
}
