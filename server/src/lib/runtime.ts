/**
 * The server runs from its TypeScript sources (tsx: `npm run dev`, the tests) or built to JavaScript in dist/
 * (`npm start`, docs/decisions/0009). What differs is each module's own file name, so a module that names
 * another by URL (a worker thread's entry) asks here for the file that exists.
 */
import { Worker } from 'node:worker_threads';

/** The URL of the module `relative` (without extension) beside `from` (an import.meta.url), as .ts or .js like `from`. */
export function siblingModule(from: string, relative: string): URL {
  return new URL(`${relative}${new URL(from).pathname.endsWith('.ts') ? '.ts' : '.js'}`, from);
}

/**
 * A JavaScript expression, for code evaluated in a worker thread, that imports `entry`. From the sources it
 * registers tsx first: Node 20 does not hand the loader (node --import tsx, or vitest's) on to a worker.
 */
function importExpression(entry: URL): string {
  if (!entry.pathname.endsWith('.ts')) return `import(${JSON.stringify(entry.href)})`;
  const tsx = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
}

/** Code for `new Worker(code, { eval: true })` whose entry is `entry`. */
export function workerBootCode(entry: URL): string {
  return `${importExpression(entry)};`;
}

/**
 * Runs the exported function `fn` of `entry` once, in a worker thread of its own, and resolves with its result
 * (structured-cloned). The thread ends with the call, and with it everything the module loaded: the schema
 * engine's WebAssembly, used once at start, is not kept for the life of the server. A rejection comes back as
 * an Error with the same message.
 */
export function runOnceInWorker<T>(entry: URL, fn: string, args: unknown[]): Promise<T> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    ${importExpression(entry)}
      .then((m) => m[workerData.fn](...workerData.args))
      .then(
        (value) => parentPort.postMessage({ ok: true, value }),
        (err) => parentPort.postMessage({ ok: false, message: String((err && err.message) || err) }),
      );`;
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { fn, args } });
    let settled = false;
    worker.once('message', (m: { ok: true; value: T } | { ok: false; message: string }) => {
      settled = true;
      if (m.ok) resolve(m.value);
      else reject(new Error(m.message));
      void worker.terminate();
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the worker ended (${code}) before ${fn} answered`));
    });
  });
}
