import { randomUUID } from 'node:crypto';
import type { AssistantId, DataClass, PolicyFile } from '../../contracts/policies.js';
import { DRAFT_MARKER, type CreateRunRequest, type RunBlockedDetails, type RunView } from '../../contracts/runs.js';
import type { RunReviewState } from '../../contracts/reviews.js';
import type { Deps } from '../../deps.js';
import { danishDate, localDay, startOfLocalDay } from '../../lib/dates.js';
import type { Prisma, Run } from '../../lib/db.js';
import { badGateway, conflict, gatewayTimeout, limitReached, notFound, policyViolation } from '../../lib/errors.js';
import { recordAudit, recordRunViewed, type AuditInput } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.types.js';
import { canAdministerTrial } from '../auth/permissions.service.js';
import {
  destinationOfProvider,
  guardText,
  placeholdersKeptInLinks,
  protector,
  providerFor,
  requireTrialPolicy,
  restoreDeep,
  restoreText,
  restoringStream,
} from '../gateway/gateway.service.js';
import type { LoadedPolicy } from '../policies/policy-rules.service.js';
import { loadRunGate, requireCurrentBriefing, requireParticipant, type RunGate } from '../trials/trials.service.js';
import { reviewStateFor } from '../reviews/reviews.service.js';
import { getAssistant } from '../assistants/assistants.service.js';
import type { AssistantResult } from '../assistants/assistant.types.js';
import { ProviderError, type ProviderKind } from '../providers/providers.types.js';
import { insertRun } from './runs.insert.js';

const DAY_MS = 86_400_000;

/** Shown when a run's policy has gone from the server since the run (the label is still owed). */
const FALLBACK_LABEL = { da: 'Udarbejdet med hjælp fra AI', en: 'Prepared with the help of AI' };

type Counts = Partial<Record<DataClass, number>>;
type AuditDetails = NonNullable<AuditInput['details']>;

/** Streaming and cancelling: the SSE endpoint passes all of them, the plain POST only the signal. */
export interface RunHooks {
  signal?: AbortSignal;
  /** Raw pieces of the draft as the provider sends them: still with placeholders. Never pass these to a browser. */
  onToken?: (token: string) => void;
  /**
   * Pieces of the draft with the originals put back, in order, for the person who wrote the input. A piece that
   * might be the start of a placeholder is held until it is complete (the mapping lives only in this function).
   */
  onDraftToken?: (text: string) => void;
  /** Called once the policy has let the run through, just before text is sent: the stream can begin. */
  onSend?: () => void;
}

/**
 * Runs under way in this process, so that a shutdown can wait until a run whose connection it cut has stored
 * its outcome (CANCELLED) before the database is closed.
 */
let runsUnderWay = 0;
export const runsInProgress = (): number => runsUnderWay;

/**
 * The one way an assistant reaches a model. In order: the person takes part in an active trial whose policy is
 * approved and allows the assistant; the gateway's guard finds personal data and the policy decides; a blocked
 * text is recorded by counts only and never sent; otherwise only the pseudonymised text is sent, and the
 * originals are put back in the draft on our side. Every outcome is stored with its audit event in one
 * transaction.
 *
 * Nothing here logs or audits content: not the input, the output, the mapping or what a placeholder stands for.
 */
export async function executeRun(deps: Deps, actor: Actor, req: CreateRunRequest, hooks: RunHooks = {}): Promise<RunView> {
  runsUnderWay += 1;
  try {
    return await governRun(deps, actor, req, hooks);
  } finally {
    runsUnderWay -= 1;
  }
}

/** What the gate let through: the trial as the run sees it, and the policy version it runs under. */
type Gate = RunGate & { loaded: LoadedPolicy; policy: PolicyFile };
/** The guarded input and what is recorded of it whatever the outcome (counts only, never a value). */
type Guarded = ReturnType<typeof guardText> & {
  provider: ReturnType<typeof providerFor>;
  destination: ReturnType<typeof destinationOfProvider>;
  counts: Counts;
  base: Prisma.RunUncheckedCreateInput & { id: string };
  auditBase: AuditDetails;
};
/** The assistant's answer, with the originals put back on our side. */
interface Answer {
  completion: AssistantResult;
  durationMs: number;
  output: string;
  details: unknown;
  mapping: ReturnType<ReturnType<typeof protector>['mapping']>;
  keptInLinks: number;
}

