/**
 * `npm run pii:scan`: runs server/scripts/pii-scan.cli.ts from a bundle (the CLI and its worker, each
 * one plain JavaScript file) instead of through tsx, whose loader costs more time at start than scanning a
 * few megabytes does. Plain JavaScript itself, so that node runs it directly.
 *
 * The bundle lives in node_modules/.cache/pii-scan/ with the size and modification time of every source file
 * that went into it; it is rebuilt (esbuild, about 50 ms) whenever one of them differs, so an edited
 * recognizer is always what runs. Packages (zod) stay outside the bundle and load from node_modules.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';

// Inline only tiny functions (a character test, a table read) when V8 optimises the scanner. With the default
// budget every hot recognizer is copied into each of its callers, and a fresh process spends more CPU compiling
// those copies than it saves by them: on 16 MB about a fifth of the whole run, on two cores shared with the
// scan (docs/decisions/0006, addendum on pii:scan throughput). Set before the worker starts; results do not change.
v8.setFlagsFromString('--max-inlined-bytecode-size=30');

const root = path.resolve(import.meta.dirname, '../..');
const guard = path.join(root, 'server/src/modules/guard');
const cache = path.join(root, 'node_modules/.cache/pii-scan');
const stampFile = path.join(cache, 'inputs.json');
const cli = path.join(cache, 'pii-scan.cli.mjs');

/** "size:mtime" of a file, or null when it is gone. */
function stampOf(file) {
  try {
    const s = fs.statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return null;
  }
}

function isFresh() {
  let inputs;
  try {
    inputs = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
  } catch {
    return false;
  }
  for (const [file, stamp] of Object.entries(inputs)) if (stampOf(path.join(root, file)) !== stamp) return false;
  return fs.existsSync(cli);
}

async function build() {
  const { build: esbuild } = await import('esbuild');
  const result = await esbuild({
    entryPoints: {
      'pii-scan.cli': path.join(root, 'server/scripts/pii-scan.cli.ts'),
      'pii-scan.worker': path.join(guard, 'pii-scan.worker.ts'),
    },
    absWorkingDir: root,
    outdir: cache,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  fs.mkdirSync(cache, { recursive: true });
  // Each file is written beside its place and renamed into it, so a run starting meanwhile never reads half a
  // file; the list of inputs comes last, so the bundle counts as fresh only once it is complete.
  const inputs = { [path.relative(root, import.meta.filename)]: stampOf(import.meta.filename) };
  for (const input of Object.keys(result.metafile.inputs)) inputs[input] = stampOf(path.join(root, input));
  for (const file of result.outputFiles) writeAtomically(file.path, file.contents);
  writeAtomically(stampFile, JSON.stringify(inputs, null, 2));
}

function writeAtomically(file, contents) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, contents);
  fs.renameSync(tmp, file);
}

if (!isFresh()) await build();
await import(pathToFileURL(cli).href);
