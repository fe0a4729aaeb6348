import type { AssistantId } from '../../contracts/policies.js';
import type { RunOptions } from '../../contracts/runs.js';
import type { Deps } from '../../deps.js';
import type { Actor } from '../auth/auth.types.js';
import type { Provider, ProviderKind } from '../providers/providers.types.js';

/**
 * What the runs pipeline hands an assistant. Everything here has passed the policy and the guard: `text` is
 * the person's input with the policy's masked values replaced by placeholders ([NAVN_1], [CPR_1] ...).
 */
export interface AssistantRequest {
  deps: Deps;
  trialId: string;
  /** The person the run is for, and the run's id (set before anything is sent): for the audit of what else it sends. */
  actor: Pick<Actor, 'id' | 'role'>;
  runId: string;
  /** Pseudonymised input: the only form of the person's text an assistant ever sees. */
  text: string;
  /** The provider the policy allows for this run; `kind === 'offline'` means the deterministic rule engine. */
  provider: Provider;
  signal?: AbortSignal;
  /** What the person chose for the assistant (the minutes' meeting template). */
  options?: RunOptions;
  /** Streams pieces of the draft (with placeholders) as they are generated. */
  onToken?: (token: string) => void;
  /**
   * Applies the run's policy to further text that would leave the server with this run (for example passages
   * from the knowledge base): returns it with the same placeholders as the input, or null when the policy
   * would refuse it (then it must not be sent). An assistant passes every extra text through this before
   * sending it to a provider.
   */
  protect(text: string): string | null;
}

export interface AssistantResult {
  /** The draft, still with placeholders; the pipeline restores the originals. */
  draft: string;
  /**
   * The assistant's structured result (checklist and LIX, decisions and action items, citations). JSON-safe;
   * the pipeline restores placeholders in every string inside it.
   */
  details: Record<string, unknown>;
  provider: ProviderKind;
  model: string;
  usage: { promptTokens: number; completionTokens: number };
}

export interface Assistant {
  id: AssistantId;
  run(req: AssistantRequest): Promise<AssistantResult>;
  /**
   * Optional last step, on the server after the pipeline has restored the placeholders: figures that must be
   * counted on the person's real text rather than on the pseudonymised one the assistant saw (a placeholder is
   * one short word where the name or address it stands for may be three). Gets the restored details, the
   * person's input and the restored draft; returns the details to store. Nothing here leaves the server.
   */
  finish?(details: Record<string, unknown>, texts: { input: string; draft: string }): Record<string, unknown>;
}
