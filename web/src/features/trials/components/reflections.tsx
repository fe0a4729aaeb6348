import { ReflectionRequest } from '@contracts/experiences.js';
import type { TrialDetail } from '@contracts/trials.js';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsyncErrorRegion, StatusRegion } from '../../../components/alert';
import { useErrorMessage } from '../../../components/error-message';
import { ErrorSummary, type SummaryItem, useErrorSummaryFocus } from '../../../components/error-summary';
import { TextAreaField } from '../../../components/form-fields';
import { formatDateTime } from '../../../lib/format';
import { useCreateReflection, useReflections } from '../api/trial';
import { Button } from '../../../components/button';

/**
 * Participants write what they learned; they see their own reflections, administrators see everyone's.
 * A trial in draft has not started, so there is nothing to reflect on yet.
 */
export function Reflections({ trial }: { trial: TrialDetail }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const list = useReflections(trial.id, trial.isParticipant || trial.canAdminister);
  const create = useCreateReflection(trial.id);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { summaryRef, failedAttempt } = useErrorSummaryFocus();
  const canWrite = trial.isParticipant && trial.status !== 'DRAFT';

  if (!trial.isParticipant && !trial.canAdminister) return null;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSaved(null);
    const parsed = ReflectionRequest.safeParse({ text });
    if (!parsed.success) {
      setError(text.trim().length < 3 ? t('trials.reflections.tooShort') : t('trials.reflections.tooLong'));
      failedAttempt();
      return;
    }
    create.mutate(parsed.data, {
      onSuccess: () => {
        setText('');
        setError(null);
        setSaved(t('trials.reflections.saved'));
      },
      onError: (err) => {
        setError(errorMessage(err));
        failedAttempt();
      },
    });
  };

  const items: SummaryItem[] = error ? [{ fieldId: 'reflection-text', message: error }] : [];
  const reflections = list.data?.reflections ?? [];

  return (
    <section aria-labelledby="reflections-heading" data-testid="reflections">
      <h2 id="reflections-heading">{t('trials.reflections.heading')}</h2>
      <p>{trial.canAdminister ? t('trials.reflections.introAdmin') : t('trials.reflections.intro')}</p>
      {canWrite ? (
        <form onSubmit={onSubmit} noValidate data-testid="reflection-form">
          <ErrorSummary ref={summaryRef} items={items} />
          <TextAreaField
            id="reflection-text"
            label={t('trials.reflections.label')}
            hint={t('trials.reflections.hint')}
            rows={4}
            value={text}
            error={error ?? undefined}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
          />
          <Button variant="primary" type="submit" disabled={create.isPending}>
            {t('trials.reflections.submit')}
          </Button>
        </form>
      ) : null}
      <StatusRegion message={saved} />
      <AsyncErrorRegion error={list.error} />
      <h3>{trial.canAdminister ? t('trials.reflections.allHeading') : t('trials.reflections.ownHeading')}</h3>
      {list.data && reflections.length === 0 ? <p>{t('trials.reflections.none')}</p> : null}
      <ul className="nobullet-list" data-testid="reflection-list">
        {reflections.map((r) => (
          <li key={r.id} className="mb-4">
            <p className="small-text m-0">
              {trial.canAdminister ? `${r.author.name}, ` : null}
              {formatDateTime(r.createdAt, i18n.language)}
            </p>
            <p className="m-0" style={{ whiteSpace: 'pre-wrap' }}>
              {r.text}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
