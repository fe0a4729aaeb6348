import { CSRF_HEADER, CsrfResponse } from '@contracts/auth.js';
import { ErrorBody } from '@contracts/errors.js';
import type { z } from 'zod';

/**
 * Codes the client itself produces when there is no usable answer from the server. They never collide with the
 * server's ErrorCode values, so a screen can branch on `code` without knowing where the error came from.
 */
const CLIENT_ERROR_CODES: readonly string[] = ['NETWORK_ERROR', 'INVALID_RESPONSE'];

/** The one error type of the web client. `message` is the server's Danish text, meant for the person. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor(init: { code: string; message: string; status: number; details?: unknown; requestId?: string }) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.details = init.details;
    this.requestId = init.requestId;
  }

  get isClientError(): boolean {
    return CLIENT_ERROR_CODES.includes(this.code);
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** 401 answers mean the session is gone; the session layer turns them into a redirect to the sign-in page. */
export const isUnauthenticated = (e: unknown): boolean =>
  isApiError(e) && e.status === 401 && (e.code === 'UNAUTHENTICATED' || e.code === 'SESSION_EXPIRED');

const CSRF_COOKIE = 'pw_csrf';

function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

let csrfFromServer: string | undefined;

/**
 * Double-submit CSRF: the server sets a readable cookie and expects the same value in a header on every
 * state-changing request. The cookie is read first because the server may rotate it (for example at sign-in);
 * the endpoint is the fallback when the cookie is not there yet.
 */
async function csrfToken(forceRefresh = false): Promise<string> {
  if (!forceRefresh) {
    const fromCookie = readCookie(CSRF_COOKIE);
    if (fromCookie) return fromCookie;
    if (csrfFromServer) return csrfFromServer;
  }
  const body = await send('/api/auth/csrf', { method: 'GET' }, CsrfResponse, false);
  csrfFromServer = body.csrfToken;
  return readCookie(CSRF_COOKIE) ?? body.csrfToken;
}

/** Forgets the cached token, e.g. after sign-out when the server ends the session the token was tied to. */
export function resetCsrfToken(): void {
  csrfFromServer = undefined;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function toApiError(res: Response): Promise<ApiError> {
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    json = undefined;
  }
  const parsed = ErrorBody.safeParse(json);
  if (parsed.success) {
    const { code, message, details, requestId } = parsed.data.error;
    return new ApiError({ code, message, status: res.status, details, requestId });
  }
  return new ApiError({
    code: 'INVALID_RESPONSE',
    message: 'Serveren svarede uventet. Prøv igen om lidt, og kontakt Digital Udvikling, hvis fejlen fortsætter.',
    status: res.status,
  });
}

async function send<S extends z.ZodType>(
  path: string,
  init: RequestInit,
  schema: S | null,
  retryOnCsrf: boolean,
): Promise<z.infer<S>> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, credentials: 'same-origin' });
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    throw new ApiError({
      code: 'NETWORK_ERROR',
      message: 'Der er ingen forbindelse til serveren. Tjek din forbindelse, og prøv igen.',
      status: 0,
    });
  }
  if (!res.ok) {
    const error = await toApiError(res);
    if (retryOnCsrf && error.code === 'CSRF_FAILED') {
      // The token may have been rotated by the server (new session): fetch a fresh one and try once more.
      const headers = new Headers(init.headers);
      headers.set(CSRF_HEADER, await csrfToken(true));
      return send(path, { ...init, headers }, schema, false);
    }
    throw error;
  }
  if (schema === null || res.status === 204) return undefined as z.infer<S>;
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError({
      code: 'INVALID_RESPONSE',
      message: 'Serveren svarede uventet. Prøv igen om lidt, og kontakt Digital Udvikling, hvis fejlen fortsætter.',
      status: res.status,
      details: parsed.error.issues,
    });
  }
  return parsed.data;
}

/**
 * Calls the API and parses the answer with its contract. Every request carries the session cookie; every
 * non-GET request carries the CSRF header. Failures throw ApiError with the server's code and Danish message.
 * Pass `null` as schema for answers without a body (204).
 */
export async function apiRequest<S extends z.ZodType>(
  path: string,
  schema: S | null,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const method = options.method ?? 'GET';
  const headers = new Headers({ Accept: 'application/json' });
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  if (method !== 'GET') headers.set(CSRF_HEADER, await csrfToken());
  const init: RequestInit = { method, headers };
  if (options.body !== undefined) init.body = JSON.stringify(options.body);
  if (options.signal) init.signal = options.signal;
  return send(withQuery(path, options.query), init, schema, method !== 'GET');
}

/** Field errors from a VALIDATION_FAILED answer, keyed by the first path segment. Tolerates several shapes. */
export function fieldErrorsFrom(error: unknown): Record<string, string> {
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED') return {};
  const d = error.details as unknown;
  const issues: unknown[] = Array.isArray(d)
    ? d
    : d && typeof d === 'object' && Array.isArray((d as { issues?: unknown }).issues)
      ? ((d as { issues: unknown[] }).issues)
      : [];
  const out: Record<string, string> = {};
  for (const issue of issues) {
    if (!issue || typeof issue !== 'object') continue;
    const { path, message } = issue as { path?: unknown; message?: unknown };
    const key = Array.isArray(path) ? String(path[0] ?? '') : typeof path === 'string' ? path : '';
    if (key && typeof message === 'string' && !(key in out)) out[key] = message;
  }
  return out;
}

/**
 * For answers that are not one JSON body (a server-sent event stream, a file to download) and for bodies that are
 * not JSON (a file upload): the same cookie, CSRF header, retry and error mapping as apiRequest, but the caller gets the
 * Response to read. A non-2xx answer throws ApiError as usual.
 */
export async function apiFetch(
  path: string,
  options: { method?: 'POST'; body?: BodyInit; contentType?: string; accept?: string; signal?: AbortSignal },
): Promise<Response> {
  const headers = new Headers({ Accept: options.accept ?? 'application/json' });
  if (options.contentType) headers.set('Content-Type', options.contentType);
  headers.set(CSRF_HEADER, await csrfToken());
  const init: RequestInit = { method: options.method ?? 'POST', headers, credentials: 'same-origin' };
  if (options.body !== undefined) init.body = options.body;
  if (options.signal) init.signal = options.signal;
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(path, init);
    } catch (cause) {
      if (options.signal?.aborted) throw cause;
      throw new ApiError({
        code: 'NETWORK_ERROR',
        message: 'Der er ingen forbindelse til serveren. Tjek din forbindelse, og prøv igen.',
        status: 0,
      });
    }
    if (res.ok) return res;
    const error = await toApiError(res);
    if (attempt === 0 && error.code === 'CSRF_FAILED') {
      headers.set(CSRF_HEADER, await csrfToken(true));
      continue;
    }
    throw error;
  }
}
