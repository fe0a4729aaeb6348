import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { ApprovalFunction, PolicyFile } from '../../contracts/policies.js';

export interface LoadedPolicy {
  file: string;
  /** Content hash of the file: a trial records the version it ran under. */
  version: string;
  /** The file's text, as hashed: recorded in the database so that other instances can govern by this version. */
  content: string;
  policy: PolicyFile;
  missingApprovals: ApprovalFunction[];
  /**
   * The day the last required approval was given (YYYY-MM-DD): what people call "the version of <date>", where the
   * hash means nothing to them. Null while an approval is missing.
   */
  approvedOn: string | null;
}

/** Legal, IT security and the data protection officer must all have approved before a trial may start. */
export const REQUIRED_APPROVALS: readonly ApprovalFunction[] = ApprovalFunction.options;

export class PolicyLoadError extends Error {
  constructor(
    public readonly file: string,
    public readonly problems: string[],
  ) {
    super(`Invalid policy file ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PolicyLoadError';
  }
}

export function parsePolicy(file: string, content: string): LoadedPolicy {
  const doc = parseDocument(content, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) throw new PolicyLoadError(file, doc.errors.map((e) => `YAML: ${e.message}`));
  const parsed = PolicyFile.safeParse(doc.toJS());
  if (!parsed.success) {
    throw new PolicyLoadError(
      file,
      parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(file)'}: ${i.message}`),
    );
  }
  const expectedId = path.basename(file).replace(/\.ya?ml$/, '');
  if (parsed.data.id !== expectedId) {
    throw new PolicyLoadError(file, [`id: "${parsed.data.id}" must match the file name "${expectedId}"`]);
  }
  const approved = new Set(parsed.data.approvals.map((a) => a.function));
  const missingApprovals = REQUIRED_APPROVALS.filter((f) => !approved.has(f));
  const approvalDays = parsed.data.approvals.filter((a) => REQUIRED_APPROVALS.includes(a.function)).map((a) => a.date).sort();
  return {
    file,
    version: createHash('sha256').update(content).digest('hex').slice(0, 12),
    content,
    policy: parsed.data,
    missingApprovals,
    approvedOn: missingApprovals.length === 0 ? approvalDays[approvalDays.length - 1]! : null,
  };
}

/** Reads every policy in the folder; the first invalid file stops the start with its name, field and problem. */
export function loadPolicies(dir: string): Map<string, LoadedPolicy> {
  if (!fs.existsSync(dir)) throw new PolicyLoadError(dir, ['the policies folder does not exist']);
  const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  if (files.length === 0) throw new PolicyLoadError(dir, ['no policy files (*.yaml) found']);
  const out = new Map<string, LoadedPolicy>();
  for (const f of files) {
    const full = path.join(dir, f);
    const loaded = parsePolicy(full, fs.readFileSync(full, 'utf8'));
    out.set(loaded.policy.id, loaded);
  }
  return out;
}
