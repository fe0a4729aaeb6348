import http from 'node:http';
import net from 'node:net';
import { deflateSync, gzipSync } from 'node:zlib';
import { CSRF_HEADER } from '../../server/src/contracts/auth.js';
import { ErrorBody } from '../../server/src/contracts/errors.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo.constants.js';
import { docxBomb, docxManyEntries, markdownHuge, pdfFlateBomb, pdfManyPages, utf16Broken } from './bombs.js';
import { seededRandom } from '../../server/src/lib/random.js';

/**
 * The hostile-input sweep: bad requests generated from the API's own OpenAPI document (every operation, its path
 * parameters, query, body and content type mutated one thing at a time), malformed HTTP on the wire, static-file
 * tricks, and decompression bombs. Used by `npm run check:hostile` (server/src/scripts/hostile.check.ts, the full
 * sweep against the real server) and by server/src/hostile.api.test.ts (a bounded sample inside `npm test`).
 */

export type Role = 'EMPLOYEE' | 'LEADER' | 'DIGITAL_UNIT';
export type IdentityName = Role | 'ANONYMOUS';

export interface Identity {
  name: IdentityName;
  cookie: string;
  csrf: string;
}

export interface Target {
  host: string;
  port: number;
}

/** One request to send: over node:http, or as raw bytes on a socket (what node:http would refuse to write). */
export interface HostileRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
  raw?: Buffer;
}

export interface HostileCase {
  /** Operation (METHOD path template) or area, and what was mutated. */
  op: string;
  label: string;
  identity: IdentityName;
  /** Built when sent, so that thousands of cases with large bodies never sit in memory at once. */
  build(ctx: SweepContext): HostileRequest;
}

export interface Answer {
  op: string;
  label: string;
  method: string;
  status: number | 'none';
  ms: number;
  /** An error answer (4xx, 5xx) in the one shape {error:{code,message,requestId}}; true for other answers. */
  shapeOk: boolean;
  code?: string;
  error?: string;
}

interface OperationParam {
  name: string;
  in: 'path' | 'query';
  schema?: JsonSchema;
}

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

export interface Operation {
  method: string;
  path: string;
  params: OperationParam[];
  body?: { kind: 'json' | 'multipart'; schema?: JsonSchema };
  roles: 'public' | 'any' | Role[];
  participantsOnly: boolean;
}

/** Ids of real rows, so that one mutation at a time gets past "not found" to the layer it aims at. */
export interface SweepContext {
  target: Target;
  identities: Map<IdentityName, Identity>;
  schemas: Record<string, JsonSchema>;
  ids: {
    letterTrial: string;
    minutesTrial: string;
    documentsTrial: string;
    run?: string;
    policy: string;
    /** A user made for the sweep: PATCH /api/users/{id} and password resets aim here, never at a demo account. */
    user: string;
    document?: string;
  };
}


// ---------------------------------------------------------------------------------------------------------------
// Sending

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

function cookieHeader(identity: Identity | undefined, extra?: string): string | undefined {
  const parts = [identity?.cookie, extra].filter((p): p is string => !!p);
  return parts.length ? parts.join('; ') : undefined;
}

function shapeOf(status: number, method: string, contentType: string | undefined, body: Buffer): { ok: boolean; code?: string } {
  if (status < 400 || method === 'HEAD') return { ok: true };
  if (!contentType?.startsWith('application/json')) return { ok: false };
  try {
    const parsed = ErrorBody.safeParse(JSON.parse(body.toString('utf8')));
    return parsed.success ? { ok: true, code: parsed.data.error.code } : { ok: false };
  } catch {
    return { ok: false };
  }
}

/** Sends one request and reads at most 256 KB of the answer (the rest is drained). */
export function send(target: Target, req: HostileRequest, timeoutMs = 30_000): Promise<Omit<Answer, 'op' | 'label'>> {
  if (req.raw) return sendRaw(target, req, timeoutMs);
  const started = performance.now();
  // Always framed by a Content-Length (unless chunked on purpose): node:http does not frame a HEAD or GET body,
  // and its bytes would arrive as a second, garbage request on the same connection.
  const headers = { ...req.headers };
  if (req.body && !Object.keys(headers).some((k) => k.toLowerCase() === 'transfer-encoding')) headers['content-length'] = String(req.body.length);
  return new Promise((resolve) => {
    let settled = false;
    const done = (a: Omit<Answer, 'op' | 'label' | 'ms' | 'method'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...a, method: req.method, ms: performance.now() - started });
    };
    let r: http.ClientRequest;
    try {
      r = http.request(
        { host: target.host, port: target.port, method: req.method, path: req.path, headers, agent, timeout: timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (d: Buffer) => {
            if (size < 256 * 1024) chunks.push(d);
            size += d.length;
          });
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            const shape = shapeOf(status, req.method, res.headers['content-type'], Buffer.concat(chunks));
            done({ status, shapeOk: shape.ok, ...(shape.code ? { code: shape.code } : {}) });
          });
          res.on('error', (e) => done({ status: 'none', shapeOk: false, error: e.message }));
        },
      );
    } catch (e) {
      // node:http refused to write it (an invalid header value): the sweep's mistake, not the server's.
      throw new Error(`cannot send ${req.method} ${req.path.slice(0, 80)}: ${(e as Error).message}`, { cause: e });
    }
    r.on('timeout', () => {
      r.destroy(new Error('timeout'));
    });
    r.on('error', (e: NodeJS.ErrnoException) => done({ status: 'none', shapeOk: false, error: e.code ?? e.message }));
    if (req.body) r.end(req.body);
    else r.end();
  });
}

