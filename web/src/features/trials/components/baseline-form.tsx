import type { TrialDetail } from '@contracts/trials.js';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../components/error-message';
import { TextField } from '../../../components/form-fields';
import { useBaselines, useSetBaseline } from '../api/trial';
import { Button } from '../../../components/button';

/**
 * "Uden assistenten": a participant may say how long one task takes them without the assistant. Optional; the
 * board compares the median with the minutes saved once 3 or more people have answered.
 */
export function BaselineForm({ trial }: { trial: TrialDetail }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const baselines = useBaselines(trial.id);
  const save = useSetBaseline(trial.id);
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [error, setError] = useState<{ assistant: string; message: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (!trial.isParticipant || trial.status === 'DRAFT') return null;
  const current = (a: string) => baselines.data?.baselines.find((b) => b.assistant === a)?.minutes;

  const onSubmit = (a: TrialDetail['assistants'][number]) => (e: FormEvent) => {
    e.preventDefault();
    const value = (typed[a] ?? String(current(a) ?? '')).trim();
    const minutes = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
      setError({ assistant: a, message: t('trials.baseline.invalid') });
      return;
    }
    setError(null);
    save.mutate(
      { assistant: a, minutes },
      { onSuccess: () => setSaved(a), onError: (err) => setError({ assistant: a, message: errorMessage(err) }) },
    );
  };

  return (
    <section aria-labelledby="baseline-heading" className="mt-6" data-testid="baseline">
      <h2 id="baseline-heading" className="h3">
        {t('trials.baseline.heading')}
      </h2>
      <p className="form-hint">{t('trials.baseline.hint')}</p>
      {trial.assistants.map((a) => (
        <form key={a} onSubmit={onSubmit(a)} noValidate data-testid={`baseline-${a}`}>
          <TextField
            id={`baseline-${a}-minutes`}
            label={t('trials.baseline.label', { name: t(`trials.assistants.${a}`) })}
            inputMode="numeric"
            className="input-width-xs"
            value={typed[a] ?? String(current(a) ?? '')}
            error={error?.assistant === a ? error.message : undefined}
            onChange={(e) => {
              setTyped((v) => ({ ...v, [a]: e.target.value }));
              setSaved(null);
            }}
          />
          <Button variant="secondary" type="submit" disabled={save.isPending}>
            {t('trials.baseline.save')}
          </Button>
          <span aria-live="polite" className="ml-4">
            {saved === a ? t('trials.baseline.saved') : null}
          </span>
        </form>
      ))}
    </section>
  );
}
