import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from '../../../prisma/tools/paths.js';

/**
 * The repository root: relative paths in configuration (database file, web build) are resolved from here. The
 * same folder as the migration tools find (prisma/tools/paths.ts), from server/src or built into dist/.
 */
export const ROOT_DIR = REPO_ROOT;

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** The model providers an operator can choose; the offline rule engine is always available besides. */
export const AI_PROVIDERS = ['offline', 'openai', 'azure-openai', 'openai-compatible'] as const;

const MB = 1024 * 1024;

/**
 * How files are read (docs/decisions/0012): in a small pool of worker threads, each with a heap of its own,
 * and refused when a limit is reached. The defaults read any ordinary office document and refuse bombs fast.
 */
export interface ParseConfig {
  /** Worker threads that read files; a file that hits a limit costs its worker, which is replaced. */
  workers: number;
  /** Heap of each worker (V8 old generation). A file that needs more is refused; the server lives on. */
  workerMemoryMb: number;
  /** Files waiting for a free worker before more are refused with 429. */
  queueMax: number;
  /** Wall time one file may take in its worker. */
  timeoutMs: number;
  /** Bytes a .docx (all its parts) or a PDF (its compressed streams) may unpack to. */
  maxExpandedBytes: number;
  /** Parts of a .docx (zip entries). */
  maxEntries: number;
  /** How much one part larger than 1 MB may have been compressed: Word compresses text about 5 to 20 times. */
  maxCompressionRatio: number;
  maxPages: number;
  /** Characters of text a file may give. */
  maxChars: number;
}

export const DEFAULT_PARSE: ParseConfig = {
  workers: 2,
  workerMemoryMb: 384,
  queueMax: 32,
  timeoutMs: 8000,
  maxExpandedBytes: 20 * MB,
  maxEntries: 1000,
  maxCompressionRatio: 100,
  maxPages: 2000,
  maxChars: 10_000_000,
};

/** A recording of a long meeting takes minutes to transcribe; one try may take this long by default. */
export const DEFAULT_TRANSCRIPTION_TIMEOUT_MS = 10 * 60_000;

/**
 * How a model is asked for JSON (AI_STRUCTURED_OUTPUT): `json_schema` sends the answer's JSON schema and the
 * provider holds the model to it (OpenAI structured outputs), `json_object` only asks for some JSON object (what
 * most OpenAI-compatible servers understand), `off` sends neither (the prompt asks for JSON). Whatever the mode,
 * the answer is checked with zod on our side.
 */
export const STRUCTURED_OUTPUT_MODES = ['json_schema', 'json_object', 'off'] as const;
export type StructuredOutputMode = (typeof STRUCTURED_OUTPUT_MODES)[number];

/** The model's context window in tokens when AI_CONTEXT_TOKENS is not set: small enough for most local models. */
export const DEFAULT_CONTEXT_TOKENS = 8192;

const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' });

/** Roles from the lowest to the highest: a person in several mapped groups gets the highest (OIDC_ROLE_GROUPS). */
export const ROLE_ORDER = ['EMPLOYEE', 'LEADER', 'DIGITAL_UNIT'] as const;
export type RoleName = (typeof ROLE_ORDER)[number];

/** Sign-in through the organisation's identity provider (OpenID Connect; docs/decisions/0013). */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Never log this object. */
  clientSecret: string;
  /** `${PUBLIC_URL}/api/auth/oidc/callback`, registered at the provider. */
  redirectUri: string;
  /** Where the provider sends the person after signing out there: the sign-in page. */
  postLogoutRedirectUri: string;
  groupsClaim: string;
  /** Group name or id (Entra ID sends object ids) to role. */
  roleGroups: Map<string, RoleName>;
  unitClaim: string;
  buttonLabel: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `group=ROLE,group=ROLE`: a group may be a name or an object id; roles are those of ROLE_ORDER. */
