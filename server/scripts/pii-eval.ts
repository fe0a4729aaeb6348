import fs from 'node:fs';
import path from 'node:path';
import { evaluate, formatReport } from '../src/modules/guard/evaluate.js';
import { parseAnnotatedJsonl } from '../src/modules/guard/pii-corpus.js';
import { scan } from '../src/modules/guard/scan.js';

/**
 * `npm run pii:eval -- [corpus.jsonl] [--errors]`: precision, recall and F1 per type, exact span and overlap,
 * on an annotated JSON Lines corpus (default: the shared Danish sample). --errors lists misses and false
 * positives.
 */
const SHARED_SAMPLE = '/work/shared/fixtures/pii/da-sample.jsonl';
const LOCAL_COPY = path.resolve(import.meta.dirname, '../../test/fixtures/guard/da-sample.jsonl');
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? (fs.existsSync(SHARED_SAMPLE) ? SHARED_SAMPLE : LOCAL_COPY);
const docs = parseAnnotatedJsonl(fs.readFileSync(file, 'utf8'));
const report = evaluate(docs, scan);
process.stdout.write(`${file}\n${formatReport(report)}\n`);
if (args.includes('--errors')) {
  for (const e of report.errors) process.stdout.write(`${e.id}\t${e.kind}\t${e.type}\t${JSON.stringify(e.value)}\n`);
}