async function governRun(deps: Deps, actor: Actor, req: CreateRunRequest, hooks: RunHooks): Promise<RunView> {
  const now = deps.now();
  const gate = await passGate(deps, actor, req, now);
  const guarded = guardInput(deps, gate, actor, req, now);
  if (guarded.text === null) throw await refuseBlocked(deps, actor, req, gate, guarded, now);
  const answer = await dispatch(deps, actor, req, gate, { ...guarded, text: guarded.text }, hooks);
  const run = await storeDraft(deps, actor, req, gate, guarded, answer, now);
  deps.logger.info(
    { runId: run.id, trialId: gate.id, assistant: req.assistant, decision: guarded.evaluation.decision, provider: run.provider, model: run.model, durationMs: answer.durationMs },
    'run completed',
  );
  return toView(run, gate.loaded, reviewStateFor({ ...run, reviews: [], experienceLog: null }, actor.id, canAdministerTrial(actor, gate)));
}

/**
 * The gate: the person takes part in the trial, it is running, they have read its current briefing, the trial
 * and its policy allow the assistant, and today's limit is not reached.
 */
async function passGate(deps: Deps, actor: Actor, req: CreateRunRequest, now: Date): Promise<Gate> {
  const trial = await loadRunGate(deps.db, req.trialId, actor.id);
  if (!trial) throw notFound('Prøvehandlingen');
  const me = requireParticipant(actor, trial, trial.participant);
  requireRunning(trial, now);
  requireCurrentBriefing(me, trial);

  if (!(JSON.parse(trial.assistants) as string[]).includes(req.assistant)) {
    throw conflict('ASSISTANT_NOT_ENABLED', 'Denne assistent er ikke slået til i prøvehandlingen. Vælg en af prøvehandlingens assistenter.');
  }
  // The version the trial recorded; during a rolling deploy possibly another instance's (requireTrialPolicy).
  const loaded = await requireTrialPolicy(deps, trial, 'run');
  const policy = loaded.policy;
  if (!policy.assistants.includes(req.assistant)) {
    throw conflict(
      'ASSISTANT_NOT_ENABLED',
      'Prøvehandlingens datapolitik tillader ikke denne assistent. Kontakt lederen af prøvehandlingen.',
    );
  }
  await requireWithinDailyLimit(deps, actor, trial.id, policy, now);
  return { ...trial, loaded, policy };
}

/** The guard finds personal data and the policy decides, for the destination the run would go to. */
function guardInput(deps: Deps, gate: Gate, actor: Actor, req: CreateRunRequest, now: Date): Guarded {
  const { policy, loaded } = gate;
  const provider = providerFor(deps, policy);
  const destination = destinationOfProvider(provider);
  const guarded = guardText(policy, req.input, destination, { assistant: req.assistant });
  const { evaluation } = guarded;
  const counts: Counts = Object.fromEntries(evaluation.counts.map((c) => [c.type, c.count]));
  // Known before anything is sent, so what else the run sends (a question's embedding) is audited with it.
  const base: Guarded['base'] = {
    id: randomUUID(),
    trialId: gate.id,
    userId: actor.id,
    assistant: req.assistant,
    policyId: policy.id,
    policyVersion: loaded.version,
    guardDecision: evaluation.decision,
    guardFindings: JSON.stringify(counts),
    inputChars: req.input.length,
    createdAt: now,
  };
  const auditBase: AuditDetails = {
    assistant: req.assistant,
    policyId: policy.id,
    policyVersion: loaded.version,
    // Types and counts only ("CPR:1"): the audit trail never holds a value.
    findings: evaluation.counts.map((c) => `${c.type}:${c.count}`),
    inputChars: req.input.length,
  };
  return { ...guarded, provider, destination, counts, base, auditBase };
}

