import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type Server, type ServerOptions } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { ZodError } from 'zod';
import type { ErrorBody, ErrorCode } from '../contracts/errors.js';
import { databaseUnavailableError } from './db-errors.js';
import { AppError, badRequest } from './errors.js';
import type { Logger } from './logger.js';
import { requestContext } from './request-context.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Accepts a caller's X-Request-Id when it is well-formed (for tracing through a proxy), else makes one. */
export function requestIdMiddleware(): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    req.id = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', req.id);
    requestContext.run({ requestId: req.id }, next);
  };
}

/**
 * One line per request: method, the route pattern rather than the raw URL (paths and query strings can carry
 * personal data), status and duration.
 */
export function requestLogMiddleware(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : req.path.startsWith('/api') ? '(unmatched)' : '(static)';
      const line = { method: req.method, route, status: res.statusCode, ms: Math.round(ms * 10) / 10, requestId: req.id, userId: req.actor?.id };
      // An unknown error is logged once, at error level, by the error middleware; this line then stays at info.
      if (res.statusCode >= 500 && !errorLogged(res)) logger.error(line, 'request failed');
      else logger.info(line, 'request completed');
    });
    next();
  };
}

function send(res: Response, status: number, body: ErrorBody, headers?: Record<string, string>) {
  if (headers) for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.status(status).json(body);
}

/**
 * Headers that describe a file or an export (set by serve-static before it refused a Range, or by a route before it
 * threw): they must not describe the error body, and a refusal is never cached (assets are cached for a year).
 */
const FILE_HEADERS = ['content-type', 'content-length', 'content-disposition', 'content-encoding', 'content-range', 'etag', 'last-modified', 'accept-ranges'];

function resetFileHeaders(res: Response): void {
  for (const h of FILE_HEADERS) res.removeHeader(h);
  res.setHeader('Cache-Control', 'no-store');
}

const ERROR_LOGGED = Symbol('errorLogged');

function markErrorLogged(res: Response): void {
  (res.locals as Record<symbol, boolean>)[ERROR_LOGGED] = true;
}

function errorLogged(res: Response): boolean {
  return (res.locals as Record<symbol, boolean> | undefined)?.[ERROR_LOGGED] === true;
}

const MALFORMED_URL_MESSAGE = 'Adressen indeholder ugyldige tegn (fx et "%" uden to hex-cifre efter sig). Ret adressen, og prøv igen.';

/** 400 MALFORMED_URL: the address cannot be decoded, or decodes to a NUL byte. */
export const malformedUrl = () => new AppError('MALFORMED_URL', MALFORMED_URL_MESSAGE, 400);

/**
 * Client errors that a library below the routes raised (router, serve-static/send, body-parser, finalhandler),
 * by the status they carry. Any other 4xx becomes 400 MALFORMED_REQUEST, so every code keeps one status.
 */
const CLIENT_ERRORS: Record<number, { code: ErrorCode; message: string }> = {
  400: { code: 'MALFORMED_REQUEST', message: 'Forespørgslen kunne ikke læses. Tjek adressen og indholdet, og prøv igen.' },
  403: { code: 'FORBIDDEN', message: 'Du har ikke adgang til dette. Tjek adressen, eller gå til forsiden.' },
  404: { code: 'NOT_FOUND', message: 'Det, du leder efter, findes ikke. Tjek adressen, eller gå til forsiden.' },
  405: { code: 'METHOD_NOT_ALLOWED', message: 'Den slags forespørgsel kan adressen ikke modtage. Hent siden i stedet.' },
  412: { code: 'PRECONDITION_FAILED', message: 'Filen er ændret siden, du sidst hentede den. Genindlæs siden.' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'Forespørgslen er for stor.' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Indholdstypen understøttes ikke. Send JSON i UTF-8.' },
  416: { code: 'RANGE_NOT_SATISFIABLE', message: 'Den del af filen, der blev bedt om, findes ikke. Hent hele filen i stedet.' },
};

/** Headers a library's client error may carry to the client (416 says the size, 405 what is allowed). */
const FORWARDED_HEADERS = ['content-range', 'allow'];

/**
 * The status of an error a library marked as the client's: http-errors (and the router's URI decoding) set `status`
 * and `statusCode` alike. Errors of an SDK that carry only a `status` (a model provider's 401 or 429) are not the
 * client's fault and stay 500.
 */
function clientStatusOf(err: unknown): number | undefined {
  if (!(err instanceof Error)) return undefined;
  const { status, statusCode } = err as { status?: unknown; statusCode?: unknown };
  return typeof status === 'number' && status === statusCode && status >= 400 && status < 500 ? status : undefined;
}

function forwardedHeaders(err: unknown): Record<string, string> | undefined {
  const headers = (err as { headers?: unknown }).headers;
  if (!headers || typeof headers !== 'object') return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (FORWARDED_HEADERS.includes(k.toLowerCase()) && typeof v === 'string') out[k] = v;
  return out;
}

/**
 * A zlib error (invalid gzip, deflate or brotli data in a request body): Z_DATA_ERROR, Z_BUF_ERROR (cut off), or
 * brotli's ERR__ERROR_FORMAT_... codes.
 */
function isZlibError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('Z_') || /^ERR_+(ERROR|BROTLI)/.test(code));
}

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

