import type { AssistantId } from '@contracts/policies.js';
import type { UnitList } from '@contracts/users.js';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../components/form-fields';
import { useLocalized } from '../../../lib/localized';
import {
  ASSISTANT_IDS,
  charterFieldId,
  type FieldErrors,
  MAX_QUESTIONS,
  newQuestionId,
  questionFieldId,
  type SetValue,
  type Values,
} from './charter-values';
import type { AssistantFit } from './use-charter-form';

/** What every section of the charter form is handed: the values, their errors, and the way to change one. */
interface SectionProps {
  values: Values;
  errors: FieldErrors;
  set: SetValue;
}

/** What the trial is for: its title, purpose, hypothesis and success criteria in words. */
export function PurposeSection({ values, errors, set }: SectionProps) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}

/** The data-use policy the trial runs under, from the policies the server knows. */
export function PolicyField({ values, errors, set, policies }: SectionProps & { policies: AssistantFit['policies'] }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  return (
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
  );
}

/** The assistants the trial uses, among those the chosen policy allows; one it does not allow is marked, and said live. */
export function AssistantsFieldset({ values, errors, set, fit }: SectionProps & { fit: AssistantFit }) {
  const { t } = useTranslation();
  const { offered, notAllowed, notAllowedText } = fit;
  const toggleAssistant = (a: AssistantId, on: boolean) =>
    set('assistants', on ? ASSISTANT_IDS.filter((x) => x === a || values.assistants.includes(x)) : values.assistants.filter((x) => x !== a));
  return (
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
  );
}

/** The digital unit chooses which unit a new trial belongs to (its own when none is chosen). */
export function UnitField({ values, errors, set, units }: SectionProps & { units: UnitList['units'] }) {
  const { t } = useTranslation();
  return (
    <SelectField
      id={charterFieldId('unitId')}
      label={t('trials.form.unit')}
      hint={t('trials.form.unitHint')}
      value={values.unitId}
      error={errors.unitId}
      onChange={(e) => set('unitId', e.target.value)}
    >
      <option value="">{t('trials.form.ownUnit')}</option>
      {units.map((u) => (
        <option key={u.id} value={u.id}>
          {u.name}
        </option>
      ))}
    </SelectField>
  );
}

/** When the trial runs. */
export function PeriodSection({ values, errors, set }: SectionProps) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}

/** What participants read before their first run, and whether the trial may be high-risk under the AI Act. */
export function BriefingSection({ values, errors, set }: SectionProps) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}

/** The trial's own questions for the experience log, up to MAX_QUESTIONS. */
export function QuestionsFieldset({ values, errors, set }: SectionProps) {
  const { t } = useTranslation();
  const { questions } = values;
  return (
    <fieldset className="form-group" data-testid="charter-questions">
      <legend className="form-label">{t('trials.form.questions')}</legend>
      <p className="form-hint" id="charter-questions-hint">
        {t('trials.form.questionsHint', { max: MAX_QUESTIONS })}
      </p>
      {errors.questions ? <p className="form-error-message">{errors.questions}</p> : null}
      {questions.map((q, i) => (
        <div key={q.id} className="mb-4">
          <TextField
            id={questionFieldId(i)}
            label={t('trials.form.questionLabel', { n: i + 1 })}
            value={q.text}
            error={errors.questionTexts?.[i]}
            onChange={(e) => set('questions', questions.map((x) => (x.id === q.id ? { ...x, text: e.target.value } : x)))}
          />
          <Button variant="tertiary" type="button" onClick={() => set('questions', questions.filter((x) => x.id !== q.id))}>
            {t('trials.form.removeQuestion')}
            <span className="sr-only"> {i + 1}</span>
          </Button>
        </div>
      ))}
      {questions.length < MAX_QUESTIONS ? (
        <Button variant="secondary" type="button" onClick={() => set('questions', [...questions, { id: newQuestionId(), text: '' }])}>
          {t('trials.form.addQuestion')}
        </Button>
      ) : (
        <p className="m-0">{t('trials.form.questionsFull', { max: MAX_QUESTIONS })}</p>
      )}
    </fieldset>
  );
}
