// Generates both Prisma clients (server/src/generated/sqlite and .../postgres); the project's postinstall.
// `prisma generate` itself needs no schema engine, but Prisma's CLI downloads one before every command unless
// told where one is, and this machine class (the municipality's build agents included) may have no route to
// Prisma's download host. Pointing it at a no-op binary skips the download; migrations never use it (they run
// on the wasm engine, see prisma/tools/schema-engine.ts).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { POSTGRES_SCHEMA_PATH, REPO_ROOT, SQLITE_SCHEMA_PATH } from './paths.js';

/** Environment that lets the Prisma CLI run without downloading engines or phoning home. */
export function offlinePrismaEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const noop = ['/bin/true', '/usr/bin/true'].find((candidate) => existsSync(candidate)) ?? process.execPath;
  return {
    ...base,
    PRISMA_SCHEMA_ENGINE_BINARY: base.PRISMA_SCHEMA_ENGINE_BINARY ?? noop,
    CHECKPOINT_DISABLE: base.CHECKPOINT_DISABLE ?? '1',
    PRISMA_HIDE_UPDATE_MESSAGE: base.PRISMA_HIDE_UPDATE_MESSAGE ?? '1',
  };
}

function prismaCli(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('prisma/package.json')), 'build', 'index.js');
}

export function runPrisma(args: string[], schemaPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli(), ...args], {
      cwd: REPO_ROOT,
      env: { ...offlinePrismaEnv(), PRISMA_SCHEMA: path.relative(REPO_ROOT, schemaPath) },
      stdio: 'inherit',
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`prisma ${args.join(' ')} (${path.relative(REPO_ROOT, schemaPath)}) failed: ${signal ?? `exit ${code}`}`));
    });
  });
}

export async function generateClients(): Promise<void> {
  // One after the other: both runs write into server/src/generated and print to the same terminal.
  for (const schemaPath of [SQLITE_SCHEMA_PATH, POSTGRES_SCHEMA_PATH]) {
    if (!existsSync(schemaPath)) {
      throw new Error(`${path.relative(REPO_ROOT, schemaPath)} is missing; run \`npm run db:derive\` first`);
    }
    await runPrisma(['generate'], schemaPath);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  generateClients().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
