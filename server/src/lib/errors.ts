import type { ErrorCode } from '../contracts/errors.js';

/** The one error type of the server. Messages are Danish and tell the person what to do next. */
export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly status: number,
    public readonly details?: unknown,
    public readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: ErrorCode, message: string, details?: unknown) =>
  new AppError(code, message, 400, details);

export const unauthenticated = (message = 'Du er ikke logget ind. Log ind og prøv igen.') =>
  new AppError('UNAUTHENTICATED', message, 401);

export const sessionExpired = () =>
  new AppError('SESSION_EXPIRED', 'Din session er udløbet. Log ind igen for at fortsætte.', 401);

export const forbidden = (message = 'Du har ikke adgang til dette. Kontakt Digital Udvikling, hvis du mener, det er en fejl.') =>
  new AppError('FORBIDDEN', message, 403);

/**
 * "Kørslen findes ikke, eller du har ikke adgang til den." The pronoun follows the noun's gender, read off its
 * definite ending: common gender ends in -en/-n (den), neuter in -et/-t (det).
 */
export const notFound = (what = 'Det, du leder efter,') => {
  const pronoun = /n$/.test(what) ? 'den' : 'det';
  return new AppError('NOT_FOUND', `${what} findes ikke, eller du har ikke adgang til ${pronoun}.`, 404);
};

export const conflict = (code: ErrorCode, message: string, details?: unknown) =>
  new AppError(code, message, 409, details);

export const policyViolation = (message: string, details?: unknown) =>
  new AppError('POLICY_VIOLATION', message, 422, details);

/** "1 sekund", "40 sekunder", "1 minut", "15 minutter": waits are often seconds now that they grow step by step. */
function danishDuration(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 sekund' : `${seconds} sekunder`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minut' : `${minutes} minutter`;
}

export const rateLimited = (retryAfterSeconds: number) =>
  new AppError(
    'RATE_LIMITED',
    `For mange forsøg. Vent ${danishDuration(retryAfterSeconds)}, og prøv igen.`,
    429,
    { retryAfterSeconds },
    { 'Retry-After': String(retryAfterSeconds) },
  );

/** A limit of the person's own (runs per day): they can act again later, so 429 with what to do. */
export const limitReached = (code: ErrorCode, message: string, details?: unknown) => new AppError(code, message, 429, details);

/** An outside service (a model provider) failed after our retries. */
export const badGateway = (code: ErrorCode, message: string, details?: unknown) => new AppError(code, message, 502, details);

/** An outside service (a model provider) did not answer in time. */
export const gatewayTimeout = (code: ErrorCode, message: string, details?: unknown) => new AppError(code, message, 504, details);
