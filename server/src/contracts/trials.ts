import { z } from 'zod';
import { AssistantId } from './policies.js';

export const TrialStatus = z.enum(['DRAFT', 'ACTIVE', 'PAUSED', 'CLOSED']);
export type TrialStatus = z.infer<typeof TrialStatus>;

export const TrialSummary = z.object({
  id: z.string(),
  title: z.string(),
  purpose: z.string(),
  status: TrialStatus,
  unit: z.object({ id: z.string(), name: z.string() }),
  startsAt: z.string(),
  endsAt: z.string(),
  policyId: z.string(),
  assistants: z.array(z.string()),
  participantCount: z.number(),
  /** What the viewer may do with this trial: leaders of its unit and the digital unit administer it. */
  canAdminister: z.boolean(),
  /** The viewer takes part in the trial, so may use its assistants (while it is active). */
  isParticipant: z.boolean().default(false),
  /** The viewer takes part but has not acknowledged the current briefing, so must read it before the next run. */
  briefingRequired: z.boolean().default(false),
});
export type TrialSummary = z.infer<typeof TrialSummary>;

export const TrialList = z.object({ trials: z.array(TrialSummary) });
export type TrialList = z.infer<typeof TrialList>;

/** One of the leader's own experience questions; the five default questions are fixed elsewhere. */
export const TrialQuestion = z.object({
  id: z.string().trim().min(1).max(50),
  text: z.string().trim().min(1, { message: 'Skriv spørgsmålet.' }).max(300, { message: 'Et spørgsmål må højst være 300 tegn.' }),
});
export type TrialQuestion = z.infer<typeof TrialQuestion>;

/**
 * A success criterion the board can compute (docs/decisions/0017): one of the board's measures, a direction and
 * a threshold in the measure's own unit (minutes, characters, a score of 1-5, or a percentage 0-100 for shares).
 */
export const CriterionMeasure = z.enum([
  'minutesSavedMedian',
  'usefulnessMean',
  'wouldUseAgainShare',
  'rejectedShare',
  'approvedAsIsShare',
  'editSizeMedian',
]);
export type CriterionMeasure = z.infer<typeof CriterionMeasure>;
export const CriterionComparator = z.enum(['atLeast', 'atMost']);
export type CriterionComparator = z.infer<typeof CriterionComparator>;
/** The unit a criterion's threshold and estimate are in. */
export const CRITERION_UNITS: Record<CriterionMeasure, 'minutes' | 'score' | 'percent' | 'characters'> = {
  minutesSavedMedian: 'minutes',
  usefulnessMean: 'score',
  wouldUseAgainShare: 'percent',
  rejectedShare: 'percent',
  approvedAsIsShare: 'percent',
  editSizeMedian: 'characters',
};
export const CRITERION_MEASURE_LABELS: Record<CriterionMeasure, { da: string; en: string }> = {
  minutesSavedMedian: { da: 'Median sparede minutter pr. kørsel', en: 'Median minutes saved per run' },
  usefulnessMean: { da: 'Gennemsnitlig brugbarhed (1-5)', en: 'Mean usefulness (1-5)' },
  wouldUseAgainShare: { da: 'Andel svar "vil bruge den igen"', en: 'Share of answers "would use it again"' },
  rejectedShare: { da: 'Andel afviste udkast', en: 'Share of drafts rejected' },
  approvedAsIsShare: { da: 'Andel udkast godkendt uændret', en: 'Share of drafts approved as is' },
  editSizeMedian: { da: 'Median ændrede tegn i rettede udkast', en: 'Median characters changed in edited drafts' },
};
export const CRITERION_COMPARATOR_LABELS: Record<CriterionComparator, { da: string; en: string }> = {
  atLeast: { da: 'mindst', en: 'at least' },
  atMost: { da: 'højst', en: 'at most' },
};
export const CRITERION_UNIT_LABELS: Record<(typeof CRITERION_UNITS)[CriterionMeasure], { da: string; en: string }> = {
  minutes: { da: 'minutter', en: 'minutes' },
  score: { da: '', en: '' },
  percent: { da: '%', en: '%' },
  characters: { da: 'tegn', en: 'characters' },
};
/** A value of a criterion's measure with its unit: "70 %", "10 minutter", "3,5", "200 tegn". */
export function criterionValueText(measure: CriterionMeasure, value: number, lang: 'da' | 'en' = 'da'): string {
  const n = new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 2 }).format(value);
  const unit = CRITERION_UNIT_LABELS[CRITERION_UNITS[measure]][lang];
  return unit ? `${n} ${unit}` : n;
}
/** The criterion as a sentence: "Andel afviste udkast: højst 20 %". */
export function criterionText(c: { measure: CriterionMeasure; comparator: CriterionComparator; threshold: number }, lang: 'da' | 'en' = 'da'): string {
  return `${CRITERION_MEASURE_LABELS[c.measure][lang]}: ${CRITERION_COMPARATOR_LABELS[c.comparator][lang]} ${criterionValueText(c.measure, c.threshold, lang)}`;
}
const CRITERION_LIMITS = { minutes: 100_000, score: 5, percent: 100, characters: 10_000_000 } as const;
export const SuccessCriterion = z
  .object({
    id: z.string().trim().min(1).max(50),
    measure: CriterionMeasure,
    comparator: CriterionComparator,
    threshold: z.number({ message: 'Angiv en grænse som et tal.' }).finite().min(0, { message: 'Grænsen kan ikke være negativ.' }),
  })
  .refine((c) => c.threshold <= CRITERION_LIMITS[CRITERION_UNITS[c.measure]], {
    message: 'Grænsen er uden for målets skala (andele i procent 0-100, tilfredshed 1-5).',
    path: ['threshold'],
  })
  .refine((c) => CRITERION_UNITS[c.measure] !== 'score' || c.threshold >= 1, {
    message: 'Tilfredshed måles fra 1 til 5.',
    path: ['threshold'],
  });
