/**
 * The one way text leaves the server (docs/decisions/0004). Runs, knowledge-base embeddings and audio
 * transcription all pass here: the policy is on the server and signed off, the provider and model are ones it
 * allows, and text goes through scan → evaluate → mask → pseudonymise; what comes back is restored here too.
 * Nothing in this module logs or audits content. Other modules import this file only.
 */
export {
  approvedPolicy,
  providerAllowed,
  providerFor,
  requireTrialPolicy,
  requireUsablePolicy,
  type Purpose,
} from './gateway.policy.js';
export {
  destinationOfProvider,
  guardText,
  placeholdersKeptInLinks,
  protector,
  restoreDeep,
  restoreText,
  type Destination,
  type GuardedText,
} from './gateway.guard.js';
export { embedForTrial, embeddingsConfigured, EMBED_BATCH_SIZE, type EmbeddingTrial, type EmbedOptions, type TrialEmbeddings } from './gateway.embed.js';
export { requireTranscriber, transcribeForTrial, NO_TRANSCRIPTION, type Transcriber } from './gateway.transcribe.js';
export { restoringStream, type RestoringStream } from './gateway.restore-stream.js';
export type { MaskSpan } from './gateway.masking.js';
