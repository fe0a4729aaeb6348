/**
 * Queries stay inside the owning module (STYLE.md). Every table of prisma/schema.prisma belongs to one module;
 * another module reaches it through a function of the owner's service, never through the Prisma client's
 * delegate (`deps.db.run.findMany`, `tx.trial.update`) or raw SQL that names the table. A read of a related
 * model through the owner's own query (`include: { trial: ... }`) is a join the owner makes and is not checked:
 * the compiler holds it to the schema. Raw SQL has no such check, so every table it names must be its file's own.
 */
import path from 'node:path';

/** The module that owns each model (table) of prisma/schema.prisma; a test keeps the two in step. */
export const TABLE_OWNERS = {
  OrgUnit: 'users',
  User: 'users',
  Session: 'auth',
  OidcLogin: 'auth',
  SignInFailure: 'auth',
  Trial: 'trials',
  TrialRevision: 'trials',
  TrialParticipant: 'trials',
  TrialDecision: 'trials',
  ComplianceApproval: 'compliance',
  Run: 'runs',
  Review: 'reviews',
  ExperienceLog: 'experiences',
  Reflection: 'experiences',
  TaskBaseline: 'experiences',
  Document: 'documents',
  Chunk: 'documents',
  PolicyVersion: 'policies',
  // The minutes assistant keeps a recording until it is transcribed and its transcript until the minutes are made.
  KeptRecording: 'assistants',
  Job: 'jobs',
  RetentionSweep: 'retention',
  AuditEvent: 'audit',
};

/**
 * Modules that may write every table. The demo seeds a whole invented organisation and its history in one
 * transaction, with bulk inserts of thousands of rows: going through the owners would add a seed-only function
 * to every module for data that no real use of the workbench creates.
 */
const EVERY_TABLE = new Set(['demo']);

/**
 * Crossings not yet moved behind their owner's service, by file (relative to server/src/modules): each is reported
 * once it is gone, so this list only shrinks. A crossing in a file of one's own is better marked where it is,
 * with `eslint-disable-next-line architecture/table-owner -- <why>`.
 */
export const PENDING = {
};

/** Prisma's model methods: `<anything>.<delegate>.<method>` is a query of the delegate's table. */
const MODEL_METHODS = new Set([
  'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'create', 'createMany', 'createManyAndReturn',
  'update', 'updateMany', 'updateManyAndReturn', 'upsert', 'delete', 'deleteMany', 'count', 'aggregate', 'groupBy',
]);
/** What the codebase calls a Prisma client or transaction: `db.run`, `deps.db.run`, `tx.run` are delegates even when passed on. */
const CLIENT_NAMES = new Set(['db', 'tx', 'prisma', 'client']);
const SQL_WORDS = /\b(SELECT|INSERT|UPDATE|DELETE|FROM|JOIN|INTO|TABLE|VACUUM)\b/;

const MODEL_OF_DELEGATE = new Map(Object.keys(TABLE_OWNERS).map((m) => [m[0].toLowerCase() + m.slice(1), m]));

const modulesRoot = path.resolve(import.meta.dirname, '..', 'server', 'src', 'modules');
function placeOf(file) {
  const rel = path.relative(modulesRoot, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  return { module: parts[0], file: parts.join('/') };
}

const nameOf = (node) =>
  node.type === 'Identifier' ? node.name : node.type === 'Literal' && typeof node.value === 'string' ? node.value : null;

/** `db`, `tx`, `deps.db`, `ctx.deps.db`: an expression that names a client. */
function isClient(node) {
  if (node.type === 'Identifier') return CLIENT_NAMES.has(node.name);
  return node.type === 'MemberExpression' && !node.computed && CLIENT_NAMES.has(node.property.name);
}

/** The models a piece of SQL names: as quoted identifiers ("Run"), or bare after FROM, JOIN, INTO, UPDATE or TABLE. */
function tablesIn(sql) {
  if (!SQL_WORDS.test(sql)) return [];
  const found = new Set();
  for (const [, name] of sql.matchAll(/"(\w+)"/g)) if (name in TABLE_OWNERS) found.add(name);
  for (const [, name] of sql.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+(\w+)/gi)) if (name in TABLE_OWNERS) found.add(name);
  return [...found];
}

export const tableOwner = {
  meta: {
    type: 'problem',
    messages: {
      foreign:
        "The {{table}} table belongs to the {{owner}} module: call a function of its service (or add one there, taking the transaction when the change must be atomic with yours) instead of querying it from {{mine}}.",
      stale: "{{file}} no longer queries the {{table}} table: remove it from PENDING in eslint/table-owner.js.",
    },
    schema: [],
  },
  create(context) {
    const place = placeOf(context.filename);
    if (!place || EVERY_TABLE.has(place.module)) return {};
    const pending = new Set(PENDING[place.file] ?? []);
    const seen = new Set();
    const check = (node, table) => {
      const owner = TABLE_OWNERS[table];
      if (owner === place.module) return;
      if (pending.has(table)) {
        seen.add(table);
        return;
      }
      context.report({ node, messageId: 'foreign', data: { table, owner, mine: place.module } });
    };
    return {
      MemberExpression(node) {
        const model = MODEL_OF_DELEGATE.get(node.computed ? nameOf(node.property) : node.property.name);
        if (!model) return;
        const parent = node.parent;
        const queried = parent.type === 'MemberExpression' && parent.object === node && !parent.computed && MODEL_METHODS.has(parent.property.name);
        if (queried || isClient(node.object)) check(node, model);
      },
      Literal(node) {
        if (typeof node.value === 'string') for (const t of tablesIn(node.value)) check(node, t);
      },
      TemplateLiteral(node) {
        for (const t of tablesIn(node.quasis.map((q) => q.value.cooked ?? q.value.raw).join(' ? '))) check(node, t);
      },
      'Program:exit'(node) {
        for (const table of pending) if (!seen.has(table)) context.report({ node, messageId: 'stale', data: { file: place.file, table } });
      },
    };
  },
};
