import { z } from 'zod';

/** Stable error codes. Programs branch on these; people read `message` (Danish). */
export const ErrorCode = z.enum([
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  /** The address (path or query) is not valid percent-encoding, or carries a NUL byte. */
  'MALFORMED_URL',
  /** The body cannot be read: compressed data that does not inflate, a multipart form cut off or malformed. */
  'MALFORMED_REQUEST',
  'METHOD_NOT_ALLOWED',
  'RANGE_NOT_SATISFIABLE',
  'PRECONDITION_FAILED',
  /** Refused by the HTTP server itself, before the app: headers (or the address) too large, or sent too slowly. */
  'HEADERS_TOO_LARGE',
  'REQUEST_TIMEOUT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_DISABLED',
  /** PASSWORD_LOGIN=false: sign in through the organisation's identity provider (the break-glass account excepted). */
  'PASSWORD_LOGIN_DISABLED',
  /** Sign-in through the identity provider refused (OIDC): the page names why; no session is started. */
  'SSO_NOT_CONFIGURED',
  'SSO_UNAVAILABLE',
  'SSO_INVALID',
  'SSO_NO_ROLE',
  'SSO_UNKNOWN_UNIT',
  'SSO_MISSING_CLAIMS',
  'RATE_LIMITED',
  'CSRF_FAILED',
  'FORBIDDEN',
  'CONFLICT',
  'EMAIL_TAKEN',
  'CANNOT_CHANGE_SELF',
  /** The password was reset: only the calls needed to choose a new one are answered until then. */
  'PASSWORD_CHANGE_REQUIRED',
  /** Changing one's own password: the current password given is not the right one. */
  'WRONG_CURRENT_PASSWORD',
  'POLICY_VIOLATION',
  'POLICY_NOT_APPROVED',
  'POLICY_UNAVAILABLE',
  'TRIAL_NOT_ACTIVE',
  'ASSISTANT_NOT_ENABLED',
  /** The charter enables an assistant that its data-use policy does not allow; `details.assistants` names them. */
  'ASSISTANT_NOT_ALLOWED_BY_POLICY',
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
  /** A file over a parse limit (unpacked size, parts, pages, characters); `details.limit` names it. */
  'FILE_LIMIT_EXCEEDED',
  /** A file too costly to read (compression like a bomb, time, memory); `details.limit` names the limit. */
  'FILE_TOO_COMPLEX',
  /** Every worker that reads files is busy and the queue is full: try again shortly (Retry-After). */
  'PARSER_BUSY',
  'RUN_ALREADY_DECIDED',
  /** Another retention sweep (on this or another instance) is running: it erases the same content. */
  'RETENTION_IN_PROGRESS',
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
  /** The same person posted the same decision on the same trial seconds ago (a double click, a retry): not recorded twice. */
  'DECISION_ALREADY_RECORDED',
  /** Only the organisation's data protection adviser signs off a trial's compliance drafts. */
  'NOT_DATA_PROTECTION_ADVISER',
  /** The compliance draft changed after the adviser opened it: the version they read is not the one now. */
  'COMPLIANCE_DRAFT_CHANGED',
  /** The server is shutting down: the request was not started; try again in a moment. */
  'SHUTTING_DOWN',
  /** The database cannot be used right now (disk full, read-only, damaged, locked, gone): nothing was saved; try again later. */
  'DATABASE_UNAVAILABLE',
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
