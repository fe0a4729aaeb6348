import { z } from 'zod';

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
