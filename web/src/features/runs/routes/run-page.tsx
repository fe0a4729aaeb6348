import { DEFAULT_MINUTES_TEMPLATE, MinutesTemplateId } from '@contracts/minutes.js';
import type { AssistantId, PreviewResponse } from '@contracts/policies.js';
import { RunBlockedDetails, type RunView } from '@contracts/runs.js';
import { type ChangeEvent, type ComponentType, type FormEvent, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert, AsyncErrorRegion } from '../../../components/alert';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { useErrorMessage } from '../../../components/error-message';
import { ErrorSummary, type SummaryItem, useErrorSummaryFocus } from '../../../components/error-summary';
import { SelectField, TextAreaField } from '../../../components/form-fields';
import { Loading, Page } from '../../../components/page';
import { isApiError } from '../../../lib/api-client';
import { formatNumber } from '../../../lib/format';
import { useLocalized } from '../../../lib/localized';
import { useUnsavedChanges } from '../../../lib/use-unsaved-changes';
import { streamRun } from '../api/stream-run';
import { useExtractText, useSentPreview, useTrial, useTrialPolicy } from '../api/trial-context';
import { DraftText } from '../components/draft-text';
import { RunDetails } from '../components/run-details';
import { RunFollowUp } from '../components/run-follow-up';
import { Button } from '../../../components/button';

const ASSISTANTS: readonly AssistantId[] = ['letter', 'minutes', 'documents'];
const isAssistant = (a: string | undefined): a is AssistantId => !!a && (ASSISTANTS as readonly string[]).includes(a);

/** The policies feature's result view, handed in by the app (features do not import each other). */
export type PreviewResultComponent = ComponentType<{
  text: string;
  result: PreviewResponse | null;
  resultId?: number;
  headingLevel?: 3 | 4;
  idPrefix?: string;
}>;

type Phase = 'idle' | 'streaming' | 'done' | 'stopped' | 'failed';

/**
 * Use an assistant in a trial: the person's text, what the policy would send, and the draft as it is written.
 * The draft is an unapproved AI draft: it is marked, labelled and cannot be copied out as final here.
 */
export function RunPage({ PreviewResult }: { PreviewResult: PreviewResultComponent }) {
  const { trialId = '', assistant: assistantParam } = useParams();
  const { t } = useTranslation();
  const trial = useTrial(trialId);
  const policy = useTrialPolicy(trial.data?.policyId);

  if (!isAssistant(assistantParam)) {
    return (
      <Page title={t('runs.unknownAssistant')}>
        <p>
          <Link to="/proevehandlinger">{t('runs.backToTrials')}</Link>
        </p>
      </Page>
    );
  }
  const name = t(`trials.assistants.${assistantParam}`);
  if (trial.isPending) return <Loading />;
  if (trial.error) return <AsyncErrorRegion error={trial.error} />;
  const found = trial.data;
  const usable = found && found.status === 'ACTIVE' && found.isParticipant && found.assistants.includes(assistantParam);
  if (!found || !usable) {
    return (
      <Page title={name} testId="run-page-unavailable">
        <Alert variant="warning" heading={t('runs.unavailableHeading')}>
          <p className="m-0">{found ? t('runs.unavailableText') : t('runs.trialNotFound')}</p>
        </Alert>
        <p>
          <Link to="/proevehandlinger">{t('runs.backToTrials')}</Link>
        </p>
      </Page>
    );
  }
  return (
    <RunWorkbench
      key={`${found.id}-${assistantParam}`}
      trial={found}
      assistant={assistantParam}
      policyTitle={policy.data?.policy.title}
      maxChars={policy.data?.policy.limits.maxInputChars}
      PreviewResult={PreviewResult}
    />
  );
}

