import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import type { ErrorBody } from '../contracts/errors.js';
import { AppError } from './errors.js';
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
      if (res.statusCode >= 500) logger.error(line, 'request failed');
      else logger.info(line, 'request completed');
    });
    next();
  };
}

function send(res: Parameters<ErrorRequestHandler>[2], status: number, body: ErrorBody, headers?: Record<string, string>) {
  if (headers) for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.status(status).json(body);
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
      res.end();
      return;
    }
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
          details: err.issues.map((i) => ({ path: i.path.map(String), message: i.message, code: i.code })),
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
    if (bp?.type === 'encoding.unsupported' || bp?.type === 'charset.unsupported') {
      send(res, 415, { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Tegnsættet understøttes ikke. Brug UTF-8.', requestId } });
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
    // Log the error's kind and stack frames only: messages (the stack's first line) can quote the data that failed.
    logger.error({ err: { name: (err as Error)?.name, frames: (err as Error)?.stack?.split('\n').slice(1).join('\n') } }, 'unhandled error');
    send(res, 500, { error: { code: 'INTERNAL', message: 'Der opstod en uventet fejl. Prøv igen om lidt.', requestId } });
  };
}

export const apiNotFound: RequestHandler = (req, res) => {
  send(res, 404, { error: { code: 'ROUTE_NOT_FOUND', message: 'Adressen findes ikke i API’et.', requestId: req.id } });
};