function parseRoleGroups(raw: string, ctx: z.RefinementCtx): Map<string, RoleName> {
  const map = new Map<string, RoleName>();
  for (const entry of raw.split(',').map((e) => e.trim()).filter(Boolean)) {
    const at = entry.lastIndexOf('=');
    const group = entry.slice(0, at).trim();
    const role = entry.slice(at + 1).trim().toUpperCase();
    if (at <= 0 || !group || !(ROLE_ORDER as readonly string[]).includes(role)) {
      ctx.addIssue({ code: 'custom', message: `"${entry}" is not group=ROLE with ROLE one of ${ROLE_ORDER.join(', ')}, e.g. ai-ledere=LEADER` });
      return z.NEVER;
    }
    map.set(group, role as RoleName);
  }
  return map;
}

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: z.string().min(1).default('file:./data/workbench.db'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SESSION_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(120),
    SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
    COOKIE_SECURE: bool.optional(),
    TRUST_PROXY: z.string().default('false').transform(parseTrustProxy),
    BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/i, { message: 'use a size such as 1mb or 512kb' }).default('1mb'),
    LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(10),
    LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
    AUTO_MIGRATE: bool.default(true),
    DEMO_SEED: bool.optional(),
    WEB_DIST: z.string().default('dist/web'),
    POLICIES_DIR: z.string().default('policies'),
    ARGON2_MEMORY_KIB: z.coerce.number().int().min(8).default(19456),
    ARGON2_TIME_COST: z.coerce.number().int().min(1).default(2),
    AI_PROVIDER: z.enum(AI_PROVIDERS).default('offline'),
    AI_MODEL: z.string().trim().min(1).max(200).optional(),
    OPENAI_API_KEY: z.string().trim().min(1).optional(),
    OPENAI_BASE_URL: httpUrl.optional(),
    AZURE_OPENAI_ENDPOINT: httpUrl.optional(),
    AZURE_OPENAI_API_KEY: z.string().trim().min(1).optional(),
    AZURE_OPENAI_DEPLOYMENT: z.string().trim().min(1).max(200).optional(),
    AZURE_OPENAI_API_VERSION: z.string().trim().min(1).default('2024-10-21'),
    AI_EMBEDDING_MODEL: z.string().trim().min(1).max(200).optional(),
    AZURE_OPENAI_EMBEDDING_DEPLOYMENT: z.string().trim().min(1).max(200).optional(),
    EMBEDDING_MIN_SIMILARITY: z.coerce.number().min(0).max(1).default(0.5),
    PROVIDER_TIMEOUT_MS: z.coerce.number().int().min(10).max(600_000).default(60_000),
    PROVIDER_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
    TRANSCRIPTION_TIMEOUT_MS: z.coerce.number().int().min(10).max(3_600_000).default(DEFAULT_TRANSCRIPTION_TIMEOUT_MS),
    AI_STRUCTURED_OUTPUT: z.enum(STRUCTURED_OUTPUT_MODES).optional(),
    AI_CONTEXT_TOKENS: z.coerce.number().int().min(1024).max(2_000_000).default(DEFAULT_CONTEXT_TOKENS),
    JOB_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
    JOB_RETRY_BASE_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
    JOB_LEASE_SECONDS: z.coerce.number().int().min(3).max(3600).default(60),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
    UPLOAD_MAX_MB: z.coerce.number().min(0.001).max(200).default(10),
    PARSE_WORKERS: z.coerce.number().int().min(1).max(16).default(DEFAULT_PARSE.workers),
    PARSE_WORKER_MEMORY_MB: z.coerce.number().int().min(32).max(8192).default(DEFAULT_PARSE.workerMemoryMb),
    PARSE_QUEUE_MAX: z.coerce.number().int().min(0).max(1000).default(DEFAULT_PARSE.queueMax),
    PARSE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(DEFAULT_PARSE.timeoutMs),
    PARSE_MAX_EXPANDED_MB: z.coerce.number().min(0.01).max(2048).default(DEFAULT_PARSE.maxExpandedBytes / MB),
    PARSE_MAX_ENTRIES: z.coerce.number().int().min(3).max(100_000).default(DEFAULT_PARSE.maxEntries),
    PARSE_MAX_COMPRESSION_RATIO: z.coerce.number().min(2).max(10_000).default(DEFAULT_PARSE.maxCompressionRatio),
    PARSE_MAX_PAGES: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_PARSE.maxPages),
    PARSE_MAX_CHARS: z.coerce.number().int().min(1000).max(500_000_000).default(DEFAULT_PARSE.maxChars),
    RETENTION_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).default(60),
    POLICY_ROLLOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(10),
    PUBLIC_URL: httpUrl.optional(),
    OIDC_ISSUER: httpUrl.optional(),
    OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().trim().min(1).optional(),
    OIDC_GROUPS_CLAIM: z.string().trim().min(1).default('groups'),
    OIDC_ROLE_GROUPS: z.string().default('').transform(parseRoleGroups),
    OIDC_UNIT_CLAIM: z.string().trim().min(1).default('department'),
    OIDC_BUTTON_LABEL: z.string().trim().min(1).max(80).default('Log ind med din arbejdskonto'),
    PASSWORD_LOGIN: bool.default(true),
    BREAK_GLASS_EMAIL: z.email().transform((e) => e.toLowerCase()).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'is required when NODE_ENV=production' });
    }
    if (env.NODE_ENV === 'production' && env.DEMO_SEED) {
      ctx.addIssue({ code: 'custom', path: ['DEMO_SEED'], message: 'demo users are never created when NODE_ENV=production' });
    }
    if (env.NODE_ENV === 'production' && env.ARGON2_MEMORY_KIB < 19456) {
      ctx.addIssue({ code: 'custom', path: ['ARGON2_MEMORY_KIB'], message: 'must be at least 19456 in production' });
    }
    // A chosen provider must have everything it needs: fail at start, not on the first employee's run.
    const need = (field: keyof typeof env, why: string) => {
      if (env[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `is required when AI_PROVIDER=${env.AI_PROVIDER} (${why})` });
    };
    if (env.AI_PROVIDER === 'openai') {
      need('OPENAI_API_KEY', 'the API key from platform.openai.com');
      need('AI_MODEL', 'the model name, e.g. gpt-4o-mini');
    } else if (env.AI_PROVIDER === 'openai-compatible') {
      need('OPENAI_BASE_URL', 'the server\'s base URL, e.g. http://localhost:11434/v1');
      need('AI_MODEL', 'the model name the server knows, e.g. llama3.1:8b');
    } else if (env.AI_PROVIDER === 'azure-openai') {
      need('AZURE_OPENAI_ENDPOINT', 'e.g. https://<resource>.openai.azure.com');
      need('AZURE_OPENAI_API_KEY', 'the key of the Azure OpenAI resource');
      need('AZURE_OPENAI_DEPLOYMENT', 'the name of the model deployment');
      if (env.AI_EMBEDDING_MODEL && !env.AZURE_OPENAI_EMBEDDING_DEPLOYMENT) {
        need('AZURE_OPENAI_EMBEDDING_DEPLOYMENT', 'the deployment of the embeddings model named by AI_EMBEDDING_MODEL');
      }
    }
    if (env.OIDC_ISSUER !== undefined) {
      const why = 'when OIDC_ISSUER is set';
      for (const field of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'PUBLIC_URL'] as const) {
        if (env[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `is required ${why}` });
      }
      if (env.OIDC_ROLE_GROUPS.size === 0) {
        ctx.addIssue({ code: 'custom', path: ['OIDC_ROLE_GROUPS'], message: `is required ${why}: map the provider's groups to roles, e.g. ai-digital=DIGITAL_UNIT,ai-ledere=LEADER,ai-medarbejdere=EMPLOYEE` });
      }
      // Tokens and the client secret travel to the issuer: plain http only to this machine (tests, a local Keycloak).
      if (new URL(env.OIDC_ISSUER).protocol === 'http:' && !LOOPBACK_HOSTS.has(new URL(env.OIDC_ISSUER).hostname)) {
        ctx.addIssue({ code: 'custom', path: ['OIDC_ISSUER'], message: 'must be https:// (http:// only for localhost or 127.0.0.1)' });
      }
    }
    if (env.PASSWORD_LOGIN === false && env.OIDC_ISSUER === undefined) {
      ctx.addIssue({ code: 'custom', path: ['PASSWORD_LOGIN'], message: 'false needs OIDC_ISSUER: otherwise nobody could sign in' });
    }
    // Run these checks even when a field above is malformed, so that one start names every wrong variable.
  }, { when: () => true });

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  nodeEnv: Env['NODE_ENV'];
  host: string;
  port: number;
  databaseUrl: string;
  logLevel: Env['LOG_LEVEL'];
  /** Signs CSRF tokens. Sessions live in the database, so a new secret only invalidates open forms. */
  sessionSecret: string;
  sessionIdleMs: number;
  sessionMaxMs: number;
  cookieSecure: boolean;
  /**
   * Express's `trust proxy`: false, the number of proxies in front of the server, or their addresses. Never
   * `true`, which would believe any X-Forwarded-For a client sends.
   */
  trustProxy: TrustProxy;
  bodyLimit: string;
  /** Sign-in limits (docs/decisions/0002): failures per account and address before waits, and the longest wait. */
  login: { maxAttempts: number; maxWaitMs: number };
  autoMigrate: boolean;
  demoSeed: boolean;
  webDist: string;
  /** Folder of the declared data-use policies (YAML), validated at start. */
  policiesDir: string;
  argon2: { memoryCost: number; timeCost: number };
  /** Largest uploaded file (extraction, knowledge-base documents), in bytes. */
  uploadMaxBytes: number;
  /** Limits on reading an uploaded file: expanded size, parts, pages, characters, time and memory. */
  parse: ParseConfig;
  /** Minutes between scheduled retention sweeps; 0 disables the schedule (a manual sweep still works). */
  retentionIntervalMinutes: number;
  /** A policy version another instance served within this many minutes still governs the trials that recorded it. */
  policyRolloutMinutes: number;
  /** Background jobs of one kind (transcription, indexing ...) that run at the same time; each kind has its own. */
  jobConcurrency: number;
  /** The wait before a failed job's second attempt; it doubles for each further one. 0: at once (tests). */
  jobRetryBaseSeconds: number;
  /** How long a claimed job stays its worker's without a renewal (docs/decisions/0015). */
  jobLeaseSeconds: number;
  /** After SIGTERM: how long in-flight requests and jobs may take to finish before they are aborted. */
  shutdownGraceMs: number;
  /** The model provider. Holds API keys: never log this object. */
  ai: AiConfig;
  /**
   * Cosine similarity from which a passage found by embeddings counts as answering a question on its own
   * (hybrid retrieval; docs/decisions/0007). Untuned: set it for the embeddings model in use.
   */
  embeddingMinSimilarity: number;
  /** OpenID Connect sign-in, when OIDC_ISSUER is set. Holds the client secret: never log it. */
  oidc?: OidcConfig;
  /** PASSWORD_LOGIN: whether e-mail and password sign-in is on; when off, only `breakGlassEmail` may use it. */
  passwordLogin: boolean;
  breakGlassEmail?: string;
}

