import { z } from 'zod';

/** The kinds of personal data the guard recognises; a policy decides an action for each. */
export const DataClass = z.enum([
  'CPR',
  'CVR',
  'PHONE',
  'EMAIL',
  'ADDRESS',
  'POSTCODE_CITY',
  'BANK_ACCOUNT',
  'PERSON',
  'HEALTH',
  'ETHNICITY',
  'RELIGION',
  'UNION',
  'SEXUAL_ORIENTATION',
  'CRIMINAL',
]);
export type DataClass = z.infer<typeof DataClass>;

/** GDPR Art. 9 special categories and Art. 10 criminal offences. */
export const SPECIAL_CATEGORIES: readonly DataClass[] = ['HEALTH', 'ETHNICITY', 'RELIGION', 'UNION', 'SEXUAL_ORIENTATION', 'CRIMINAL'];

/** block: refuse the request; mask: replace with reversible placeholders; warn: allow and tell; allow: allow. */
export const DataAction = z.enum(['block', 'mask', 'warn', 'allow']);
export type DataAction = z.infer<typeof DataAction>;

/**
 * Where the text goes. local: the offline engine, or a provider at a base URL the policy lists as run by the
 * municipality itself (`localBaseUrls`); external: every other provider.
 */
export const Destination = z.enum(['local', 'external']);
export type Destination = z.infer<typeof Destination>;

/**
 * A data-class rule: one action for every destination (`HEALTH: block`, the original form), or one per
 * destination (`HEALTH: { local: allow, external: mask }`), as text that stays on the municipality's own
 * servers may carry what must not leave them.
 */
export const DataRule = z.union([DataAction, z.object({ local: DataAction, external: DataAction }).strict()]);
export type DataRule = z.infer<typeof DataRule>;

/** The action a rule takes for a destination. */
export function actionFor(rule: DataRule, destination: Destination): DataAction {
  return typeof rule === 'string' ? rule : rule[destination];
}

export const AssistantId = z.enum(['letter', 'minutes', 'documents']);
export type AssistantId = z.infer<typeof AssistantId>;

export const ProviderKind = z.enum(['offline', 'openai', 'azure-openai', 'openai-compatible']);
export type ProviderKind = z.infer<typeof ProviderKind>;

export const ApprovalFunction = z.enum(['LEGAL', 'IT_SECURITY', 'DPO']);
export type ApprovalFunction = z.infer<typeof ApprovalFunction>;

const Localized = z.object({ da: z.string().trim().min(1), en: z.string().trim().min(1) }).strict();

const HumanReview = z
  .object({
    required: z.boolean(),
    /** never | always | when the input contained one of these data classes */
    secondApprover: z.union([z.enum(['never', 'always']), z.object({ whenPresent: z.array(DataClass).min(1) }).strict()]),
  })
  .strict();

const Limits = z
  .object({
    maxInputChars: z.number().int().min(100).max(2_000_000),
    runsPerPersonPerDay: z.number().int().min(1).max(10_000),
  })
  .strict();

/** The schema of a policy file in policies/*.yaml. Strict: an unknown key is an error, not ignored. */
export const PolicyFile = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'use lower-case letters, digits and hyphens' }),
    title: Localized,
    explanation: Localized,
    assistants: z.array(AssistantId).min(1),
    providers: z
      .array(
        z
          .object({
            provider: ProviderKind,
            /** Model names allowed with this provider; ["*"] allows any model the operator configured. */
            models: z.array(z.string().min(1)).min(1).default(['*']),
            /**
             * Base URLs of this provider that the municipality runs itself (its own Ollama or vLLM): text sent
             * there counts as local. Any other base URL of the same provider is external.
             */
            localBaseUrls: z.array(z.url({ protocol: /^https?$/ })).min(1).optional(),
          })
          .strict(),
      )
      .min(1),
    // Partial here so that a missing class gets one clear message below instead of one error per class.
    dataClasses: z.partialRecord(DataClass, DataRule),
    humanReview: HumanReview,
    retentionDays: z.number().int().min(0).max(3650),
    limits: Limits,
    disclosureLabel: Localized,
    approvals: z
      .array(
        z
          .object({
            function: ApprovalFunction,
            /** The approving office or role, not a private person's name. */
            by: z.string().trim().min(1),
            date: z.iso.date(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict()
  .superRefine((p, ctx) => {
    const missing = DataClass.options.filter((c) => !(c in p.dataClasses));
    if (missing.length) {
      ctx.addIssue({ code: 'custom', path: ['dataClasses'], message: `every data class needs an action; missing: ${missing.join(', ')}` });
    }
  })
  // Checked complete above.
  .transform((p) => ({ ...p, dataClasses: p.dataClasses as Record<DataClass, DataRule> }));
export type PolicyFile = z.infer<typeof PolicyFile>;

export const PolicyStatus = z.enum(['APPROVED', 'AWAITING_APPROVAL']);

export const PolicySummary = z.object({
  id: z.string(),
  version: z.string(),
  title: Localized,
  explanation: Localized,
  status: PolicyStatus,
  missingApprovals: z.array(ApprovalFunction),
  /** The day the last required approval was given (YYYY-MM-DD); null while one is missing. Shown as the version. */
  approvedOn: z.string().nullable(),
  assistants: z.array(AssistantId),
  providers: z.array(z.object({ provider: ProviderKind, models: z.array(z.string()), localBaseUrls: z.array(z.string()).optional() })),
});
export type PolicySummary = z.infer<typeof PolicySummary>;

const Rule = z.object({ code: z.string(), da: z.string(), en: z.string() });

export const PolicyDetail = PolicySummary.extend({
  dataClasses: z.record(DataClass, DataRule),
  humanReview: HumanReview,
  retentionDays: z.number(),
  limits: Limits,
  disclosureLabel: Localized,
  approvals: z.array(z.object({ function: ApprovalFunction, by: z.string(), date: z.string() })),
  /** The policy in plain language: "Det må du" / "Det må du ikke" / "Det skal du". */
  plain: z.object({ may: z.array(Rule), mayNot: z.array(Rule), must: z.array(Rule) }),
});
export type PolicyDetail = z.infer<typeof PolicyDetail>;

export const PolicyList = z.object({ policies: z.array(PolicySummary) });
export const PolicyResponse = z.object({ policy: PolicyDetail });

export const PreviewRequest = z.object({
  text: z.string().max(2_000_000),
  assistant: AssistantId.optional(),
});

export const Finding = z.object({ type: DataClass, start: z.number(), end: z.number(), action: DataAction });
export const Decision = z.enum(['allowed', 'masked', 'blocked']);
export type Decision = z.infer<typeof Decision>;

export const Reason = z.object({ code: z.string(), dataClass: DataClass.optional(), da: z.string(), en: z.string() });
export type Reason = z.infer<typeof Reason>;

export const PreviewResponse = z.object({
  policyId: z.string(),
  policyVersion: z.string(),
  decision: Decision,
  reasons: z.array(Reason),
  /** Per data class: how many were found and what the policy does with them. */
  counts: z.array(z.object({ type: DataClass, count: z.number(), action: DataAction })),
  /** Positions in the person's own text, for highlighting; never stored. */
  findings: z.array(Finding),
  /** What the provider would receive, with placeholders; null when blocked. */
  maskedText: z.string().nullable(),
});
export type PreviewResponse = z.infer<typeof PreviewResponse>;
