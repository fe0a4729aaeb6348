import { once } from 'node:events';
import os from 'node:os';
import { scanJsonLinesParallel } from '../src/modules/guard/pii-scan.parallel.js';

/**
 * `npm run pii:scan < in.jsonl > out.jsonl`: finds Danish personal data in JSON Lines {"id", "text"} and
 * writes {"id", "entities": [{"type", "start", "end"}]} per line, in input order, streaming. Malformed lines
 * are reported on stderr with their line number; the run goes on and exits with code 1 at the end. Offsets are
 * JavaScript string offsets (UTF-16 code units), end exclusive. The lines are scanned on worker threads while
 * the main thread reads and writes; npm runs this file from a bundle (server/scripts/pii-scan.js), which starts faster.
 */
// One worker per two cores, at most two: a fresh thread spends about as much CPU again on V8 compiling the
// scanner in the background as on scanning 16 MB, so on two cores a second worker only competes with the first
// one's compiler (docs/decisions/0006, addendum on pii:scan throughput).
const workers = Math.max(1, Math.min(2, Math.floor(os.availableParallelism() / 2)));
const result = await scanJsonLinesParallel(
  process.stdin,
  async (text) => {
    // Respect back-pressure so a large input streams instead of piling up in memory.
    if (!process.stdout.write(text)) await once(process.stdout, 'drain');
  },
  (message) => process.stderr.write(`pii-scan: ${message}\n`),
  { workers, blockBytes: 256 * 1024 },
);
if (result.failed > 0) {
  process.stderr.write(`pii-scan: ${result.failed} af ${result.lines} linjer kunne ikke læses.\n`);
  process.exitCode = 1;
}