/** Refused before anything leaves the server: the row keeps counts and reasons, never the text. */
async function refuseBlocked(deps: Deps, actor: Actor, req: CreateRunRequest, gate: Gate, guarded: Guarded, now: Date): Promise<unknown> {
  const { evaluation } = guarded;
  const run = await deps.db.$transaction(async (tx) => {
    const created = await tx.run.create({ data: { ...guarded.base, status: 'BLOCKED', completedAt: now } });
    await recordAudit(tx, deps.provider, {
      actor,
      action: 'run.blocked',
      resourceType: 'run',
      resourceId: created.id,
      unitId: gate.unitId,
      details: { ...guarded.auditBase, decision: 'blocked', reasons: evaluation.reasons.map((r) => (r.dataClass ? `${r.code}:${r.dataClass}` : r.code)) },
    });
    return created;
  });
  deps.logger.info({ runId: run.id, trialId: gate.id, assistant: req.assistant, counts: guarded.counts }, 'run blocked by policy');
  const details: RunBlockedDetails = {
    runId: run.id,
    reasons: evaluation.reasons.filter((r) => r.code !== 'DATA_CLASS_MASKED' && r.code !== 'DATA_CLASS_WARNING'),
    counts: evaluation.counts.map(({ type, count }) => ({ type, count })),
  };
  return policyViolation(`Teksten kan ikke sendes under prøvehandlingens datapolitik, og intet er sendt. ${details.reasons.map((r) => r.da).join(' ')}`, details);
}

/**
 * Only the pseudonymised text is sent; the originals are put back in the draft on our side. A failure, or a
 * person who stopped waiting, is stored as such (recordUnfinished) and thrown.
 */
async function dispatch(deps: Deps, actor: Actor, req: CreateRunRequest, gate: Gate, guarded: Guarded & { text: string }, hooks: RunHooks): Promise<Answer> {
  const { provider, destination } = guarded;
  // Further text that leaves with this run (knowledge-base passages) meets the same policy and shares the
  // input's placeholders, so one mapping restores the whole draft.
  const extra = protector(gate.policy, destination, guarded.mapping);
  // Restores as it streams; the mapping is read on every piece, as protect() may have added placeholders since.
  const draftStream = hooks.onDraftToken ? restoringStream(extra.mapping, hooks.onDraftToken) : undefined;
  const onToken =
    hooks.onToken || draftStream
      ? (token: string) => {
          hooks.onToken?.(token);
          draftStream?.push(token);
        }
      : undefined;
  hooks.onSend?.();
  const started = performance.now();
  const unfinished = (err: unknown, providerKind: string, model: string) =>
    recordUnfinished(deps, actor, gate.unitId, { ...guarded.base, provider: providerKind, model }, guarded.auditBase, err, started, hooks.signal);
  let completion: AssistantResult;
  try {
    completion = await getAssistant(req.assistant).run({
      deps,
      trialId: gate.id,
      actor,
      runId: guarded.base.id,
      text: guarded.text,
      ...(req.options ? { options: req.options } : {}),
      provider,
      protect: extra.protect,
      ...(hooks.signal ? { signal: hooks.signal } : {}),
      ...(onToken ? { onToken } : {}),
    });
    draftStream?.end();
  } catch (err) {
    throw await unfinished(err, provider.kind, provider.model);
  }
  // Stopped while the answer came in, or just as it ended: what the person did not wait for is not a draft.
  if (hooks.signal?.aborted) throw await unfinished(new ProviderError('cancelled', completion.provider), completion.provider, completion.model);
  const durationMs = Math.round(performance.now() - started);
  const mapping = extra.mapping();
  const output = restoreText(completion.draft, mapping);
  // Placeholders the model put inside a link stay placeholders (pseudonymise.ts); how many is worth knowing,
  // as it is what a planted instruction to send data away looks like.
  const keptInLinks = placeholdersKeptInLinks(completion.draft, mapping);
  const restored = restoreDeep(completion.details, mapping);
  // Figures that must be counted on the real texts (a letter's LIX) are counted here, after restoring.
  const details = getAssistant(req.assistant).finish?.(restored, { input: req.input, draft: output }) ?? restored;
  return { completion, durationMs, output, details, mapping, keptInLinks };
}

