import {
  DEFAULT_EXPERIENCE_QUESTIONS,
  FAILURE_TYPE_LABELS,
  FailureType,
  type ExperienceLogRequest,
  type ExperienceLogView,
} from '@contracts/experiences.js';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsyncErrorRegion, StatusRegion } from '../../../components/alert';
import { ErrorSummary, type SummaryItem, useErrorSummaryFocus } from '../../../components/error-summary';
import { TextAreaField, TextField } from '../../../components/form-fields';
import { Loading } from '../../../components/page';
import { fieldErrorsFrom } from '../../../lib/api-client';
import { useLocalized } from '../../../lib/localized';
import { useFieldErrors } from '../../../lib/use-field-errors';
import { useUnsavedChanges } from '../../../lib/use-unsaved-changes';
import { useExperience, useLogExperience } from '../api/review';
import { Button } from '../../../components/button';

const SCALE = [1, 2, 3, 4, 5] as const;
const FAILURES = FailureType.options;

interface Values {
  usefulness: string;
  minutesSaved: string;
  failureTypes: FailureType[];
  wouldUseAgain: '' | 'yes' | 'no';
  reflection: string;
  answers: Record<string, string>;
}

const EMPTY_VALUES: Values = { usefulness: '', minutesSaved: '', failureTypes: [], wouldUseAgain: '', reflection: '', answers: {} };

/** The fields that can be wrong, in the order the error summary lists them. */
const FIELDS = ['usefulness', 'minutesSaved', 'wouldUseAgain', 'reflection'] as const;
type Field = (typeof FIELDS)[number];
const fieldId = (f: Field) => `experience-${f}`;
/** Radio groups take focus on their first option. */
const focusId = (f: Field) => (f === 'usefulness' ? 'experience-usefulness-1' : f === 'wouldUseAgain' ? 'experience-wouldUseAgain-yes' : fieldId(f));

/**
 * The experience log after a reviewed run: how useful, minutes saved (negative when it took longer), what went
 * wrong, whether the person would use it again, and the trial's own questions. Written once, then read-only.
 */
export function ExperiencePanel({ runId }: { runId: string }) {
  const { t } = useTranslation();
  const state = useExperience(runId, true);
  const [justSaved, setJustSaved] = useState(false);

  return (
    <section className="mt-6" aria-labelledby="experience-heading" data-testid="experience-panel">
      <h2 id="experience-heading">{t('experience.heading')}</h2>
      <StatusRegion message={justSaved ? t('experience.saved') : null} testId="experience-status" />
      {state.isPending ? <Loading /> : null}
      <AsyncErrorRegion error={state.error} />
      {state.data ? (
        state.data.experience ? (
          <ExperienceSummary log={state.data.experience} questions={state.data.questions} />
        ) : (
          <ExperienceForm runId={runId} questions={state.data.questions} onSaved={() => setJustSaved(true)} />
        )
      ) : null}
    </section>
  );
}