function RunWorkbench({
  trial,
  assistant,
  policyTitle,
  maxChars,
  PreviewResult,
}: {
  trial: { id: string; title: string; policyId: string };
  assistant: AssistantId;
  policyTitle: { da: string; en: string } | undefined;
  maxChars: number | undefined;
  PreviewResult: PreviewResultComponent;
}) {
  const { t, i18n } = useTranslation();
  const pick = useLocalized();
  const errorMessage = useErrorMessage();
  const name = t(`trials.assistants.${assistant}`);
  const [text, setText] = useState('');
  // The text a finished run was made from: that text is no longer unsaved work, a change to it is.
  const [usedText, setUsedText] = useState<string | null>(null);
  useUnsavedChanges(text.trim() !== '' && text !== usedText);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [draft, setDraft] = useState('');
  const [template, setTemplate] = useState<MinutesTemplateId>(DEFAULT_MINUTES_TEMPLATE);
  const [run, setRun] = useState<RunView | null>(null);
  const [runError, setRunError] = useState<unknown>(null);
  const [fileNote, setFileNote] = useState<{ variant: 'info' | 'success' | 'error'; text: string } | null>(null);
  const [shownPreview, setShownPreview] = useState<{ text: string; result: PreviewResponse; id: number } | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const { summaryRef, failedAttempt } = useErrorSummaryFocus();
  const fileRef = useRef<HTMLInputElement>(null);
  const preview = useSentPreview(trial.policyId);
  const extract = useExtractText();
  const fieldId = 'run-input';

  // Leaving the page hangs up, which stops the model on the server.
  useEffect(() => () => abortRef.current?.abort(), []);
  // The briefing changed while the page was open: refresh the trial list, and the page around this one asks
  // for the new briefing instead of offering the assistant.
  const queryClient = useQueryClient();
  useEffect(() => {
    if (isApiError(runError) && runError.code === 'BRIEFING_REQUIRED') void queryClient.invalidateQueries({ queryKey: ['trials'] });
  }, [runError, queryClient]);

  const requireText = (): boolean => {
    if (text.trim() !== '') {
      setFieldError(null);
      return true;
    }
    setFieldError(t(`runs.${assistant}.empty`));
    failedAttempt();
    return false;
  };

  const onPreview = () => {
    if (!requireText()) return;
    const checked = text;
    preview.mutate(
      { text: checked, assistant },
      { onSuccess: (result) => setShownPreview((p) => ({ text: checked, result, id: (p?.id ?? 0) + 1 })) },
    );
  };

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (phase === 'streaming' || !requireText()) return;
    const controller = new AbortController();
    abortRef.current = controller;
    setDraft('');
    setRun(null);
    setRunError(null);
    setPhase('streaming');
    try {
      const finished = await streamRun(
        { trialId: trial.id, assistant, input: text, ...(assistant === 'minutes' ? { options: { template } } : {}) },
        { signal: controller.signal, onToken: (piece) => setDraft((d) => d + piece) },
      );
      setRun(finished);
      setUsedText(text);
      setDraft(finished.output ?? '');
      setPhase('done');
    } catch (err) {
      if (controller.signal.aborted) {
        setPhase('stopped');
        return;
      }
      setRunError(err);
      setPhase('failed');
    } finally {
      if (abortRef.current === controller) abortRef.current = null;
    }
  };

  const onStop = () => abortRef.current?.abort();

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setFileNote(null);
    extract.mutate(file, {
      onSuccess: (r) => {
        setText(r.text);
        setFieldError(null);
        setFileNote({ variant: 'success', text: t('runs.file.loaded', { filename: r.filename, chars: formatNumber(r.chars, i18n.language) }) });
      },
      onError: (err) =>
        setFileNote(
          isApiError(err) && (err.status === 404 || err.status === 405)
            ? { variant: 'info', text: t('runs.file.unavailable') }
            : { variant: 'error', text: errorMessage(err) },
        ),
    });
  };

  const blocked = isApiError(runError) && runError.code === 'POLICY_VIOLATION' ? RunBlockedDetails.safeParse(runError.details) : null;
  const items: SummaryItem[] = fieldError ? [{ fieldId, message: fieldError }] : [];
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
  const showDraft = phase === 'streaming' || phase === 'done' || (phase === 'stopped' && draft !== '') || (phase === 'failed' && draft !== '');

  return (
    <>
      <Breadcrumbs
        label={t('runs.breadcrumbs')}
        items={[{ label: t('nav.trials'), to: '/proevehandlinger' }, { label: trial.title }, { label: name }]}
      />
      <Page title={`${name} – ${trial.title}`} heading={name} lead={t(`runs.${assistant}.what`)} testId="run-page">
        <p data-testid="run-trial">
          <strong>{t('runs.trial')}:</strong> {trial.title}
        </p>
        <p data-testid="run-policy">
          <strong>{t('runs.policy')}:</strong> {policyTitle ? pick(policyTitle) : trial.policyId}.{' '}
          <Link to={`/datapolitikker/${encodeURIComponent(trial.policyId)}`}>{t('runs.readPolicy')}</Link>
        </p>

        <form onSubmit={onSubmit} noValidate data-testid="run-form">
          <ErrorSummary ref={summaryRef} items={items} testId="run-errors" />
          <TextAreaField
            id={fieldId}
            name="input"
            label={t(`runs.${assistant}.label`)}
            hint={maxChars ? t('runs.hintMax', { max: formatNumber(maxChars, i18n.language) }) : undefined}
            rows={12}
            spellCheck={false}
            autoComplete="off"
            value={text}
            error={fieldError ?? undefined}
            readOnly={phase === 'streaming'}
            onChange={(e) => {
              setText(e.target.value);
              // The "paste the letter" error is about the empty field; once there is text it would be stale.
              setFieldError(null);
            }}
          />
          {assistant === 'minutes' ? (
            <SelectField
              id="run-template"
              name="template"
              label={t('runs.minutes.template')}
              hint={t('runs.minutes.templateHint')}
              value={template}
              disabled={phase === 'streaming'}
              onChange={(e) => setTemplate(MinutesTemplateId.parse(e.target.value))}
              data-testid="run-template"
            >
              {MinutesTemplateId.options.map((id) => (
                <option key={id} value={id}>
                  {t(`runs.minutes.templates.${id}`)}
                </option>
              ))}
            </SelectField>
          ) : null}
          <div className="run-file mt-3">
            {/* Hidden from everyone, not only from sight: the button below is the one control people use, so a
                screen reader meets no second, unlabelled file field. */}
            <input
              ref={fileRef}
              type="file"
              id="run-file"
              hidden
              accept=".txt,.docx,.pdf,.vtt,text/plain"
              onChange={onFile}
              data-testid="run-file-input"
            />
            <Button variant="tertiary" type="button" onClick={() => fileRef.current?.click()} disabled={extract.isPending || phase === 'streaming'}>
              {extract.isPending ? t('runs.file.loading') : t('runs.file.button')}
            </Button>
            <div aria-live="polite" data-testid="run-file-note">
              {fileNote ? (
                <p className={`mt-2 mb-0 small-text${fileNote.variant === 'error' ? ' form-error-message' : ''}`}>{fileNote.text}</p>
              ) : null}
            </div>
          </div>
          <div className="run-actions mt-5 mb-6">
            <Button variant="secondary" type="button" onClick={onPreview} disabled={preview.isPending || phase === 'streaming'}>
              {preview.isPending ? t('runs.previewing') : t('runs.preview')}
            </Button>
            <Button variant="primary" type="submit" disabled={phase === 'streaming'}>
              {t('runs.submit')}
            </Button>
            {phase === 'streaming' ? (
              <Button variant="secondary" type="button" onClick={onStop} data-testid="run-stop">
                {t('runs.stop')}
              </Button>
            ) : null}
          </div>
        </form>

        <AsyncErrorRegion error={preview.error} />
        {shownPreview ? (
          <section aria-labelledby="run-preview-heading" data-testid="run-preview">
            <h2 id="run-preview-heading">{t('runs.previewHeading')}</h2>
            <PreviewResult text={shownPreview.text} result={shownPreview.result} resultId={shownPreview.id} headingLevel={3} idPrefix="run-preview" />
          </section>
        ) : null}

        <div role="status" aria-live="polite" className="run-status" data-testid="run-status" data-phase={phase}>
          {statusText ? <p className="m-0">{statusText}</p> : null}
        </div>

        <div aria-live="assertive" data-testid="run-error">
          {runError ? (
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
                <p className="m-0">{errorMessage(runError)}</p>
              )}
            </Alert>
          ) : null}
        </div>

        {showDraft ? (
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
        ) : null}
        {phase === 'done' && run ? <RunFollowUp run={run} isRequester /> : null}
      </Page>
    </>
  );
}
