import type { FailureType } from '../../contracts/experiences.js';
import { FailureType as FailureTypes } from '../../contracts/experiences.js';
import { EMPTY_REASONS, type Measure, type Outcomes } from '../../contracts/insights.js';
import type { AssistantId, DataAction, DataClass, ProviderKind } from '../../contracts/policies.js';
import { distinct, mean, measure, median, round2, sum } from './insights.measures.js';

/** What the measures need of a run: metadata only, never content. */
export interface RunFacts {
  id: string;
  userId: string;
  assistant: string;
  status: string;
  guardDecision: string | null;
  guardFindings: string;
  policyId: string;
  provider: string | null;
  model: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  durationMs: number | null;
  createdAt: Date;
  reviews: { decision: string; step: number; editSize: number }[];
  experienceLog: { userId: string; usefulness: number; minutesSaved: number; failureTypes: string; wouldUseAgain: boolean } | null;
}

/** The select that loads RunFacts; content columns (input, output, finalText, details) are never read here. */
export const RUN_FACTS_SELECT = {
  id: true,
  userId: true,
  assistant: true,
  status: true,
  guardDecision: true,
  guardFindings: true,
  policyId: true,
  provider: true,
  model: true,
  promptTokens: true,
  completionTokens: true,
  durationMs: true,
  createdAt: true,
  reviews: { select: { decision: true, step: true, editSize: true } },
  experienceLog: { select: { userId: true, usefulness: true, minutesSaved: true, failureTypes: true, wouldUseAgain: true } },
} as const;

export type RunOutcome = 'APPROVED_AS_IS' | 'EDITED' | 'REJECTED' | 'AWAITING_REVIEW' | 'NOT_REVIEWABLE';

/**
 * A run's outcome is where its human review ended: rejected; approved with an edit at any step (the text used
 * is not the draft); approved as is; or still awaiting a decision. Blocked and failed runs had no draft to review.
 */
export function outcomeOf(r: Pick<RunFacts, 'status' | 'reviews'>): RunOutcome {
  if (r.status === 'REJECTED') return 'REJECTED';
  if (r.status === 'APPROVED') return r.reviews.some((x) => x.decision === 'EDIT_AND_APPROVE') ? 'EDITED' : 'APPROVED_AS_IS';
  if (r.status === 'DRAFT') return 'AWAITING_REVIEW';
  return 'NOT_REVIEWABLE';
}

/** Characters inserted plus deleted over every edit of the run. */
export const editSizeOf = (r: Pick<RunFacts, 'reviews'>): number =>
  sum(r.reviews.filter((x) => x.decision === 'EDIT_AND_APPROVE').map((x) => x.editSize));

export function failureTypesOf(json: string): FailureType[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((t): t is FailureType => FailureTypes.safeParse(t).success) : [];
  } catch {
    return [];
  }
}

function findingsOf(json: string): Partial<Record<DataClass, number>> {
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed && typeof parsed === 'object' ? (parsed as Partial<Record<DataClass, number>>) : {};
  } catch {
    return {};
  }
}

export const isBlocked = (r: Pick<RunFacts, 'status' | 'guardDecision'>) => r.status === 'BLOCKED' || r.guardDecision === 'blocked';
export const isMasked = (r: Pick<RunFacts, 'guardDecision'>) => r.guardDecision === 'masked';

export function outcomesMeasure(runs: RunFacts[], emptyReason: string): Measure<Outcomes> {
  const reviewable = runs.filter((r) => outcomeOf(r) !== 'NOT_REVIEWABLE');
  return measure(distinct(reviewable.map((r) => r.userId)), emptyReason, () => {
    const o = reviewable.map(outcomeOf);
    const n = (k: RunOutcome) => o.filter((x) => x === k).length;
    return {
      approvedAsIs: n('APPROVED_AS_IS'),
      edited: n('EDITED'),
      rejected: n('REJECTED'),
      awaitingReview: n('AWAITING_REVIEW'),
      total: reviewable.length,
    };
  });
}

const logsOf = (runs: RunFacts[]) =>
  runs.flatMap((r) => (r.experienceLog ? [{ ...r.experienceLog, assistant: r.assistant as AssistantId }] : []));

/** The reason for an empty experience measure: no runs at all, or runs but nobody has logged yet. */
const experienceEmpty = (runs: RunFacts[]) => (runs.length ? EMPTY_REASONS.noExperiences : EMPTY_REASONS.noRuns);

export function minutesMeasure(runs: RunFacts[]) {
  const logs = logsOf(runs);
  return measure(distinct(logs.map((l) => l.userId)), experienceEmpty(runs), () => ({
    total: sum(logs.map((l) => l.minutesSaved)),
    median: median(logs.map((l) => l.minutesSaved)),
  }));
}

export function usefulnessMean(runs: RunFacts[]): Measure<number> {
  const logs = logsOf(runs);
  return measure(distinct(logs.map((l) => l.userId)), experienceEmpty(runs), () => mean(logs.map((l) => l.usefulness)));
}