/**
 * Embeddings for the knowledge base, when the operator names a model for them: `model` is what policies are
 * checked against; for Azure, `deployment` is where the requests go.
 */
export interface EmbeddingConfig {
  model: string;
  deployment?: string;
}

/** What each provider needs, checked at start; `model` is what policies and run records name. */
export type AiConfig = {
  timeoutMs: number;
  maxRetries: number;
  /**
   * The deadline of one transcription try (TRANSCRIPTION_TIMEOUT_MS; DEFAULT_TRANSCRIPTION_TIMEOUT_MS when not
   * given). The SDK does not retry a transcription: the job's attempts are the only retries.
   */
  transcriptionTimeoutMs?: number;
  /**
   * How JSON answers are asked for (AI_STRUCTURED_OUTPUT); when not given: `json_schema` for openai and
   * azure-openai, `json_object` for openai-compatible servers.
   */
  structuredOutput?: StructuredOutputMode;
  /** The model's context window in tokens (AI_CONTEXT_TOKENS): longer texts are sent in parts that fit. */
  contextTokens?: number;
} & (
  | { provider: 'offline' }
  | { provider: 'openai'; model: string; apiKey: string; baseUrl?: string; embedding?: EmbeddingConfig }
  | { provider: 'openai-compatible'; model: string; baseUrl: string; apiKey?: string; embedding?: EmbeddingConfig }
  | { provider: 'azure-openai'; model: string; endpoint: string; apiKey: string; deployment: string; apiVersion: string; embedding?: EmbeddingConfig }
);

