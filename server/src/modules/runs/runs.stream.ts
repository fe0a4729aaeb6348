import type { Request, Response } from 'express';
import type { ErrorBody } from '../../contracts/errors.js';
import { CreateRunRequest, RunView } from '../../contracts/runs.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../lib/errors.js';
import { requireActor } from '../auth/auth.middleware.js';
import { executeRun } from './runs.service.js';

/** Often enough that proxies (and idle timeouts of 30-60 s) keep the connection open while a model thinks. */
export const HEARTBEAT_MS = 15_000;

/**
 * POST /api/runs/stream: the governed pipeline with the draft streamed as server-sent events over the response
 * (`token` { text }, then `done` { run } or `error` { error }). Until the policy has let the run through, the
 * answer is ordinary JSON with its status (validation, not a participant, blocked, limit reached), so the client
 * handles refusals exactly as for POST /api/runs. Only restored text reaches the browser: the placeholders and
 * the mapping stay in the service. A client that goes away aborts the provider call, and the run is stored as
 * failed like any other cancelled call.
 */
export async function streamRun(deps: Deps, req: Request, res: Response, { heartbeatMs = HEARTBEAT_MS } = {}): Promise<void> {
  const actor = requireActor(req);
  const body = CreateRunRequest.parse(req.body);
  const abort = new AbortController();
  let open = false;
  let heartbeat: NodeJS.Timeout | undefined;

  const gone = () => res.destroyed || res.writableEnded;
  const write = (chunk: string) => {
    if (!gone()) res.write(chunk);
  };
  const event = (name: 'token' | 'done' | 'error', data: unknown) => write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  res.on('close', () => {
    clearInterval(heartbeat);
    if (!res.writableFinished) abort.abort();
  });
  const start = () => {
    if (open) return;
    open = true;
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    // no-transform and X-Accel-Buffering stop compressing and buffering proxies (nginx) from holding the tokens.
    res.setHeader('Cache-Control', 'no-store, no-transform');
    res.setHeader('X-Accel-Buffering', 'no');
    res.setHeader('Connection', 'keep-alive');
    res.flushHeaders();
    heartbeat = setInterval(() => write(': heartbeat\n\n'), heartbeatMs);
    heartbeat.unref();
  };

  try {
    const run = await executeRun(deps, actor, body, {
      signal: abort.signal,
      onSend: start,
      onDraftToken: (text) => event('token', { text }),
    });
    start();
    event('done', { run: RunView.parse(run) });
  } catch (err) {
    // Before the stream began, the error middleware answers with plain JSON and the right status.
    if (!open) throw err;
    event('error', errorBodyOf(deps, err, req.id ?? 'unknown'));
  } finally {
    clearInterval(heartbeat);
  }
  if (!gone()) res.end();
}

function errorBodyOf(deps: Deps, err: unknown, requestId: string): ErrorBody {
  if (err instanceof AppError) {
    return { error: { code: err.code, message: err.message, requestId, ...(err.details !== undefined ? { details: err.details } : {}) } };
  }
  // The kind only: a message can quote the data that failed.
  deps.logger.error({ err: { name: (err as Error)?.name } }, 'run stream failed');
  return { error: { code: 'INTERNAL', message: 'Der opstod en uventet fejl. Prøv igen om lidt.', requestId } };
}