export function wouldUseAgainShare(runs: RunFacts[]): Measure<number> {
  const logs = logsOf(runs);
  return measure(distinct(logs.map((l) => l.userId)), experienceEmpty(runs), () =>
    round2(logs.filter((l) => l.wouldUseAgain).length / logs.length),
  );
}

/** Every measure of one trial (or one slice of runs) except participation, reflections and decisions. */
export function computeMeasures(runs: RunFacts[], assistants: readonly AssistantId[], actionOf: (policyId: string, c: DataClass) => DataAction | null) {
  const noRuns = EMPTY_REASONS.noRuns;
  const logs = logsOf(runs);
  const logPeople = distinct(logs.map((l) => l.userId));
  const expEmpty = experienceEmpty(runs);

  const edited = runs.filter((r) => outcomeOf(r) === 'EDITED');
  const editSize = measure(distinct(edited.map((r) => r.userId)), runs.length ? EMPTY_REASONS.noEdits : noRuns, () => {
    const sizes = edited.map(editSizeOf);
    return { median: median(sizes), mean: mean(sizes), max: Math.max(...sizes) };
  });

  // Each assistant's cell is a breakdown of its own: shown only with 3 or more people behind it.
  const perAssistant: { assistant: AssistantId; total: number; median: number; runs: number }[] = [];
  const suppressedAssistants: AssistantId[] = [];
  for (const a of assistants) {
    const mine = logs.filter((l) => l.assistant === a);
    const people = distinct(mine.map((l) => l.userId));
    if (people === 0) continue;
    if (people < 3) suppressedAssistants.push(a);
    else perAssistant.push({ assistant: a, total: sum(mine.map((l) => l.minutesSaved)), median: median(mine.map((l) => l.minutesSaved)), runs: mine.length });
  }
  const minutesSaved = measure(logPeople, expEmpty, () => ({
    total: sum(logs.map((l) => l.minutesSaved)),
    median: median(logs.map((l) => l.minutesSaved)),
    perAssistant,
    suppressedAssistants,
  }));

  const usefulness = measure(logPeople, expEmpty, () => {
    const distribution = [1, 2, 3, 4, 5].map((v) => logs.filter((l) => l.usefulness === v).length);
    return { distribution, mean: mean(logs.map((l) => l.usefulness)) };
  });

  const failureTypes = measure(logPeople, expEmpty, () => {
    const counts = FailureTypes.options.map((type) => ({
      type,
      count: logs.filter((l) => failureTypesOf(l.failureTypes).includes(type)).length,
    }));
    // Stable: equal counts keep the order of the list of types.
    return counts.sort((a, b) => b.count - a.count);
  });

  const wouldUseAgain = measure(logPeople, expEmpty, () => {
    const yes = logs.filter((l) => l.wouldUseAgain).length;
    return { yes, no: logs.length - yes, shareYes: round2(yes / logs.length) };
  });

  const blockedRuns = runs.filter(isBlocked);
  const maskedRuns = runs.filter(isMasked);
  const byClass = (rs: RunFacts[], action: DataAction) => {
    const counts = new Map<DataClass, number>();
    for (const r of rs) {
      for (const [c, n] of Object.entries(findingsOf(r.guardFindings)) as [DataClass, number][]) {
        if (!n) continue;
        // The policy says which class caused the block or the mask; without it every class found is counted.
        const act = actionOf(r.policyId, c);
        if (act !== null && act !== action) continue;
        counts.set(c, (counts.get(c) ?? 0) + 1);
      }
    }
    // Most frequent first; equal counts by name, so the order does not depend on the order of the runs.
    return [...counts.entries()]
      .map(([dataClass, count]) => ({ dataClass, count }))
      .sort((a, b) => b.count - a.count || a.dataClass.localeCompare(b.dataClass));
  };
  // The guard checks every request, so the people behind the guard figures are everyone who made a request.
  const guard = measure(distinct(runs.map((r) => r.userId)), noRuns, () => ({
    blocked: byClass(blockedRuns, 'block'),
    masked: byClass(maskedRuns, 'mask'),
    blockedRuns: blockedRuns.length,
    maskedRuns: maskedRuns.length,
  }));

  const withProvider = runs.filter((r) => r.provider && r.model);
  const providers = measure(distinct(withProvider.map((r) => r.userId)), noRuns, () => {
    const groups = new Map<string, { provider: ProviderKind; model: string; runs: number; promptTokens: number; completionTokens: number }>();
    for (const r of withProvider) {
      const key = `${r.provider}\u0000${r.model}`;
      const g = groups.get(key) ?? { provider: r.provider as ProviderKind, model: r.model!, runs: 0, promptTokens: 0, completionTokens: 0 };
      g.runs += 1;
      g.promptTokens += r.promptTokens ?? 0;
      g.completionTokens += r.completionTokens ?? 0;
      groups.set(key, g);
    }
    return [...groups.values()].sort((a, b) => b.runs - a.runs);
  });

  return {
    outcomes: outcomesMeasure(runs, noRuns),
    editSize,
    minutesSaved,
    usefulness,
    failureTypes,
    wouldUseAgain,
    guard,
    providers,
  };
}