export class ConfigError extends Error {
  constructor(public readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export type TrustProxy = false | number | string[];

const TRUST_PROXY_HELP =
  'write the number of proxies in front of the server (TRUST_PROXY=1 behind one nginx, IIS or load balancer) ' +
  'or their addresses and networks (TRUST_PROXY=10.0.0.5 or TRUST_PROXY=10.0.0.0/24,loopback)';
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * The client address the sign-in limits count is what the trusted proxies say it is. `true` would trust every
 * X-Forwarded-For hop, so any client could name its own address: refused. A hop count larger than the real
 * number of proxies has the same effect for the extra hops; the maximum only catches typos such as 100.
 */
function parseTrustProxy(raw: string, ctx: z.RefinementCtx): TrustProxy {
  const v = raw.trim();
  if (v === 'false' || v === '0') return false;
  if (v === 'true') {
    ctx.addIssue({
      code: 'custom',
      message: `"true" would believe every X-Forwarded-For header, so any client could choose the address that sign-in limits count; ${TRUST_PROXY_HELP}`,
    });
    return z.NEVER;
  }
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops <= 10) return hops;
    ctx.addIssue({ code: 'custom', message: `${hops} proxies in a row is surely a mistake; ${TRUST_PROXY_HELP}` });
    return z.NEVER;
  }
  const entries = v.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !isProxyAddress(e));
  if (bad.length > 0) {
    ctx.addIssue({ code: 'custom', message: `not a hop count or a proxy address: ${bad.map((b) => JSON.stringify(b)).join(', ')}; ${TRUST_PROXY_HELP}` });
    return z.NEVER;
  }
  return entries;
}