function ExperienceForm({ runId, questions, onSaved }: { runId: string; questions: { id: string; text: string }[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const { values, setValues, edit, errors, items, summaryRef, onSubmit, save } = useExperienceForm(runId, onSaved);

  return (
    <form onSubmit={onSubmit} noValidate data-testid="experience-form">
      <p>{t('experience.intro')}</p>
      <ErrorSummary ref={summaryRef} items={items} testId="experience-errors" />
      <AsyncErrorRegion error={items.length === 0 ? save.error : null} testId="experience-error" />

      <UsefulnessFieldset value={values.usefulness} error={errors.usefulness} onChoose={(n) => edit('usefulness', (v) => ({ ...v, usefulness: n }))} />

      <TextField
        id={fieldId('minutesSaved')}
        label={pick(DEFAULT_EXPERIENCE_QUESTIONS.minutesSaved)}
        hint={t('experience.minutesHint')}
        type="number"
        inputMode="numeric"
        step={1}
        min={-480}
        max={480}
        className="input-width-xs"
        value={values.minutesSaved}
        error={errors.minutesSaved}
        onChange={(e) => edit('minutesSaved', (v) => ({ ...v, minutesSaved: e.target.value }))}
      />

      <FailureTypesFieldset
        chosen={values.failureTypes}
        onToggle={(f, on) => setValues((v) => ({ ...v, failureTypes: on ? [...v.failureTypes, f] : v.failureTypes.filter((x) => x !== f) }))}
      />

      <WouldUseAgainFieldset value={values.wouldUseAgain} error={errors.wouldUseAgain} onChoose={(a) => edit('wouldUseAgain', (v) => ({ ...v, wouldUseAgain: a }))} />

      <TextAreaField
        id={fieldId('reflection')}
        label={pick(DEFAULT_EXPERIENCE_QUESTIONS.reflection)}
        hint={t('experience.reflectionHint')}
        rows={4}
        value={values.reflection}
        error={errors.reflection}
        onChange={(e) => edit('reflection', (v) => ({ ...v, reflection: e.target.value }))}
      />

      {questions.length > 0 ? (
        <TrialQuestionsFieldset
          questions={questions}
          answers={values.answers}
          onAnswer={(id, text) => setValues((v) => ({ ...v, answers: { ...v.answers, [id]: text } }))}
        />
      ) : null}

      <Button variant="primary" type="submit" className="mt-4" disabled={save.isPending}>
        {save.isPending ? t('experience.saving') : t('experience.submit')}
      </Button>
    </form>
  );
}

/** The log's state: its values, each field's error (gone once the field is edited), and the submit. */
function useExperienceForm(runId: string, onSaved: () => void) {
  const save = useLogExperience(runId);
  const [values, setValues] = useState<Values>(EMPTY_VALUES);
  const unsaved = useUnsavedChanges(JSON.stringify(values) !== JSON.stringify(EMPTY_VALUES));
  const { errors, setErrors, clear } = useFieldErrors<Record<Field, string>>();
  // What the person enters takes away that field's error from the last attempt.
  const edit = (field: Field, change: (v: Values) => Values) => {
    setValues(change);
    clear(field);
  };
  const { summaryRef, failedAttempt } = useErrorSummaryFocus();
  const validate = useExperienceValidation();

  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    const found = validate(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      failedAttempt();
      return;
    }
    save.mutate(requestOf(values), {
      onSuccess: () => {
        unsaved.allowLeaving();
        onSaved();
      },
      onError: (err) => {
        const server = fieldErrorsFrom(err);
        const mapped: Partial<Record<Field, string>> = {};
        for (const f of FIELDS) if (server[f]) mapped[f] = server[f];
        if (Object.keys(mapped).length > 0) {
          setErrors(mapped);
          failedAttempt();
        }
      },
    });
  };

  const items: SummaryItem[] = FIELDS.filter((f) => errors[f]).map((f) => ({ fieldId: focusId(f), message: errors[f]! }));

  return { values, setValues, edit, errors, items, summaryRef, onSubmit, save };
}

/** The answers the log needs, and the minutes as a whole number within a working day either way. */
function useExperienceValidation() {
  const { t } = useTranslation();
  return (values: Values): Partial<Record<Field, string>> => {
    const e: Partial<Record<Field, string>> = {};
    if (!values.usefulness) e.usefulness = t('experience.errors.usefulness');
    const minutes = values.minutesSaved.trim();
    if (minutes === '') e.minutesSaved = t('experience.errors.minutesMissing');
    else if (!/^-?\d+$/.test(minutes)) e.minutesSaved = t('experience.errors.minutesWhole');
    else if (Math.abs(Number(minutes)) > 480) e.minutesSaved = t('experience.errors.minutesRange');
    if (!values.wouldUseAgain) e.wouldUseAgain = t('experience.errors.wouldUseAgain');
    if (values.reflection.length > 4000) e.reflection = t('experience.errors.reflectionLong');
    return e;
  };
}

/** The log to send: numbers as numbers, and no empty reflection or answers. */
function requestOf(values: Values): ExperienceLogRequest {
  const answers = Object.fromEntries(Object.entries(values.answers).filter(([, v]) => v.trim() !== ''));
  const reflection = values.reflection.trim();
  return {
    usefulness: Number(values.usefulness),
    minutesSaved: Number(values.minutesSaved.trim()),
    failureTypes: values.failureTypes,
    wouldUseAgain: values.wouldUseAgain === 'yes',
    ...(reflection ? { reflection } : {}),
    answers,
  };
}

/** How useful the draft was, on a scale of 1 to 5. */
function UsefulnessFieldset({ value, error, onChoose }: { value: string; error: string | undefined; onChoose: (n: string) => void }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  return (
    <RadioFieldset
      field="usefulness"
      legend={pick(DEFAULT_EXPERIENCE_QUESTIONS.usefulness)}
      hint={t('experience.usefulnessHint')}
      options={SCALE.map((n) => ({ value: String(n), label: t(`experience.scale.${n}`) }))}
      value={value}
      error={error}
      onChoose={onChoose}
    />
  );
}

/** What went wrong with the draft, any number of the failure types. */
function FailureTypesFieldset({ chosen, onToggle }: { chosen: FailureType[]; onToggle: (f: FailureType, on: boolean) => void }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  return (
    <fieldset className="form-group">
      <legend className="form-label">{pick(DEFAULT_EXPERIENCE_QUESTIONS.failureTypes)}</legend>
      <span className="form-hint">{t('experience.failureHint')}</span>
      <ul className="nobullet-list">
        {FAILURES.map((f) => (
          <li key={f}>
            <input
              id={`experience-failure-${f}`}
              type="checkbox"
              className="form-checkbox"
              checked={chosen.includes(f)}
              onChange={(e) => onToggle(f, e.target.checked)}
            />
            <label htmlFor={`experience-failure-${f}`}>{pick(FAILURE_TYPE_LABELS[f])}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** Whether the person would use the assistant again: yes or no. */
function WouldUseAgainFieldset({
  value,
  error,
  onChoose,
}: {
  value: Values['wouldUseAgain'];
  error: string | undefined;
  onChoose: (answer: 'yes' | 'no') => void;
}) {
  const { t } = useTranslation();
  const pick = useLocalized();
  return (
    <RadioFieldset
      field="wouldUseAgain"
      legend={pick(DEFAULT_EXPERIENCE_QUESTIONS.wouldUseAgain)}
      options={(['yes', 'no'] as const).map((a) => ({ value: a, label: t(`experience.${a}`) }))}
      value={value}
      error={error}
      onChoose={onChoose}
    />
  );
}

/** One answer of a few, as radio buttons under the question (with its hint and error tied to the group). */
function RadioFieldset<V extends string>({
  field,
  legend,
  hint,
  options,
  value,
  error,
  onChoose,
}: {
  field: Field;
  legend: string;
  hint?: string;
  options: { value: V; label: string }[];
  value: string;
  error: string | undefined;
  onChoose: (value: V) => void;
}) {
  const id = fieldId(field);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset className={`form-group${error ? ' form-error' : ''}`} aria-describedby={describedBy || undefined}>
      <legend className="form-label">{legend}</legend>
      {hint ? (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="form-error-message" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
      <ul className="nobullet-list">
        {options.map((o) => (
          <li key={o.value}>
            <input
              id={`${id}-${o.value}`}
              type="radio"
              className="form-radio"
              name={field}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChoose(o.value)}
            />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** The trial's own questions, each answered in free text (or left empty). */
function TrialQuestionsFieldset({
  questions,
  answers,
  onAnswer,
}: {
  questions: { id: string; text: string }[];
  answers: Record<string, string>;
  onAnswer: (questionId: string, text: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-group">
      <legend className="h4">{t('experience.trialQuestions')}</legend>
      {questions.map((q) => (
        <TextAreaField
          key={q.id}
          id={`experience-answer-${q.id}`}
          label={q.text}
          rows={3}
          maxLength={2000}
          value={answers[q.id] ?? ''}
          onChange={(e) => onAnswer(q.id, e.target.value)}
        />
      ))}
    </fieldset>
  );
}

function ExperienceSummary({ log, questions }: { log: ExperienceLogView; questions: { id: string; text: string }[] }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const failures = log.failureTypes.map((f) => pick(FAILURE_TYPE_LABELS[f]));
  return (
    <dl className="experience-summary" data-testid="experience-summary">
      <dt>{pick(DEFAULT_EXPERIENCE_QUESTIONS.usefulness)}</dt>
      <dd>{t(`experience.scale.${log.usefulness as 1 | 2 | 3 | 4 | 5}`)}</dd>
      <dt>{pick(DEFAULT_EXPERIENCE_QUESTIONS.minutesSaved)}</dt>
      <dd>{t('experience.minutesValue', { count: log.minutesSaved })}</dd>
      <dt>{pick(DEFAULT_EXPERIENCE_QUESTIONS.failureTypes)}</dt>
      <dd>{failures.length ? failures.join(', ') : t('experience.noFailures')}</dd>
      <dt>{pick(DEFAULT_EXPERIENCE_QUESTIONS.wouldUseAgain)}</dt>
      <dd>{log.wouldUseAgain ? t('experience.yes') : t('experience.no')}</dd>
      {log.reflection ? (
        <>
          <dt>{pick(DEFAULT_EXPERIENCE_QUESTIONS.reflection)}</dt>
          <dd>{log.reflection}</dd>
        </>
      ) : null}
      {questions
        .filter((q) => log.answers[q.id])
        .map((q) => (
          <div key={q.id}>
            <dt>{q.text}</dt>
            <dd>{log.answers[q.id]}</dd>
          </div>
        ))}
    </dl>
  );
}
