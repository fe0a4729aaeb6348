import { z } from 'zod';
import { FailureType } from './experiences.js';
import { AssistantId, DataClass, ProviderKind } from './policies.js';
import { CriterionVerdict, DecisionOutcome, SuccessCriterion, TrialDecisionView, TrialStatus } from './trials.js';

// The decision belongs to the trial (TrialDetail shows it); re-exported here for the board.
export { DECISION_OUTCOME_LABELS, DecisionOutcome, TrialDecisionView } from './trials.js';

/** Shown instead of a number that would rest on fewer than 3 people (docs/decisions/0008). */
export const SUPPRESSED_REASON = 'Færre end 3 personer – vises ikke, så ingen kan genkendes.';
/** The Danish reasons of an empty measure: said plainly instead of showing zeros as if they were results. */
export const EMPTY_REASONS = {
  noRuns: 'Ingen kørsler i perioden.',
  noExperiences: 'Ingen erfaringslogs endnu.',
  noTrials: 'Ingen prøvehandlinger matcher filtrene.',
  noReviews: 'Ingen kørsler er vurderet endnu.',
  noEdits: 'Ingen udkast er rettet endnu.',
  noBaselines: 'Ingen deltagere har angivet, hvor lang tid opgaven tager uden assistenten.',
} as const;
/** The fewest distinct people a shown measure may rest on. */
export const MIN_PEOPLE = 3;

/**
 * A measure together with the number of distinct people behind it: 0 people -> empty, 1-2 -> suppressed,
 * 3 or more -> ok. The web shows the reason of empty and suppressed measures as they are.
 */
export function Measure<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('status', [
    z.object({ status: z.literal('ok'), value, people: z.number().int().min(MIN_PEOPLE) }),
    z.object({ status: z.literal('suppressed'), people: z.number().int().min(1).max(MIN_PEOPLE - 1), reason: z.string() }),
    z.object({ status: z.literal('empty'), reason: z.string() }),
  ]);
}
export type Measure<T> =
  | { status: 'ok'; value: T; people: number }
  | { status: 'suppressed'; people: number; reason: string }
  | { status: 'empty'; reason: string };

/** Query of a trial's insights: dates (2026-12-01) or ISO date-times; `to` is inclusive of its whole day. */
const DateQuery = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
export const InsightsQuery = z.object({ from: DateQuery.optional(), to: DateQuery.optional() });
export type InsightsQuery = z.infer<typeof InsightsQuery>;

export const PeriodFilter = z.object({ from: z.string().nullable(), to: z.string().nullable() });
export type PeriodFilter = z.infer<typeof PeriodFilter>;

const Spread = z.object({ median: z.number(), min: z.number(), max: z.number() });

export const Participation = z.object({
  invited: z.number().int(),
  /** Acknowledged the trial's current briefing revision. */
  briefed: z.number().int(),
  /** At least one run that was not blocked in the period. */
  active: z.number().int(),
  /** active / invited (0..1); null when nobody is invited. */
  shareActive: z.number().nullable(),
  /** Non-blocked runs per active person. */
  runsPerPerson: Measure(Spread),
});
export type Participation = z.infer<typeof Participation>;

export const WeekBucket = z.object({
  /** ISO week in Europe/Copenhagen, e.g. 2026-W48. */
  week: z.string(),
  /** The Monday the week starts on (YYYY-MM-DD). */
  weekStart: z.string(),
  counts: z.array(z.object({ assistant: AssistantId, runs: z.number().int() })),
});
export type WeekBucket = z.infer<typeof WeekBucket>;

export const Outcomes = z.object({
  approvedAsIs: z.number().int(),
  edited: z.number().int(),
  rejected: z.number().int(),
  /** Drafts no person has finished deciding on yet. */
  awaitingReview: z.number().int(),
  total: z.number().int(),
});
export type Outcomes = z.infer<typeof Outcomes>;

