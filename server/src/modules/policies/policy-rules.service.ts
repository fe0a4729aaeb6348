/**
 * The policies module's front door for reading a policy: what it allows for a data class at a destination, which
 * providers it admits, and what it says in plain Danish. Pure functions over the loaded file, with no other module
 * behind them, so that the gateway (which policies.service.ts uses for its previews) can import them too.
 */
export type { LoadedPolicy } from './policies.loader.js';
export { allowsProvider, destinationOf, evaluatePolicy } from './policy.evaluate.js';
export type { Evaluation } from './policy.evaluate.js';
export { plainLanguage } from './policy.plain.js';
export { ASSISTANT_NAMES, CLASS_WORDS, PROVIDER_NAMES, listJoin, orJoin } from './policy.words.js';
