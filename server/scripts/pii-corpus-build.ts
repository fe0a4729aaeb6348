import fs from 'node:fs';
import path from 'node:path';
import { parseMarkedCorpus } from '../src/modules/guard/pii-corpus.js';

/**
 * `npx tsx server/scripts/pii-corpus-build.ts [src] [out]`: turns the hand-written, marked-up test
 * corpus ({{TYPE|value}}) into JSON Lines with offsets, so nobody has to count characters by hand.
 */
const root = path.resolve(import.meta.dirname, '../..');
const src = process.argv[2] ?? path.join(root, 'test/fixtures/guard/da-corpus.src.txt');
const out = process.argv[3] ?? path.join(root, 'test/fixtures/guard/da-corpus.jsonl');
const docs = parseMarkedCorpus(fs.readFileSync(src, 'utf8'));
fs.writeFileSync(out, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
process.stdout.write(`${docs.length} tekster skrevet til ${out}\n`);