interface PrismaKnownError extends Error {
  code: string;
  meta?: Record<string, unknown>;
}

function isPrismaKnown(err: unknown): err is PrismaKnownError {
  return err instanceof Error && err.name === 'PrismaClientKnownRequestError' && typeof (err as PrismaKnownError).code === 'string';
}

/** Maps every error to the one error shape. Nothing internal (stack, SQL, paths) reaches the client. */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const requestId = req.id ?? 'unknown';
    if (res.headersSent) {
      logger.error({ err: { name: (err as Error)?.name } }, 'error after response started');
      markErrorLogged(res);
      res.end();
      return;
    }
    resetFileHeaders(res);
    if (err instanceof AppError) {
      const body: ErrorBody = { error: { code: err.code, message: err.message, requestId, ...(err.details !== undefined ? { details: err.details } : {}) } };
      send(res, err.status, body, err.headers);
      return;
    }
    if (err instanceof ZodError) {
      send(res, 400, {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Nogle felter er ikke udfyldt korrekt. Ret dem, og prøv igen.',
          // At most 50: a list of 10,000 wrong items would otherwise answer with megabytes of issues.
          details: err.issues.slice(0, 50).map((i) => ({ path: i.path.map(String), message: i.message, code: i.code })),
          requestId,
        },
      });
      return;
    }
    const bp = err as BodyParserError;
    if (bp?.type === 'entity.parse.failed') {
      send(res, 400, { error: { code: 'MALFORMED_JSON', message: 'Forespørgslen er ikke gyldig JSON.', requestId } });
      return;
    }
    if (bp?.type === 'entity.too.large') {
      send(res, 413, { error: { code: 'PAYLOAD_TOO_LARGE', message: 'Forespørgslen er for stor.', requestId } });
      return;
    }
    if (bp?.type === 'charset.unsupported') {
      send(res, 415, { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Tegnsættet understøttes ikke. Brug UTF-8.', requestId } });
      return;
    }
    if (bp?.type === 'encoding.unsupported') {
      send(res, 415, {
        error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Komprimeringen (Content-Encoding) understøttes ikke. Send indholdet ukomprimeret eller med gzip.', requestId },
      });
      return;
    }
    // The database itself is unusable (full, read-only, corrupt ...): 503 in Danish, not 500. The cause is logged
    // once, in words, where the driver reported it (lib/db-health.ts).
    const unavailable = databaseUnavailableError(err);
    if (unavailable) {
      send(res, unavailable.status, { error: { code: unavailable.code, message: unavailable.message, requestId } }, unavailable.headers);
      return;
    }
    if (isPrismaKnown(err) && err.code === 'P2002') {
      send(res, 409, { error: { code: 'CONFLICT', message: 'Der findes allerede en post med de samme oplysninger.', requestId } });
      return;
    }
    if (isPrismaKnown(err) && err.code === 'P2025') {
      send(res, 404, { error: { code: 'NOT_FOUND', message: 'Det, du leder efter, findes ikke.', requestId } });
      return;
    }
    const status = clientStatusOf(err);
    if (status !== undefined) {
      // The router could not decode a path parameter (%ZZ): the address is wrong, not the server.
      if (err instanceof URIError) {
        send(res, 400, { error: { code: 'MALFORMED_URL', message: MALFORMED_URL_MESSAGE, requestId } });
        return;
      }
      if (isZlibError(err)) {
        send(res, 400, {
          error: { code: 'MALFORMED_REQUEST', message: 'Indholdet kunne ikke pakkes ud (Content-Encoding). Send det ukomprimeret, eller komprimér det igen.', requestId },
        });
        return;
      }
      const known = CLIENT_ERRORS[status];
      send(res, known ? status : 400, { error: { code: known?.code ?? 'MALFORMED_REQUEST', message: (known ?? CLIENT_ERRORS[400]!).message, requestId } }, forwardedHeaders(err));
      return;
    }
    // Log the error's kind and stack frames only: messages (the stack's first line) can quote the data that failed.
    logger.error({ err: { name: (err as Error)?.name, frames: (err as Error)?.stack?.split('\n').slice(1).join('\n') } }, 'unhandled error');
    markErrorLogged(res);
    send(res, 500, { error: { code: 'INTERNAL', message: 'Der opstod en uventet fejl. Prøv igen om lidt.', requestId } });
  };
}

export const apiNotFound: RequestHandler = (req, res) => {
  send(res, 404, { error: { code: 'ROUTE_NOT_FOUND', message: 'Adressen findes ikke i API’et.', requestId: req.id } });
};

