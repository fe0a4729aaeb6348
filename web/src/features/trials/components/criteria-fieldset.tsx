import {
  CRITERION_COMPARATOR_LABELS,
  CRITERION_MEASURE_LABELS,
  CRITERION_UNITS,
  CRITERION_UNIT_LABELS,
  CriterionComparator,
  CriterionMeasure,
  type SuccessCriterion,
} from '@contracts/trials.js';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/form-fields';
import { useLocalized } from '../../../lib/localized';
import { Button } from '../../../components/button';

export const MAX_CRITERIA = 10;

/** A criterion as the form holds it: the threshold as typed, so "7," or "" can be shown and corrected. */
export interface CriterionDraft {
  id: string;
  measure: CriterionMeasure;
  comparator: CriterionComparator;
  threshold: string;
}

export const draftOf = (c: SuccessCriterion): CriterionDraft => ({ ...c, threshold: String(c.threshold) });

/** The criterion to send: a decimal comma is read as a point; anything that is not a number stays NaN for the contract to refuse. */
export function criterionOf(d: CriterionDraft): SuccessCriterion {
  const typed = d.threshold.trim().replace(',', '.');
  return { id: d.id, measure: d.measure, comparator: d.comparator, threshold: typed === '' ? Number.NaN : Number(typed) };
}

export const criterionFieldId = (i: number) => `charter-criterion-${i}-threshold`;

let seq = 0;
const newId = () => `c-${Date.now().toString(36)}-${(seq++).toString(36)}`;

/**
 * "Målbare succeskriterier": the criteria the board computes (docs/decisions/0017), each one of the board's
 * measures, a direction and a threshold in the measure's unit.
 */
export function CriteriaFieldset({
  criteria,
  errors,
  listError,
  onChange,
}: {
  criteria: CriterionDraft[];
  errors: Record<number, string> | undefined;
  listError: string | undefined;
  onChange: (next: CriterionDraft[]) => void;
}) {
  const { t } = useTranslation();
  const change = (id: string, patch: Partial<CriterionDraft>) => onChange(criteria.map((c) => (c.id === id ? { ...c, ...patch } : c)));
  return (
    <fieldset className="form-group" data-testid="charter-criteria" aria-describedby="charter-criteria-hint">
      <legend className="form-label">{t('trials.form.criteria')}</legend>
      <p className="form-hint" id="charter-criteria-hint">
        {t('trials.form.criteriaHint', { max: MAX_CRITERIA })}
      </p>
      {listError ? <p className="form-error-message">{listError}</p> : null}
      {criteria.map((c, i) => (
        <CriterionFields
          key={c.id}
          criterion={c}
          index={i}
          error={errors?.[i]}
          onChange={(patch) => change(c.id, patch)}
          onRemove={() => onChange(criteria.filter((x) => x.id !== c.id))}
        />
      ))}
      {criteria.length < MAX_CRITERIA ? (
        <Button variant="secondary"
          type="button"
          data-testid="add-criterion"
          onClick={() => onChange([...criteria, { id: newId(), measure: 'wouldUseAgainShare', comparator: 'atLeast', threshold: '' }])}
        >
          {t('trials.form.addCriterion')}
        </Button>
      ) : (
        <p className="m-0">{t('trials.form.criteriaFull', { max: MAX_CRITERIA })}</p>
      )}
    </fieldset>
  );
}

/** One criterion: the measure, its direction and the threshold in the measure's unit. */
function CriterionFields({
  criterion: c,
  index: i,
  error,
  onChange,
  onRemove,
}: {
  criterion: CriterionDraft;
  index: number;
  error: string | undefined;
  onChange: (patch: Partial<CriterionDraft>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const unit = pick(CRITERION_UNIT_LABELS[CRITERION_UNITS[c.measure]]);
  return (
    <fieldset className="mb-5" data-testid={`charter-criterion-${i}`}>
      <legend className="h5">{t('trials.form.criterionLabel', { n: i + 1 })}</legend>
      <SelectField
        id={`charter-criterion-${i}-measure`}
        label={t('trials.form.criterionMeasure')}
        value={c.measure}
        onChange={(e) => onChange({ measure: CriterionMeasure.parse(e.target.value) })}
      >
        {CriterionMeasure.options.map((m) => (
          <option key={m} value={m}>
            {pick(CRITERION_MEASURE_LABELS[m])}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={`charter-criterion-${i}-comparator`}
        label={t('trials.form.criterionComparator')}
        className="input-width-s"
        value={c.comparator}
        onChange={(e) => onChange({ comparator: CriterionComparator.parse(e.target.value) })}
      >
        {CriterionComparator.options.map((k) => (
          <option key={k} value={k}>
            {pick(CRITERION_COMPARATOR_LABELS[k])}
          </option>
        ))}
      </SelectField>
      <TextField
        id={criterionFieldId(i)}
        label={unit ? `${t('trials.form.criterionThreshold')} (${unit})` : t('trials.form.criterionThreshold')}
        inputMode="decimal"
        className="input-width-xs"
        value={c.threshold}
        error={error}
        onChange={(e) => onChange({ threshold: e.target.value })}
      />
      <Button variant="tertiary" type="button" onClick={onRemove}>
        {t('trials.form.removeCriterion')}
        <span className="sr-only"> {i + 1}</span>
      </Button>
    </fieldset>
  );
}
