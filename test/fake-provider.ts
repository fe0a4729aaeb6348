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

type Failure = { status: 429 | 500; remaining: number };

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
    this.replyWith = undefined;
  }

  /** Waits this long before answering each request. */
  slow(ms: number): this {
    this.delayMs = ms;
    return this;
  }

  /** Answers `status` to the next `times` requests (every request when omitted), then succeeds. */
  fail(status: 429 | 500, times = Number.POSITIVE_INFINITY): this {
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
      res.end(JSON.stringify({ error: { message: this.failure.status === 429 ? 'Rate limit reached' : 'Internal error', type: 'fake', code: null } }));
      return;
    }
    if (this.malformedJson) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id": "chatcmpl-fake", "choices": [ {"message": ');
      return;
    }

    if (req.method === 'POST' && path.endsWith('/chat/completions')) return this.chat(body as ChatBody, res);
    if (req.method === 'POST' && path.endsWith('/audio/transcriptions')) {
      return json(res, 200, { text: 'Dette er en falsk transskription fra testserveren.' });
    }
    if (req.method === 'POST' && path.endsWith('/embeddings')) return this.embeddings(body as { model?: string; input?: unknown }, res);
    json(res, 404, { error: { message: `no fake for ${req.method} ${path}`, type: 'fake', code: null } });
  }

  private chat(body: ChatBody, res: http.ServerResponse): void {
    const model = body.model ?? 'fake-model';
    const lastUser = [...(body.messages ?? [])].reverse().find((m) => m.role === 'user');
    const userText = typeof lastUser?.content === 'string' ? lastUser.content : '';
    const text = this.replyWith ? this.replyWith(body) : `Omskrevet: ${userText}`;
    const usage = { prompt_tokens: tokens(JSON.stringify(body.messages ?? [])), completion_tokens: tokens(text) };
    usage.prompt_tokens ||= 1;
    const created = Math.floor(Date.now() / 1000);

    if (body.stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      const send = (o: object) => res.write(`data: ${JSON.stringify(o)}\n\n`);
      const base = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created, model };
      send({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] });
      for (const piece of text.match(/\S+\s*/g) ?? []) {
        send({ ...base, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] });
      }
      send({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
      if (body.stream_options?.include_usage) {
        send({ ...base, choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } });
      }
      res.end('data: [DONE]\n\n');
      return;
    }
    json(res, 200, {
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      created,
      model,
      choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null }, finish_reason: 'stop', logprobs: null }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    });
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
