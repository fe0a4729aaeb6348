import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request as the fake received it: tests assert on exactly what would have left the server. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON for JSON bodies, else the raw body as text (multipart uploads). */
  body: unknown;
  raw: string;
}

interface ChatBody {
  model?: string;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  messages?: { role: string; content: unknown }[];
}

type Failure = { status: number; remaining: number };

/**
 * Ways an answer can break after the request arrived, as real providers and the networks in front of them do:
 * - reset: the connection is destroyed before any answer (no headers)
 * - close-mid-answer: the headers and part of the body arrive, then the connection is destroyed
 * - stall-after-headers: the headers (and for a stream the first piece) arrive, then nothing more, for ever
 * - end-mid-stream: a stream ends cleanly after some pieces, without a finish reason or [DONE]
 * - length: a whole answer, but cut off by the token limit (finish_reason "length")
 * - error-event: a stream that sends an error event after its first piece
 */
export const FAULTS = ['reset', 'close-mid-answer', 'stall-after-headers', 'end-mid-stream', 'length', 'error-event'] as const;
export type Fault = (typeof FAULTS)[number];

/**
 * A fake OpenAI-compatible server on 127.0.0.1 (random port), so no test reaches the internet. It answers
 * chat completions (plain and streamed), transcriptions and embeddings, records every request, and can be told
 * per test to be slow, to fail with 429 or 500 a number of times, to hang, or to answer with broken JSON.
 *
 * By default a chat completion answers "Omskrevet: " followed by the last user message, so a test can see
 * the placeholders the server sent come back and be restored.
 */
export class FakeProvider {
  readonly received: ReceivedRequest[] = [];
  private server: http.Server | undefined;
  private sockets = new Set<Socket>();
  private delayMs = 0;
  private failure: Failure | undefined;
  private hanging = false;
  private malformedJson = false;
  private faultMode: Fault | undefined;
  private trickleMs = 0;
  private replyWith: ((body: ChatBody) => string) | undefined;

