import { Router } from 'express';
import { RetentionOverview, RetentionSweepResponse } from '../../contracts/retention.js';
import type { Deps } from '../../deps.js';
import { requireActor } from '../auth/auth.middleware.js';
import { requireRole } from '../auth/permissions.service.js';
import { getRetentionOverview, sweepRetention } from './retention.service.js';

/** Retention is the digital unit's: it erases content across every unit's trials. */
export function retentionRoutes(deps: Deps): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    const actor = requireActor(req);
    res.json(RetentionOverview.parse(await getRetentionOverview(deps, actor)));
  });
  r.post('/sweeps', async (req, res) => {
    const actor = requireActor(req);
    requireRole(actor, ['DIGITAL_UNIT']);
    const sweep = await sweepRetention(deps, { trigger: 'manual', actor });
    res.status(201).json(RetentionSweepResponse.parse({ sweep }));
  });
  return r;
}
