import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseAnnotatedJsonl } from '../src/modules/guard/pii-corpus.js';
import { scan } from '../src/modules/guard/scan.js';

/**
 * `npm run pii:bench`: throughput of `npm run --silent pii:scan` end to end (process start included) on a
 * 16 MB JSON Lines file beside scan() in this process over the same texts, then throughput of scan() in MB/s
 * (UTF-8 bytes) on one core over ~16 MB of mixed Danish text (the shared sample and the guard's own corpus,
 * repeated with varied digits and names so nothing is cached by shape), and p50/p99 latency per 2 KB text over
 * many iterations. `--end-to-end` prints the first part only. Prints figures; asserts nothing.
 */
const root = path.resolve(import.meta.dirname, '../..');
const sources = [path.join(root, 'test/fixtures/guard/da-sample.jsonl'), path.join(root, 'test/fixtures/guard/da-corpus.jsonl')].filter((p) =>
  fs.existsSync(p),
);
const base = sources.flatMap((p) => parseAnnotatedJsonl(fs.readFileSync(p, 'utf8')).map((d) => d.text));
if (base.length === 0) throw new Error('no corpus found');

const MB = 1024 * 1024;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * 16 MB of JSON Lines from the three corpora (the blind batch included, as its texts are the least tuned-on),
 * each copy with its digits shifted so numbers differ, as `npm run pii:scan` would get them.
 */
function writeScanInput(file: string): { texts: string[]; bytes: number } {
  const src = ['da-sample', 'da-corpus', 'da-blind-2']
    .map((name) => path.join(root, `test/fixtures/guard/${name}.jsonl`))
    .filter((p) => fs.existsSync(p))
    .flatMap((p) => parseAnnotatedJsonl(fs.readFileSync(p, 'utf8')).map((d) => d.text));
  const texts: string[] = [];
  const lines: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < 16 * MB; i++) {
    const shift = (i * 7) % 10;
    const text = src[i % src.length]!.replace(/\d/g, (d) => String((Number(d) + shift) % 10));
    const line = JSON.stringify({ id: `t${i}`, text }) + '\n';
    texts.push(text);
    lines.push(line);
    bytes += Buffer.byteLength(line);
  }
  fs.writeFileSync(file, lines.join(''));
  return { texts, bytes };
}

/** Wall time of `npm run --silent pii:scan < input > output`, in seconds. */
function timeScanCli(input: string, output: string): number {
  const inFd = fs.openSync(input, 'r');
  const outFd = fs.openSync(output, 'w');
  try {
    const t0 = performance.now();
    const r = spawnSync('npm', ['run', '--silent', 'pii:scan'], { cwd: root, stdio: [inFd, outFd, 'inherit'] });
    const seconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`npm run pii:scan exited with ${r.status}`);
    return seconds;
  } finally {
    fs.closeSync(inFd);
    fs.closeSync(outFd);
  }
}