/** The draft, its content kept for the policy's retention period, stored with its audit event in one transaction. */
async function storeDraft(deps: Deps, actor: Actor, req: CreateRunRequest, gate: Gate, guarded: Guarded, answer: Answer, now: Date): Promise<Run> {
  const { policy, loaded } = gate;
  const { evaluation } = guarded;
  const { completion, durationMs } = answer;
  return deps.db.$transaction(async (tx) => {
    const created: Run = {
      id: guarded.base.id,
      trialId: gate.id,
      userId: actor.id,
      assistant: req.assistant,
      // A question the knowledge base does not answer has nothing to approve: it is stored as such.
      status: notAnswered(req.assistant, answer.details) ? 'NOT_ANSWERED' : 'DRAFT',
      policyId: policy.id,
      policyVersion: loaded.version,
      guardDecision: evaluation.decision,
      guardFindings: JSON.stringify(guarded.counts),
      provider: completion.provider,
      model: completion.model,
      promptTokens: completion.usage.promptTokens,
      completionTokens: completion.usage.completionTokens,
      durationMs,
      errorCode: null,
      inputChars: req.input.length,
      fourEyes: evaluation.fourEyes,
      // Content, and the mapping that re-identifies it: kept only for the policy's retention period.
      input: req.input,
      output: answer.output,
      finalText: null,
      details: JSON.stringify(answer.details),
      pseudonymMap: JSON.stringify(answer.mapping),
      contentPurgedAt: null,
      retainUntil: new Date(now.getTime() + policy.retentionDays * DAY_MS),
      createdAt: now,
      completedAt: deps.now(),
    };
    await insertRun(tx, deps.provider, created);
    await recordAudit(tx, deps.provider, {
      actor,
      action: 'run.completed',
      resourceType: 'run',
      resourceId: created.id,
      unitId: gate.unitId,
      details: {
        ...guarded.auditBase,
        decision: evaluation.decision,
        masked: guarded.masked.length,
        fourEyes: evaluation.fourEyes,
        provider: completion.provider,
        model: completion.model,
        promptTokens: completion.usage.promptTokens,
        completionTokens: completion.usage.completionTokens,
        durationMs,
        ...(answer.keptInLinks ? { placeholdersKeptInLinks: answer.keptInLinks } : {}),
      },
    });
    return created;
  });
}

/** A run's owner sees it, and so do those who administer its trial. To anyone else it does not exist. */
export async function getRun(deps: Deps, actor: Actor, id: string): Promise<RunView> {
  const run = await deps.db.run.findUnique({
    where: { id },
    include: { trial: { select: { unitId: true } }, reviews: { include: { reviewer: { select: { id: true, name: true } } } }, experienceLog: { select: { id: true } } },
  });
  if (!run || (run.userId !== actor.id && !canAdministerTrial(actor, run.trial))) throw notFound('Kørslen');
  // Someone else's input and draft are personal data seen by another person: who looked, and when, is kept,
  // once per look (recordRunViewed): the page's refetches and its final-text request are the same view.
  if (run.userId !== actor.id && run.contentPurgedAt === null && run.output !== null) {
    await recordRunViewed(deps.db, deps.provider, actor, { id: run.id, status: run.status, unitId: run.trial.unitId });
  }
  return toView(run, deps.policies.get(run.policyId), reviewStateFor(run, actor.id, canAdministerTrial(actor, run.trial)));
}

/**
 * The documents assistant declined (no answer in the knowledge base, an empty one, or every passage refused by the
 * policy): the run is NOT_ANSWERED, outside the review queue, since there is no answer whose use a person could
 * approve (docs/decisions/0007).
 */
function notAnswered(assistant: AssistantId, details: unknown): boolean {
  return assistant === 'documents' && typeof details === 'object' && details !== null && (details as { answered?: unknown }).answered === false;
}