  /** http://127.0.0.1:<port> (add /v1 for an OpenAI base URL). */
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    // Hanging requests keep their sockets open; end them, or close() would wait for ever.
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }

  /** Forgets what it received and behaves normally again. Call it before each test. */
  reset(): void {
    this.received.length = 0;
    this.delayMs = 0;
    this.failure = undefined;
    this.hanging = false;
    this.malformedJson = false;
    this.faultMode = undefined;
    this.trickleMs = 0;
    this.replyWith = undefined;
  }

  /** Waits this long before answering each request. */
  slow(ms: number): this {
    this.delayMs = ms;
    return this;
  }

  /** Answers `status` to the next `times` requests (every request when omitted), then succeeds. */
  fail(status: number, times = Number.POSITIVE_INFINITY): this {
    this.failure = { status, remaining: times };
    return this;
  }

  /** Never answers: the client must time out. */
  hang(): this {
    this.hanging = true;
    return this;
  }

  /** Answers 200 with a JSON content type and a body that is not JSON. */
  malformed(): this {
    this.malformedJson = true;
    return this;
  }

  /** Breaks every chat answer in this way (see FAULTS). */
  fault(mode: Fault): this {
    this.faultMode = mode;
    return this;
  }

  /** Waits this long between the pieces of a streamed answer, so a client can stop it half-way. */
  trickle(ms: number): this {
    this.trickleMs = ms;
    return this;
  }

  /** Decides the completion text from the request. */
  reply(fn: (body: ChatBody) => string): this {
    this.replyWith = fn;
    return this;
  }

  /** The chat completion requests received, parsed. */
  get chatRequests(): ChatBody[] {
    return this.received.filter((r) => r.path.endsWith('/chat/completions')).map((r) => r.body as ChatBody);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown = raw;
    if ((req.headers['content-type'] ?? '').includes('application/json')) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const path = (req.url ?? '/').split('?')[0]!;
    this.received.push({ method: req.method ?? 'GET', path, headers: req.headers, body, raw });

    if (this.hanging) return;
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (res.destroyed) return;

    if (this.failure && this.failure.remaining > 0) {
      this.failure.remaining--;
      // retry-after-ms keeps the SDK's backoff short in tests; real providers send Retry-After in seconds.
      res.writeHead(this.failure.status, { 'content-type': 'application/json', 'retry-after-ms': '5' });
      res.end(JSON.stringify({ error: { message: this.failure.status === 429 ? 'Rate limit reached' : `Fake failure ${this.failure.status}`, type: 'fake', code: null } }));
      return;
    }
    if (this.malformedJson) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id": "chatcmpl-fake", "choices": [ {"message": ');
      return;
    }

    if (this.faultMode === 'reset') {
      req.socket.destroy();
      return;
    }
    if (req.method === 'POST' && path.endsWith('/chat/completions')) return this.chat(body as ChatBody, res);
    if (req.method === 'POST' && path.endsWith('/audio/transcriptions')) {
      return json(res, 200, { text: 'Dette er en falsk transskription fra testserveren.' });
    }
    if (req.method === 'POST' && path.endsWith('/embeddings')) return this.embeddings(body as { model?: string; input?: unknown }, res);
    json(res, 404, { error: { message: `no fake for ${req.method} ${path}`, type: 'fake', code: null } });
  }

  private async chat(body: ChatBody, res: http.ServerResponse): Promise<void> {
    const model = body.model ?? 'fake-model';
    const lastUser = [...(body.messages ?? [])].reverse().find((m) => m.role === 'user');
    const userText = typeof lastUser?.content === 'string' ? lastUser.content : '';
    const text = this.replyWith ? this.replyWith(body) : `Omskrevet: ${userText}`;
    const usage = { prompt_tokens: tokens(JSON.stringify(body.messages ?? [])), completion_tokens: tokens(text) };
    usage.prompt_tokens ||= 1;
    const created = Math.floor(Date.now() / 1000);
    const fault = this.faultMode;
    const finishReason = fault === 'length' ? 'length' : 'stop';

    if (body.stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      const send = (o: object) => res.write(`data: ${JSON.stringify(o)}\n\n`);
      const base = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created, model };
      send({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] });
      const pieces = text.match(/\S+\s*/g) ?? [];
      for (const [i, piece] of pieces.entries()) {
        if (res.destroyed) return;
        send({ ...base, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] });
        if (i === 0 && fault === 'stall-after-headers') return;
        if (i === 0 && fault === 'close-mid-answer') {
          cutAfterFlush(res);
          return;
        }
        if (i === 0 && fault === 'error-event') {
          res.end(`data: ${JSON.stringify({ error: { message: 'Fake failure mid-stream', type: 'server_error', code: null } })}\n\n`);
          return;
        }
        if (i === 0 && fault === 'end-mid-stream') {
          res.end();
          return;
        }
        if (this.trickleMs) await new Promise((r) => setTimeout(r, this.trickleMs));
      }
      send({ ...base, choices: [{ index: 0, delta: {}, finish_reason: finishReason }] });
      if (body.stream_options?.include_usage) {
        send({ ...base, choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } });
      }
      res.end('data: [DONE]\n\n');
      return;
    }
    const whole = JSON.stringify({
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      created,
      model,
      choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null }, finish_reason: finishReason, logprobs: null }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    });
    if (fault === 'stall-after-headers' || fault === 'close-mid-answer' || fault === 'end-mid-stream' || fault === 'error-event') {
      // Headers and the first part of the body, then the fault.
      res.writeHead(200, { 'content-type': 'application/json' });
      if (fault === 'end-mid-stream') {
        res.end(whole.slice(0, Math.floor(whole.length / 2)));
        return;
      }
      res.write(whole.slice(0, Math.floor(whole.length / 2)));
      if (fault === 'close-mid-answer' || fault === 'error-event') cutAfterFlush(res);
      return;
    }
    json(res, 200, JSON.parse(whole) as object);
  }

  private embeddings(body: { model?: string; input?: unknown }, res: http.ServerResponse): void {
    const inputs = Array.isArray(body.input) ? body.input : [body.input ?? ''];
    json(res, 200, {
      object: 'list',
      model: body.model ?? 'fake-embedding',
      // A small deterministic vector per input, so similarity is stable across runs.
      data: inputs.map((input, index) => ({ object: 'embedding', index, embedding: vector(String(input)) })),
      usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
    });
  }
}

/** Destroys the connection once what was written has left, so the client really has the start of the answer. */
function cutAfterFlush(res: http.ServerResponse): void {
  res.write('', () => setTimeout(() => res.socket?.destroy(), 20));
}

function json(res: http.ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const tokens = (s: string) => Math.ceil(s.length / 4);

function vector(s: string, dims = 8): number[] {
  const v = new Array<number>(dims).fill(0);
  for (let i = 0; i < s.length; i++) v[i % dims]! += s.charCodeAt(i) / 1000;
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

/** Starts a fake provider; stop it in afterAll. */
export async function startFakeProvider(): Promise<FakeProvider> {
  return new FakeProvider().start();
}
