import { AuditList, AuditListQuery, AuditVerification } from '../../contracts/audit.js';
import { DIGITAL_UNIT, route, routes } from '../../api.js';
import { requireRole } from '../auth/permissions.service.js';
import { listAuditEvents, verifyAuditChain } from './audit.service.js';

export const auditRoutes = routes('/audit', [
  route({
    method: 'GET',
    path: '/',
    operationId: 'listAuditEvents',
    tag: 'audit',
    summary: 'The audit trail (revisionsspor), newest first',
    description: 'Who did what and when, with ids, counts and statuses only: never content. Paged with `before`.',
    access: DIGITAL_UNIT,
    query: AuditListQuery,
    responses: { 200: { description: 'A page of audit events.', schema: AuditList } },
    errors: ['FORBIDDEN'],
    // Only the digital unit learns that its query was malformed.
    parseQuery: false,
    handle: ({ deps, req, actor }) => {
      requireRole(actor, ['DIGITAL_UNIT']);
      return listAuditEvents(deps.db, actor, AuditListQuery.parse(req.query));
    },
  }),
  route({
    method: 'GET',
    path: '/verify',
    operationId: 'verifyAuditChain',
    tag: 'audit',
    summary: 'Verify the hash chain of the audit trail',
    description: 'Recomputes the chain and reports the first event that does not match, if any.',
    access: DIGITAL_UNIT,
    responses: { 200: { description: 'The result of the verification.', schema: AuditVerification } },
    errors: ['FORBIDDEN'],
    handle: ({ deps, actor }) => {
      requireRole(actor, ['DIGITAL_UNIT']);
      return verifyAuditChain(deps.db);
    },
  }),
]);
