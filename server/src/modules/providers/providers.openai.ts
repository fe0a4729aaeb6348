import OpenAI, { AzureOpenAI, toFile } from 'openai';
import type { ChatCompletionChunk, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { ResponseFormatJSONObject, ResponseFormatJSONSchema } from 'openai/resources/shared';
import { DEFAULT_CONTEXT_TOKENS, DEFAULT_TRANSCRIPTION_TIMEOUT_MS, type AiConfig, type StructuredOutputMode } from '../../config/env.js';
import { toProviderError } from './providers.errors.js';
import { fetchWithDeadline } from './providers.fetch.js';
import {
  ProviderError,
  type Completion,
  type CompletionRequest,
  type Embeddings,
  type Provider,
  type ProviderKind,
  type Transcription,
} from './providers.types.js';

type RemoteConfig = Exclude<AiConfig, { provider: 'offline' }>;

/**
 * The speech-to-text model (for Azure: the name of the deployment). Not configurable yet: OpenAI and most
 * OpenAI-compatible servers (faster-whisper-server, LocalAI, vLLM) answer to this name.
 */
export const TRANSCRIPTION_MODEL = 'whisper-1';

/**
 * The SDK client for a configured provider. Every option is passed explicitly, so that the SDK reads nothing
 * from process.env (config/env.ts is the only reader), and its own logging is off: at debug level it would
 * print request bodies, which carry the (pseudonymised) text.
 */
function clientFor(cfg: RemoteConfig, azureDeployment?: string, timeoutMs = cfg.timeoutMs): OpenAI {
  const common = {
    timeout: timeoutMs,
    // One deadline per try that covers the body too: the SDK's own timeout stops at the headers.
    fetch: fetchWithDeadline(timeoutMs),
    // The SDK retries timeouts, 408, 409, 429 and 5xx with exponential backoff and honours Retry-After.
    maxRetries: cfg.maxRetries,
    logLevel: 'off' as const,
    organization: null,
    project: null,
    webhookSecret: null,
  };
  switch (cfg.provider) {
    case 'openai':
      return new OpenAI({ ...common, apiKey: cfg.apiKey, baseURL: cfg.baseUrl ?? 'https://api.openai.com/v1' });
    case 'openai-compatible':
      // Local servers (Ollama, vLLM, LM Studio) usually want no key; the SDK insists on one, and they ignore it.
      return new OpenAI({ ...common, apiKey: cfg.apiKey ?? 'no-key', baseURL: cfg.baseUrl });
    case 'azure-openai':
      // baseURL rather than endpoint: with endpoint the SDK would also look at OPENAI_BASE_URL in the environment.
      return new AzureOpenAI({
        ...common,
        apiKey: cfg.apiKey,
        apiVersion: cfg.apiVersion,
        deployment: azureDeployment ?? cfg.deployment,
        baseURL: `${cfg.endpoint.replace(/\/+$/, '')}/openai`,
      });
  }
}

/** OpenAI, Azure OpenAI and any server that speaks OpenAI's chat completions API, through the official SDK. */
export function createOpenAiProvider(cfg: RemoteConfig): Provider {
  const client = clientFor(cfg);
  const kind: ProviderKind = cfg.provider;
  const call = completerFor(cfg, client, kind);
  const transcribe = transcriberFor(cfg, kind);
  const embeddings = embeddingsFor(cfg, client, kind);

  const baseUrl = cfg.provider === 'azure-openai' ? cfg.endpoint : cfg.baseUrl;
  return {
    kind,
    model: cfg.model,
    ...(baseUrl ? { baseUrl } : {}),
    contextTokens: cfg.contextTokens ?? DEFAULT_CONTEXT_TOKENS,
    ...embeddings,
    complete: (req) => asProviderErrors(kind, req.signal, () => call(req)),
    transcribe: (audio, filename, mime, signal) => asProviderErrors(kind, signal, () => transcribe(audio, filename, mime, signal)),
  };
}

/** What the SDK throws after its last try, as one ProviderError (providers.errors.ts); a bug of ours is thrown as it is. */
async function asProviderErrors<T>(kind: ProviderKind, signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toProviderError(err, kind, signal) ?? err;
  }
}

