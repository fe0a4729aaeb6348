import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import * as audit from '../../contracts/audit.js';
import * as compliance from '../../contracts/compliance.js';
import * as auth from '../../contracts/auth.js';
import * as documents from '../../contracts/documents.js';
import * as errors from '../../contracts/errors.js';
import * as experiences from '../../contracts/experiences.js';
import * as files from '../../contracts/files.js';
import * as health from '../../contracts/health.js';
import * as insights from '../../contracts/insights.js';
import * as jobs from '../../contracts/jobs.js';
import * as letters from '../../contracts/letters.js';
import * as minutes from '../../contracts/minutes.js';
import * as policies from '../../contracts/policies.js';
import * as retention from '../../contracts/retention.js';
import * as reviews from '../../contracts/reviews.js';
import * as runs from '../../contracts/runs.js';
import * as trials from '../../contracts/trials.js';
import * as users from '../../contracts/users.js';
import type { EndpointDoc } from '../../lib/route.js';
import { ROOT_DIR } from '../../config/env.js';

type Json = Record<string, unknown>;
type ErrorCode = errors.ErrorCode;

/** Every contract module: their exports become components/schemas under their export names. */
const CONTRACT_MODULES: Record<string, unknown>[] = [audit, compliance, auth, documents, errors, experiences, files, health, insights, jobs, letters, minutes, policies, retention, reviews, runs, trials, users];

/** The HTTP status each stable error code is answered with (lib/errors.ts helpers, lib/http.ts, the services). */
export const ERROR_STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  MALFORMED_URL: 400,
  MALFORMED_REQUEST: 400,
  METHOD_NOT_ALLOWED: 405,
  RANGE_NOT_SATISFIABLE: 416,
  PRECONDITION_FAILED: 412,
  HEADERS_TOO_LARGE: 431,
  REQUEST_TIMEOUT: 408,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_DISABLED: 403,
  PASSWORD_LOGIN_DISABLED: 403,
  SSO_NOT_CONFIGURED: 404,
  SSO_UNAVAILABLE: 503,
  SSO_INVALID: 400,
  SSO_NO_ROLE: 403,
  SSO_UNKNOWN_UNIT: 403,
  SSO_MISSING_CLAIMS: 403,
  RATE_LIMITED: 429,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  CANNOT_CHANGE_SELF: 409,
  PASSWORD_CHANGE_REQUIRED: 403,
  WRONG_CURRENT_PASSWORD: 400,
  POLICY_VIOLATION: 422,
  POLICY_NOT_APPROVED: 409,
  POLICY_UNAVAILABLE: 409,
  TRIAL_NOT_ACTIVE: 409,
  ASSISTANT_NOT_ENABLED: 409,
  ASSISTANT_NOT_ALLOWED_BY_POLICY: 422,
  RUN_LIMIT_REACHED: 429,
  PROVIDER_FAILED: 502,
  PROVIDER_TIMEOUT: 504,
  NOT_READY: 503,
  UNKNOWN_POLICY: 422,
  UNKNOWN_USER: 422,
  VERSION_CONFLICT: 409,
  TRIAL_CLOSED: 409,
  CHARTER_LOOSENING_NEEDS_CONFIRMATION: 409,
  INVALID_TRANSITION: 409,
  TRIAL_NOT_READY: 409,
  BRIEFING_OUTDATED: 409,
  BRIEFING_REQUIRED: 409,
  POLICY_CHANGED: 409,
  UNSUPPORTED_FILE: 415,
  UNREADABLE_FILE: 422,
  PDF_NO_TEXT: 422,
  EMPTY_FILE: 422,
  FILE_LIMIT_EXCEEDED: 413,
  FILE_TOO_COMPLEX: 422,
  PARSER_BUSY: 429,
  RUN_ALREADY_DECIDED: 409,
  RETENTION_IN_PROGRESS: 409,
  RUN_CANCELLED: 409,
  SHUTTING_DOWN: 503,
  DATABASE_UNAVAILABLE: 503,
  FOUR_EYES_REQUIRED: 403,
  RUN_NOT_APPROVED: 409,
  CONTENT_PURGED: 409,
  RUN_NOT_REVIEWED: 409,
  EXPERIENCE_ALREADY_LOGGED: 409,
  UNKNOWN_QUESTION: 422,
  TRIAL_NOT_STARTED: 409,
  DECISION_ALREADY_RECORDED: 409,
  NOT_DATA_PROTECTION_ADVISER: 403,
  COMPLIANCE_DRAFT_CHANGED: 409,
  INTERNAL: 500,
};