export const EditSize = z.object({ median: z.number(), mean: z.number(), max: z.number() });
export const MinutesSaved = z.object({
  total: z.number(),
  median: z.number(),
  /** Assistants with 3 or more people behind their figures. */
  perAssistant: z.array(z.object({ assistant: AssistantId, total: z.number(), median: z.number(), runs: z.number().int() })),
  /** Assistants whose figures rest on 1-2 people: left out of perAssistant (SUPPRESSED_REASON). */
  suppressedAssistants: z.array(AssistantId).default([]),
});
export const Usefulness = z.object({
  /** Counts for the answers 1, 2, 3, 4, 5 (index 0 is 1). */
  distribution: z.array(z.number().int()).length(5),
  mean: z.number(),
});
export const FailureTypeCount = z.object({ type: FailureType, count: z.number().int() });
export const WouldUseAgain = z.object({ yes: z.number().int(), no: z.number().int(), shareYes: z.number() });
export const GuardSummary = z.object({
  blocked: z.array(z.object({ dataClass: DataClass, count: z.number().int() })),
  masked: z.array(z.object({ dataClass: DataClass, count: z.number().int() })),
  blockedRuns: z.number().int(),
  maskedRuns: z.number().int(),
});
export const ProviderUse = z.object({
  provider: ProviderKind,
  model: z.string(),
  runs: z.number().int(),
  promptTokens: z.number().int(),
  completionTokens: z.number().int(),
});
export const InsightReflection = z.object({ id: z.string(), text: z.string(), createdAt: z.string() });

export const TrialDecisionList = z.object({ decisions: z.array(TrialDecisionView) });
export type TrialDecisionList = z.infer<typeof TrialDecisionList>;
export const TrialDecisionResponse = z.object({ decision: TrialDecisionView });
export type TrialDecisionResponse = z.infer<typeof TrialDecisionResponse>;

export const CreateDecisionRequest = z
  .object({
    outcome: DecisionOutcome,
    rationale: z
      .string()
      .trim()
      .min(10, { message: 'Begrund beslutningen (mindst 10 tegn).' })
      .max(5000, { message: 'Begrundelsen må højst være 5.000 tegn.' }),
    evidence: z.string().trim().max(5000, { message: 'Grundlaget må højst være 5.000 tegn.' }).default(''),
  })
  .strict();
export type CreateDecisionRequest = z.infer<typeof CreateDecisionRequest>;

export { CriterionVerdict } from './trials.js';
export const CRITERION_VERDICT_LABELS: Record<z.infer<typeof CriterionVerdict>, { da: string; en: string }> = {
  met: { da: 'Opfyldt', en: 'Met' },
  notMet: { da: 'Ikke opfyldt', en: 'Not met' },
  undecided: { da: 'Kan ikke afgøres endnu', en: 'Not yet decidable' },
};
export const CriterionEstimate = z.object({
  /** In the criterion's unit (minutes, score, percent 0-100, characters), rounded to two decimals. */
  estimate: z.number(),
  /** The 95 % confidence interval: Wilson for shares, a bootstrap over people for medians and means. */
  low: z.number(),
  high: z.number(),
  method: z.enum(['wilson', 'bootstrap']),
  /** How many answers or drafts the estimate rests on (the people behind it are in the measure). */
  n: z.number().int(),
  verdict: CriterionVerdict,
});
export type CriterionEstimate = z.infer<typeof CriterionEstimate>;
export const CriterionResult = z.object({ criterion: SuccessCriterion, result: Measure(CriterionEstimate) });
export type CriterionResult = z.infer<typeof CriterionResult>;

/** The optional no-AI baseline beside the minutes saved: what the assistant saves, in proportion to the task. */
export const BaselineComparison = z.object({
  /** The median of the participants' own estimates of one task without the assistant, in minutes. */
  medianWithout: z.number(),
  /** The median minutes saved per run (experience logs); null when that figure rests on fewer than 3 people. */
  medianSaved: z.number().nullable(),
  /** medianSaved / medianWithout; null with medianSaved. */
  shareSaved: z.number().nullable(),
  /** How many estimates (one per person and assistant). */
  estimates: z.number().int(),
});
export type BaselineComparison = z.infer<typeof BaselineComparison>;

