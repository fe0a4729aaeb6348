import { Router } from 'express';
import { AuditList, AuditListQuery, AuditVerification } from '../../contracts/audit.js';
import type { Deps } from '../../deps.js';
import { requireActor } from '../auth/auth.middleware.js';
import { requireRole } from '../auth/permissions.service.js';
import { listAuditEvents, verifyAuditChain } from './audit.service.js';

export function auditRoutes(deps: Deps): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    const actor = requireActor(req);
    requireRole(actor, ['DIGITAL_UNIT']);
    res.json(AuditList.parse(await listAuditEvents(deps.db, actor, AuditListQuery.parse(req.query))));
  });
  r.get('/verify', async (req, res) => {
    requireRole(requireActor(req), ['DIGITAL_UNIT']);
    res.json(AuditVerification.parse(await verifyAuditChain(deps.db)));
  });
  return r;
}