const REF = '#/components/schemas/';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function contractSchemas(): Map<z.ZodType, string> {
  const names = new Map<z.ZodType, string>();
  const taken = new Set<string>();
  for (const mod of CONTRACT_MODULES) {
    for (const [name, value] of Object.entries(mod)) {
      if (!(value instanceof z.ZodType) || names.has(value)) continue;
      // Two contract modules may export different schemas under one name; component names must stay unique.
      let id = name;
      for (let n = 2; taken.has(id); n++) id = `${name}${n}`;
      taken.add(id);
      names.set(value, id);
    }
  }
  return names;
}

function walk(node: unknown, visit: (obj: Json) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Json);
    Object.values(node).forEach((n) => walk(n, visit));
  }
}

function refsOf(node: unknown): string[] {
  const out: string[] = [];
  walk(node, (o) => {
    if (typeof o.$ref === 'string' && o.$ref.startsWith(REF)) out.push(o.$ref.slice(REF.length));
  });
  return out;
}

function convert(names: Map<z.ZodType, string>, io: 'input' | 'output'): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of names) registry.add(schema, { id });
  // Transforms and coercions have no JSON Schema; their input (io: 'input') or an open schema stands in for them.
  // A schema read more openly than it is documented (contracts' documentedAs) is described by its contract.
  const override = ({ zodSchema, jsonSchema }: { zodSchema: object; jsonSchema: Json }) => {
    const documented = runs.documentedAs.get(zodSchema);
    const name = documented && names.get(documented);
    if (!documented) return;
    if (!name) throw new Error('A contract in documentedAs is not exported from server/src/contracts.');
    for (const key of Object.keys(jsonSchema)) delete jsonSchema[key];
    jsonSchema.$ref = `${REF}${name}`;
  };
  const { schemas } = z.toJSONSchema(registry, { io, uri: (id) => `${REF}${id}`, unrepresentable: 'any', target: 'draft-2020-12', override }) as {
    schemas: Record<string, Json>;
  };
  for (const s of Object.values(schemas)) {
    delete s.$schema;
    delete s.$id;
  }
  return schemas;
}

/**
 * Requests are described as zod reads them (io: 'input': defaults optional, coercions as sent) and answers as zod
 * writes them (io: 'output'). Where the two differ, the request side is its own component named `<Name>Input`.
 */
function buildComponents(names: Map<z.ZodType, string>) {
  const output = convert(names, 'output');
  const input = convert(names, 'input');
  const differs = new Set(Object.keys(input).filter((n) => JSON.stringify(input[n]) !== JSON.stringify(output[n])));
  // A schema that refers to one that differs differs too, since its $ref must point at the input variant.
  for (let grew = true; grew; ) {
    grew = false;
    for (const n of Object.keys(input)) {
      if (!differs.has(n) && refsOf(input[n]).some((r) => differs.has(r))) {
        differs.add(n);
        grew = true;
      }
    }
  }
  const schemas: Record<string, Json> = { ...output };
  for (const n of differs) {
    const copy = structuredClone(input[n]!);
    walk(copy, (o) => {
      if (typeof o.$ref === 'string' && differs.has(o.$ref.slice(REF.length))) o.$ref = `${o.$ref}Input`;
    });
    schemas[`${n}Input`] = copy;
  }
  const refFor = (schema: z.ZodType, io: 'input' | 'output'): string => {
    const name = names.get(schema);
    if (!name) throw new Error('A route (lib/route.ts) uses a schema that is not exported from server/src/contracts.');
    return `${REF}${name}${io === 'input' && differs.has(name) ? 'Input' : ''}`;
  };
  return { schemas, refFor };
}

