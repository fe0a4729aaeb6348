import type { ProviderKind } from '../../contracts/policies.js';

export type { ProviderKind };

/**
 * One request to a model. `user` is what leaves the server: the runs pipeline passes only pseudonymised text
 * here, never the original. Providers must not log either field.
 */
export interface CompletionRequest {
  system: string;
  user: string;
  /** Overrides the configured model (for example a policy that names a smaller one). */
  model?: string;
  /** Aborts the call (a person cancels, the server shuts down). */
  signal?: AbortSignal;
  /** When given, the provider streams and calls this with each piece of text as it arrives. */
  onToken?: (token: string) => void;
  /**
   * Which assistant is asking. Language models get their instructions from `system`; the offline rule engine,
   * which cannot read instructions, uses this to choose its rules.
   */
  assistant?: string;
  /**
   * The answer must be one JSON object of this JSON schema. Sent as the provider's structured output as far as
   * it supports it (AI_STRUCTURED_OUTPUT); the caller still validates the answer, whatever the provider says.
   */
  responseFormat?: { name: string; schema: Record<string, unknown> };
  /**
   * Messages after `user`, in order: a model's earlier answer and what we said about it (the one repair of an
   * answer that was not valid JSON). Pseudonymised like `user`.
   */
  followUps?: { role: 'assistant' | 'user'; content: string }[];
}

export interface Completion {
  text: string;
  provider: ProviderKind;
  model: string;
  usage: { promptTokens: number; completionTokens: number };
}

/** One vector per text, in the order of the texts, from a provider's embeddings endpoint. */
export interface Embeddings {
  vectors: Float32Array[];
  provider: ProviderKind;
  /** The embeddings model the policy was checked against. */
  model: string;
  usage: { promptTokens: number };
}

/** The text of a recording, from a provider's speech-to-text endpoint. */
export interface Transcription {
  text: string;
  provider: ProviderKind;
  model: string;
}

export interface Provider {
  readonly kind: ProviderKind;
  /** The model used when a request names none: what policies are checked against and runs record. */
  readonly model: string;
  /** Where requests go (absent for the offline engine): a policy may list it as the municipality's own server. */
  readonly baseUrl?: string;
  /**
   * The model's context window in tokens (AI_CONTEXT_TOKENS), when it has one: assistants send longer texts in
   * parts that fit. Absent for the offline engine, which reads any length.
   */
  readonly contextTokens?: number;
  complete(req: CompletionRequest): Promise<Completion>;
  /**
   * Speech to text (OpenAI's /audio/transcriptions). Absent where the provider has none (the offline engine).
   * Audio cannot be scanned for personal data before it is transcribed: callers check the trial's policy
   * allows this provider first (docs/decisions/0005). Failures are ProviderErrors, as for complete().
   */
  transcribe?(audio: Buffer, filename: string, mime: string, signal?: AbortSignal): Promise<Transcription>;
  /** The embeddings model, when one is configured (AI_EMBEDDING_MODEL): what policies are checked against. */
  readonly embeddingModel?: string;
  /**
   * Vectors for texts (OpenAI's /embeddings). Present only when an embeddings model is configured; the offline
   * engine has none. Only gateway/gateway.embed.ts calls it, after the trial's policy and the guard (docs/decisions/0007).
   * Same timeouts, retries and ProviderError kinds as complete().
   */
  embed?(texts: string[], signal?: AbortSignal): Promise<Embeddings>;
}

/**
 * Why a provider call failed, after the last try. Stored as the run's errorCode and shown to people as a
 * Danish message, so the kinds are few and stable:
 * - timeout: the answer was not complete within PROVIDER_TIMEOUT_MS (on every try), body included
 * - rate_limited: 429 on every try
 * - server_error: 5xx on every try
 * - unavailable: the provider could not be reached (connection refused or reset before an answer, DNS, TLS)
 * - malformed: an answer that is not the expected JSON, or has no text
 * - refused: the provider refused the request (4xx such as a bad key, an unknown model or its content filter)
 * - incomplete: the answer began but did not end (the connection closed mid-answer, the stream stopped without a
 *   finish reason, or the model ran out of tokens): never stored as a draft
 * - cancelled: the caller aborted the call (the person stopped it, or the server is shutting down)
 */
export const PROVIDER_ERROR_KINDS = ['timeout', 'rate_limited', 'server_error', 'unavailable', 'malformed', 'refused', 'incomplete', 'cancelled'] as const;
export type ProviderErrorKind = (typeof PROVIDER_ERROR_KINDS)[number];

export class ProviderError extends Error {
  constructor(
    public readonly kind: ProviderErrorKind,
    public readonly provider: ProviderKind,
    /** The HTTP status of the last try, when there was one. */
    public readonly status?: number,
  ) {
    // The message names the kind only: a provider's own error text can quote the request.
    super(`provider ${provider} failed: ${kind}${status ? ` (HTTP ${status})` : ''}`);
    this.name = 'ProviderError';
  }
}

/** Said in every answer of the offline engine, so nobody mistakes its output for a language model's. */
export const OFFLINE_NOTICE = 'Offline regelmotor – ikke en sprogmodel';