export type SuccessCriterion = z.infer<typeof SuccessCriterion>;

/** A date (2026-12-01) or a date and time with offset; sent back as ISO date-time strings. */
const DateInput = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

const charterFields = {
  title: z
    .string()
    .trim()
    .min(3, { message: 'Titlen skal være mindst 3 tegn.' })
    .max(200, { message: 'Titlen må højst være 200 tegn.' }),
  purpose: z.string().trim().min(1, { message: 'Beskriv formålet med prøvehandlingen.' }).max(5000),
  hypothesis: z.string().trim().max(5000),
  successCriteria: z.string().trim().max(5000),
  /** The AI literacy briefing participants read and acknowledge before their first run (AI Act Art. 4). */
  briefing: z.string().trim().max(20_000),
  assistants: z
    .array(AssistantId)
    .min(1, { message: 'Vælg mindst én assistent.' })
    .refine((a) => new Set(a).size === a.length, { message: 'Vælg hver assistent én gang.' }),
  criteria: z
    .array(SuccessCriterion)
    .max(10, { message: 'Der må højst være 10 målbare succeskriterier.' })
    .refine((c) => new Set(c.map((x) => x.id)).size === c.length, { message: 'Hvert kriterium skal have sit eget id.' }),
  /** The leader marks the trial as possibly high-risk (AI Act Annex III): a fundamental-rights assessment is drafted. */
  possiblyHighRisk: z.boolean(),
  questions: z
    .array(TrialQuestion)
    .max(10, { message: 'Der må højst være 10 egne spørgsmål.' })
    .refine((q) => new Set(q.map((x) => x.id)).size === q.length, { message: 'Hvert spørgsmål skal have sit eget id.' }),
  /** Must exist on the server: checked by the service (422 UNKNOWN_POLICY). */
  policyId: z.string().trim().min(1).max(100),
  startsAt: DateInput,
  endsAt: DateInput,
};

export const END_BEFORE_START_MESSAGE = 'Slutdatoen skal ligge efter startdatoen.';

/** Both dates given: the end may not lie before the start. A partial update is checked again in the service. */
function endsAfterStarts(v: { startsAt?: string; endsAt?: string }): boolean {
  if (!v.startsAt || !v.endsAt) return true;
  return new Date(v.endsAt).getTime() >= new Date(v.startsAt).getTime();
}

export const CreateTrialRequest = z
  .object({
    ...charterFields,
    hypothesis: charterFields.hypothesis.default(''),
    successCriteria: charterFields.successCriteria.default(''),
    briefing: charterFields.briefing.default(''),
    questions: charterFields.questions.default([]),
    criteria: charterFields.criteria.default([]),
    possiblyHighRisk: charterFields.possiblyHighRisk.default(false),
    /** Omitted: the leader's own unit. Only the digital unit may create trials for other units. */
    unitId: z.string().min(1).max(100).optional(),
  })
  .strict()
  .refine(endsAfterStarts, { message: END_BEFORE_START_MESSAGE, path: ['endsAt'] });