function accessText(e: EndpointDoc): string {
  if (e.access.public) return `Public: no sign-in needed.${e.access.note ? ` ${e.access.note}` : ''}`;
  const who = e.access.roles === 'any' ? 'Anyone signed in' : `Signed in with the role ${e.access.roles.join(' or ')}`;
  return `${who}.${e.access.rule ? ` ${e.access.rule}` : ''}`;
}

/** The error codes an endpoint can answer with: its own, and those every endpoint of its kind shares. */
export function errorCodesOf(e: EndpointDoc): ErrorCode[] {
  const codes = new Set<ErrorCode>(e.errors);
  if (!e.access.public) (['UNAUTHENTICATED', 'SESSION_EXPIRED'] as const).forEach((c) => codes.add(c));
  // After a password reset only /api/auth/* answers until the person has chosen a new one (passwordChangeGate).
  if (!e.access.public && !e.path.startsWith('/api/auth/')) codes.add('PASSWORD_CHANGE_REQUIRED');
  if (STATE_CHANGING.has(e.method)) codes.add('CSRF_FAILED');
  if (e.path.includes('{') || e.query || e.queryParameters || e.body) codes.add('VALIDATION_FAILED');
  if (e.path.includes('{') || e.query || e.queryParameters) codes.add('MALFORMED_URL');
  if (e.body?.kind === 'json') (['MALFORMED_JSON', 'PAYLOAD_TOO_LARGE'] as const).forEach((c) => codes.add(c));
  if (e.body?.kind === 'file') codes.add('PAYLOAD_TOO_LARGE');
  if (e.body) codes.add('MALFORMED_REQUEST');
  // Every endpoint that reads or writes the database (all but liveness, readiness's own 503 body and this document).
  if (!['/api/health', '/api/ready', '/api/openapi.json'].includes(e.path)) codes.add('DATABASE_UNAVAILABLE');
  codes.add('INTERNAL');
  return [...codes];
}

function errorResponses(e: EndpointDoc): Record<string, Json> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodesOf(e)) {
    const status = ERROR_STATUS[code];
    if (!status) throw new Error(`The error code ${code} has no HTTP status in ERROR_STATUS (openapi.document.ts).`);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const out: Record<string, Json> = {};
  for (const [status, codes] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    codes.sort();
    out[String(status)] = {
      description: `Refused with one of: ${codes.join(', ')}. The message (Danish) says what to do next.`,
      content: {
        'application/json': {
          schema: {
            allOf: [{ $ref: `${REF}ErrorBody` }, { type: 'object', properties: { error: { type: 'object', properties: { code: { type: 'string', enum: codes } } } } }],
          },
        },
      },
    };
  }
  return out;
}

