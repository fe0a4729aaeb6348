import type { AssistantId } from '@contracts/policies.js';
import { RunBlockedDetails, type RunView } from '@contracts/runs.js';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { useErrorMessage } from '../../../components/error-message';
import { isApiError } from '../../../lib/api-client';
import { useLocalized } from '../../../lib/localized';
import { DraftText } from './draft-text';
import { RunDetails } from './run-details';
import type { RunPhase } from './use-run-stream';

/** The run's phase in words, said politely to screen readers as it changes. */
export function RunStatus({ phase }: { phase: RunPhase }) {
  const { t } = useTranslation();
  const statusText =
    phase === 'streaming'
      ? t('runs.status.streaming')
      : phase === 'done'
        ? t('runs.status.done')
        : phase === 'stopped'
          ? t('runs.status.stopped')
          : phase === 'failed'
            ? t('runs.status.failed')
            : '';
  return (
    <div role="status" aria-live="polite" className="run-status" data-testid="run-status" data-phase={phase}>
      {statusText ? <p className="m-0">{statusText}</p> : null}
    </div>
  );
}

/** Why the run failed: the policy's reasons when it blocked the text, the server's message otherwise. */
export function RunError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const errorMessage = useErrorMessage();
  const blocked = isApiError(error) && error.code === 'POLICY_VIOLATION' ? RunBlockedDetails.safeParse(error.details) : null;
  return (
    <div aria-live="assertive" data-testid="run-error">
      {error ? (
        <Alert variant="error" heading={blocked ? t('runs.blockedHeading') : t('runs.failedHeading')} headingLevel={2}>
          {blocked?.success ? (
            <>
              <p className="mt-0">{t('runs.blockedText')}</p>
              <ul className="mb-0" data-testid="run-blocked-reasons">
                {blocked.data.reasons.map((r, i) => (
                  <li key={`${r.code}-${r.dataClass ?? ''}-${i}`}>{pick(r)}</li>
                ))}
              </ul>
            </>
          ) : (
            <p className="m-0">{errorMessage(error)}</p>
          )}
        </Alert>
      ) : null}
    </div>
  );
}

/** The draft is shown while it is written, when it is done, and when a stopped or failed run left some of it. */
export const draftShown = (phase: RunPhase, draft: string) =>
  phase === 'streaming' || phase === 'done' || (phase === 'stopped' && draft !== '') || (phase === 'failed' && draft !== '');

/** The unapproved AI draft: marked, labelled with its disclosure and engine, and the run's details once it is done. */
export function RunDraft({ assistant, phase, draft, run }: { assistant: AssistantId; phase: RunPhase; draft: string; run: RunView | null }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  return (
    <section className="run-draft" aria-labelledby="run-draft-heading" data-testid="run-draft" aria-busy={phase === 'streaming'}>
      <h2 id="run-draft-heading" className="run-draft-marker">
        {t('runs.draftMarker')}
      </h2>
      {run ? (
        <p className="small-text" data-testid="run-disclosure">
          <strong>{t('runs.disclosure')}:</strong> {pick(run.disclosureLabel)}
        </p>
      ) : null}
      {run?.provider === 'offline' ? (
        <p className="run-engine" data-testid="run-offline">
          {t('runs.offline')}
        </p>
      ) : run?.model ? (
        <p className="small-text" data-testid="run-model">
          {t('runs.model', { model: run.model })}
        </p>
      ) : null}
      <div className="run-draft-text" role="region" aria-label={t('runs.draftLabel')} tabIndex={0} data-testid="run-draft-text">
        <DraftText assistant={assistant} text={draft} details={run?.details ?? null} />
      </div>
      <p className="run-approval-note" data-testid="run-approval-note">
        <strong>{t('runs.approvalNote')}</strong>
      </p>
      {run ? <RunDetails run={run} /> : null}
    </section>
  );
}
