import { z } from 'zod';
import { AssistantId, Decision } from './policies.js';

/** The human decision on a draft (AI Act Art. 14): approve, edit and approve, or reject. */
export const ReviewDecision = z.enum(['APPROVE', 'EDIT_AND_APPROVE', 'REJECT']);
export type ReviewDecision = z.infer<typeof ReviewDecision>;

/**
 * The step the person decided on, as their page showed it: 1 the first review, 2 the second approval. When the
 * run has moved on since (another tab, a colleague), the decision is refused with 409 instead of being taken as
 * a decision on a text the person has not seen. Optional for older clients, which the current step decides for.
 */
const ReviewStep = z.number().int().min(1).max(2).optional();

export const ReviewRequest = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('APPROVE'), step: ReviewStep }),
  z.object({
    decision: z.literal('EDIT_AND_APPROVE'),
    step: ReviewStep,
    /** The text as the person wants it; kept as the final text and as a line diff against the draft. */
    finalText: z.string().min(1, { message: 'Den rettede tekst må ikke være tom.' }).max(200_000, { message: 'Teksten er for lang (højst 200.000 tegn).' }),
  }),
  z.object({
    decision: z.literal('REJECT'),
    step: ReviewStep,
    reason: z
      .string()
      .trim()
      .min(3, { message: 'Skriv kort, hvorfor udkastet afvises (mindst 3 tegn).' })
      .max(2000, { message: 'Begrundelsen må højst være 2.000 tegn.' }),
  }),
]);
export type ReviewRequest = z.infer<typeof ReviewRequest>;

/** Who is to act next: the first review, a second approver (four eyes), or nobody (decided or not a draft). */
export const ReviewAwaiting = z.enum(['review', 'second_approval']);
export type ReviewAwaiting = z.infer<typeof ReviewAwaiting>;

export const ReviewView = z.object({
  id: z.string(),
  /** 1 for the first review, 2 for the second approver where four eyes are required. */
  step: z.number().int(),
  decision: ReviewDecision,
  reviewer: z.object({ id: z.string(), name: z.string() }),
  reason: z.string().nullable(),
  /** Characters inserted plus deleted by the edit; 0 when approved as is. */
  editSize: z.number().int(),
  /** Unified line diff of the edit. Only for those who may see the run's content; null after the content is purged. */
  editDiff: z.string().nullable(),
  createdAt: z.string(),
});
export type ReviewView = z.infer<typeof ReviewView>;

export const RunReviewState = z.object({
  /** The policy requires a second approver who is not the requester. */
  fourEyes: z.boolean(),
  reviews: z.array(ReviewView),
  awaiting: ReviewAwaiting.nullable(),
  /** Whether the viewer may make the next decision on this run. */
  canReview: z.boolean(),
  /** With four eyes: the text the first reviewer approved (perhaps edited), for the second approver; else null. */
  pendingText: z.string().nullable(),
  experienceLogged: z.boolean(),
});
export type RunReviewState = z.infer<typeof RunReviewState>;

export const ReviewResponse = z.object({ review: ReviewView, state: RunReviewState, status: z.string() });
export type ReviewResponse = z.infer<typeof ReviewResponse>;

/** The approved text, for copying or export. It carries the disclosure label, never the draft marker. */
export const FinalTextView = z.object({
  runId: z.string(),
  text: z.string(),
  disclosureLabel: z.object({ da: z.string(), en: z.string() }),
  approvedAt: z.string(),
  policyId: z.string(),
  policyVersion: z.string(),
});
export type FinalTextView = z.infer<typeof FinalTextView>;

export const FinalTextResponse = z.object({ final: FinalTextView });
export type FinalTextResponse = z.infer<typeof FinalTextResponse>;

/** The approved text as a Word document (POST /api/runs/:id/final/export.docx). */
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** One run in a list: no content (no input, output or final text), only what it is and where it stands. */
export const RunListItem = z.object({
  id: z.string(),
  trialId: z.string(),
  trialTitle: z.string(),
  assistant: AssistantId,
  status: z.enum(['QUEUED', 'RUNNING', 'BLOCKED', 'FAILED', 'CANCELLED', 'NOT_ANSWERED', 'DRAFT', 'APPROVED', 'REJECTED']),
  guardDecision: Decision.nullable(),
  fourEyes: z.boolean(),
  createdAt: z.string(),
  requester: z.object({ id: z.string(), name: z.string() }),
  awaiting: ReviewAwaiting.nullable(),
  experienceLogged: z.boolean(),
  /** The viewer asked for this run, a person has reviewed it, and the viewer has not written its experience log yet. */
  experienceDue: z.boolean(),
});
export type RunListItem = z.infer<typeof RunListItem>;

/**
 * What still waits, over all the runs the viewer may see (within `trialId` if given), whatever the view, status
 * filter or page: the figures at the top of "Kørsler".
 */
export const RunListSummary = z.object({
  /** The viewer's own runs whose experience log they can write and have not. */
  experienceDue: z.number().int(),
  /** The viewer's own runs that wait for a second approver (four eyes). */
  waitingForColleague: z.number().int(),
  /** Other people's runs the viewer may approve as the second person. */
  waitingForYou: z.number().int(),
});
export type RunListSummary = z.infer<typeof RunListSummary>;

export const RunList = z.object({
  runs: z.array(RunListItem),
  summary: RunListSummary,
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type RunList = z.infer<typeof RunList>;

const booleanParam = z.enum(['true', 'false']).transform((v) => v === 'true');

export const RunListQuery = z.object({
  trialId: z.string().min(1).max(100).optional(),
  status: z.enum(['QUEUED', 'RUNNING', 'BLOCKED', 'FAILED', 'CANCELLED', 'NOT_ANSWERED', 'DRAFT', 'APPROVED', 'REJECTED']).optional(),
  /** `second_approval`: runs the viewer may approve as the second person; `review`: runs waiting for a first review. */
  awaiting: ReviewAwaiting.optional(),
  /** Only the viewer's own runs. */
  mine: booleanParam.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).max(100).optional(),
});
export type RunListQuery = z.infer<typeof RunListQuery>;