function requireRunning(trial: { status: string; startsAt: Date; endsAt: Date }, now: Date): void {
  const messages: Record<string, string> = {
    DRAFT: 'Prøvehandlingen er ikke startet endnu. Du kan bruge assistenten, når lederen har sat den i gang.',
    PAUSED: 'Prøvehandlingen er sat på pause, så assistenten kan ikke bruges lige nu. Spørg lederen, hvornår den fortsætter.',
    CLOSED: 'Prøvehandlingen er afsluttet, så assistenten kan ikke længere bruges i den.',
  };
  if (trial.status !== 'ACTIVE') {
    throw conflict('TRIAL_NOT_ACTIVE', messages[trial.status] ?? messages.CLOSED!, { status: trial.status });
  }
  // Whole days in Danish time: a trial "until 31 January" can be used all of that day.
  const today = localDay(now);
  if (today < localDay(trial.startsAt)) {
    throw conflict('TRIAL_NOT_ACTIVE', `Prøvehandlingen begynder først ${danishDate(trial.startsAt)}. Prøv igen fra den dag.`, {
      status: trial.status,
      startsAt: trial.startsAt.toISOString(),
    });
  }
  if (today > localDay(trial.endsAt)) {
    throw conflict('TRIAL_NOT_ACTIVE', `Prøvehandlingen sluttede ${danishDate(trial.endsAt)}, så assistenten kan ikke længere bruges i den.`, {
      status: trial.status,
      endsAt: trial.endsAt.toISOString(),
    });
  }
}

/**
 * The policy's runs per person per day, in Danish days. Blocked runs sent nothing and do not count. Counts no
 * further than the limit, from the (userId, trialId, createdAt, status) index alone: the answer is the same, and
 * the work stays small however busy the day.
 */
async function requireWithinDailyLimit(deps: Deps, actor: Actor, trialId: string, policy: PolicyFile, now: Date): Promise<void> {
  const limit = policy.limits.runsPerPersonPerDay;
  const [row] = await deps.db.$queryRaw<{ n: unknown }[]>`
    SELECT COUNT(*) AS "n" FROM (
      SELECT 1 FROM "Run"
      WHERE "userId" = ${actor.id} AND "trialId" = ${trialId} AND "createdAt" >= ${startOfLocalDay(now)} AND "status" <> 'BLOCKED'
      LIMIT ${limit}
    ) AS "today"`;
  if (Number(row?.n ?? 0) >= limit) {
    throw limitReached(
      'RUN_LIMIT_REACHED',
      `Du har brugt dagens ${limit} kørsler i denne prøvehandling. Prøv igen i morgen.`,
      { limit },
    );
  }
}

export const FAILURE_MESSAGES: Record<ProviderError['kind'], string> = {
  timeout: 'Sprogmodellen svarede ikke i tide. Prøv igen om lidt; sker det igen, så kontakt Digital Udvikling.',
  rate_limited: 'Sprogmodellen har for travlt lige nu. Vent et par minutter, og prøv igen.',
  server_error: 'Sprogmodellen svarede med en fejl. Prøv igen om lidt; sker det igen, så kontakt Digital Udvikling.',
  unavailable: 'Der er ikke forbindelse til sprogmodellen lige nu. Prøv igen om lidt; sker det igen, så kontakt Digital Udvikling.',
  malformed: 'Sprogmodellen sendte et svar, der ikke kunne læses. Prøv igen; sker det igen, så kontakt Digital Udvikling.',
  refused: 'Sprogmodellen afviste forespørgslen. Kontakt Digital Udvikling, så de kan se på opsætningen.',
  incomplete: 'Sprogmodellens svar blev afbrudt, før det var færdigt, så der er intet udkast. Prøv igen; sker det igen, så kontakt Digital Udvikling.',
  cancelled: 'Kørslen blev stoppet, før svaret var færdigt, så der er intet udkast. Start en ny kørsel, hvis du vil prøve igen.',
};

/** errorCode of a run whose call ended in an error of ours, not the provider's (a bug): stored, then surfaced. */
const INTERNAL_FAILURE = 'internal';

/**
 * Stores a run whose call did not end in a whole answer, with its audit event, and returns the error to answer
 * with: CANCELLED when the caller stopped it, FAILED with the provider failure's kind otherwise, and FAILED
 * `internal` for an error of our own (which is then rethrown as it is, so it surfaces as a bug). No run is lost
 * and no content is kept: the person still has their text, and nothing whole came back.
 */