export const TrialInsights = z.object({
  trial: z.object({
    id: z.string(),
    title: z.string(),
    unit: z.object({ id: z.string(), name: z.string() }),
    status: TrialStatus,
    period: z.object({ startsAt: z.string(), endsAt: z.string() }),
    assistants: z.array(AssistantId),
  }),
  period: PeriodFilter,
  participation: Participation,
  runsOverTime: z.array(WeekBucket),
  outcomes: Measure(Outcomes),
  editSize: Measure(EditSize),
  minutesSaved: Measure(MinutesSaved),
  usefulness: Measure(Usefulness),
  /** All 8 types, most frequent first. */
  failureTypes: Measure(z.array(FailureTypeCount)),
  wouldUseAgain: Measure(WouldUseAgain),
  guard: Measure(GuardSummary),
  providers: Measure(z.array(ProviderUse)),
  /** Free-text reflections without author names; shown only when 3 or more people wrote them. */
  reflections: Measure(z.array(InsightReflection)),
  /** The no-AI baseline compared with the minutes saved (people behind it: those who gave an estimate). */
  baseline: Measure(BaselineComparison).default({ status: 'empty', reason: EMPTY_REASONS.noBaselines }),
  /** The charter's success criteria, each with its estimate, interval and verdict (or why it has none). */
  criteria: z.array(CriterionResult).default([]),
  decisions: z.array(TrialDecisionView),
  /** Set when the trial or the period has no runs at all. */
  emptyReason: z.string().nullable(),
});
export type TrialInsights = z.infer<typeof TrialInsights>;

export const TrialInsightsResponse = z.object({ insights: TrialInsights });
export type TrialInsightsResponse = z.infer<typeof TrialInsightsResponse>;

export const BoardQuery = z.object({
  unitId: z.string().min(1).max(100).optional(),
  assistant: AssistantId.optional(),
  from: DateQuery.optional(),
  to: DateQuery.optional(),
});
export type BoardQuery = z.infer<typeof BoardQuery>;

/** The key measures of one trial or one assistant, side by side on the board. */
const BoardMeasures = {
  runs: z.number().int(),
  people: z.number().int(),
  outcomes: Measure(Outcomes),
  minutesSaved: Measure(z.object({ total: z.number(), median: z.number() })),
  usefulnessMean: Measure(z.number()),
  wouldUseAgainShare: Measure(z.number()),
  blockedRuns: z.number().int(),
  maskedRuns: z.number().int(),
};

export const BoardTrialRow = z.object({
  trial: z.object({ id: z.string(), title: z.string(), status: TrialStatus, unit: z.object({ id: z.string(), name: z.string() }) }),
  ...BoardMeasures,
  latestDecision: z.object({ outcome: DecisionOutcome, createdAt: z.string() }).nullable(),
});
export type BoardTrialRow = z.infer<typeof BoardTrialRow>;

export const BoardAssistantRow = z.object({ assistant: AssistantId, trials: z.number().int(), ...BoardMeasures });
export type BoardAssistantRow = z.infer<typeof BoardAssistantRow>;

export const Board = z.object({
  filters: z.object({ unitId: z.string().nullable(), assistant: AssistantId.nullable(), from: z.string().nullable(), to: z.string().nullable() }),
  trials: z.array(BoardTrialRow),
  assistants: z.array(BoardAssistantRow),
  emptyReason: z.string().nullable(),
});
export type Board = z.infer<typeof Board>;

export const BoardResponse = z.object({ board: Board });
export type BoardResponse = z.infer<typeof BoardResponse>;

/** The cell a withheld value shows in a CSV file, the same in the board CSV and the trial export. */
export const SUPPRESSED_CELL = 'skjult (færre end 3 personer)';
/** Said in the trial export (CSV: the last row; JSON: `suppressed`) when any field of it is withheld. */
export const EXPORT_SUPPRESSED_NOTE =
  'Felter markeret "skjult (færre end 3 personer)" bygger på færre end 3 personer og vises ikke, så ingen kan genkendes. ' +
  'Hver assistent tæller for sig i den valgte periode. Står der færre end 3 personer bag en assistents kørsler, ' +
  'vises af hver kørsel kun assistenten – ikke kørslen, deltageren eller tidspunktet.';

