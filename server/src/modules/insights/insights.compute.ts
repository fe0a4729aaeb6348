import type { FailureType } from '../../contracts/experiences.js';
import { FailureType as FailureTypes } from '../../contracts/experiences.js';
import { EMPTY_REASONS, ExportField as ExportFields, type ExportField, type Measure, type Outcomes } from '../../contracts/insights.js';
import type { AssistantId, DataAction, DataClass, ProviderKind } from '../../contracts/policies.js';
import { distinct, mean, measure, median, round2, sum, withheld } from './insights.measures.js';

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

/**
 * The people behind each kind of figure in a set of runs (docs/decisions/0008), the same for the board, the
 * exports and the report: everyone who made a request (the guard, and the group the other figures are about);
 * those whose runs had a draft (outcomes); those whose drafts were edited (edit size); those with a provider
 * call (providers and tokens); the authors of experience logs (minutes saved, usefulness, failure types and
 * "would use again").
 */
export function peopleOf(runs: RunFacts[]) {
  const who = (rs: RunFacts[]) => distinct(rs.map((r) => r.userId));
  return {
    requesters: who(runs),
    withDraft: who(runs.filter((r) => outcomeOf(r) !== 'NOT_REVIEWABLE')),
    edited: who(runs.filter((r) => outcomeOf(r) === 'EDITED')),
    withProvider: who(runs.filter((r) => r.provider && r.model)),
    loggers: distinct(runs.flatMap((r) => (r.experienceLog ? [r.experienceLog.userId] : []))),
  };
}

/**
 * The fields of the trial export withheld for a set of runs (one assistant's runs in the period): each field
 * with the people behind it, as the board's measure of the same thing, and every field about a group of 1-2.
 */
export function withheldExportFields(runs: RunFacts[]): ExportField[] {
  const p = peopleOf(runs);
  const out = new Set<ExportField>();
  const when = (hide: boolean, fields: ExportField[]) => {
    if (hide) for (const f of fields) out.add(f);
  };
  // The run itself, who ran it and when: a pseudonym among 1-2 people, or a run id (an administrator can open
  // the run and see whose it is) or a time among them, singles the person out.
  when(withheld(p.requesters), ['runId', 'participant', 'createdAt', 'guardDecision']);
  // The status says approved or rejected as well as the outcome does.
  when(withheld(p.withDraft, p.requesters), ['status', 'outcome']);
  when(withheld(p.withProvider, p.requesters), ['provider', 'model', 'promptTokens', 'completionTokens', 'durationMs']);
  when(withheld(p.edited, p.withDraft, p.requesters), ['editSize']);
  when(withheld(p.loggers, p.requesters), ['usefulness', 'minutesSaved', 'failureTypes', 'wouldUseAgain']);
  return ExportFields.options.filter((f) => out.has(f));
}

export function outcomesMeasure(runs: RunFacts[], emptyReason: string): Measure<Outcomes> {
  const reviewable = runs.filter((r) => outcomeOf(r) !== 'NOT_REVIEWABLE');
  const p = peopleOf(runs);
  const outcomes = (): Outcomes => {
    const o = reviewable.map(outcomeOf);
    const n = (k: RunOutcome) => o.filter((x) => x === k).length;
    return {
      approvedAsIs: n('APPROVED_AS_IS'),
      edited: n('EDITED'),
      rejected: n('REJECTED'),
      awaitingReview: n('AWAITING_REVIEW'),
      total: reviewable.length,
    };
  };
  return measure(p.withDraft, emptyReason, outcomes, p.requesters);
}

const logsOf = (runs: RunFacts[]) =>
  runs.flatMap((r) => (r.experienceLog ? [{ ...r.experienceLog, assistant: r.assistant as AssistantId }] : []));

/** The reason for an empty experience measure: no runs at all, or runs but nobody has logged yet. */
const experienceEmpty = (runs: RunFacts[]) => (runs.length ? EMPTY_REASONS.noExperiences : EMPTY_REASONS.noRuns);

/** A measure of the experience logs of some runs: the authors behind it, about everyone who ran something. */
function experienceMeasure<T>(runs: RunFacts[], value: (logs: ReturnType<typeof logsOf>) => T): Measure<T> {
  const logs = logsOf(runs);
  const p = peopleOf(runs);
  return measure(p.loggers, experienceEmpty(runs), () => value(logs), p.requesters);
}

export function minutesMeasure(runs: RunFacts[]) {
  return experienceMeasure(runs, (logs) => ({ total: sum(logs.map((l) => l.minutesSaved)), median: median(logs.map((l) => l.minutesSaved)) }));
}

export function usefulnessMean(runs: RunFacts[]): Measure<number> {
  return experienceMeasure(runs, (logs) => mean(logs.map((l) => l.usefulness)));
}

export function wouldUseAgainShare(runs: RunFacts[]): Measure<number> {
  return experienceMeasure(runs, (logs) => round2(logs.filter((l) => l.wouldUseAgain).length / logs.length));
}