export type CreateTrialRequest = z.infer<typeof CreateTrialRequest>;

/** Only the fields that change; the same rules as on creation. */
export const UpdateTrialRequest = z
  .object(charterFields)
  .partial()
  .extend({
    /** The version the editor started from: a different current version means someone else changed it (409). */
    expectedVersion: z.number().int().positive(),
    /** The editor accepts that the change loosens the charter of a trial that already has runs. */
    confirmLoosening: z.boolean().optional(),
  })
  .strict()
  .refine(endsAfterStarts, { message: END_BEFORE_START_MESSAGE, path: ['endsAt'] });
export type UpdateTrialRequest = z.infer<typeof UpdateTrialRequest>;

export const TransitionRequest = z
  .object({ status: TrialStatus, reason: z.string().trim().max(1000).optional() })
  .strict();
export type TransitionRequest = z.infer<typeof TransitionRequest>;

export const SetParticipantsRequest = z
  .object({ userIds: z.array(z.string().min(1).max(100)).max(1000) })
  .strict();
export type SetParticipantsRequest = z.infer<typeof SetParticipantsRequest>;

export const TrialParticipantView = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  invitedAt: z.string(),
  briefedAt: z.string().nullable(),
  /** Acknowledged the briefing at the trial's current briefingRevision. */
  briefedCurrent: z.boolean(),
});
export type TrialParticipantView = z.infer<typeof TrialParticipantView>;

export const TrialPolicyView = z.object({
  id: z.string(),
  /** Danish title; the id when the policy is no longer on the server. */
  title: z.string(),
  /** The version the trial recorded (at creation, activation or the last confirmation). */
  version: z.string(),
  /** The version of the policy file on the server now; null when the policy is no longer there. */
  currentVersion: z.string().nullable(),
  /** Legal, IT security and the DPO have all approved the current version. */
  approved: z.boolean(),
  /** The day the current version got its last approval (YYYY-MM-DD), as people name the version; null while awaiting. */
  approvedOn: z.string().nullable().default(null),
  /** The charter's assistants that the policy on the server now does not allow: remove them before starting or confirming. */
  assistantsNotAllowed: z.array(AssistantId).default([]),
});
export type TrialPolicyView = z.infer<typeof TrialPolicyView>;

/** The outcome of a trial: adopt, adjust or stop. */
export const DecisionOutcome = z.enum(['ADOPT', 'ADJUST', 'STOP']);
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;
export const DECISION_OUTCOME_LABELS: Record<DecisionOutcome, { da: string; en: string }> = {
  ADOPT: { da: 'Indfør', en: 'Adopt' },
  ADJUST: { da: 'Justér', en: 'Adjust' },
  STOP: { da: 'Stop', en: 'Stop' },
};

/**
 * Whether a criterion is met (docs/decisions/0017): met when the whole 95 % interval lies on the right side of the
 * threshold, not met when it lies wholly on the wrong side, otherwise not yet decidable.
 */
export const CriterionVerdict = z.enum(['met', 'notMet', 'undecided']);
export type CriterionVerdict = z.infer<typeof CriterionVerdict>;

/** A success criterion as the board computed it when a decision was made: the evidence the decision rests on. */
export const DecisionCriterion = z.object({
  criterion: SuccessCriterion,
  /** null when the figure was withheld (fewer than 3 people) or there was nothing to compute yet. */
  estimate: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  verdict: CriterionVerdict.nullable(),
  /** The board's reason when there is no estimate. */
  reason: z.string().nullable(),
});
export type DecisionCriterion = z.infer<typeof DecisionCriterion>;

export const TrialDecisionView = z.object({
  id: z.string(),
  outcome: DecisionOutcome,
  rationale: z.string(),
  evidence: z.string(),
  /** The success criteria and their verdicts at the time of the decision. */
  criteria: z.array(DecisionCriterion).default([]),
  decidedBy: z.object({ name: z.string() }),
  createdAt: z.string(),
});
export type TrialDecisionView = z.infer<typeof TrialDecisionView>;