/** The fields of an export row that can be withheld: all but the assistant, in the order of the columns. */
export const ExportField = z.enum([
  'runId',
  'participant',
  'status',
  'createdAt',
  'guardDecision',
  'provider',
  'model',
  'promptTokens',
  'completionTokens',
  'durationMs',
  'outcome',
  'editSize',
  'usefulness',
  'minutesSaved',
  'failureTypes',
  'wouldUseAgain',
]);
export type ExportField = z.infer<typeof ExportField>;

/**
 * One row of the trial export: run metadata and its experience log, never content. A field that rests on fewer
 * than 3 people (each assistant's runs in the period counted for themselves) is null ([] for failure types)
 * and named in `withheld`; the CSV shows SUPPRESSED_CELL in its place.
 */
export const ExportRow = z.object({
  runId: z.string().nullable(),
  /** P1, P2, ... per trial, in order of the first run in the period. */
  participant: z.string().nullable(),
  assistant: AssistantId,
  status: z.string().nullable(),
  createdAt: z.string().nullable(),
  guardDecision: z.string().nullable(),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  promptTokens: z.number().int().nullable(),
  completionTokens: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  outcome: z.enum(['APPROVED_AS_IS', 'EDITED', 'REJECTED', 'AWAITING_REVIEW', 'NOT_REVIEWABLE']).nullable(),
  editSize: z.number().int().nullable(),
  usefulness: z.number().int().nullable(),
  minutesSaved: z.number().int().nullable(),
  failureTypes: z.array(FailureType),
  wouldUseAgain: z.boolean().nullable(),
  /** The fields withheld from this row because they rest on fewer than 3 people; empty when none is. */
  withheld: z.array(ExportField),
});
export type ExportRow = z.infer<typeof ExportRow>;

export const TrialExport = z.object({
  trial: z.object({ id: z.string(), title: z.string() }),
  exportedAt: z.string(),
  /** EXPORT_SUPPRESSED_NOTE (in Danish) when any field of any row is withheld; null when nothing is. */
  suppressed: z.string().nullable(),
  rows: z.array(ExportRow),
});
export type TrialExport = z.infer<typeof TrialExport>;

export const PlainLine = z.object({ code: z.string(), da: z.string() });
export const PublicRegisterTrial = z.object({
  id: z.string(),
  title: z.string(),
  purpose: z.string(),
  unit: z.string(),
  assistants: z.array(z.object({ id: AssistantId, name: z.string() })),
  period: z.object({ startsAt: z.string(), endsAt: z.string() }),
  status: TrialStatus,
  policy: z.object({
    title: z.string(),
    /** "Det må medarbejderne": the rules said to citizens, of the staff */
    may: z.array(PlainLine),
    /** "Det må medarbejderne ikke" */
    mayNot: z.array(PlainLine),
    /** "Det skal medarbejderne" */
    must: z.array(PlainLine),
  }),
  /** How people oversee the assistant, in plain Danish, derived from the policy. */
  humanOversight: z.array(z.string()),
  decision: z.object({ outcome: DecisionOutcome, rationale: z.string(), decidedAt: z.string() }).nullable(),
});
export type PublicRegisterTrial = z.infer<typeof PublicRegisterTrial>;

export const PublicRegister = z.object({ organisation: z.string(), trials: z.array(PublicRegisterTrial) });
export type PublicRegister = z.infer<typeof PublicRegister>;

export const PublicationRequest = z.object({ published: z.boolean() }).strict();
export type PublicationRequest = z.infer<typeof PublicationRequest>;
export const PublicationResponse = z.object({ published: z.boolean() });
export type PublicationResponse = z.infer<typeof PublicationResponse>;