function sendRaw(target: Target, req: HostileRequest, timeoutMs: number): Promise<Omit<Answer, 'op' | 'label'>> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = net.connect(target.port, target.host);
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (error?: string) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      const all = Buffer.concat(chunks);
      const ms = performance.now() - started;
      const headEnd = all.indexOf('\r\n\r\n');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(all.subarray(0, 20).toString('latin1'));
      if (!m || headEnd < 0) return resolve({ method: req.method, status: 'none', ms, shapeOk: false, error: error ?? 'no answer' });
      const status = Number(m[1]);
      const head = all.subarray(0, headEnd).toString('latin1');
      const contentType = /\r\ncontent-type: *([^\r\n]+)/i.exec(head)?.[1];
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 'NaN');
      const body = all.subarray(headEnd + 4, Number.isFinite(length) ? headEnd + 4 + length : undefined);
      const shape = shapeOf(status, req.method, contentType, body);
      resolve({ method: req.method, status, ms, shapeOk: shape.ok, ...(shape.code ? { code: shape.code } : {}) });
    };
    socket.setTimeout(timeoutMs, () => finish('timeout'));
    socket.on('connect', () => socket.write(req.raw!));
    socket.on('data', (d: Buffer) => {
      chunks.push(d);
      // One answer is enough: every raw request asks for Connection: close, but do not wait on a keep-alive.
      const all = Buffer.concat(chunks);
      const headEnd = all.indexOf('\r\n\r\n');
      if (headEnd >= 0) {
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(all.subarray(0, headEnd).toString('latin1'))?.[1] ?? 'NaN');
        if (Number.isFinite(length) && all.length >= headEnd + 4 + length) finish();
      }
    });
    socket.on('end', () => finish());
    socket.on('error', (e: NodeJS.ErrnoException) => finish(e.code ?? e.message));
  });
}

/** A JSON request as an identity (with its cookies and CSRF token), for the sweep's own setup. */
async function api(target: Target, identity: Identity | undefined, method: string, path: string, body?: unknown) {
  return new Promise<{ status: number; json: unknown; setCookie: string[] }>((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string> = { accept: 'application/json' };
    const cookie = cookieHeader(identity);
    if (cookie) headers.cookie = cookie;
    if (identity?.csrf) headers[CSRF_HEADER] = identity.csrf;
    if (payload) headers['content-type'] = 'application/json';
    const r = http.request({ host: target.host, port: target.port, method, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, json, setCookie: res.headers['set-cookie'] ?? [] });
      });
    });
    r.on('error', reject);
    r.end(payload);
  });
}

