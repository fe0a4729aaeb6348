/**
 * The guard's front door, for the gateway alone (eslint.config.js): finding personal data and replacing it by
 * placeholders. Every other module goes through the gateway, which applies the policy first (docs/decisions/0004).
 */
export { countKeptInLinks, pseudonymise, restore, restoreBetween } from './pseudonymise.js';
export type { PseudonymMapping } from './pseudonymise.js';
export { scan } from './scan.js';
