import type {
  Board,
  BoardAssistantRow,
  BoardQuery,
  BoardTrialRow,
  CreateDecisionRequest,
  ExportRow,
  InsightsQuery,
  PublicRegister,
  PublicRegisterTrial,
  TrialDecisionView,
  TrialExport,
  TrialInsights,
} from '../../contracts/insights.js';
import { EMPTY_REASONS, EXPORT_SUPPRESSED_NOTE, ExportField as ExportFields, type BaselineComparison, type ExportField, type Measure } from '../../contracts/insights.js';
import { AssistantId, type DataAction, type DataClass } from '../../contracts/policies.js';
import { SuccessCriterion, type DecisionCriterion } from '../../contracts/trials.js';
import type { Deps } from '../../deps.js';
import type { Trial } from '../../lib/db.js';
import { conflict, forbidden, notFound } from '../../lib/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.types.js';
import { canAdministerTrial, requireRole } from '../auth/permissions.service.js';
import { plainLanguage } from '../policies/policy-rules.service.js';
import { findBaselinesOfTrial, findReflectionsOfTrial } from '../experiences/experiences.service.js';
import { findRunFacts } from '../runs/run-records.service.js';
import {
  createTrialDecision,
  findParticipantBriefings,
  findPublishedTrials,
  findSameDecisionSince,
  findTrialsForBoard,
  findTrialWithUnit,
  hasCurrentBriefing,
  isParticipant,
  listTrialDecisions,
  policiesOfTrials,
  setTrialPublished,
  toDecisionView,
  type DecisionInput,
} from '../trials/trials.service.js';
import { ASSISTANT_NAMES, CLASS_WORDS, PROVIDER_NAMES, orJoin } from '../policies/policy-rules.service.js';
import {
  computeMeasures,
  editSizeOf,
  failureTypesOf,
  isBlocked,
  isMasked,
  minutesMeasure,
  outcomeOf,
  outcomesMeasure,
  usefulnessMean,
  withheldExportFields,
  wouldUseAgainShare,
  type RunFacts,
} from './insights.compute.js';
import { criterionResults } from './insights.criteria.js';
import { toAlgoritmeregister, toAtrsRecord, type AlgoritmeregisterEntry, type AtrsRecord, type RegisterEntryFacts } from './insights.register-standards.js';
import { allowsProvider, destinationOf } from '../policies/policy-rules.service.js';
import { distinct, isoWeek, measure, median, periodOf, weeksBetween } from './insights.measures.js';

const TRIAL = 'Prøvehandlingen';
/** The organisation the public AI register speaks for. */
export const ORGANISATION = 'Rødovre Kommune';

// ---------------------------------------------------------------------------------------------------------
// Access

type TrialWithUnit = Trial & { unit: { id: string; name: string } };

async function loadTrial(deps: Deps, trialId: string): Promise<TrialWithUnit> {
  const trial = await findTrialWithUnit(deps.db, trialId);
  if (!trial) throw notFound(TRIAL);
  return trial;
}

/** Administrators only. Participants who know the trial get 403; to everyone else it does not exist (404). */
async function requireAdmin(deps: Deps, actor: Actor, trialId: string): Promise<TrialWithUnit> {
  const trial = await loadTrial(deps, trialId);
  if (canAdministerTrial(actor, trial)) return trial;
  if (trial.status !== 'DRAFT' && (await isParticipant(deps.db, trialId, actor.id))) {
    throw forbidden('Kun lederen af prøvehandlingen og Digital Udvikling kan se tallene og træffe beslutningen.');
  }
  throw notFound(TRIAL);
}

/** Those who see the trial: its administrators, and its participants once it has started. */
async function requireSees(deps: Deps, actor: Actor, trialId: string): Promise<TrialWithUnit> {
  const trial = await loadTrial(deps, trialId);
  if (canAdministerTrial(actor, trial)) return trial;
  if (trial.status !== 'DRAFT' && (await isParticipant(deps.db, trialId, actor.id))) return trial;
  throw notFound(TRIAL);
}