/** Chat completions: streamed token by token when the request asks for tokens, otherwise one answer. */
function completerFor(cfg: RemoteConfig, client: OpenAI, kind: ProviderKind): (req: CompletionRequest) => Promise<Completion> {
  // OpenAI and Azure hold a model to a JSON schema; servers that speak the API otherwise mostly know json_object.
  const structuredOutput: StructuredOutputMode = cfg.structuredOutput ?? (cfg.provider === 'openai-compatible' ? 'json_object' : 'json_schema');

  return async (req) => {
    const model = req.model ?? cfg.model;
    // For Azure the deployment decides the model; `model` is still sent, as the API expects a value.
    const messages: ChatCompletionMessageParam[] = [
      { role: 'system', content: req.system },
      { role: 'user', content: req.user },
      ...(req.followUps ?? []),
    ];
    const options = req.signal ? { signal: req.signal } : {};
    const format = req.responseFormat ? responseFormatFor(structuredOutput, req.responseFormat) : undefined;
    const extra = format ? { response_format: format } : {};

    if (req.onToken) {
      const stream = await client.chat.completions.create(
        { model, messages, stream: true, stream_options: { include_usage: true }, ...extra },
        options,
      );
      return readStream(stream, req, req.onToken, kind, model);
    }

    const completion: unknown = await client.chat.completions.create({ model, messages, ...extra }, options);
    return readCompletion(completion, kind, model);
  };
}

/** A streamed answer, each piece passed on as it comes; only a whole answer is returned. */
async function readStream(
  stream: AsyncIterable<ChatCompletionChunk>,
  req: CompletionRequest,
  onToken: (piece: string) => void,
  kind: ProviderKind,
  model: string,
): Promise<Completion> {
  let text = '';
  let usage = { promptTokens: 0, completionTokens: 0 };
  let finish: string | null = null;
  let chunks = 0;
  for await (const chunk of stream) {
    chunks += 1;
    const choice = chunk.choices?.[0];
    const piece = choice?.delta?.content;
    if (typeof piece === 'string' && piece.length) {
      text += piece;
      onToken(piece);
    }
    if (choice?.finish_reason) finish = choice.finish_reason;
    if (chunk.usage) usage = { promptTokens: chunk.usage.prompt_tokens ?? 0, completionTokens: chunk.usage.completion_tokens ?? 0 };
  }
  // The SDK ends the loop quietly when the call is aborted: half an answer is a cancel, never a draft.
  if (req.signal?.aborted) throw new ProviderError('cancelled', kind);
  if (finish === 'content_filter' && !text) throw new ProviderError('refused', kind);
  // Not one event could be read (a 200 with some other body): not an answer in any form.
  if (chunks === 0) throw new ProviderError('malformed', kind);
  // A stream that stops without saying why (the server closed it cleanly mid-answer), or because the model
  // ran out of tokens, is not a whole answer.
  if (finish === null || finish === 'length') throw new ProviderError('incomplete', kind);
  if (!text) throw new ProviderError('malformed', kind);
  return { text, provider: kind, model, usage };
}

/** Speech to text, in Danish. */
function transcriberFor(
  cfg: RemoteConfig,
  kind: ProviderKind,
): (audio: Buffer, filename: string, mime: string, signal?: AbortSignal) => Promise<Transcription> {
  // Speech to text has a longer deadline than chat, so a client of its own (for Azure also its own deployment).
  // A recording takes far longer than a chat answer, so it has a deadline of its own (TRANSCRIPTION_TIMEOUT_MS).
  const transcriptionTimeoutMs = cfg.transcriptionTimeoutMs ?? DEFAULT_TRANSCRIPTION_TIMEOUT_MS;
  const transcriber = clientFor(cfg, cfg.provider === 'azure-openai' ? TRANSCRIPTION_MODEL : undefined, transcriptionTimeoutMs);

  return async (audio, filename, mime, signal) => {
    // The person's file name can name a citizen ("møde med Jens.m4a"); the provider gets only its extension.
    const ext = /\.[A-Za-z0-9]{1,5}$/.exec(filename)?.[0]?.toLowerCase() ?? '';
    const file = await toFile(audio, `lyd${ext}`, { type: mime });
    const body: unknown = await transcriber.audio.transcriptions.create(
      { file, model: TRANSCRIPTION_MODEL, language: 'da', response_format: 'json' },
      // No retries here: each would wait a whole deadline again and send the recording again. The transcription
      // job's attempts are the only retries, so a recording is sent at most MAX_ATTEMPTS times (docs/decisions/0005).
      { timeout: transcriptionTimeoutMs, maxRetries: 0, ...(signal ? { signal } : {}) },
    );
    const text = typeof body === 'object' && body !== null ? (body as { text?: unknown }).text : undefined;
    if (typeof text !== 'string') throw new ProviderError('malformed', kind);
    return { text, provider: kind, model: TRANSCRIPTION_MODEL };
  };
}

