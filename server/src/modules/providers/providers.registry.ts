import type { AiConfig } from '../../config/env.js';
import { createOfflineProvider } from './providers.offline.js';
import { createOpenAiProvider } from './providers.openai.js';
import type { Provider, ProviderKind } from './providers.types.js';

/** The providers this server can use: the one the operator configured, and the offline engine always. */
export interface ProviderRegistry {
  /** The provider chosen by AI_PROVIDER (the offline engine when none was chosen). */
  configured: Provider;
  offline: Provider;
  get(kind: ProviderKind): Provider | undefined;
  /**
   * The provider for a request: the configured one when `allowed` accepts it, else the offline engine when
   * `allowed` accepts that, else the configured one (which the policy will then refuse, with its reason).
   */
  choose(allowed: (kind: ProviderKind, model: string) => boolean): Provider;
}

export function createProviderRegistry(ai: AiConfig): ProviderRegistry {
  const offline = createOfflineProvider();
  const configured = ai.provider === 'offline' ? offline : createOpenAiProvider(ai);
  return registryOf(configured, offline);
}

/** A registry of given providers (tests use it to put a stand-in where the configured provider would be). */
export function registryOf(configured: Provider, offline: Provider = createOfflineProvider()): ProviderRegistry {
  const byKind = new Map<ProviderKind, Provider>([
    ['offline', offline],
    [configured.kind, configured],
  ]);
  return {
    configured,
    offline,
    get: (kind) => byKind.get(kind),
    choose(allowed) {
      if (allowed(configured.kind, configured.model)) return configured;
      if (allowed(offline.kind, offline.model)) return offline;
      return configured;
    },
  };
}