/**
 * The web app's pages and assets answer GET and HEAD only: anything else is 405 in the one error shape (OPTIONS
 * says which methods are allowed), rather than Express's HTML "Cannot POST /".
 */
export const pageMethodNotAllowed: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD') return next();
  res.setHeader('Allow', 'GET, HEAD');
  if (req.method === 'OPTIONS') {
    res.status(204).end();
    return;
  }
  send(res, 405, { error: { code: 'METHOD_NOT_ALLOWED', message: CLIENT_ERRORS[405]!.message, requestId: req.id } });
};

/**
 * HTTP/1.1 requires a Host header. The HTTP server is told not to check it (its refusal is a bare 400 without a
 * body), so that the refusal comes here, in the one error shape.
 */
export const requireHostHeader: RequestHandler = (req, _res, next) => {
  next(req.httpVersion === '1.1' && !req.headers.host ? badRequest('MALFORMED_REQUEST', 'Forespørgslen mangler headeren Host. Send den igen med Host.') : undefined);
};

/**
 * A NUL byte can only reach a path parameter or the query through "%00". No address needs one, and PostgreSQL
 * refuses text that holds one (a 500 deep in a query), so it is refused at the door.
 */
export const refuseNulInUrl: RequestHandler = (req, _res, next) => {
  next(/%00/.test(req.originalUrl) ? malformedUrl() : undefined);
};

/**
 * The path (as strings, like ZodError issues) of the first string in a parsed body that holds a NUL character, in a
 * key or a value. Iterative, and each node points to its parent instead of copying its path, so that a deeply
 * nested body (a 1 MB "[[[[...") can neither overflow the stack nor cost quadratic time.
 */
export function findNul(value: unknown): string[] | undefined {
  interface Node {
    value: unknown;
    key?: string;
    parent?: Node;
  }
  const pathOf = (n: Node): string[] => {
    const out: string[] = [];
    for (let at: Node | undefined = n; at?.key !== undefined; at = at.parent) out.push(at.key);
    return out.reverse();
  };
  const stack: Node[] = [{ value }];
  while (stack.length) {
    const node = stack.pop()!;
    const v = node.value;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return pathOf(node);
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (k.includes('\u0000')) return pathOf({ value: child, key: k, parent: node });
        stack.push({ value: child, key: k, parent: node });
      }
    }
  }
  return undefined;
}

/** 400 VALIDATION_FAILED for a field that holds a NUL character (never meaningful in text; PostgreSQL refuses it). */
export function nulRefused(path: string[]): AppError {
  return badRequest('VALIDATION_FAILED', 'Et felt indeholder et ugyldigt tegn (NUL). Fjern det, og prøv igen.', [
    { path, message: 'must not contain the NUL character', code: 'invalid_nul' },
  ]);
}

/** Refuses a JSON body with a NUL character in any string (see findNul). */
export const refuseNulInBody: RequestHandler = (req, _res, next) => {
  const path = req.body === undefined ? undefined : findNul(req.body);
  next(path ? nulRefused(path) : undefined);
};

/**
 * The HTTP server's own refusals, before Express sees a request (a malformed request line, an unknown method,
 * headers or an address over the size limit, a request sent too slowly): in the one error shape instead of Node's
 * empty "400 Bad Request". Logged at info: it is the client's fault, and the raw bytes may hold personal data.
 */
export function clientErrorHandler(logger: Logger): (err: NodeJS.ErrnoException, socket: Duplex) => void {
  return (err, socket) => {
    // A response already under way on this connection (keep-alive) cannot be followed by another one.
    const current = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || current?.headersSent) {
      socket.destroy();
      return;
    }
    const [status, code, message]: [number, ErrorCode, string] =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'HEADERS_TOO_LARGE', 'Adressen eller forespørgslens headere er for store. Ryd cookies for siden, eller brug en kortere adresse.']
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'REQUEST_TIMEOUT', 'Forespørgslen kom ikke frem i tide. Prøv igen.']
          : err.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW'
            ? [413, 'PAYLOAD_TOO_LARGE', 'Forespørgslen er for stor.']
            : [400, 'MALFORMED_REQUEST', CLIENT_ERRORS[400]!.message];
    const body = JSON.stringify({ error: { code, message, requestId: randomUUID() } } satisfies ErrorBody);
    logger.info({ status, reason: err.code }, 'request refused by the HTTP parser');
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  };
}

/**
 * Options of the HTTP server (main.ts): a missing Host header is refused by the app (requireHostHeader above), in
 * the one error shape, rather than by Node with a bare 400.
 */
export const HTTP_SERVER_OPTIONS: ServerOptions = { requireHostHeader: false };

/**
 * The HTTP server's refusals in the one error shape (clientErrorHandler), and an Expect other than 100-continue
 * served as if it were absent rather than with Node's bare 417.
 */
export function answerServerRefusals(server: Server, logger: Logger): void {
  server.on('clientError', clientErrorHandler(logger));
  server.on('checkExpectation', (req, res) => server.emit('request', req, res));
}
