import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/form-fields';
import { Button } from '../../../components/button';

export interface PeriodValue {
  from: string;
  to: string;
}

/** From / to as dates (both optional); `to` includes its whole day on the server. */
export function PeriodFields({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string;
  value: PeriodValue;
  onChange: (v: PeriodValue) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="insights-filter-row">
      <TextField
        id={`${idPrefix}-from`}
        label={t('insights.filters.from')}
        type="date"
        value={value.from}
        onChange={(e) => onChange({ ...value, from: e.target.value })}
      />
      <TextField
        id={`${idPrefix}-to`}
        label={t('insights.filters.to')}
        type="date"
        value={value.to}
        onChange={(e) => onChange({ ...value, to: e.target.value })}
      />
    </div>
  );
}

/** The period filter of a trial's overview; applied on submit so the numbers do not jump while typing. */
export function PeriodFilter({ applied, onApply }: { applied: PeriodValue; onApply: (v: PeriodValue) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(applied);
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (value.from && value.to && value.from > value.to) {
      setError(t('insights.filters.fromAfterTo'));
      return;
    }
    setError(null);
    onApply(value);
  };
  return (
    <form onSubmit={onSubmit} noValidate data-testid="period-filter" aria-labelledby="period-filter-heading">
      <h2 id="period-filter-heading" className="h4">
        {t('insights.filters.periodHeading')}
      </h2>
      {error ? (
        <p className="form-error-message" role="alert">
          {error}
        </p>
      ) : null}
      <PeriodFields idPrefix="period" value={value} onChange={setValue} />
      <Button variant="secondary" type="submit">
        {t('insights.filters.apply')}
      </Button>{' '}
      {applied.from || applied.to ? (
        <Button variant="tertiary"
          type="button"
          onClick={() => {
            setValue({ from: '', to: '' });
            onApply({ from: '', to: '' });
          }}
        >
          {t('insights.filters.clear')}
        </Button>
      ) : null}
    </form>
  );
}