type ActionOf = (policyId: string, c: DataClass) => DataAction | null;
type People = ReturnType<typeof peopleOf>;
type Logs = ReturnType<typeof logsOf>;

/** Every measure of one trial (or one slice of runs) except participation, reflections and decisions. */
export function computeMeasures(runs: RunFacts[], assistants: readonly AssistantId[], actionOf: ActionOf) {
  const logs = logsOf(runs);
  const people = peopleOf(runs);
  return {
    outcomes: outcomesMeasure(runs, EMPTY_REASONS.noRuns),
    editSize: editSizeMeasure(runs, people),
    ...experienceMeasures(runs, logs, people, assistants),
    guard: guardMeasure(runs, people, actionOf),
    providers: providersMeasure(runs, people),
  };
}

function editSizeMeasure(runs: RunFacts[], people: People) {
  const edited = runs.filter((r) => outcomeOf(r) === 'EDITED');
  return measure(
    people.edited,
    runs.length ? EMPTY_REASONS.noEdits : EMPTY_REASONS.noRuns,
    () => {
      const sizes = edited.map(editSizeOf);
      return { median: median(sizes), mean: mean(sizes), max: Math.max(...sizes) };
    },
    people.withDraft,
    people.requesters,
  );
}

/** Minutes saved, usefulness, failure types and "would use again", from the experience logs of the runs. */
function experienceMeasures(runs: RunFacts[], logs: Logs, people: People, assistants: readonly AssistantId[]) {
  const expEmpty = experienceEmpty(runs);
  // The experience measures rest on the authors of logs and are about everyone who ran something.
  const experience = <T>(value: () => T) => measure(people.loggers, expEmpty, value, people.requesters);

  const minutesSaved = experience(() => ({
    total: sum(logs.map((l) => l.minutesSaved)),
    median: median(logs.map((l) => l.minutesSaved)),
    ...minutesPerAssistant(runs, logs, assistants),
  }));

  const usefulness = experience(() => {
    const distribution = [1, 2, 3, 4, 5].map((v) => logs.filter((l) => l.usefulness === v).length);
    return { distribution, mean: mean(logs.map((l) => l.usefulness)) };
  });

  const failureTypes = experience(() => {
    const counts = FailureTypes.options.map((type) => ({
      type,
      count: logs.filter((l) => failureTypesOf(l.failureTypes).includes(type)).length,
    }));
    // Stable: equal counts keep the order of the list of types.
    return counts.sort((a, b) => b.count - a.count);
  });

  const wouldUseAgain = experience(() => {
    const yes = logs.filter((l) => l.wouldUseAgain).length;
    return { yes, no: logs.length - yes, shareYes: round2(yes / logs.length) };
  });
  return { minutesSaved, usefulness, failureTypes, wouldUseAgain };
}

/**
 * Each assistant's cell is a breakdown of its own: shown only with 3 or more people behind it, and named as
 * suppressed when 1-2 people ran the assistant, logged or not.
 */
function minutesPerAssistant(runs: RunFacts[], logs: Logs, assistants: readonly AssistantId[]) {
  const perAssistant: { assistant: AssistantId; total: number; median: number; runs: number }[] = [];
  const suppressedAssistants: AssistantId[] = [];
  for (const a of assistants) {
    const mine = logs.filter((l) => l.assistant === a);
    const loggers = distinct(mine.map((l) => l.userId));
    const ran = distinct(runs.filter((r) => r.assistant === a).map((r) => r.userId));
    if (withheld(loggers, ran)) suppressedAssistants.push(a);
    else if (loggers > 0) perAssistant.push({ assistant: a, total: sum(mine.map((l) => l.minutesSaved)), median: median(mine.map((l) => l.minutesSaved)), runs: mine.length });
  }
  return { perAssistant, suppressedAssistants };
}

/** The data classes behind the blocked (or masked) runs: how many runs each class was found in. */
function findingsByClass(rs: RunFacts[], action: DataAction, actionOf: ActionOf) {
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
}

function guardMeasure(runs: RunFacts[], people: People, actionOf: ActionOf) {
  const blockedRuns = runs.filter(isBlocked);
  const maskedRuns = runs.filter(isMasked);
  // The guard checks every request, so the people behind the guard figures are everyone who made a request.
  return measure(people.requesters, EMPTY_REASONS.noRuns, () => ({
    blocked: findingsByClass(blockedRuns, 'block', actionOf),
    masked: findingsByClass(maskedRuns, 'mask', actionOf),
    blockedRuns: blockedRuns.length,
    maskedRuns: maskedRuns.length,
  }));
}

/** Runs and tokens per provider and model, most used first. */
function providersMeasure(runs: RunFacts[], people: People) {
  const withProvider = runs.filter((r) => r.provider && r.model);
  return measure(
    people.withProvider,
    EMPTY_REASONS.noRuns,
    () => {
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
    },
    people.requesters,
  );
}
