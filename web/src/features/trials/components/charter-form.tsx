import type { TrialDetail } from '@contracts/trials.js';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/alert';
import { Button, buttonClass } from '../../../components/button';
import { ErrorSummary } from '../../../components/error-summary';
import {
  AssistantsFieldset,
  BriefingSection,
  PeriodSection,
  PolicyField,
  PurposeSection,
  QuestionsFieldset,
  UnitField,
} from './charter-sections';
import { CriteriaFieldset } from './criteria-fieldset';
import { charterSummaryItems, type Loosening, useCharterForm } from './use-charter-form';

/**
 * Create or edit a trial's charter. The contract's rules are checked here first so the person gets every
 * problem at once; the server checks them again. An edit sends only what changed, with the version the editor
 * started from, so the server can tell when someone else changed the charter in the meantime.
 */
export function CharterForm({ trial, onReload }: { trial?: TrialDetail; onReload?: () => void }) {
  const { t } = useTranslation();
  const { values, set, isDigital, units, fit, feedback, save, onSubmit } = useCharterForm(trial);
  const { errors, loosening } = feedback;
  const section = { values, errors, set };

  if (feedback.conflicted) return <ConflictNotice message={feedback.conflicted} onReload={onReload} />;

  return (
    <form onSubmit={onSubmit} noValidate data-testid="charter-form" aria-label={t('trials.form.formLabel')}>
      <ErrorSummary ref={feedback.summaryRef} items={charterSummaryItems(errors, feedback.formError, fit)} testId="charter-errors" />
      {loosening ? (
        <LooseningNotice
          ref={feedback.looseningRef}
          loosening={loosening}
          pending={save.pending}
          onConfirm={() => save.saveUpdate({ ...loosening.body, confirmLoosening: true })}
          onCancel={() => feedback.setLoosening(null)}
        />
      ) : null}

      <PurposeSection {...section} />
      <CriteriaFieldset
        criteria={values.criteria}
        errors={errors.criterionThresholds}
        listError={errors.criteria}
        onChange={(next) => set('criteria', next)}
      />

      <PolicyField {...section} policies={fit.policies} />

      <AssistantsFieldset {...section} fit={fit} />

      {isDigital && !trial ? <UnitField {...section} units={units.data?.units ?? []} /> : null}

      <PeriodSection {...section} />
      <BriefingSection {...section} />

      <QuestionsFieldset {...section} />

      <CharterActions pending={save.pending} trial={trial} />
    </form>
  );
}

/** Someone else changed the charter since the form opened: the form gives way to a reload of the version now saved. */
function ConflictNotice({ message, onReload }: { message: string; onReload: (() => void) | undefined }) {
  const { t } = useTranslation();
  return (
    <div aria-live="assertive" data-testid="charter-conflict">
      <Alert variant="warning" heading={t('trials.form.conflictHeading')}>
        <p>{message}</p>
        <p className="m-0">{t('trials.form.conflictText')}</p>
      </Alert>
      <Button variant="primary" type="button" onClick={() => onReload?.()}>
        {t('trials.form.reload')}
      </Button>
    </div>
  );
}

/** The edit loosens the charter: what loosens, and the choice to save it all the same or go back. */
function LooseningNotice({
  ref,
  loosening,
  pending,
  onConfirm,
  onCancel,
}: {
  ref: Ref<HTMLDivElement>;
  loosening: Loosening;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div ref={ref} tabIndex={-1} data-testid="charter-loosening">
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
          <Button variant="primary" type="button" disabled={pending} onClick={onConfirm}>
            {t('trials.form.confirmLoosening')}
          </Button>
          <Button variant="secondary" type="button" className="ml-4" onClick={onCancel}>
            {t('trials.form.cancelLoosening')}
          </Button>
        </div>
      </Alert>
    </div>
  );
}

/** Save (create or save changes) and cancel, back to the trial or the list. */
function CharterActions({ pending, trial }: { pending: boolean; trial: TrialDetail | undefined }) {
  const { t } = useTranslation();
  const cancelTo = trial ? `/proevehandlinger/${encodeURIComponent(trial.id)}` : '/proevehandlinger';
  return (
    <div className="mt-6">
      <Button variant="primary" type="submit" disabled={pending}>
        {pending ? t('trials.form.saving') : trial ? t('trials.form.saveChanges') : t('trials.form.create')}
      </Button>
      <Link to={cancelTo} className={buttonClass('tertiary', 'ml-4')}>
        {t('trials.form.cancel')}
      </Link>
    </div>
  );
}
