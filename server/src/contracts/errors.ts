import { z } from 'zod';

/** Stable error codes. Programs branch on these; people read `message` (Danish). */
export const ErrorCode = z.enum([
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_DISABLED',
  'RATE_LIMITED',
  'CSRF_FAILED',
  'FORBIDDEN',
  'CONFLICT',
  'EMAIL_TAKEN',
  'CANNOT_CHANGE_SELF',
  'POLICY_VIOLATION',
  'POLICY_NOT_APPROVED',
  'POLICY_UNAVAILABLE',
  'TRIAL_NOT_ACTIVE',
  'ASSISTANT_NOT_ENABLED',
  'RUN_LIMIT_REACHED',
  'PROVIDER_FAILED',
  'PROVIDER_TIMEOUT',
  'NOT_READY',
  'UNKNOWN_POLICY',
  'UNKNOWN_USER',
  'VERSION_CONFLICT',
  'TRIAL_CLOSED',
  'CHARTER_LOOSENING_NEEDS_CONFIRMATION',
  'INVALID_TRANSITION',
  'TRIAL_NOT_READY',
  'BRIEFING_OUTDATED',
  'BRIEFING_REQUIRED',
  'POLICY_CHANGED',
  'UNSUPPORTED_FILE',
  'UNREADABLE_FILE',
  'PDF_NO_TEXT',
  'EMPTY_FILE',
  'RUN_ALREADY_DECIDED',
  /** The person stopped the run before the answer was whole: stored as CANCELLED, no draft. */
  'RUN_CANCELLED',
  'FOUR_EYES_REQUIRED',
  'RUN_NOT_APPROVED',
  'CONTENT_PURGED',
  'RUN_NOT_REVIEWED',
  'EXPERIENCE_ALREADY_LOGGED',
  'UNKNOWN_QUESTION',
  /** A draft trial cannot be decided on or published yet. */
  'TRIAL_NOT_STARTED',
  /** The server is shutting down: the request was not started; try again in a moment. */
  'SHUTTING_DOWN',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
