import fs from 'node:fs';
import { parseAnnotatedJsonl } from './server/src/modules/guard/pii-corpus.js';
import { scan } from './server/src/modules/guard/scan.js';
const texts = ['da-sample', 'da-corpus', 'da-blind-2', 'da-blind-3', 'da-blind-4'].flatMap((n) => parseAnnotatedJsonl(fs.readFileSync(`test/fixtures/guard/${n}.jsonl`, 'utf8')).map((d) => d.text));
for (let k = 0; k < 40; k++) for (const t of texts) scan(t);