/** Embeddings for the knowledge base, one vector per text, when an embeddings model is configured (AI_EMBEDDING_MODEL). */
function embeddingsFor(cfg: RemoteConfig, client: OpenAI, kind: ProviderKind): Pick<Provider, 'embeddingModel' | 'embed'> {
  const embedding = cfg.embedding;
  if (!embedding) return {};
  // Azure routes by deployment: the embeddings deployment needs a client of its own.
  const embedder = cfg.provider === 'azure-openai' ? clientFor(cfg, embedding.deployment) : client;
  const model = embedding.model;

  async function embed(texts: string[], signal?: AbortSignal): Promise<Embeddings> {
    if (texts.length === 0) return { vectors: [], provider: kind, model, usage: { promptTokens: 0 } };
    // 'float' explicitly: without it the SDK asks for base64 and decodes it itself, which servers that answer
    // with plain arrays (most OpenAI-compatible ones) break.
    const body: unknown = await embedder.embeddings.create({ model, input: texts, encoding_format: 'float' }, signal ? { signal } : {});
    return readEmbeddings(body, texts.length, kind, model);
  }

  return { embeddingModel: model, embed: (texts, signal) => asProviderErrors(kind, signal, () => embed(texts, signal)) };
}

/**
 * OpenAI's response_format for a JSON answer in the configured mode (undefined for `off`). Strict json_schema
 * wants a schema without keywords it does not enforce (string lengths, number bounds, $schema); those are
 * checked by zod on our side anyway.
 */
export function responseFormatFor(
  mode: StructuredOutputMode,
  format: { name: string; schema: Record<string, unknown> },
): ResponseFormatJSONSchema | ResponseFormatJSONObject | undefined {
  if (mode === 'off') return undefined;
  if (mode === 'json_object') return { type: 'json_object' };
  return { type: 'json_schema', json_schema: { name: format.name, schema: strictSchema(format.schema) as Record<string, unknown>, strict: true } };
}

const NOT_IN_STRICT = new Set(['$schema', 'default', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']);

function strictSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strictSchema);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k]) => !NOT_IN_STRICT.has(k))
      // Inside `properties` the keys are field names, not keywords: a field may be called "minimum".
      .map(([k, v]) => [k, k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([f, d]) => [f, strictSchema(d)])) : strictSchema(v)]),
  );
}

/**
 * Checks the answer's shape rather than trusting the types: a server that answers 200 with HTML or half a
 * JSON object must end as `malformed`, not as a TypeError somewhere later.
 */
export function readCompletion(body: unknown, kind: ProviderKind, model: string): Completion {
  if (typeof body !== 'object' || body === null) throw new ProviderError('malformed', kind);
  const b = body as {
    choices?: { message?: { content?: unknown; refusal?: unknown }; finish_reason?: unknown }[];
    usage?: { prompt_tokens?: unknown; completion_tokens?: unknown };
  };
  const choice = Array.isArray(b.choices) ? b.choices[0] : undefined;
  if (!choice || typeof choice !== 'object') throw new ProviderError('malformed', kind);
  const content = choice.message?.content;
  if (typeof choice.message?.refusal === 'string' && choice.message.refusal) throw new ProviderError('refused', kind);
  if (choice.finish_reason === 'content_filter' && !content) throw new ProviderError('refused', kind);
  // Cut off by the token limit: half a letter is not a draft.
  if (choice.finish_reason === 'length') throw new ProviderError('incomplete', kind);
  if (typeof content !== 'string' || content.length === 0) throw new ProviderError('malformed', kind);
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return {
    text: content,
    provider: kind,
    // The model the policy was checked against, not the provider's own (often versioned) name for it.
    model,
    usage: { promptTokens: n(b.usage?.prompt_tokens), completionTokens: n(b.usage?.completion_tokens) },
  };
}

/**
 * Checks an embeddings answer: one finite vector per text, all of one length, put in the order of the texts by
 * their index. Anything else is `malformed`, so a bad vector never reaches the index.
 */
export function readEmbeddings(body: unknown, count: number, kind: ProviderKind, model: string): Embeddings {
  if (typeof body !== 'object' || body === null) throw new ProviderError('malformed', kind);
  const b = body as { data?: { index?: unknown; embedding?: unknown }[]; usage?: { prompt_tokens?: unknown } };
  if (!Array.isArray(b.data) || b.data.length !== count) throw new ProviderError('malformed', kind);
  const vectors = new Array<Float32Array | undefined>(count);
  let dims = -1;
  b.data.forEach((item, i) => {
    const index = typeof item?.index === 'number' ? item.index : i;
    const e = item?.embedding;
    if (!Array.isArray(e) || e.length === 0 || !Number.isInteger(index) || index < 0 || index >= count || vectors[index]) {
      throw new ProviderError('malformed', kind);
    }
    if (dims === -1) dims = e.length;
    if (e.length !== dims || !e.every((x) => typeof x === 'number' && Number.isFinite(x))) throw new ProviderError('malformed', kind);
    vectors[index] = Float32Array.from(e as number[]);
  });
  const n = b.usage?.prompt_tokens;
  return { vectors: vectors as Float32Array[], provider: kind, model, usage: { promptTokens: typeof n === 'number' && Number.isFinite(n) ? n : 0 } };
}
