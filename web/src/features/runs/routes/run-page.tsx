import { DEFAULT_MINUTES_TEMPLATE, type MinutesTemplateId } from '@contracts/minutes.js';
import type { AssistantId, PreviewResponse } from '@contracts/policies.js';
import { type ComponentType, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert, AsyncErrorRegion } from '../../../components/alert';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { Loading, Page } from '../../../components/page';
import { useLocalized } from '../../../lib/localized';
import { useSentPreview, useTrial, useTrialPolicy } from '../api/trial-context';
import { RunForm, useRunInput } from '../components/run-form';
import { RunFollowUp } from '../components/run-follow-up';
import { draftShown, RunDraft, RunError, RunStatus } from '../components/run-outcome';
import { useRunStream } from '../components/use-run-stream';

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

/** The workbench for one assistant in one trial: the person's text, the preview, the run and its draft. */
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
  const { t } = useTranslation();
  const name = t(`trials.assistants.${assistant}`);
  const input = useRunInput(assistant);
  const [template, setTemplate] = useState<MinutesTemplateId>(DEFAULT_MINUTES_TEMPLATE);
  const stream = useRunStream();
  const preview = useRunPreview(trial.policyId, assistant);
  const { phase, draft, run } = stream;

  const onPreview = () => {
    if (input.requireText()) preview.check(input.text);
  };

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (phase === 'streaming' || !input.requireText()) return;
    const { text } = input;
    await stream.start(
      { trialId: trial.id, assistant, input: text, ...(assistant === 'minutes' ? { options: { template } } : {}) },
      () => input.markUsed(text),
    );
  };

  return (
    <>
      <Breadcrumbs
        label={t('runs.breadcrumbs')}
        items={[{ label: t('nav.trials'), to: '/proevehandlinger' }, { label: trial.title }, { label: name }]}
      />
      <Page title={`${name} – ${trial.title}`} heading={name} lead={t(`runs.${assistant}.what`)} testId="run-page">
        <RunContext trial={trial} policyTitle={policyTitle} />

        <RunForm
          assistant={assistant}
          maxChars={maxChars}
          input={input}
          template={template}
          onTemplate={setTemplate}
          streaming={phase === 'streaming'}
          previewing={preview.isPending}
          onPreview={onPreview}
          onSubmit={onSubmit}
          onStop={stream.stop}
        />

        <AsyncErrorRegion error={preview.error} />
        {preview.shown ? (
          <section aria-labelledby="run-preview-heading" data-testid="run-preview">
            <h2 id="run-preview-heading">{t('runs.previewHeading')}</h2>
            <PreviewResult text={preview.shown.text} result={preview.shown.result} resultId={preview.shown.id} headingLevel={3} idPrefix="run-preview" />
          </section>
        ) : null}

        <RunStatus phase={phase} />
        <RunError error={stream.runError} />

        {draftShown(phase, draft) ? <RunDraft assistant={assistant} phase={phase} draft={draft} run={run} /> : null}
        {phase === 'done' && run ? <RunFollowUp run={run} isRequester /> : null}
      </Page>
    </>
  );
}

/** The trial the run belongs to, and the policy it goes through (by its title, with a link to read it). */
function RunContext({ trial, policyTitle }: { trial: { title: string; policyId: string }; policyTitle: { da: string; en: string } | undefined }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  return (
    <>
      <p data-testid="run-trial">
        <strong>{t('runs.trial')}:</strong> {trial.title}
      </p>
      <p data-testid="run-policy">
        <strong>{t('runs.policy')}:</strong> {policyTitle ? pick(policyTitle) : trial.policyId}.{' '}
        <Link to={`/datapolitikker/${encodeURIComponent(trial.policyId)}`}>{t('runs.readPolicy')}</Link>
      </p>
    </>
  );
}

/** "Se hvad der sendes": what the policy would send for the text checked last, numbered so each check is a new result. */
function useRunPreview(policyId: string, assistant: AssistantId) {
  const preview = useSentPreview(policyId);
  const [shown, setShown] = useState<{ text: string; result: PreviewResponse; id: number } | null>(null);
  const check = (text: string) =>
    preview.mutate({ text, assistant }, { onSuccess: (result) => setShown((p) => ({ text, result, id: (p?.id ?? 0) + 1 })) });
  return { shown, check, isPending: preview.isPending, error: preview.error };
}
