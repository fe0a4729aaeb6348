import { Router } from 'express';
import { JobQueueResponse, JobResponse } from '../../contracts/jobs.js';
import type { Deps } from '../../deps.js';
import { requireActor } from '../auth/auth.middleware.js';
import { getJob, listJobQueue } from './jobs.service.js';
import { IdParam } from '../../contracts/common.js';


export function jobsRoutes(deps: Deps): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    const actor = requireActor(req);
    res.json(JobQueueResponse.parse(await listJobQueue(deps, actor)));
  });
  r.get('/:id', async (req, res) => {
    const actor = requireActor(req);
    const job = await getJob(deps, actor, IdParam.parse(req.params).id);
    res.json(JobResponse.parse({ job }));
  });
  return r;
}