export const TrialDetail = z.object({
  id: z.string(),
  title: z.string(),
  purpose: z.string(),
  hypothesis: z.string(),
  successCriteria: z.string(),
  briefing: z.string(),
  assistants: z.array(AssistantId),
  questions: z.array(TrialQuestion),
  /** The success criteria the board computes; [] when the charter states them in prose only. */
  criteria: z.array(SuccessCriterion).default([]),
  possiblyHighRisk: z.boolean().default(false),
  startsAt: z.string(),
  endsAt: z.string(),
  status: TrialStatus,
  version: z.number().int(),
  briefingRevision: z.number().int(),
  published: z.boolean(),
  unit: z.object({ id: z.string(), name: z.string() }),
  policy: TrialPolicyView,
  /** Only administrators see who takes part; everyone else gets []. */
  participants: z.array(TrialParticipantView),
  canAdminister: z.boolean(),
  isParticipant: z.boolean(),
  /** The viewer's own briefing status; null when the viewer does not take part. */
  myBriefing: z.object({ acknowledged: z.boolean(), briefedAt: z.string().nullable() }).nullable(),
  runCount: z.number().int().nonnegative(),
  /** The statuses the viewer may move the trial to now (empty for non-administrators). */
  allowedTransitions: z.array(TrialStatus),
  /** The latest decision (adopt / adjust / stop) on the trial; null before anyone decided. */
  latestDecision: TrialDecisionView.nullable().default(null),
});
export type TrialDetail = z.infer<typeof TrialDetail>;

export const TrialResponse = z.object({ trial: TrialDetail });
export type TrialResponse = z.infer<typeof TrialResponse>;

/** `details` of 409 TRIAL_NOT_READY: why the trial cannot be activated, in Danish. */
export const TrialNotReadyDetails = z.object({ reasons: z.array(z.object({ code: z.string(), da: z.string() })) });
export type TrialNotReadyDetails = z.infer<typeof TrialNotReadyDetails>;

/** `details` of 409 CHARTER_LOOSENING_NEEDS_CONFIRMATION: what the change loosens. */
export const CharterLooseningDetails = z.object({
  loosened: z.array(z.object({ code: z.enum(['ASSISTANT_ADDED', 'POLICY_CHANGED', 'ENDS_LATER', 'STARTS_EARLIER']), da: z.string() })),
});
export type CharterLooseningDetails = z.infer<typeof CharterLooseningDetails>;

/** `details` of 422 ASSISTANT_NOT_ALLOWED_BY_POLICY: the charter's assistants that the policy does not allow. */
export const AssistantNotAllowedDetails = z.object({ policyId: z.string(), assistants: z.array(AssistantId) });
export type AssistantNotAllowedDetails = z.infer<typeof AssistantNotAllowedDetails>;

export const BriefingAssistant = z.object({
  id: AssistantId,
  name: z.string(),
  /** What the assistant is and does, in plain Danish. */
  whatItIs: z.string(),
  /** How it can go wrong, in Danish: what the participant must watch for. */
  failureModes: z.array(z.string()),
});
export type BriefingAssistant = z.infer<typeof BriefingAssistant>;

const PlainRule = z.object({ code: z.string(), da: z.string(), en: z.string() });

export const BriefingView = z.object({
  trialId: z.string(),
  trialTitle: z.string(),
  briefing: z.string(),
  assistants: z.array(BriefingAssistant),
  policy: z.object({
    id: z.string(),
    title: z.string(),
    plain: z.object({ may: z.array(PlainRule), mayNot: z.array(PlainRule), must: z.array(PlainRule) }),
  }),
  briefingRevision: z.number().int(),
  /** The viewer acknowledged this revision. */
  acknowledged: z.boolean(),
  briefedAt: z.string().nullable(),
});
export type BriefingView = z.infer<typeof BriefingView>;

export const BriefingResponse = z.object({ briefing: BriefingView });
export type BriefingResponse = z.infer<typeof BriefingResponse>;

export const AcknowledgeBriefingRequest = z.object({ briefingRevision: z.number().int().positive() }).strict();
export type AcknowledgeBriefingRequest = z.infer<typeof AcknowledgeBriefingRequest>;

export const TrialRevisionView = z.object({
  version: z.number().int(),
  /** The charter as it was at this version. */
  charter: z.record(z.string(), z.unknown()),
  changedById: z.string(),
  changedByName: z.string(),
  createdAt: z.string(),
});
export type TrialRevisionView = z.infer<typeof TrialRevisionView>;

export const TrialRevisionList = z.object({ revisions: z.array(TrialRevisionView) });
export type TrialRevisionList = z.infer<typeof TrialRevisionList>;
