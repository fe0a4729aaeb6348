import { once } from 'node:events';
import readline from 'node:readline';
import { scanJsonLines } from './pii-scan.stream.js';

/**
 * `npm run pii:scan < in.jsonl > out.jsonl`: finds Danish personal data in JSON Lines {"id", "text"} and
 * writes {"id", "entities": [{"type", "start", "end"}]} per line, streaming. Malformed lines are reported on
 * stderr with their line number; the run goes on and exits with code 1 at the end. Offsets are JavaScript
 * string offsets (UTF-16 code units), end exclusive.
 */
const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
const result = await scanJsonLines(
  input,
  async (line) => {
    // Respect back-pressure so a large input streams instead of piling up in memory.
    if (!process.stdout.write(line)) await once(process.stdout, 'drain');
  },
  (message) => process.stderr.write(`pii-scan: ${message}\n`),
);
if (result.failed > 0) {
  process.stderr.write(`pii-scan: ${result.failed} af ${result.lines} linjer kunne ikke læses.\n`);
  process.exitCode = 1;
}
