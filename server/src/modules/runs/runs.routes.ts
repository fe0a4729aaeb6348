import { Router } from 'express';
import { CreateRunRequest, RunResponse } from '../../contracts/runs.js';
import type { Deps } from '../../deps.js';
import { requireActor } from '../auth/auth.middleware.js';
import { executeRun, getRun } from './runs.service.js';
import { streamRun } from './runs.stream.js';
import { IdParam } from '../../contracts/common.js';


export function runsRoutes(deps: Deps): Router {
  const r = Router();
  r.post('/', async (req, res) => {
    const actor = requireActor(req);
    const body = CreateRunRequest.parse(req.body);
    // A caller who hangs up (or a shutdown that cuts the connection after its grace period) cancels the run:
    // it is stored as CANCELLED, never as a draft nobody received.
    const abort = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    const run = await executeRun(deps, actor, body, { signal: abort.signal });
    res.status(201).json(RunResponse.parse({ run }));
  });
  // Same body and rules as POST /; the draft arrives as server-sent events (see runs.stream.ts).
  r.post('/stream', (req, res) => streamRun(deps, req, res));
  r.get('/:id', async (req, res) => {
    const actor = requireActor(req);
    const run = await getRun(deps, actor, IdParam.parse(req.params).id);
    res.json(RunResponse.parse({ run }));
  });
  return r;
}