function operation(e: EndpointDoc, refFor: (s: z.ZodType, io: 'input' | 'output') => string, schemas: Record<string, Json>): Json {
  const parameters: Json[] = [...e.path.matchAll(/\{([^}]+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string', minLength: 1, maxLength: 100 },
  }));
  if (e.query) {
    const q = schemas[refFor(e.query, 'input').slice(REF.length)]!;
    const required = new Set((q.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries((q.properties ?? {}) as Record<string, Json>)) {
      parameters.push({ name, in: 'query', required: required.has(name), schema });
    }
  }
  for (const p of e.queryParameters ?? []) parameters.push({ ...p, in: 'query' });
  const op: Json = {
    operationId: e.operationId,
    tags: [e.tag],
    summary: e.summary,
    description: `${e.description}\n\nWho may call it: ${accessText(e)}`,
    'x-access': e.access.public ? { public: true } : { public: false, roles: e.access.roles, ...(e.access.rule ? { rule: e.access.rule } : {}) },
    security: e.access.public
      ? STATE_CHANGING.has(e.method)
        ? [{ csrfHeader: [] }]
        : []
      : [STATE_CHANGING.has(e.method) ? { sessionCookie: [], csrfHeader: [] } : { sessionCookie: [] }],
  };
  if (parameters.length) op.parameters = parameters;
  if (e.body?.kind === 'json') {
    op.requestBody = { required: e.body.required ?? true, content: { 'application/json': { schema: { $ref: refFor(e.body.schema, 'input') } } } };
  } else if (e.body?.kind === 'file') {
    op.requestBody = {
      required: true,
      description: e.body.description,
      content: {
        'multipart/form-data': {
          schema: { type: 'object', properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' } }, required: ['file'] },
        },
      },
    };
  }
  const responses: Record<string, Json> = {};
  for (const [status, r] of Object.entries(e.responses)) {
    if (!r) continue;
    const content = r.schema
      ? { [r.contentType ?? 'application/json']: { schema: { $ref: refFor(r.schema, 'output') } } }
      : r.contentType
        ? { [r.contentType]: { schema: r.rawSchema ?? { type: 'string' } } }
        : undefined;
    responses[status] = { description: r.description, ...(content ? { content } : {}) };
  }
  op.responses = { ...responses, ...errorResponses(e) };
  return op;
}

function packageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Keeps only the components the operations reach, so the document describes the API and nothing beside it. */
function reachable(paths: Json, schemas: Record<string, Json>): Record<string, Json> {
  const seen = new Set<string>();
  const queue = refsOf(paths);
  while (queue.length) {
    const n = queue.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    queue.push(...refsOf(schemas[n]));
  }
  return Object.fromEntries([...seen].sort().map((n) => [n, schemas[n]!]));
}

/** The OpenAPI 3.1 description of the API's endpoints (app.ts API_ENDPOINTS), with the zod contracts as components. */
export function buildOpenApiDocument(endpoints: readonly EndpointDoc[]): Json {
  const { schemas, refFor } = buildComponents(contractSchemas());
  const paths: Record<string, Record<string, Json>> = {};
  for (const e of [...endpoints].sort((a, b) => a.path.localeCompare(b.path))) {
    (paths[e.path] ??= {})[e.method.toLowerCase()] = operation(e, refFor, schemas);
  }
  const tags = [...new Set(endpoints.map((e) => e.tag))].sort().map((name) => ({ name }));
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    info: {
      title: 'Prøvehandling workbench API',
      version: packageVersion(),
      description:
        'The API of the workbench for governed trials (prøvehandlinger) with generative AI in a municipality. ' +
        'Sign in with POST /api/auth/login: the session is the httpOnly cookie pw_session. Every state-changing ' +
        'request (POST, PUT, PATCH, DELETE) echoes the CSRF token from GET /api/auth/csrf (also set as the cookie ' +
        'pw_csrf) in the x-csrf-token header. Errors have the body ErrorBody with a stable code; the message is ' +
        'Danish and says what to do next. Generated from the route definitions (server/src/lib/route.ts) by npm run openapi.',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: '/' }],
    tags,
    paths,
    components: {
      schemas: reachable(paths, schemas),
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'pw_session', description: 'Set by POST /api/auth/login.' },
        csrfHeader: {
          type: 'apiKey',
          in: 'header',
          name: auth.CSRF_HEADER,
          description: 'The token from GET /api/auth/csrf (double submit with the pw_csrf cookie), on every state-changing request.',
        },
      },
    },
  };
}

/** Where `npm run openapi` writes the document, in the repository. */
export const OPENAPI_FILE = path.join(ROOT_DIR, 'docs/openapi.json');

/** The document as committed in docs/openapi.json: two-space indented, ending with a newline. */
export function renderOpenApiDocument(endpoints: readonly EndpointDoc[]): string {
  return `${JSON.stringify(buildOpenApiDocument(endpoints), null, 2)}\n`;
}