function endToEnd(): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pii-bench-'));
  try {
    const input = path.join(dir, 'in.jsonl');
    const empty = path.join(dir, 'empty.jsonl');
    const output = path.join(dir, 'out.jsonl');
    const { texts, bytes } = writeScanInput(input);
    fs.writeFileSync(empty, '');
    // One untimed run first: it builds the bundle if a source changed since the last run.
    timeScanCli(empty, output);
    const start = median([0, 1, 2].map(() => timeScanCli(empty, output)));
    const whole = median([0, 1, 2].map(() => timeScanCli(input, output)));
    const t0 = performance.now();
    for (const t of texts) scan(t);
    const cold = (performance.now() - t0) / 1000;
    const warm = median(
      [0, 1, 2].map(() => {
        const t1 = performance.now();
        for (const t of texts) scan(t);
        return (performance.now() - t1) / 1000;
      }),
    );
    const mb = bytes / MB;
    return [
      `pii:scan end to end: ${texts.length} lines, ${mb.toFixed(1)} MB of JSON Lines, ${os.availableParallelism()} cores`,
      `  npm run --silent pii:scan: ${(mb / whole).toFixed(1)} MB/s (${(whole * 1000).toFixed(0)} ms, median of 3, process start included)`,
      `  process start (empty input): ${(start * 1000).toFixed(0)} ms (median of 3)`,
      `  scan() in this process over the same texts: ${(mb / cold).toFixed(1)} MB/s first pass, ${(mb / warm).toFixed(1)} MB/s warm (median of 3)`,
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const e2eOnly = process.argv.includes('--end-to-end');
process.stdout.write(endToEnd().join('\n') + '\n');
if (e2eOnly) process.exit(0);

// Deterministic variation: shift digits and swap a few names per copy.
let seed = 42;
const rand = (): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};
const NAMES = ['Mette', 'Jens', 'Fatima', 'Ole', 'Ayşe', 'Kasper', 'Ingrid', 'Omar', 'Signe', 'Bo'];
function vary(text: string): string {
  const shift = Math.floor(rand() * 10);
  const name = NAMES[Math.floor(rand() * NAMES.length)]!;
  return text.replace(/\d/g, (d) => String((Number(d) + shift) % 10)).replace(/\b(Frida|Svend|Agnes|Malthe|Jonas)\b/g, name);
}

const TARGET_BYTES = 16 * 1024 * 1024;
const docs: string[] = [];
let bytes = 0;
while (bytes < TARGET_BYTES) {
  const t = vary(base[docs.length % base.length]!);
  docs.push(Buffer.from(t, "utf8").toString("utf8"));
  bytes += Buffer.byteLength(t, 'utf8');
}

// Warm up the JIT on the whole corpus, then take the median of five passes (the machine may be shared).
let entities = 0;
for (const d of docs) entities += scan(d).length;
const passes: number[] = [];
for (let p = 0; p < 5; p++) {
  const t0 = performance.now();
  for (const d of docs) scan(d);
  passes.push((performance.now() - t0) / 1000);
}
passes.sort((a, b) => a - b);
const seconds = passes[2]!;
const mb = bytes / (1024 * 1024);

// One large text: the same corpus joined, as a pasted document of several MB would be.
const big = docs.slice(0, 3000).join('\n\n');
const bigBytes = Buffer.byteLength(big, 'utf8');
const bigRuns: number[] = [];
for (let p = 0; p < 3; p++) {
  const t1 = performance.now();
  scan(big);
  bigRuns.push((performance.now() - t1) / 1000);
}
const bigSeconds = bigRuns.sort((a, b) => a - b)[1]!;

// Latency per 2 KB text: texts cut or padded to ~2,048 characters.
const twoKb = docs.slice(0, 500).map((d, i) => {
  let t = d;
  while (t.length < 2048) t += '\n\n' + docs[(i + t.length) % docs.length];
  return Buffer.from(t.slice(0, 2048), "utf8").toString("utf8");
});
const samples: number[] = [];
for (let round = 0; round < 40; round++) {
  for (const t of twoKb) {
    const s = performance.now();
    scan(t);
    samples.push(performance.now() - s);
  }
}
samples.sort((a, b) => a - b);
const pct = (p: number): number => samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))]!;

const out = [
  `corpus: ${docs.length} texts, ${mb.toFixed(1)} MB (UTF-8), ${entities} entities`,
  `throughput, many texts: ${(mb / seconds).toFixed(1)} MB/s (median of 5 passes, ${(seconds * 1000).toFixed(0)} ms per pass)`,
  `throughput, one ${(bigBytes / 1024 / 1024).toFixed(1)} MB text: ${(bigBytes / 1024 / 1024 / bigSeconds).toFixed(1)} MB/s`,
  `latency per 2 KB text over ${samples.length} scans: p50 ${(pct(50) * 1000).toFixed(1)} µs, p99 ${(pct(99) * 1000).toFixed(1)} µs, max ${(samples[samples.length - 1]! * 1000).toFixed(0)} µs`,
];
process.stdout.write(out.join('\n') + '\n');