/** An IP address, a network in CIDR notation, or one of Express's names for address ranges. No host names. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [ip = '', prefix, extra] = entry.split('/');
  const family = isIP(ip);
  if (!family || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Resolve `file:./x.db` against the repository root so the server finds the same file from any cwd. */
export function resolveDatabaseUrl(url: string): string {
  if (!url.startsWith('file:')) return url;
  const p = url.slice('file:'.length);
  if (p === ':memory:' || path.isAbsolute(p)) return url;
  return `file:${path.resolve(ROOT_DIR, p)}`;
}

/** Parses an environment (process.env by default). The only place in the server that reads process.env. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  // Empty strings in .env files mean "not set".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  const config: Config = {
    nodeEnv: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    databaseUrl: resolveDatabaseUrl(env.DATABASE_URL),
    logLevel: env.LOG_LEVEL,
    sessionSecret: env.SESSION_SECRET ?? randomSecret(),
    sessionIdleMs: env.SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: env.SESSION_MAX_HOURS * 3_600_000,
    cookieSecure: env.COOKIE_SECURE ?? production,
    trustProxy: env.TRUST_PROXY,
    bodyLimit: env.BODY_LIMIT,
    login: { maxAttempts: env.LOGIN_MAX_ATTEMPTS, maxWaitMs: env.LOGIN_WINDOW_MINUTES * 60_000 },
    autoMigrate: env.AUTO_MIGRATE,
    demoSeed: env.DEMO_SEED ?? !production,
    webDist: path.resolve(ROOT_DIR, env.WEB_DIST),
    policiesDir: path.resolve(ROOT_DIR, env.POLICIES_DIR),
    argon2: { memoryCost: env.ARGON2_MEMORY_KIB, timeCost: env.ARGON2_TIME_COST },
    uploadMaxBytes: Math.round(env.UPLOAD_MAX_MB * 1024 * 1024),
    parse: {
      workers: env.PARSE_WORKERS,
      workerMemoryMb: env.PARSE_WORKER_MEMORY_MB,
      queueMax: env.PARSE_QUEUE_MAX,
      timeoutMs: env.PARSE_TIMEOUT_MS,
      maxExpandedBytes: Math.round(env.PARSE_MAX_EXPANDED_MB * MB),
      maxEntries: env.PARSE_MAX_ENTRIES,
      maxCompressionRatio: env.PARSE_MAX_COMPRESSION_RATIO,
      maxPages: env.PARSE_MAX_PAGES,
      maxChars: env.PARSE_MAX_CHARS,
    },
    retentionIntervalMinutes: env.RETENTION_INTERVAL_MINUTES,
    policyRolloutMinutes: env.POLICY_ROLLOUT_MINUTES,
    jobConcurrency: env.JOB_CONCURRENCY,
    jobRetryBaseSeconds: env.JOB_RETRY_BASE_SECONDS,
    jobLeaseSeconds: env.JOB_LEASE_SECONDS,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    ai: aiConfig(env),
    embeddingMinSimilarity: env.EMBEDDING_MIN_SIMILARITY,
    ...(env.OIDC_ISSUER ? { oidc: oidcConfig(env) } : {}),
    passwordLogin: env.PASSWORD_LOGIN,
    ...(env.BREAK_GLASS_EMAIL ? { breakGlassEmail: env.BREAK_GLASS_EMAIL } : {}),
  };
  return { ...config, ...overrides };
}

function oidcConfig(env: Env): OidcConfig {
  const base = env.PUBLIC_URL!.replace(/\/+$/, '');
  return {
    issuer: env.OIDC_ISSUER!,
    clientId: env.OIDC_CLIENT_ID!,
    clientSecret: env.OIDC_CLIENT_SECRET!,
    redirectUri: `${base}/api/auth/oidc/callback`,
    postLogoutRedirectUri: `${base}/log-ind`,
    groupsClaim: env.OIDC_GROUPS_CLAIM,
    roleGroups: env.OIDC_ROLE_GROUPS,
    unitClaim: env.OIDC_UNIT_CLAIM,
    buttonLabel: env.OIDC_BUTTON_LABEL,
  };
}

function aiConfig(env: Env): AiConfig {
  const common = {
    timeoutMs: env.PROVIDER_TIMEOUT_MS,
    maxRetries: env.PROVIDER_MAX_RETRIES,
    transcriptionTimeoutMs: env.TRANSCRIPTION_TIMEOUT_MS,
    contextTokens: env.AI_CONTEXT_TOKENS,
    ...(env.AI_STRUCTURED_OUTPUT ? { structuredOutput: env.AI_STRUCTURED_OUTPUT } : {}),
  };
  // Optional everywhere: without it the knowledge base is searched by BM25 alone. The offline engine has none.
  const embedding = env.AI_EMBEDDING_MODEL ? { embedding: { model: env.AI_EMBEDDING_MODEL } } : {};
  // The schema's superRefine has already refused a provider without the fields it needs; `!` states that.
  switch (env.AI_PROVIDER) {
    case 'offline':
      return { ...common, provider: 'offline' };
    case 'openai':
      return {
        ...common,
        provider: 'openai',
        model: env.AI_MODEL!,
        apiKey: env.OPENAI_API_KEY!,
        ...(env.OPENAI_BASE_URL ? { baseUrl: env.OPENAI_BASE_URL } : {}),
        ...embedding,
      };
    case 'openai-compatible':
      return {
        ...common,
        provider: 'openai-compatible',
        model: env.AI_MODEL!,
        baseUrl: env.OPENAI_BASE_URL!,
        ...(env.OPENAI_API_KEY ? { apiKey: env.OPENAI_API_KEY } : {}),
        ...embedding,
      };
    case 'azure-openai':
      return {
        ...common,
        provider: 'azure-openai',
        // Policies may name the model (AI_MODEL, e.g. gpt-4o) rather than the deployment's own name.
        model: env.AI_MODEL ?? env.AZURE_OPENAI_DEPLOYMENT!,
        endpoint: env.AZURE_OPENAI_ENDPOINT!,
        apiKey: env.AZURE_OPENAI_API_KEY!,
        deployment: env.AZURE_OPENAI_DEPLOYMENT!,
        apiVersion: env.AZURE_OPENAI_API_VERSION,
        // Policies may name the embeddings model (AI_EMBEDDING_MODEL) rather than its deployment's own name.
        ...(env.AZURE_OPENAI_EMBEDDING_DEPLOYMENT
          ? { embedding: { model: env.AI_EMBEDDING_MODEL ?? env.AZURE_OPENAI_EMBEDDING_DEPLOYMENT, deployment: env.AZURE_OPENAI_EMBEDDING_DEPLOYMENT } }
          : {}),
      };
  }
}

function randomSecret(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
}