/** The participants' no-AI estimates beside the minutes saved, under the board's rule of 3 people. */
function baselineOf(rows: { userId: string; minutes: number }[], saved: Measure<{ median: number }>): Measure<BaselineComparison> {
  return measure(distinct(rows.map((r) => r.userId)), EMPTY_REASONS.noBaselines, () => {
    const without = median(rows.map((r) => r.minutes));
    const medianSaved = saved.status === 'ok' ? saved.value.median : null;
    return { medianWithout: without, medianSaved, shareSaved: medianSaved === null || without === 0 ? null : Math.round((medianSaved / without) * 100) / 100, estimates: rows.length };
  });
}

/** The charter's computable success criteria; a row that does not parse counts as none rather than failing the board. */
function criteriaOf(trial: Trial): SuccessCriterion[] {
  try {
    const parsed = SuccessCriterion.array().safeParse(JSON.parse(trial.criteria));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

function assistantsOf(trial: Trial): AssistantId[] {
  try {
    const parsed: unknown = JSON.parse(trial.assistants);
    return Array.isArray(parsed) ? parsed.filter((a): a is AssistantId => AssistantId.safeParse(a).success) : [];
  } catch {
    return [];
  }
}

/**
 * The action the policy takes on a class, or null when it is not known: no policy, or a rule that differs by
 * destination (a blocked run does not record where it would have gone), and then every finding of it counts.
 */
function actionOf(deps: Deps) {
  return (policyId: string, c: DataClass): DataAction | null => {
    const rule = deps.policies.get(policyId)?.policy.dataClasses[c];
    return typeof rule === 'string' ? rule : null;
  };
}

function runsOf(deps: Deps, trialIds: string[], period: { from: Date | null; to: Date | null }): Promise<(RunFacts & { trialId: string })[]> {
  return findRunFacts(deps.db, trialIds, period);
}

// ---------------------------------------------------------------------------------------------------------
// Decisions

export async function listDecisions(deps: Deps, actor: Actor, trialId: string): Promise<TrialDecisionView[]> {
  await requireSees(deps, actor, trialId);
  return listTrialDecisions(deps.db, trialId);
}

/** Within this time the same decision from the same person is a repeat (double click, retry), not a new one. */
const REPEAT_DECISION_MS = 10_000;

export async function createDecision(deps: Deps, actor: Actor, trialId: string, input: CreateDecisionRequest): Promise<TrialDecisionView> {
  const trial = await requireAdmin(deps, actor, trialId);
  if (trial.status === 'DRAFT') {
    throw conflict('TRIAL_NOT_STARTED', 'Prøvehandlingen er ikke startet endnu. Beslut først, når den har kørt og der er erfaringer at bygge på.');
  }
  const now = deps.now();
  // The evidence the decision rests on: each success criterion as the board shows it for the whole trial now.
  const evidence = criterionResults(await runsOf(deps, [trial.id], { from: null, to: null }), criteriaOf(trial)).map(
    ({ criterion, result }): DecisionCriterion =>
      result.status === 'ok'
        ? { criterion, estimate: result.value.estimate, low: result.value.low, high: result.value.high, verdict: result.value.verdict, reason: null }
        : { criterion, estimate: null, low: null, high: null, verdict: null, reason: result.reason },
  );
  const decision: DecisionInput = { trialId, decidedById: actor.id, outcome: input.outcome, rationale: input.rationale, evidence: input.evidence };
  const d = await deps.db.$transaction(async (tx) => {
    // The latest decision is what the public AI register shows: a repeat must not add a second row or audit event.
    const repeat = await findSameDecisionSince(tx, decision, new Date(now.getTime() - REPEAT_DECISION_MS));
    if (repeat) {
      throw conflict(
        'DECISION_ALREADY_RECORDED',
        'Den samme beslutning blev registreret for et øjeblik siden, så den er ikke registreret igen. Se listen over beslutninger.',
      );
    }
    const created = await createTrialDecision(tx, { ...decision, criteria: JSON.stringify(evidence), createdAt: now });
    // The outcome only: the rationale and evidence are text and stay out of the audit trail.
    await recordAudit(tx, deps.provider, {
      actor,
      action: 'trial.decided',
      resourceType: 'trial',
      resourceId: trialId,
      unitId: trial.unitId,
      details: { outcome: input.outcome, decisionId: created.id },
    });
    return created;
  });
  return toDecisionView(d);
}

// ---------------------------------------------------------------------------------------------------------
// One trial

export async function getTrialInsights(deps: Deps, actor: Actor, trialId: string, q: InsightsQuery): Promise<TrialInsights> {
  const trial = await requireAdmin(deps, actor, trialId);
  return insightsOf(deps, trial, q);
}

async function insightsOf(deps: Deps, trial: TrialWithUnit, q: InsightsQuery): Promise<TrialInsights> {
  const period = periodOf(q);
  const assistants = assistantsOf(trial);
  const [runs, participants, reflections, decisions] = await Promise.all([
    runsOf(deps, [trial.id], period),
    findParticipantBriefings(deps.db, trial.id),
    findReflectionsOfTrial(deps.db, trial.id, period),
    listTrialDecisions(deps.db, trial.id),
  ]);

  const seenOf = () => [...new Set([...assistants, ...runs.map((r) => r.assistant as AssistantId)])];
  const computed = computeMeasures(runs, seenOf(), actionOf(deps));
  const baselines = await findBaselinesOfTrial(deps.db, trial.id);
  const nonBlocked = runs.filter((r) => !isBlocked(r));
  const perPerson = new Map<string, number>();
  for (const r of nonBlocked) perPerson.set(r.userId, (perPerson.get(r.userId) ?? 0) + 1);
  const counts = [...perPerson.values()];
  const invited = participants.length;
  const active = perPerson.size;

  const seen = seenOf();
  const runsOverTime = runs.length
    ? weeksBetween(runs[0]!.createdAt, runs[runs.length - 1]!.createdAt).map((w) => ({
        ...w,
        counts: seen.map((assistant) => ({
          assistant,
          runs: runs.filter((r) => r.assistant === assistant && isoWeek(r.createdAt).week === w.week).length,
        })),
      }))
    : [];

  const filtered = q.from !== undefined || q.to !== undefined;
  const noRunsReason = filtered ? EMPTY_REASONS.noRuns : 'Prøvehandlingen har ingen kørsler endnu.';

  return {
    trial: {
      id: trial.id,
      title: trial.title,
      unit: trial.unit,
      status: trial.status,
      period: { startsAt: trial.startsAt.toISOString(), endsAt: trial.endsAt.toISOString() },
      assistants,
    },
    period: { from: q.from ?? null, to: q.to ?? null },
    participation: {
      invited,
      briefed: participants.filter((p) => hasCurrentBriefing(p, trial)).length,
      active,
      shareActive: invited ? Math.round((active / invited) * 100) / 100 : null,
      runsPerPerson: measure(active, EMPTY_REASONS.noRuns, () => ({ median: median(counts), min: Math.min(...counts), max: Math.max(...counts) })),
    },
    runsOverTime,
    ...computed,
    // Reflections are free text: with fewer than 3 authors the wording could tell who wrote it.
    reflections: measure(distinct(reflections.map((r) => r.userId)), 'Ingen refleksioner endnu.', () =>
      reflections.map((r) => ({ id: r.id, text: r.text, createdAt: r.createdAt.toISOString() })),
    ),
    baseline: baselineOf(baselines, computed.minutesSaved),
    criteria: criterionResults(runs, criteriaOf(trial)),
    decisions,
    emptyReason: runs.length ? null : noRunsReason,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The board across trials

function boardMeasures(runs: RunFacts[]) {
  return {
    runs: runs.length,
    people: distinct(runs.map((r) => r.userId)),
    outcomes: outcomesMeasure(runs, EMPTY_REASONS.noRuns),
    minutesSaved: minutesMeasure(runs),
    usefulnessMean: usefulnessMean(runs),
    wouldUseAgainShare: wouldUseAgainShare(runs),
    blockedRuns: runs.filter(isBlocked).length,
    maskedRuns: runs.filter(isMasked).length,
  };
}

export async function getBoard(deps: Deps, actor: Actor, q: BoardQuery): Promise<Board> {
  requireRole(actor, ['DIGITAL_UNIT']);
  const period = periodOf(q);
  const trials = (await findTrialsForBoard(deps.db, { unitId: q.unitId, ...period })).filter((t) => !q.assistant || assistantsOf(t).includes(q.assistant));

  const allRuns = (await runsOf(deps, trials.map((t) => t.id), period)).filter((r) => !q.assistant || r.assistant === q.assistant);

  const trialRows: BoardTrialRow[] = trials.map((t) => {
    const d = t.decisions[0];
    return {
      trial: { id: t.id, title: t.title, status: t.status, unit: t.unit },
      ...boardMeasures(allRuns.filter((r) => r.trialId === t.id)),
      latestDecision: d ? { outcome: d.outcome, createdAt: d.createdAt.toISOString() } : null,
    };
  });

  const assistantIds = AssistantId.options.filter((a) => (!q.assistant || a === q.assistant) && trials.some((t) => assistantsOf(t).includes(a)));
  const assistantRows: BoardAssistantRow[] = assistantIds.map((a) => ({
    assistant: a,
    trials: trials.filter((t) => assistantsOf(t).includes(a)).length,
    ...boardMeasures(allRuns.filter((r) => r.assistant === a)),
  }));

  return {
    filters: { unitId: q.unitId ?? null, assistant: q.assistant ?? null, from: q.from ?? null, to: q.to ?? null },
    trials: trialRows,
    assistants: assistantRows,
    emptyReason: trials.length === 0 ? EMPTY_REASONS.noTrials : allRuns.length === 0 ? EMPTY_REASONS.noRuns : null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Exports

export async function exportTrial(deps: Deps, actor: Actor, trialId: string, q: InsightsQuery, format: 'csv' | 'json'): Promise<TrialExport> {
  const trial = await requireAdmin(deps, actor, trialId);
  const runs = await runsOf(deps, [trial.id], periodOf(q));
  // Each assistant's runs are a breakdown of their own, as on the board: a row of an assistant that 2 people
  // used shows neither their pseudonyms (which would tie their other rows to them) nor their figures.
  const withheldBy = new Map<string, Set<ExportField>>();
  for (const a of new Set(runs.map((r) => r.assistant))) {
    withheldBy.set(a, new Set(withheldExportFields(runs.filter((r) => r.assistant === a))));
  }
  // Pseudonyms by order of first shown run, so P1 is the first to have tried an assistant in the period, and
  // no number is missing for someone whose rows are all withheld.
  const pseudonyms = new Map<string, string>();
  for (const r of runs) {
    if (!withheldBy.get(r.assistant)!.has('participant') && !pseudonyms.has(r.userId)) pseudonyms.set(r.userId, `P${pseudonyms.size + 1}`);
  }
  const rows: ExportRow[] = runs.map((r) => {
    const hidden = withheldBy.get(r.assistant)!;
    const show = <T>(field: ExportField, value: T): T | null => (hidden.has(field) ? null : value);
    const outcome = outcomeOf(r);
    const log = r.experienceLog;
    return {
      runId: show('runId', r.id),
      participant: show('participant', pseudonyms.get(r.userId) ?? null),
      assistant: r.assistant as AssistantId,
      status: show('status', r.status),
      createdAt: show('createdAt', r.createdAt.toISOString()),
      guardDecision: show('guardDecision', r.guardDecision),
      provider: show('provider', r.provider),
      model: show('model', r.model),
      promptTokens: show('promptTokens', r.promptTokens),
      completionTokens: show('completionTokens', r.completionTokens),
      durationMs: show('durationMs', r.durationMs),
      outcome: show('outcome', outcome),
      editSize: show('editSize', outcome === 'EDITED' ? editSizeOf(r) : null),
      usefulness: show('usefulness', log?.usefulness ?? null),
      minutesSaved: show('minutesSaved', log?.minutesSaved ?? null),
      failureTypes: show('failureTypes', log ? failureTypesOf(log.failureTypes) : []) ?? [],
      wouldUseAgain: show('wouldUseAgain', log?.wouldUseAgain ?? null),
      withheld: ExportFields.options.filter((f) => hidden.has(f)),
    };
  });
  const suppressed = rows.some((r) => r.withheld.length > 0);
  await deps.db.$transaction((tx) =>
    recordAudit(tx, deps.provider, {
      actor,
      action: 'trial.exported',
      resourceType: 'trial',
      resourceId: trial.id,
      unitId: trial.unitId,
      details: { format, rows: rows.length, suppressed },
    }),
  );
  return {
    trial: { id: trial.id, title: trial.title },
    exportedAt: deps.now().toISOString(),
    suppressed: suppressed ? EXPORT_SUPPRESSED_NOTE : null,
    rows,
  };
}

/** The fields withheld from any row of an export, for the X-Suppressed header. */
export function withheldFieldsOf(data: TrialExport): ExportField[] {
  return ExportFields.options.filter((f) => data.rows.some((r) => r.withheld.includes(f)));
}

// ---------------------------------------------------------------------------------------------------------
// The printable learning report

export async function reportData(deps: Deps, actor: Actor, trialId: string, reflectionIds: string[]) {
  const trial = await requireAdmin(deps, actor, trialId);
  const insights = await insightsOf(deps, trial, {});
  const loaded = deps.policies.get(trial.policyId);
  const selected = insights.reflections.status === 'ok' ? insights.reflections.value.filter((r) => reflectionIds.includes(r.id)) : [];
  return {
    trial,
    charter: {
      title: trial.title,
      purpose: trial.purpose,
      hypothesis: trial.hypothesis,
      successCriteria: trial.successCriteria,
      unit: trial.unit.name,
      startsAt: trial.startsAt,
      endsAt: trial.endsAt,
      assistants: assistantsOf(trial).map((a) => ASSISTANT_NAMES[a].da),
      policy: loaded?.policy.title.da ?? trial.policyId,
    },
    insights,
    selected,
    generatedAt: deps.now(),
  };
}
export type ReportData = Awaited<ReturnType<typeof reportData>>;

// ---------------------------------------------------------------------------------------------------------
// Publication and the public AI register

export async function setPublication(deps: Deps, actor: Actor, trialId: string, published: boolean): Promise<{ published: boolean }> {
  const trial = await requireAdmin(deps, actor, trialId);
  if (trial.status === 'DRAFT') {
    throw conflict('TRIAL_NOT_STARTED', 'En prøvehandling i udkast kan ikke offentliggøres. Start den først.');
  }
  await deps.db.$transaction(async (tx) => {
    await setTrialPublished(tx, trialId, published);
    await recordAudit(tx, deps.provider, {
      actor,
      action: published ? 'trial.published' : 'trial.unpublished',
      resourceType: 'trial',
      resourceId: trialId,
      unitId: trial.unitId,
    });
  });
  return { published };
}

/** How people oversee the assistant, in plain Danish, from the policy's human review rules. */
export function humanOversightOf(review: { required: boolean; secondApprover: 'never' | 'always' | { whenPresent: DataClass[] } } | undefined): string[] {
  if (!review) return ['Datapolitikken findes ikke længere på serveren; prøvehandlingen kan ikke bruges, før den er på plads igen.'];
  const lines = [
    review.required
      ? 'Alt, hvad assistenten skriver, er et udkast. En medarbejder læser hvert udkast og godkender, retter eller afviser det, før det bruges.'
      : 'Medarbejderen vurderer selv assistentens svar, før det bruges.',
  ];
  if (review.secondApprover === 'always') {
    lines.push('Fire øjne: en anden medarbejder skal også godkende hvert udkast, før det bruges.');
  } else if (typeof review.secondApprover === 'object') {
    // Any one of the classes asks for a second approver (policy.evaluate.ts): "eller", not "og".
    const { whenPresent } = review.secondApprover;
    const classes = orJoin(whenPresent.map((c) => CLASS_WORDS[c].da[1]), 'da');
    lines.push(`Fire øjne: når teksten indeholder ${whenPresent.length > 1 ? 'mindst én af disse: ' : ''}${classes}, skal en anden medarbejder også godkende udkastet.`);
  }
  lines.push('Tekster, der bruges, mærkes som genereret med AI, og hver brug registreres uden indhold i en revisionslog.');
  return lines;
}

export async function publicRegister(deps: Deps): Promise<PublicRegister> {
  const trials = await findPublishedTrials(deps.db);
  return {
    organisation: ORGANISATION,
    trials: trials.map((t): PublicRegisterTrial => {
      const loaded = deps.policies.get(t.policyId);
      const plain = loaded ? plainLanguage(loaded.policy, 'public') : { may: [], mayNot: [], must: [] };
      const da = (rules: { code: string; da: string }[]) => rules.map((r) => ({ code: r.code, da: r.da }));
      const d = t.decisions[0];
      return {
        id: t.id,
        title: t.title,
        purpose: t.purpose,
        unit: t.unit.name,
        assistants: assistantsOf(t).map((a) => ({ id: a, name: ASSISTANT_NAMES[a].da })),
        period: { startsAt: t.startsAt.toISOString(), endsAt: t.endsAt.toISOString() },
        status: t.status,
        policy: { title: loaded?.policy.title.da ?? t.policyId, may: da(plain.may), mayNot: da(plain.mayNot), must: da(plain.must) },
        humanOversight: humanOversightOf(loaded?.policy.humanReview),
        decision: d ? { outcome: d.outcome, rationale: d.rationale, decidedAt: d.createdAt.toISOString() } : null,
      };
    }),
  };
}

/**
 * The public register's entries in the Dutch Algoritmeregister standard and as UK algorithmic transparency
 * records, from the same facts; the model named is the one a run of the trial goes to under its policy.
 */
export async function registerStandardEntries(deps: Deps, registerUrl: string): Promise<{ algoritmeregister: AlgoritmeregisterEntry[]; atrs: AtrsRecord[] }> {
  const register = await publicRegister(deps);
  const policyOf = await policiesOfTrials(deps.db, register.trials.map((t) => t.id));
  const facts = register.trials.map((trial): RegisterEntryFacts => {
    const policy = deps.policies.get(policyOf.get(trial.id) ?? '')?.policy;
    const provider = deps.providers.choose((kind, model) => (policy ? allowsProvider(policy, kind, model) : kind === 'offline'));
    const local = policy ? destinationOf(policy, provider.kind, provider.baseUrl) === 'local' : provider.kind === 'offline';
    return {
      trial,
      models: [{ provider: PROVIDER_NAMES[provider.kind].da, model: provider.model, runsLocally: local }],
      organisation: register.organisation,
      registerUrl,
      contactEmail: null,
    };
  });
  return { algoritmeregister: facts.map(toAlgoritmeregister), atrs: facts.map(toAtrsRecord) };
}
