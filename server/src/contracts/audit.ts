import { z } from 'zod';

/**
 * Every action the server records in the audit trail. recordAudit takes only these, so a new action is added
 * here (and gets its Danish label in the web's audit.actions, checked by a test) before it can be recorded.
 * Events already stored keep the action they were stored with, so a view reads `action` as a string.
 */
export const AUDIT_ACTIONS = [
  'auth.break_glass_login', 'auth.login', 'auth.login_failed', 'auth.logout', 'auth.password_change_failed', 'auth.password_changed', 'auth.sso_linked', 'auth.sso_login', 'auth.sso_refused',
  'compliance.approved', 'compliance.exported',
  'demo.seeded',
  'document.deleted', 'document.indexed', 'document.purged', 'document.uploaded',
  'documents.embedded',
  'experience.baseline_set', 'experience.logged',
  'job.failed', 'job.queued', 'job.requeued', 'job.retrying', 'job.started', 'job.succeeded',
  'reflection.created',
  'retention.swept',
  'run.blocked', 'run.cancelled', 'run.completed', 'run.content_purged', 'run.exported', 'run.failed', 'run.review_refused', 'run.reviewed', 'run.viewed',
  'trial.briefing_acknowledged', 'trial.created', 'trial.decided', 'trial.exported', 'trial.loosened', 'trial.participants_changed', 'trial.policy_confirmed', 'trial.published', 'trial.status_changed', 'trial.unpublished', 'trial.updated',
  'user.created', 'user.deactivated', 'user.password_reset', 'user.reactivated', 'user.updated',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEventView = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  unitId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEventView = z.infer<typeof AuditEventView>;

export const AuditListQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  resourceType: z.string().max(50).optional(),
  resourceId: z.string().max(100).optional(),
});

export const AuditList = z.object({ events: z.array(AuditEventView), nextBefore: z.number().nullable() });
export type AuditList = z.infer<typeof AuditList>;

export const AuditVerification = z.object({
  ok: z.boolean(),
  checked: z.number(),
  firstBroken: z
    .object({ seq: z.number(), reason: z.enum(['hash_mismatch', 'chain_break']) })
    .nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;
