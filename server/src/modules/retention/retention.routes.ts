import { RetentionOverview, RetentionSweepResponse } from '../../contracts/retention.js';
import { DIGITAL_UNIT, route, routes } from '../../api.js';
import { requireRole } from '../auth/permissions.service.js';
import { getRetentionOverview, sweepRetention } from './retention.service.js';

/** Retention is the digital unit's: it erases content across every unit's trials. */
export const retentionRoutes = routes('/retention', [
  route({
    method: 'GET',
    path: '/',
    operationId: 'getRetentionOverview',
    tag: 'retention',
    summary: 'Retention and erasure (opbevaring og sletning) overview',
    description: "Content due for erasure under each trial's policy, and the latest sweeps.",
    access: DIGITAL_UNIT,
    responses: { 200: { description: 'The overview.', schema: RetentionOverview } },
    errors: ['FORBIDDEN'],
    handle: ({ deps, actor }) => getRetentionOverview(deps, actor),
  }),
  route({
    method: 'POST',
    path: '/sweeps',
    operationId: 'sweepRetention',
    tag: 'retention',
    summary: 'Erase the content that is past its retention period now',
    description: 'The same sweep that runs on a schedule, started by hand. Erases texts and documents, keeps ids, counts and the audit trail.',
    access: DIGITAL_UNIT,
    responses: { 201: { description: 'The sweep that ran.', schema: RetentionSweepResponse } },
    errors: ['FORBIDDEN', 'RETENTION_IN_PROGRESS'],
    handle: async ({ deps, actor }) => {
      requireRole(actor, ['DIGITAL_UNIT']);
      return { sweep: await sweepRetention(deps, { trigger: 'manual', actor }) };
    },
  }),
]);
