/**
 * The architecture's boundaries are lint rules (eslint.config.js); these tests feed ESLint imports a newcomer
 * might write and check that `npm run lint` refuses the ones that cross a boundary and lets the others through.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
let eslint: ESLint;

beforeAll(() => {
  // import/no-cycle reads the linted file from disk, and these files exist only here; every other rule runs.
  eslint = new ESLint({ cwd: root, overrideConfig: { rules: { 'import/no-cycle': 'off' } } });
});

/** The rule ids ESLint reports for `code` as if it were the file `file` (relative to the repository). */
async function rulesFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('module boundaries', () => {
  it("refuses a module reaching into another module's own files", async () => {
    const rules = await rulesFor('server/src/modules/runs/runs.example.ts', "import { LoginLimiter } from '../auth/rate-limit.js';\nexport const l = LoginLimiter;\n");
    expect(rules).toContain('architecture/module-boundary');
  });

  it("lets a module use another's service, types and middleware", async () => {
    const code = [
      "import { hashPassword } from '../auth/auth.service.js';",
      "import type { Actor } from '../auth/auth.types.js';",
      "import { requireAuth } from '../auth/auth.middleware.js';",
      'export const used: unknown[] = [hashPassword, requireAuth];',
      'export type A = Actor;',
      '',
    ].join('\n');
    expect(await rulesFor('server/src/modules/runs/runs.example.ts', code)).toEqual([]);
  });

  it('lets a module use its own files, and a submodule those of its parent module', async () => {
    const code = "import { getAssistant } from '../assistants.service.js';\nimport { lix } from './letter.lix.js';\nexport const used = [getAssistant, lix];\n";
    expect(await rulesFor('server/src/modules/assistants/letter/letter.example.ts', code)).toEqual([]);
  });

  it('refuses the guard to every module but the gateway, even through its service', async () => {
    const code = "import { scan } from '../guard/guard.service.js';\nexport const s = scan;\n";
    expect(await rulesFor('server/src/modules/documents/documents.example.ts', code)).toContain('import/no-restricted-paths');
    expect(await rulesFor('server/src/modules/gateway/gateway.example.ts', code)).toEqual([]);
  });

  it('refuses the server importing a command-line tool or benchmark', async () => {
    const code = "import { ROOT } from '../../scripts/assistants-eval.harness.js';\nexport const r = ROOT;\n";
    expect(await rulesFor('server/src/lib/example.ts', code)).toContain('import/no-restricted-paths');
  });
});

describe('table ownership', () => {
  const ownerRule = (rules: string[]) => rules.filter((r) => r === 'architecture/table-owner').length;

  it("refuses a module querying another module's table, through the client or a transaction", async () => {
    const code = [
      "import type { Db, Tx } from '../../lib/db.js';",
      'export const trials = (db: Db) => db.trial.findMany();',
      "export const purge = (tx: Tx) => tx.run.updateMany({ where: {}, data: { input: null } });",
      '',
    ].join('\n');
    expect(ownerRule(await rulesFor('server/src/modules/insights/insights.example.ts', code))).toBe(2);
  });

  it("refuses raw SQL that names another module's table, also in a join", async () => {
    const code = [
      "import type { Db } from '../../lib/db.js';",
      'export const gate = (db: Db, id: string) =>',
      '  db.$queryRaw`SELECT r."id" FROM "Run" r JOIN "Trial" t ON t."id" = r."trialId" WHERE r."id" = ${id}`;',
      '',
    ].join('\n');
    expect(ownerRule(await rulesFor('server/src/modules/runs/runs.example.ts', code))).toBe(1);
  });

  it('lets a module query its own tables, with related rows through its own query, and the demo seed them all', async () => {
    const own = [
      "import type { Db } from '../../lib/db.js';",
      'export const runs = (db: Db) => db.run.findMany({ include: { trial: { select: { unitId: true } } } });',
      'export const count = (db: Db) => db.$queryRaw`SELECT COUNT(*) FROM "Run"`;',
      '',
    ].join('\n');
    expect(await rulesFor('server/src/modules/runs/runs.example.ts', own)).toEqual([]);
    const seed = "import type { Tx } from '../../lib/db.js';\nexport const seed = (tx: Tx) => tx.trial.createMany({ data: [] });\n";
    expect(await rulesFor('server/src/modules/demo/demo.example.ts', seed)).toEqual([]);
  });

  it('gives every table of the schema an owner, and every owner is a module', async () => {
    const rule = pathToFileURL(path.join(root, 'eslint/table-owner.js')).href;
    const { TABLE_OWNERS } = (await import(rule)) as { TABLE_OWNERS: Record<string, string> };
    const schema = fs.readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8');
    const models = [...schema.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]);
    expect(Object.keys(TABLE_OWNERS).sort()).toEqual(models.sort());
    for (const owner of new Set(Object.values(TABLE_OWNERS))) {
      expect(fs.existsSync(path.join(root, 'server/src/modules', owner)), owner).toBe(true);
    }
  });
});

describe('function length', () => {
  /** A function of `n` lines, its opening and closing lines included. */
  const functionOf = (n: number) => ['export function story(): number {', '  let x = 0;', ...Array.from({ length: n - 4 }, (_, i) => `  x += ${i};`), '  return x;', '}', ''].join('\n');

  it('refuses a function over 80 lines in the server and the web, and lets one of 80 through', async () => {
    expect(await rulesFor('server/src/modules/runs/runs.example.ts', functionOf(81))).toContain('max-lines-per-function');
    expect(await rulesFor('web/src/features/runs/example.ts', functionOf(81))).toContain('max-lines-per-function');
    expect(await rulesFor('server/scripts/example.ts', functionOf(81))).toContain('max-lines-per-function');
    expect(await rulesFor('server/src/modules/runs/runs.example.ts', functionOf(80))).toEqual([]);
  });

  it("does not hold a test's describe block to it", async () => {
    expect(await rulesFor('server/src/modules/runs/runs.example.test.ts', functionOf(120))).toEqual([]);
  });
});
