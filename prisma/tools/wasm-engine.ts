// Loads Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm) and opens it on a driver
// adapter. Why by hand: the package's entry point does `import * as wasm from "./schema_engine_bg.wasm"`, which
// Node 20 cannot import as an ES module, so we compile the .wasm ourselves and hand it to the package's JS glue.
// The package's API is internal to Prisma; it is pinned in package.json to the engine build that matches the
// installed prisma version, and prisma/tools/schema-engine.test.ts exercises every call we rely on.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type * as Glue from '@prisma/schema-engine-wasm/schema_engine_bg';

export type WasmSchemaEngine = Glue.SchemaEngine;
export type MigrationList = Glue.MigrationList;
export type SchemaFilter = Glue.SchemaFilter;
export type SchemaFile = Glue.SchemaContainer;

export const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

type GlueModule = typeof Glue;

/**
 * The engine reports Rust panics through this global (see `set_message` in the glue). Prisma's CLI installs the
 * same object; without it a panic surfaces as an unreadable "unreachable" RuntimeError.
 */
class WasmPanicRegistry {
  private message = '';
  get(): string {
    return this.message;
  }
  // Called by the wasm glue; the name is fixed by it.
  set_message(value: string): void {
    this.message = `RuntimeError: ${value}`;
  }
}

// Prisma Client's runtime installs its own registry (set_message only, and it throws) when it is loaded; we
// leave an existing one in place, so in the server a panic surfaces through the client's error instead.
declare global {
  var PRISMA_WASM_PANIC_REGISTRY: { set_message(value: string): void; get?: () => string } | undefined;
}

let gluePromise: Promise<GlueModule> | undefined;

/** Compiles and instantiates the wasm module once per process; every engine shares the instance. */
export function loadGlue(): Promise<GlueModule> {
  gluePromise ??= (async () => {
    globalThis.PRISMA_WASM_PANIC_REGISTRY ??= new WasmPanicRegistry();
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmPath = path.join(path.dirname(gluePath), 'schema_engine_bg.wasm');
    const glue = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as GlueModule;
    const bytes = await readFile(wasmPath);
    const module = await WebAssembly.compile(bytes);
    // The module's only import namespace is the glue file itself (checked in schema-engine.test.ts).
    const instance = await WebAssembly.instantiate(module, {
      './schema_engine_bg.js': glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  gluePromise.catch(() => {
    gluePromise = undefined;
  });
  return gluePromise;
}

export interface OpenedEngine {
  engine: WasmSchemaEngine;
  /** Runs one engine call, turning its errors into readable Errors (see `callEngine`). */
  call<T>(fn: (engine: WasmSchemaEngine) => Promise<T>): Promise<T>;
  /** Frees the engine. The caller disposes the connections it handed out (see adapters.ts). */
  free(): void;
}

type ErrorRegistry = ReturnType<typeof bindMigrationAwareSqlAdapterFactory>['errorRegistry'];

/**
 * Opens a schema engine on a driver adapter factory. `schemaFiles` is the Prisma schema the engine validates
 * datamodel-based commands against (createMigration passes its own copy too).
 */
export async function openEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schemaFiles?: SchemaFile[],
): Promise<OpenedEngine> {
  const glue = await loadGlue();
  // The engine expects Result-wrapped adapter calls ({ ok, value } / { ok: false, error }) and an error registry
  // to look JS errors up by id; this is what Prisma's own CLI passes it.
  const bound = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  const datamodels: [string, string][] | undefined =
    schemaFiles && schemaFiles.length > 0 ? schemaFiles.map((f) => [f.path, f.content]) : undefined;
  const log = (_line: string): void => {
    // The engine's tracing output; only of interest when debugging the engine itself.
  };
  const engine = await callEngine(() => glue.SchemaEngine.new({ datamodels }, log, bound), bound.errorRegistry);
  let freed = false;
  return {
    engine,
    call: (fn) => callEngine(() => fn(engine), bound.errorRegistry),
    free() {
      if (freed) return;
      freed = true;
      engine.free();
    },
  };
}

/** Runs one engine call and turns its errors (connector errors, user-facing errors, panics) into readable Errors. */
export async function callEngine<T>(fn: () => Promise<T>, registry?: ErrorRegistry): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toReadableError(error, registry);
  }
}

function toReadableError(error: unknown, registry: ErrorRegistry | undefined): Error {
  const registryOfPanics = globalThis.PRISMA_WASM_PANIC_REGISTRY;
  const panic = typeof registryOfPanics?.get === 'function' ? registryOfPanics.get() : undefined;
  if (error instanceof WebAssembly.RuntimeError && panic) {
    return new Error(`Prisma schema engine (wasm) panicked: ${panic}`, { cause: error });
  }
  let message: string;
  let code: unknown;
  if (error instanceof Error) {
    message = error.message;
    code = (error as Error & { code?: unknown }).code;
  } else if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    message = (error as { message: string }).message;
    code = (error as { code?: unknown }).code;
  } else {
    return new Error(`Prisma schema engine failed: ${String(error)}`, { cause: error });
  }
  // A JS error thrown inside an adapter reaches us as "External error id#N"; the registry has the original.
  message = message.replace(/External error id#(\d+)/g, (text, id: string) => {
    const original = registry?.consumeError(Number(id))?.error;
    return original instanceof Error ? original.message : original === undefined ? text : String(original);
  });
  if (typeof code === 'string' && !message.startsWith(code)) message = `${code}: ${message}`;
  const readable = new Error(message, { cause: error });
  if (typeof code === 'string') (readable as Error & { code?: string }).code = code;
  return readable;
}
