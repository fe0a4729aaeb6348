import type { Deps } from '../../deps.js';
import { type LoadedPolicy, parsePolicy } from './policies.loader.js';

/** How often an instance says again which policy versions it serves. */
export const SERVE_INTERVAL_MS = 60_000;

/**
 * Records, with the time, every policy version this instance serves (its files' text, by content hash). Other
 * instances on the database can then govern a trial by a version they do not have on disk while it is being
 * rolled out, and tell when the last instance stopped serving an old one (docs/decisions/0016).
 */
export async function servePolicyVersions(deps: Pick<Deps, 'db' | 'policies' | 'now'>): Promise<void> {
  const now = deps.now();
  for (const p of deps.policies.values()) {
    await deps.db.policyVersion.upsert({
      where: { policyId_version: { policyId: p.policy.id, version: p.version } },
      create: { policyId: p.policy.id, version: p.version, content: p.content, lastServedAt: now },
      update: { lastServedAt: now },
    });
  }
}

/** Serves now and every SERVE_INTERVAL_MS until stopped; a failure is logged and tried again at the next tick. */
export function startServingPolicyVersions(deps: Deps): { stop(): void } {
  const serve = () => servePolicyVersions(deps).catch((err: unknown) => deps.logger.warn({ err: { name: (err as Error)?.name } }, 'policy versions not recorded'));
  void serve();
  const timer = setInterval(() => void serve(), SERVE_INTERVAL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

const parsed = new Map<string, LoadedPolicy>();

/**
 * The version of a policy that some instance served within POLICY_ROLLOUT_MINUTES, parsed from the text that
 * instance recorded; null when no instance serves it any more (or never did). Parsed once per version.
 */
export async function servedPolicyVersion(deps: Pick<Deps, 'db' | 'now' | 'config'>, policyId: string, version: string): Promise<LoadedPolicy | null> {
  const since = new Date(deps.now().getTime() - deps.config.policyRolloutMinutes * 60_000);
  const row = await deps.db.policyVersion.findFirst({ where: { policyId, version, lastServedAt: { gte: since } } });
  if (!row) return null;
  const key = `${policyId}\u0000${version}`;
  let loaded = parsed.get(key);
  if (!loaded) {
    loaded = parsePolicy(`${policyId}.yaml`, row.content);
    // A row whose text does not hash to its version was not written by an instance: it governs nothing.
    if (loaded.version !== version) return null;
    parsed.set(key, loaded);
  }
  return loaded;
}
