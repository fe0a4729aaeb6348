import { Router } from 'express';
import { TrialList } from '../../contracts/trials.js';
import type { Deps } from '../../deps.js';
import { requireActor } from '../auth/auth.middleware.js';
import { listTrials } from './trials.service.js';

export function trialsRoutes(deps: Deps): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    res.json(TrialList.parse({ trials: await listTrials(deps, requireActor(req)) }));
  });
  return r;
}