async function recordUnfinished(
  deps: Deps,
  actor: Actor,
  unitId: string,
  data: Prisma.RunUncheckedCreateInput & { provider: string; model: string },
  auditBase: AuditDetails,
  err: unknown,
  started: number,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  const durationMs = Math.round(performance.now() - started);
  const providerError = err instanceof ProviderError ? err : signal?.aborted ? new ProviderError('cancelled', data.provider as ProviderKind) : null;
  const kind = providerError?.kind ?? INTERNAL_FAILURE;
  const cancelled = kind === 'cancelled';
  const run = await deps.db.$transaction(async (tx) => {
    const created = await tx.run.create({
      data: { ...data, status: cancelled ? 'CANCELLED' : 'FAILED', errorCode: kind, durationMs, completedAt: deps.now() },
    });
    await recordAudit(tx, deps.provider, {
      actor,
      action: cancelled ? 'run.cancelled' : 'run.failed',
      resourceType: 'run',
      resourceId: created.id,
      unitId,
      details: {
        ...auditBase,
        provider: data.provider,
        model: data.model,
        errorCode: kind,
        ...(providerError?.status ? { httpStatus: providerError.status } : {}),
        durationMs,
      },
    });
    return created;
  });
  const logged = { runId: run.id, provider: data.provider, model: data.model, kind, httpStatus: providerError?.status, durationMs };
  if (!providerError) {
    // The error's name only: a message of a foreign error can quote the text it failed on.
    deps.logger.error({ ...logged, err: { name: (err as Error)?.name } }, 'run failed with an internal error');
    return err;
  }
  if (cancelled) deps.logger.info(logged, 'run cancelled');
  else deps.logger.warn(logged, 'provider call failed');
  const details = { runId: run.id, kind };
  if (cancelled) return conflict('RUN_CANCELLED', FAILURE_MESSAGES.cancelled, details);
  return kind === 'timeout'
    ? gatewayTimeout('PROVIDER_TIMEOUT', FAILURE_MESSAGES.timeout, details)
    : badGateway('PROVIDER_FAILED', FAILURE_MESSAGES[providerError.kind], details);
}

function toView(run: Run, loaded: LoadedPolicy | undefined, review: RunReviewState): RunView {
  const counts = JSON.parse(run.guardFindings) as Counts;
  const purged = run.contentPurgedAt !== null;
  return {
    id: run.id,
    trialId: run.trialId,
    requesterId: run.userId,
    assistant: run.assistant as AssistantId,
    status: run.status,
    output: purged ? null : run.output,
    details: purged || !run.details ? null : (JSON.parse(run.details) as Record<string, unknown>),
    draftMarker: DRAFT_MARKER,
    disclosureLabel: loaded?.policy.disclosureLabel ?? FALLBACK_LABEL,
    policyId: run.policyId,
    policyVersion: run.policyVersion,
    policyTitle: loaded?.policy.title.da ?? run.policyId,
    policyCurrent: loaded?.version === run.policyVersion,
    guardDecision: (run.guardDecision as RunView['guardDecision']) ?? null,
    counts: (Object.entries(counts) as [DataClass, number][]).map(([type, count]) => ({ type, count })),
    provider: (run.provider as ProviderKind | null) ?? null,
    model: run.model,
    usage:
      run.promptTokens !== null && run.completionTokens !== null
        ? { promptTokens: run.promptTokens, completionTokens: run.completionTokens }
        : null,
    durationMs: run.durationMs,
    errorCode: run.errorCode,
    createdAt: run.createdAt.toISOString(),
    completedAt: run.completedAt?.toISOString() ?? null,
    retainUntil: run.retainUntil?.toISOString() ?? null,
    review,
  };
}

/**
 * The daily run limit for work that becomes a run later (a recording to transcribe for minutes): the same rule
 * and the same 429 RUN_LIMIT_REACHED as a run, checked before the work is accepted.
 */
export async function requireRunsLeftToday(deps: Deps, actor: Actor, trialId: string, policy: PolicyFile): Promise<void> {
  await requireWithinDailyLimit(deps, actor, trialId, policy, deps.now());
}