function mergeCookies(current: string, setCookie: string[]): string {
  const jar = new Map(current.split('; ').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
  for (const c of setCookie) {
    const kv = c.split(';')[0]!;
    const name = kv.slice(0, kv.indexOf('='));
    const value = kv.slice(kv.indexOf('=') + 1);
    if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) jar.delete(name);
    else jar.set(name, value);
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

async function fetchCsrf(target: Target, identity: Identity): Promise<void> {
  const res = await api(target, identity, 'GET', '/api/auth/csrf');
  identity.cookie = mergeCookies(identity.cookie, res.setCookie);
  identity.csrf = (res.json as { csrfToken: string }).csrfToken;
}

/** Signs in with a password (a fresh CSRF token before and after: the token belongs to the session). */
export async function signIn(target: Target, name: IdentityName, email: string, password: string): Promise<Identity> {
  const identity: Identity = { name, cookie: '', csrf: '' };
  await fetchCsrf(target, identity);
  const res = await api(target, identity, 'POST', '/api/auth/login', { email, password });
  if (res.status !== 200) throw new Error(`sign-in as ${name} answered ${res.status}`);
  identity.cookie = mergeCookies(identity.cookie, res.setCookie);
  await fetchCsrf(target, identity);
  return identity;
}

/** The anonymous visitor and the three demo roles, each signed in once before anything hostile is sent. */
export async function signInDemoRoles(target: Target): Promise<Map<IdentityName, Identity>> {
  const anonymous: Identity = { name: 'ANONYMOUS', cookie: '', csrf: '' };
  await fetchCsrf(target, anonymous);
  const out = new Map<IdentityName, Identity>([['ANONYMOUS', anonymous]]);
  for (const role of ['EMPLOYEE', 'LEADER', 'DIGITAL_UNIT'] as const) out.set(role, await signIn(target, role, DEMO_USERS[role].email, DEMO_PASSWORD));
  return out;
}

/** Reads the operations from the served OpenAPI document (GET /api/openapi.json). */
export async function loadOperations(target: Target): Promise<{ operations: Operation[]; schemas: Record<string, JsonSchema> }> {
  const res = await api(target, undefined, 'GET', '/api/openapi.json');
  const doc = res.json as {
    paths: Record<string, Record<string, { parameters?: OperationParam[]; requestBody?: { content: Record<string, { schema?: JsonSchema }> }; 'x-access'?: { public?: boolean; roles?: 'any' | Role[]; rule?: string } }>>;
    components: { schemas: Record<string, JsonSchema> };
  };
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = op.requestBody?.content ?? {};
      const body = content['application/json']
        ? { kind: 'json' as const, schema: content['application/json'].schema }
        : content['multipart/form-data']
          ? { kind: 'multipart' as const, schema: content['multipart/form-data'].schema }
          : undefined;
      const access = op['x-access'];
      operations.push({
        method: method.toUpperCase(),
        path,
        params: (op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query'),
        ...(body ? { body } : {}),
        roles: access?.public ? 'public' : (access?.roles ?? 'any'),
        participantsOnly: /^(Only participants|Participants only)/.test(access?.rule ?? ''),
      });
    }
  }
  return { operations, schemas: doc.components.schemas };
}

/** Finds the rows the sweep aims at, and makes the user that account operations may change. */
export async function prepareContext(target: Target, identities: Map<IdentityName, Identity>, schemas: Record<string, JsonSchema>): Promise<SweepContext> {
  const leader = identities.get('LEADER')!;
  const employee = identities.get('EMPLOYEE')!;
  const digital = identities.get('DIGITAL_UNIT')!;
  const trials = ((await api(target, leader, 'GET', '/api/trials')).json as { trials?: { id: string; assistants: string[]; status: string }[] }).trials ?? [];
  const active = (assistant: string) => trials.find((t) => t.status === 'ACTIVE' && t.assistants.includes(assistant))?.id;
  const letterTrial = active('letter') ?? trials[0]?.id ?? 'ingen';
  const runs = ((await api(target, employee, 'GET', '/api/runs?limit=5')).json as { runs?: { id: string }[] }).runs ?? [];
  const policies = ((await api(target, employee, 'GET', '/api/policies')).json as { policies?: { id: string }[] }).policies ?? [];
  const me = (await api(target, digital, 'GET', '/api/auth/me')).json as { user: { unit: { id: string } } };
  const created = await api(target, digital, 'POST', '/api/users', {
    email: `sweep-${Date.now()}@test.example`,
    name: 'Sweep Testperson',
    role: 'EMPLOYEE',
    unitId: me.user.unit.id,
    password: 'sweep-adgangskode-2026-lang',
  });
  const user = (created.json as { user?: { id: string } }).user?.id ?? 'ingen';
  const documentsTrial = active('documents') ?? letterTrial;
  // The participants acknowledge each briefing, so that uploads and runs get past BRIEFING_REQUIRED to the parsers.
  for (const t of trials.filter((x) => x.status === 'ACTIVE')) {
    for (const who of [employee, leader]) {
      const briefing = (await api(target, who, 'GET', `/api/trials/${t.id}/briefing`)).json as { briefing?: { briefingRevision: number } };
      if (briefing.briefing) await api(target, who, 'POST', `/api/trials/${t.id}/briefing/acknowledge`, { briefingRevision: briefing.briefing.briefingRevision });
    }
  }
  const docs = ((await api(target, leader, 'GET', `/api/trials/${documentsTrial}/documents`)).json as { documents?: { id: string }[] }).documents ?? [];
  return {
    target,
    identities,
    schemas,
    ids: {
      letterTrial,
      minutesTrial: active('minutes') ?? letterTrial,
      documentsTrial,
      ...(runs[0] ? { run: runs[0].id } : {}),
      policy: policies[0]?.id ?? 'ingen',
      user,
      ...(docs[0] ? { document: docs[0].id } : {}),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Generating

function resolve(schema: JsonSchema | undefined, schemas: Record<string, JsonSchema>, depth = 0): JsonSchema {
  if (!schema || depth > 20) return {};
  if (schema.$ref) return resolve(schemas[schema.$ref.replace('#/components/schemas/', '')], schemas, depth + 1);
  if (schema.allOf) return schema.allOf.reduce<JsonSchema>((acc, s) => {
    const r = resolve(s, schemas, depth + 1);
    return { ...acc, ...r, properties: { ...acc.properties, ...r.properties }, required: [...(acc.required ?? []), ...(r.required ?? [])] };
  }, {});
  return schema;
}

/** A plausible value for a schema: the base that each body mutation changes one field of. */
export function sample(schema: JsonSchema | undefined, schemas: Record<string, JsonSchema>, depth = 0): unknown {
  const s = resolve(schema, schemas);
  if (depth > 6) return null;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return sample(alt.find((a) => resolve(a, schemas).type !== 'null') ?? alt[0], schemas, depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string':
      if (s.format === 'email') return 'person@test.example';
      if (s.format === 'date-time') return '2026-12-01T10:00:00.000Z';
      if (s.format === 'date') return '2026-12-01';
      return 'Tekst til afprøvning'.padEnd(s.minLength ?? 0, 'x').slice(0, s.maxLength ?? 200);
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sample(s.items, schemas, depth + 1));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = sample(v, schemas, depth + 1);
      return out;
    }
    default:
      return s.properties ? sample({ ...s, type: 'object' }, schemas, depth) : 'x';
  }
}

const PATH_VALUES: [string, string][] = [
  ['invalid percent-encoding', '%ZZ'],
  ['truncated percent-encoding', '%E0%A4%A'],
  ['overlong UTF-8', '%C0%AF'],
  ['NUL byte', '%00'],
  ['NUL inside', 'abc%00def'],
  ['5,000 characters', 'a'.repeat(5000)],
  ['encoded traversal', '..%2F..%2Fetc%2Fpasswd'],
  ['right-to-left override', '%E2%80%AE'],
  ['emoji', '%F0%9F%98%80'],
  ['noncharacter', '%EF%BF%BF'],
  ['SQL', "'%20OR%201=1--"],
  ['markup', '%3Cscript%3E'],
  ['number', '-1'],
  ['float', '1e309'],
  ['unknown id', 'cm0000000000000000000000'],
  ['dot', '.'],
  ['proto', '__proto__'],
];

const QUERY_VALUES: [string, (name: string) => string][] = [
  ['empty', (n) => `${n}=`],
  ['no value', (n) => n],
  ['invalid percent-encoding', (n) => `${n}=%ZZ`],
  ['NUL byte', (n) => `${n}=a%00b`],
  ['5,000 characters', (n) => `${n}=${'x'.repeat(5000)}`],
  ['duplicate (array)', (n) => `${n}=a&${n}=b`],
  ['bracket array', (n) => `${n}[]=a&${n}[]=b`],
  ['deep nesting', (n) => `${n}${'[a]'.repeat(40)}=1`],
  ['negative', (n) => `${n}=-1`],
  ['huge number', (n) => `${n}=1e309`],
  ['NaN', (n) => `${n}=NaN`],
  ['impossible date', (n) => `${n}=2026-13-45T99:99:99Z`],
  ['right-to-left override', (n) => `${n}=%E2%80%AE`],
  ['markup', (n) => `${n}=%3Cscript%3Ealert(1)%3C%2Fscript%3E`],
];

const EXTRA_QUERIES: [string, string][] = [
  ['prototype pollution', '__proto__[admin]=1&constructor[prototype][admin]=1'],
  ['deep nesting', `a${'[b]'.repeat(100)}=1`],
  ['1,000 parameters', Array.from({ length: 1000 }, (_, i) => `p${i}=${i}`).join('&')],
  ['invalid percent in a name', '%ZZ=1'],
  ['NUL in a name', 'a%00=1'],
];

function jsonValueMutations(): [string, () => unknown][] {
  return [
    ['number', () => 12345],
    ['negative', () => -1],
    ['huge number', () => 1e308],
    ['boolean', () => true],
    ['null', () => null],
    ['array', () => []],
    ['object', () => ({})],
    ['200,000 characters', () => 'å'.repeat(200_000)],
    ['NUL character', () => 'a\u0000b'],
    ['lone surrogate', () => 'a\ud800b'],
    ['deep nesting', () => JSON.parse('['.repeat(2000) + ']'.repeat(2000)) as unknown],
    ['10,000 items', () => Array.from({ length: 10_000 }, (_, i) => i)],
    ['markup', () => '<script>alert(1)</script><img src=x onerror=alert(1)>'],
    ['SQL', () => "'; DROP TABLE \"User\"; --"],
    ['right-to-left override', () => 'rapport\u202Etxt.exe'],
  ];
}

const ROOT_BODIES: [string, () => Buffer][] = [
  ['array', () => Buffer.from('[]')],
  ['null', () => Buffer.from('null')],
  ['number', () => Buffer.from('1')],
  ['string', () => Buffer.from('"x"')],
  ['true', () => Buffer.from('true')],
  ['empty object', () => Buffer.from('{}')],
  ['empty body', () => Buffer.alloc(0)],
  ['cut off', () => Buffer.from('{"a":')],
  ['trailing comma', () => Buffer.from('{"a":1,}')],
  ['byte-order mark', () => Buffer.from('\ufeff{}')],
  ['single quotes', () => Buffer.from("{'a':1}")],
  ['NaN literal', () => Buffer.from('{"a":NaN}')],
  ['deeply nested arrays', () => Buffer.from('['.repeat(100_000) + ']'.repeat(100_000))],
  ['deeply nested objects', () => Buffer.from('{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000))],
  ['invalid UTF-8', () => Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d])],
  ['escaped NUL in a key', () => Buffer.from('{"a\\u0000":1}')],
  ['duplicate keys', () => Buffer.from('{"a":1,"a":2}')],
  ['prototype pollution', () => Buffer.from('{"__proto__":{"role":"DIGITAL_UNIT","admin":true},"constructor":{"prototype":{"admin":true}}}')],
  ['1.2 MB (over the limit)', () => Buffer.from(JSON.stringify({ a: 'x'.repeat(1_200_000) }))],
  ['gzip that inflates past the limit', () => gzipSync(Buffer.from(`{"a":"${'0'.repeat(30_000_000)}"}`))],
];

const ENCODINGS: [string, string, (base: Buffer) => Buffer][] = [
  ['gzip, invalid data', 'gzip', () => Buffer.from('dette er ikke gzip')],
  ['gzip, cut off', 'gzip', (b) => gzipSync(b).subarray(0, 12)],
  ['deflate, invalid data', 'deflate', () => Buffer.from('dette er ikke deflate')],
  ['br, invalid data', 'br', () => Buffer.from('dette er ikke brotli')],
  ['gzip, valid', 'gzip', (b) => gzipSync(b)],
  ['deflate, valid', 'deflate', (b) => deflateSync(b)],
  ['unknown encoding', 'compress', (b) => b],
  ['two encodings', 'gzip, deflate', (b) => b],
];

const CONTENT_TYPES: [string, string | undefined][] = [
  ['no content type', undefined],
  ['text/plain', 'text/plain'],
  ['form-urlencoded', 'application/x-www-form-urlencoded'],
  ['multipart on a JSON route', 'multipart/form-data; boundary=abc'],
  ['latin1 charset', 'application/json; charset=latin1'],
  ['UTF-16 charset', 'application/json; charset=utf-16'],
  ['unknown charset', 'application/json; charset=klingon'],
  ['broken parameter', 'application/json; charset="'],
  ['garbage', ';;;=='],
  ['+json suffix', 'application/merge-patch+json'],
  ['XML', 'application/xml'],
];

function headerMutations(): [string, Record<string, string>][] {
  return [
    ['Accept: XML', { accept: 'application/xml' }],
    ['Accept: nonsense', { accept: '*/*;q=abc, ;;;' }],
    ['Accept-Language: huge', { 'accept-language': 'da;q=0.9,'.repeat(300) }],
    ['Range on the API', { range: 'bytes=0-0' }],
    ['Range: unsatisfiable', { range: 'bytes=999999999-' }],
    ['Range: nonsense', { range: 'bytes=--,,' }],
    ['If-None-Match: nonsense', { 'if-none-match': '"x", W/, *, ,' }],
    ['If-Modified-Since: nonsense', { 'if-modified-since': 'i går' }],
    ['X-Request-Id: long', { 'x-request-id': 'r'.repeat(2000) }],
    ['X-Forwarded-For: garbage', { 'x-forwarded-for': 'ikke en adresse, 999.1.1.1, ::ffff:zz' }],
    ['X-Forwarded-Host and -Proto', { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'gopher' }],
    ['Expect: 100-continue', { expect: '100-continue' }],
    ['Expect: something else', { expect: 'kaffe' }],
    ['Transfer-Encoding: chunked', { 'transfer-encoding': 'chunked' }],
    ['20 KB header', { 'x-fyld': 'a'.repeat(20_000) }],
  ];
}

const COOKIE_MUTATIONS: [string, string][] = [
  ['malformed session cookie', 'pw_session=%ZZ'],
  ['session cookie with NUL', 'pw_session=abc%00def'],
  ['300-character session cookie', `pw_session=${'s'.repeat(300)}`],
  ['session cookie as JSON', 'pw_session=j:{"a":'],
  ['session cookie as an object', 'pw_session=j:{"toString":1}'],
  ['malformed CSRF cookie', 'pw_csrf=%E0%A4%A'],
  ['CSRF cookie as JSON', 'pw_csrf=j:[1,2]'],
  ['200 cookies', Array.from({ length: 200 }, (_, i) => `c${i}=${i}`).join('; ')],
  ['duplicate session cookies', 'pw_session=a; pw_session=b'],
  ['garbage', ';;;==;=;'],
];

const CSRF_MUTATIONS: [string, string | undefined][] = [
  ['no CSRF token', undefined],
  ['wrong CSRF token', 'abc.def'],
  ['long CSRF token', 't'.repeat(5000)],
];

interface Built {
  path: string;
  query: string;
  headers: Record<string, string>;
  body?: Buffer;
}

function identitiesFor(op: Operation): IdentityName[] {
  if (op.roles === 'public') return ['ANONYMOUS', 'EMPLOYEE'];
  // The assistants are used by the trials' participants: the demo employee and leader.
  if (op.roles === 'any' && op.participantsOnly) return ['EMPLOYEE', 'LEADER'];
  if (op.roles === 'any') return ['EMPLOYEE', 'LEADER', 'DIGITAL_UNIT'];
  return op.roles;
}

function pathValue(op: Operation, name: string, ctx: SweepContext): string {
  const { ids } = ctx;
  if (op.path.startsWith('/api/users/')) return ids.user;
  if (op.path.startsWith('/api/runs/')) return ids.run ?? 'ingen';
  if (op.path.startsWith('/api/policies/')) return ids.policy;
  if (op.path.startsWith('/api/jobs/')) return 'cm0000000000000000000000';
  if (name === 'id' && op.path.includes('/documents/')) return ids.document ?? 'ingen';
  if (op.path.includes('/documents')) return ids.documentsTrial;
  if (op.path.includes('/minutes')) return ids.minutesTrial;
  return ids.letterTrial;
}

function basePath(op: Operation, ctx: SweepContext, override?: { name: string; value: string }): string {
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => (override?.name === name ? override.value : encodeURIComponent(pathValue(op, name, ctx))));
}

const BOUNDARY = 'hostilegraense';

function multipart(parts: { name: string; filename?: string; disposition?: string; type?: string; data: Buffer | string }[], close = true): Buffer {
  const out: Buffer[] = [];
  for (const p of parts) {
    const disposition = p.disposition ?? `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    out.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\nContent-Type: ${p.type ?? 'text/plain'}\r\n\r\n`, 'utf8'));
    out.push(Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data, 'utf8'));
    out.push(Buffer.from('\r\n'));
  }
  if (close) out.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(out);
}

