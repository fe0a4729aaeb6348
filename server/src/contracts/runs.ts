import { z } from 'zod';
import { AssistantId, DataClass, Decision, ProviderKind, Reason } from './policies.js';
import { MinutesDetails, MinutesTemplateId } from './minutes.js';
import { DocumentsRunDetails } from './documents.js';
import { LetterRunDetails } from './letters.js';
import { RunReviewState } from './reviews.js';

export const RunStatus = z.enum(['QUEUED', 'RUNNING', 'BLOCKED', 'FAILED', 'CANCELLED', 'NOT_ANSWERED', 'DRAFT', 'APPROVED', 'REJECTED']);
export type RunStatus = z.infer<typeof RunStatus>;

/** Shown with every draft: AI output that no person has approved yet (AI Act Art. 50 disclosure). */
export const DRAFT_MARKER = 'UDKAST – genereret med AI';

/** What the person chose for the assistant: the minutes' meeting template (teammøde if not given). */
export const RunOptions = z.strictObject({ template: MinutesTemplateId.optional() });
export type RunOptions = z.infer<typeof RunOptions>;

export const CreateRunRequest = z.object({
  trialId: z.string().min(1).max(100),
  assistant: AssistantId,
  /** The person's own text. The policy's maxInputChars is the real limit; this only stops absurd bodies. */
  input: z.string().trim().min(1, { message: 'Skriv eller indsæt en tekst.' }).max(2_000_000),
  /** Choices for the assistant; only the minutes assistant has one (the meeting template). Optional. */
  options: RunOptions.optional(),
});
export type CreateRunRequest = z.infer<typeof CreateRunRequest>;

/**
 * A run's `details` by its `assistant`: letter → LetterRunDetails (contracts/letters.ts), minutes → MinutesDetails
 * (contracts/minutes.ts), documents → DocumentsRunDetails (contracts/documents.ts).
 */
export const RunDetails = z.union([LetterRunDetails, MinutesDetails, DocumentsRunDetails]).describe(
  "The assistant's structured result, by the run's `assistant`: letter → LetterRunDetails, minutes → MinutesDetails, documents → DocumentsRunDetails.",
);

/**
 * Schemas read more openly than they are documented, with the contract the OpenAPI document shows instead
 * (modules/openapi). A run's details are parsed as an open object (RunView.details) and documented as RunDetails.
 */
const OpenRunDetails = z.record(z.string(), z.unknown());
export const documentedAs: ReadonlyMap<object, z.ZodType> = new Map<object, z.ZodType>([[OpenRunDetails, RunDetails]]);

export const RunView = z.object({
  id: z.string(),
  trialId: z.string(),
  /** The person who asked for the draft: only they log the experience of it. */
  requesterId: z.string().optional(),
  assistant: AssistantId,
  status: RunStatus,
  /** The draft with the original values restored; null when blocked, failed or purged after retention. */
  output: z.string().nullable(),
  /**
   * The assistant's structured result, with originals restored, in the shape of `assistant` (RunDetails). Read as
   * an open object, as the shapes share no field to tell them apart by; the web reads each with its schema by
   * `assistant`, and the OpenAPI document describes it as RunDetails. Null when there is none or the content was
   * purged.
   */
  details: OpenRunDetails.nullable(),
  draftMarker: z.literal(DRAFT_MARKER),
  /** The policy's disclosure label, to go with the text once a person has approved it. */
  disclosureLabel: z.object({ da: z.string(), en: z.string() }),
  policyId: z.string(),
  /** The content hash of the policy file the run went through, for audit; people see the title and policyCurrent. */
  policyVersion: z.string(),
  /** The policy's Danish title; its id when the policy is no longer on the server. */
  policyTitle: z.string(),
  /** The run went through the version of the policy that is on the server now. */
  policyCurrent: z.boolean(),
  guardDecision: Decision.nullable(),
  /** What the guard found, per data class: counts only, never the values. */
  counts: z.array(z.object({ type: DataClass, count: z.number().int() })),
  provider: ProviderKind.nullable(),
  model: z.string().nullable(),
  usage: z.object({ promptTokens: z.number().int(), completionTokens: z.number().int() }).nullable(),
  durationMs: z.number().int().nullable(),
  /**
   * FAILED runs: the kind of provider failure (timeout, rate_limited, server_error, unavailable, malformed, refused,
   * incomplete) or `internal`; CANCELLED runs: `cancelled`.
   */
  errorCode: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  /** Content (input, output, pseudonym mapping) is deleted after this moment. */
  retainUntil: z.string().nullable(),
  /** The human review (approve, edit and approve, reject; four eyes) as the viewer sees it. Always sent by the server. */
  review: RunReviewState.optional(),
});
export type RunView = z.infer<typeof RunView>;

export const RunResponse = z.object({ run: RunView });
export type RunResponse = z.infer<typeof RunResponse>;

/** `details` of the 422 POLICY_VIOLATION when the guard blocks a run: why, in Danish and English. */
export const RunBlockedDetails = z.object({
  runId: z.string(),
  reasons: z.array(Reason),
  counts: z.array(z.object({ type: DataClass, count: z.number().int() })),
});
export type RunBlockedDetails = z.infer<typeof RunBlockedDetails>;

/** `details` of 502 PROVIDER_FAILED and 504 PROVIDER_TIMEOUT. */
export const RunFailedDetails = z.object({ runId: z.string(), kind: z.string() });
export type RunFailedDetails = z.infer<typeof RunFailedDetails>;