const MULTIPART_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

const file = (filename: string, data: Buffer | string, type = 'application/octet-stream') => ({ name: 'file', filename, type, data });

function multipartMutations(): [string, () => { type?: string; body: Buffer }][] {
  const ok = () => multipart([file('notat.txt', 'Mødet begyndte kl. 10.', 'text/plain')]);
  return [
    ['cut off half-way', () => ({ type: MULTIPART_TYPE, body: ok().subarray(0, 90) })],
    ['no closing boundary', () => ({ type: MULTIPART_TYPE, body: multipart([file('a.txt', 'Hej')], false) })],
    ['no boundary parameter', () => ({ type: 'multipart/form-data', body: ok() })],
    ['empty boundary parameter', () => ({ type: 'multipart/form-data; boundary=', body: ok() })],
    ['wrong boundary', () => ({ type: 'multipart/form-data; boundary=andengraense', body: ok() })],
    ['multipart/mixed', () => ({ type: `multipart/mixed; boundary=${BOUNDARY}`, body: ok() })],
    ['NUL in the file name', () => ({ type: MULTIPART_TYPE, body: multipart([file('a\u0000b.txt', 'Hej', 'text/plain')]) })],
    ['encoded control characters in the file name', () => ({ type: MULTIPART_TYPE, body: multipart([{ name: 'file', disposition: `form-data; name="file"; filename*=utf-8''a%00%07%1b.txt`, type: 'text/plain', data: 'Hej' }]) })],
    ['garbage part header', () => ({ type: MULTIPART_TYPE, body: Buffer.from(`--${BOUNDARY}\r\nSkrald uden kolon\r\n\r\nHej\r\n--${BOUNDARY}--\r\n`) })],
    ['part without headers', () => ({ type: MULTIPART_TYPE, body: Buffer.from(`--${BOUNDARY}\r\n\r\nHej\r\n--${BOUNDARY}--\r\n`) })],
    ['two files', () => ({ type: MULTIPART_TYPE, body: multipart([file('a.txt', 'x', 'text/plain'), file('b.txt', 'y', 'text/plain')]) })],
    ['wrong field name', () => ({ type: MULTIPART_TYPE, body: multipart([{ ...file('a.txt', 'x', 'text/plain'), name: 'fil' }]) })],
    ['no file, only a field', () => ({ type: MULTIPART_TYPE, body: multipart([{ name: 'title', data: 'Titel' }]) })],
    ['20 text fields', () => ({ type: MULTIPART_TYPE, body: multipart([...Array.from({ length: 20 }, (_, i) => ({ name: `f${i}`, data: 'x' })), file('a.txt', 'x', 'text/plain')]) })],
    ['text field with NUL', () => ({ type: MULTIPART_TYPE, body: multipart([{ name: 'title', data: 'a\u0000b' }, file('a.txt', 'Hej', 'text/plain')]) })],
    ['empty file', () => ({ type: MULTIPART_TYPE, body: multipart([file('tom.txt', '', 'text/plain')]) })],
    ['10,000-character file name', () => ({ type: MULTIPART_TYPE, body: multipart([file(`${'n'.repeat(10_000)}.txt`, 'Hej', 'text/plain')]) })],
    ['traversal in the file name', () => ({ type: MULTIPART_TYPE, body: multipart([file('../../../../etc/passwd', 'Hej', 'text/plain')]) })],
    ['right-to-left override in the file name', () => ({ type: MULTIPART_TYPE, body: multipart([file('rapport\u202Etxt.exe', 'Hej')]) })],
    ['executable', () => ({ type: MULTIPART_TYPE, body: multipart([file('program.exe', Buffer.from('MZ\x90\x00\x03'))]) })],
    ['PNG declared as text', () => ({ type: MULTIPART_TYPE, body: multipart([file('billede.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), 'text/plain')]) })],
    ['UTF-16 with a lone surrogate (FF FE 00 D8)', () => ({ type: MULTIPART_TYPE, body: multipart([file('notat.txt', utf16Broken(), 'text/plain')]) })],
    ['invalid UTF-8', () => ({ type: MULTIPART_TYPE, body: multipart([file('notat.txt', Buffer.from([0x48, 0xc3, 0x28, 0xa0, 0xa1, 0xff]), 'text/plain')]) })],
    ['NUL bytes in a text file', () => ({ type: MULTIPART_TYPE, body: multipart([file('notat.txt', Buffer.from('Hej\u0000med\u0000dig'), 'text/plain')]) })],
    ['a .docx that is not a zip', () => ({ type: MULTIPART_TYPE, body: multipart([file('referat.docx', 'ikke en zip')]) })],
    ['a truncated .docx', () => ({ type: MULTIPART_TYPE, body: multipart([file('referat.docx', docxManyEntries(3).subarray(0, 200))]) })],
    ['a .pdf that is not a PDF', () => ({ type: MULTIPART_TYPE, body: multipart([file('brev.pdf', 'ikke en pdf')]) })],
    ['a truncated .pdf', () => ({ type: MULTIPART_TYPE, body: multipart([file('brev.pdf', pdfManyPages(2).subarray(0, 300))]) })],
    ['a .vtt of garbage', () => ({ type: MULTIPART_TYPE, body: multipart([file('moede.vtt', 'WEBVTT\n\n99:99:99.999 --> ab\n<v \u0000>\n')]) })],
    ['11 MB (over the upload limit)', () => ({ type: MULTIPART_TYPE, body: multipart([file('stor.txt', Buffer.alloc(11 * 1024 * 1024, 0x61), 'text/plain')]) })],
    ['JSON instead of a form', () => ({ type: 'application/json', body: Buffer.from('{"file":"x"}') })],
  ];
}

/** Every generated case for one operation. */
function operationCases(op: Operation, ctx: SweepContext): HostileCase[] {
  const opName = `${op.method} ${op.path}`;
  const who = identitiesFor(op);
  let turn = 0;
  // Logging out would end the session the rest of the sweep uses: that operation is sent signed out only.
  const pick = (): IdentityName => (op.path === '/api/auth/logout' ? 'ANONYMOUS' : turn++ % 10 === 9 ? 'ANONYMOUS' : who[turn % who.length]!);
  const out: HostileCase[] = [];
  const baseBody = (): Buffer | undefined => (op.body?.kind === 'json' ? Buffer.from(JSON.stringify(sample(op.body.schema, ctx.schemas))) : op.body?.kind === 'multipart' ? multipart([file('notat.txt', 'Mødet begyndte kl. 10.', 'text/plain')]) : undefined);
  const baseType = op.body?.kind === 'json' ? 'application/json' : op.body?.kind === 'multipart' ? MULTIPART_TYPE : undefined;
  const add = (label: string, make: (c: SweepContext) => Partial<Built> & { method?: string; raw?: Buffer; cookieExtra?: string; csrf?: string | null }) => {
    const identity = pick();
    out.push({
      op: opName,
      label,
      identity,
      build: (c) => {
        const m = make(c);
        const id = c.identities.get(identity);
        const body = 'body' in m ? m.body : baseBody();
        const headers: Record<string, string> = {};
        const type = 'headers' in m && m.headers && 'content-type' in m.headers ? undefined : baseType;
        if (type && body) headers['content-type'] = type;
        const cookie = cookieHeader(id, m.cookieExtra);
        if (cookie) headers.cookie = cookie;
        if (m.csrf !== null && id?.csrf) headers[CSRF_HEADER] = m.csrf ?? id.csrf;
        Object.assign(headers, m.headers);
        for (const [k, v] of Object.entries(headers)) if (v === '') delete headers[k];
        const path = (m.path ?? basePath(op, c)) + (m.query ? `?${m.query}` : '');
        return { method: m.method ?? op.method, path, headers, ...(body ? { body } : {}), ...(m.raw ? { raw: m.raw } : {}) };
      },
    });
  };

  add('as documented', () => ({}));
  for (const p of op.params.filter((x) => x.in === 'path')) {
    for (const [label, value] of PATH_VALUES) add(`path ${p.name}: ${label}`, (c) => ({ path: basePath(op, c, { name: p.name, value }) }));
  }
  for (const p of op.params.filter((x) => x.in === 'query')) {
    for (const [label, q] of QUERY_VALUES) add(`query ${p.name}: ${label}`, () => ({ query: q(p.name) }));
  }
  for (const [label, q] of EXTRA_QUERIES) add(`query: ${label}`, () => ({ query: q }));
  for (const method of ['HEAD', 'OPTIONS', 'TRACE', 'PROPFIND', 'PUT', 'DELETE']) {
    if (method !== op.method) add(`method ${method}`, () => ({ method }));
  }
  for (const [label, headers] of headerMutations()) add(`header ${label}`, () => ({ headers }));
  for (const [label, cookieExtra] of COOKIE_MUTATIONS) add(`cookie: ${label}`, () => ({ cookieExtra }));
  if (op.method !== 'GET') for (const [label, csrf] of CSRF_MUTATIONS) add(`csrf: ${label}`, () => ({ csrf: csrf ?? null }));

  if (op.body?.kind === 'json') {
    for (const [label, body] of ROOT_BODIES) add(`body: ${label}`, () => ({ body: body() }));
    for (const [label, encoding, encode] of ENCODINGS) add(`encoding: ${label}`, () => ({ headers: { 'content-encoding': encoding }, body: encode(baseBody()!) }));
    for (const [label, type] of CONTENT_TYPES) add(`content type: ${label}`, () => ({ headers: { 'content-type': type ?? '' }, body: baseBody() }));
    const schema = resolve(op.body.schema, ctx.schemas);
    for (const key of Object.keys(schema.properties ?? {})) {
      for (const [label, value] of jsonValueMutations()) {
        add(`field ${key}: ${label}`, () => {
          const base = sample(op.body!.schema, ctx.schemas) as Record<string, unknown>;
          return { body: Buffer.from(JSON.stringify({ ...base, [key]: value() })) };
        });
      }
    }
    for (const key of schema.required ?? []) {
      add(`field ${key}: missing`, () => {
        const base = sample(op.body!.schema, ctx.schemas) as Record<string, unknown>;
        delete base[key];
        return { body: Buffer.from(JSON.stringify(base)) };
      });
    }
  } else if (op.body?.kind === 'multipart') {
    for (const [label, make] of multipartMutations()) {
      add(`form: ${label}`, () => {
        const { type, body } = make();
        return { headers: { 'content-type': type ?? '' }, body };
      });
    }
    for (const [label, encoding] of [['gzip, invalid data', 'gzip'], ['unknown encoding', 'compress']] as const) {
      add(`encoding: ${label}`, () => ({ headers: { 'content-encoding': encoding }, body: Buffer.from('ikke komprimeret') }));
    }
  }
  return out;
}

function rawRequest(lines: string[], body: Buffer | string = ''): Buffer {
  return Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1')]);
}

/** Malformed HTTP on the wire (node:http would refuse to send these), and the web app's pages and static files. */
function wireAndStaticCases(): HostileCase[] {
  const raw = (label: string, bytes: () => Buffer): HostileCase => ({
    op: 'HTTP on the wire',
    label,
    identity: 'ANONYMOUS',
    build: () => ({ method: 'RAW', path: '', raw: bytes() }),
  });
  const page = (label: string, method: string, path: string, headers: Record<string, string> = {}): HostileCase => ({
    op: 'pages and static files',
    label,
    identity: 'ANONYMOUS',
    build: () => ({ method, path, headers }),
  });
  return [
    raw('unknown method', () => rawRequest(['BREW /pot HTTP/1.1', 'Host: x', 'Connection: close'])),
    raw('lower-case method', () => rawRequest(['get /api/health HTTP/1.1', 'Host: x', 'Connection: close'])),
    raw('HTTP/9.9', () => rawRequest(['GET / HTTP/9.9', 'Host: x', 'Connection: close'])),
    raw('HTTP/2 preface', () => Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n')),
    raw('no Host header', () => rawRequest(['GET /api/health HTTP/1.1', 'Connection: close'])),
    raw('two Host headers', () => rawRequest(['GET /api/health HTTP/1.1', 'Host: a', 'Host: b', 'Connection: close'])),
    raw('invalid Content-Length', () => rawRequest(['POST /api/auth/login HTTP/1.1', 'Host: x', 'Content-Length: abc', 'Connection: close'])),
    raw('two different Content-Lengths', () => rawRequest(['POST /api/auth/login HTTP/1.1', 'Host: x', 'Content-Length: 2', 'Content-Length: 3', 'Connection: close'], '{}')),
    raw('Content-Length and Transfer-Encoding (smuggling)', () => rawRequest(['POST /api/auth/login HTTP/1.1', 'Host: x', 'Content-Length: 4', 'Transfer-Encoding: chunked', 'Connection: close'], '0\r\n\r\n')),
    raw('invalid chunk size', () => rawRequest(['POST /api/auth/login HTTP/1.1', 'Host: x', 'Content-Type: application/json', 'Transfer-Encoding: chunked', 'Connection: close'], 'zz\r\n{}\r\n0\r\n\r\n')),
    raw('chunk extension flood', () => rawRequest(['POST /api/auth/login HTTP/1.1', 'Host: x', 'Transfer-Encoding: chunked', 'Connection: close'], `2;${'e'.repeat(20_000)}\r\n{}\r\n0\r\n\r\n`)),
    raw('NUL in a header value', () => rawRequest(['GET /api/health HTTP/1.1', 'Host: x', 'X-A: a\u0000b', 'Connection: close'])),
    raw('space in a header name', () => rawRequest(['GET /api/health HTTP/1.1', 'Host: x', 'X A: b', 'Connection: close'])),
    raw('obsolete line folding', () => rawRequest(['GET /api/health HTTP/1.1', 'Host: x', 'X-A: a', ' b', 'Connection: close'])),
    raw('control character in the path', () => rawRequest(['GET /api/\u007fhealth HTTP/1.1', 'Host: x', 'Connection: close'])),
    raw('raw UTF-8 in the path', () => Buffer.concat([Buffer.from('GET /api/trials/'), Buffer.from('æøå', 'utf8'), Buffer.from(' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')])),
    raw('absolute URI', () => rawRequest(['GET http://evil.example/api/health HTTP/1.1', 'Host: x', 'Connection: close'])),
    raw('asterisk request target', () => rawRequest(['OPTIONS * HTTP/1.1', 'Host: x', 'Connection: close'])),
    raw('latin1 bytes in a cookie', () => Buffer.concat([Buffer.from('GET /api/auth/me HTTP/1.1\r\nHost: x\r\nCookie: pw_session='), Buffer.from([0xe6, 0xf8, 0xe5, 0xff]), Buffer.from('\r\nConnection: close\r\n\r\n')])),
    raw('3,000 headers', () => rawRequest(['GET /api/health HTTP/1.1', 'Host: x', ...Array.from({ length: 3000 }, (_, i) => `X-H${i}: ${i}`), 'Connection: close'])),
    raw('20 KB address', () => rawRequest([`GET /api/health?${'q'.repeat(20_000)} HTTP/1.1`, 'Host: x', 'Connection: close'])),
    raw('pipelined, the second malformed', () => Buffer.from('GET /api/health HTTP/1.1\r\nHost: x\r\n\r\nGET /%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')),
    page('a page address that cannot be decoded', 'GET', '/%ZZ'),
    page('a deep page address that cannot be decoded', 'GET', '/trials/%E0%A4%A/x'),
    page('a NUL in a page address', 'GET', '/trials/%00'),
    page('a missing asset', 'GET', '/assets/nope.js'),
    page('a missing asset (HEAD)', 'HEAD', '/assets/nope.js'),
    page('an asset that exists', 'GET', '/assets/app.js'),
    page('an unsatisfiable Range on an asset', 'GET', '/assets/app.js', { range: 'bytes=999999-' }),
    page('many Ranges on an asset', 'GET', '/assets/app.js', { range: `bytes=${Array.from({ length: 500 }, (_, i) => `${i}-${i}`).join(',')}` }),
    page('a nonsense Range on an asset', 'GET', '/assets/app.js', { range: 'bytes=a-b' }),
    page('a Range on the index page', 'GET', '/', { range: 'bytes=999999-' }),
    page('If-Match that fails on an asset', 'GET', '/assets/app.js', { 'if-match': '"nej"' }),
    page('If-Unmodified-Since in the past on an asset', 'GET', '/assets/app.js', { 'if-unmodified-since': 'Mon, 01 Jan 1990 00:00:00 GMT' }),
    page('traversal out of the assets', 'GET', '/assets/../../package.json'),
    page('encoded traversal out of the assets', 'GET', '/assets/%2e%2e/%2e%2e/package.json'),
    page('double-encoded traversal', 'GET', '/assets/%252e%252e/package.json'),
    page('backslash traversal', 'GET', '/assets/..%5c..%5cpackage.json'),
    page('NUL in an asset name', 'GET', '/assets/app.js%00.png'),
    page('a dotfile', 'GET', '/.env'),
    page('an asset folder', 'GET', '/assets/'),
    page('an asset folder without the slash', 'GET', '/assets'),
    page('an 8 KB asset name', 'GET', `/assets/${'a'.repeat(8000)}.js`),
    page('an 8 KB page address', 'GET', `/${'a'.repeat(8000)}`),
    page('POST to a page', 'POST', '/'),
    page('PUT to an asset', 'PUT', '/assets/app.js'),
    page('DELETE to a page', 'DELETE', '/trials/x'),
    page('OPTIONS on a page', 'OPTIONS', '/'),
    page('TRACE on a page', 'TRACE', '/'),
    page('PROPFIND on a page', 'PROPFIND', '/'),
    page('an unknown API route', 'GET', '/api/findes-ikke'),
    page('an unknown API route with a body method', 'DELETE', '/api/findes/ikke/%ZZ'),
  ];
}

/** Every case of the sweep: each documented operation mutated, plus the wire and the static files. */
export function hostileCases(operations: Operation[], ctx: SweepContext): HostileCase[] {
  return [...operations.flatMap((op) => operationCases(op, ctx)), ...wireAndStaticCases()];
}

/** `n` cases drawn without replacement by a seeded generator (all of them when n is larger). */
export function sampleCases(cases: HostileCase[], n: number, seed: number): HostileCase[] {
  const random = seededRandom(seed);
  const copy = [...cases];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

/** Sends the cases, `concurrency` at a time, in order. */
export async function runCases(ctx: SweepContext, cases: HostileCase[], opts: { concurrency?: number; timeoutMs?: number; onAnswer?: (a: Answer) => void } = {}): Promise<Answer[]> {
  const answers: Answer[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++]!;
      const a = { op: c.op, label: c.label, ...(await send(ctx.target, c.build(ctx), opts.timeoutMs)) };
      answers.push(a);
      opts.onAnswer?.(a);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 6 }, worker));
  return answers;
}

// ---------------------------------------------------------------------------------------------------------------
// Bombs

export interface Bomb {
  label: string;
  identity: IdentityName;
  path: (ctx: SweepContext) => string;
  filename: string;
  make: () => Buffer;
}

/** Decompression bombs and oversized files (test/support/bombs.ts) against each upload endpoint. */
export function bombs(): Bomb[] {
  const extract = () => '/api/files/extract';
  const minutes = (c: SweepContext) => `/api/trials/${c.ids.minutesTrial}/minutes/uploads`;
  const documents = (c: SweepContext) => `/api/trials/${c.ids.documentsTrial}/documents`;
  return [
    { label: 'docx expanding to 50 MB', identity: 'EMPLOYEE', path: extract, filename: 'bombe.docx', make: () => docxBomb({ expandedMb: 50 }) },
    { label: 'docx expanding to 50 MB, sizes lied about', identity: 'EMPLOYEE', path: extract, filename: 'bombe.docx', make: () => docxBomb({ expandedMb: 50, lie: true }) },
    { label: 'docx with 20,000 zip entries', identity: 'EMPLOYEE', path: extract, filename: 'mange.docx', make: () => docxManyEntries(20_000) },
    { label: 'PDF whose stream inflates to 50 MB', identity: 'EMPLOYEE', path: extract, filename: 'bombe.pdf', make: () => pdfFlateBomb({ expandedMb: 50 }) },
    { label: 'PDF of 20,000 pages', identity: 'EMPLOYEE', path: extract, filename: 'sider.pdf', make: () => pdfManyPages(20_000) },
    { label: 'UTF-16 text with a lone surrogate', identity: 'EMPLOYEE', path: extract, filename: 'notat.txt', make: utf16Broken },
    { label: 'minutes: docx expanding to 50 MB', identity: 'EMPLOYEE', path: minutes, filename: 'referat.docx', make: () => docxBomb({ expandedMb: 50, lie: true }) },
    { label: 'minutes: UTF-16 text with a lone surrogate', identity: 'EMPLOYEE', path: minutes, filename: 'notat.txt', make: utf16Broken },
    { label: 'knowledge base: docx expanding to 50 MB', identity: 'LEADER', path: documents, filename: 'haandbog.docx', make: () => docxBomb({ expandedMb: 50 }) },
    { label: 'knowledge base: PDF whose stream inflates to 50 MB', identity: 'LEADER', path: documents, filename: 'haandbog.pdf', make: () => pdfFlateBomb({ expandedMb: 50 }) },
    { label: 'knowledge base: PDF of 20,000 pages', identity: 'LEADER', path: documents, filename: 'haandbog.pdf', make: () => pdfManyPages(20_000) },
    { label: 'knowledge base: 9.5 MB of Markdown', identity: 'LEADER', path: documents, filename: 'haandbog.md', make: () => markdownHuge(9.5) },
  ];
}

export interface BombAnswer extends Answer {
  bytes: number;
}

/** Sends each bomb in turn (never two at once: each is timed alone). */
export async function runBombs(ctx: SweepContext, list: Bomb[], onAnswer?: (a: BombAnswer) => void): Promise<BombAnswer[]> {
  const out: BombAnswer[] = [];
  for (const b of list) {
    const data = b.make();
    const id = ctx.identities.get(b.identity)!;
    const body = multipart([file(b.filename, data)]);
    const headers: Record<string, string> = { 'content-type': MULTIPART_TYPE, [CSRF_HEADER]: id.csrf };
    if (id.cookie) headers.cookie = id.cookie;
    const a = { op: `POST ${b.path(ctx)}`, label: `bomb: ${b.label}`, bytes: data.length, ...(await send(ctx.target, { method: 'POST', path: b.path(ctx), headers, body }, 60_000)) };
    out.push(a);
    onAnswer?.(a);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Watching

/** GET /api/health every `intervalMs`; the slowest answer (a request that has not answered yet counts as it waits). */
export function watchHealth(target: Target, intervalMs = 200): { stop(): Promise<{ samples: number; maxMs: number; failures: number }> } {
  let maxMs = 0;
  let samples = 0;
  let failures = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      const timer = setInterval(() => (maxMs = Math.max(maxMs, performance.now() - started)), 50);
      const a = await send(target, { method: 'GET', path: '/api/health' }, 15_000);
      clearInterval(timer);
      samples += 1;
      maxMs = Math.max(maxMs, a.ms);
      if (a.status !== 200) failures += 1;
      await new Promise((r) => setTimeout(r, Math.max(0, intervalMs - a.ms)));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      return { samples, maxMs, failures };
    },
  };
}

export interface Figures {
  sent: number;
  byClass: Record<string, number>;
  serverErrors: number;
  noAnswer: number;
  notInShape: number;
}

export function figures(answers: Answer[]): Figures {
  const byClass: Record<string, number> = {};
  for (const a of answers) {
    const k = a.status === 'none' ? 'no answer' : `${String(a.status)[0]}xx`;
    byClass[k] = (byClass[k] ?? 0) + 1;
  }
  return {
    sent: answers.length,
    byClass,
    serverErrors: answers.filter((a) => typeof a.status === 'number' && a.status >= 500).length,
    noAnswer: answers.filter((a) => a.status === 'none').length,
    notInShape: answers.filter((a) => !a.shapeOk).length,
  };
}

/** A line per bad answer: where, what and how, never the body sent. */
export function describe(a: Answer): string {
  return `${a.status}${a.code ? ` ${a.code}` : ''}${a.error ? ` (${a.error})` : ''}  ${a.op}  [${a.label}]  ${Math.round(a.ms)} ms`;
}
