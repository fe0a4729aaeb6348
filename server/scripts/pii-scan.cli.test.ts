import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../src/modules/guard/scan.js';

const root = path.resolve(import.meta.dirname, '../..');

/** Runs what `npm run pii:scan` runs, with `input` on stdin. */
function runScanCli(input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'server/scripts/pii-scan.js')], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const TEXTS = [
  'Ring til Mette Hansen på 40 67 31 92 eller skriv til mette.hansen@example.dk.',
  'Borgeren (CPR 010190-1234) bor på Vestergade 12, 2. tv., 8000 Aarhus C.',
  'Ingen personoplysninger her, kun åbningstider: kl. 10-14.',
  'Reg.nr. 1234 konto 0012345678. Med venlig hilsen\nJens Ole Sørensen',
];

describe('npm run pii:scan (bundle and worker threads)', () => {
  it('when the input spans many blocks, then every line comes out in input order with the entities scan() finds, and a malformed line is reported by its number in the whole input', async () => {
    // Over 3 MB, so the input is cut into many blocks that are scanned while later ones are read.
    const lines: string[] = [];
    const expected: string[] = [];
    for (let i = 0; lines.length < 12_000; i++) {
      const text = `${TEXTS[i % TEXTS.length]} ${'Dette er fyldtekst uden navne. '.repeat(i % 9)}`;
      const id = i % 3 === 0 ? i : `t${i}`;
      lines.push(JSON.stringify({ id, text }));
      expected.push(JSON.stringify({ id, entities: scan(text).map((e) => ({ type: e.type, start: e.start, end: e.end })) }));
    }
    // Malformed lines far apart (line numbers counted from 1, blank lines included), a blank line and a CRLF.
    lines.splice(4999, 0, '{"id": "ødelagt", "text": ');
    lines.splice(7000, 0, '');
    lines.splice(9999, 0, '{"id": true, "text": "x"}');
    const input = lines.join('\n').replace(/\n(?=\{"id":"t1")/, '\r\n') + '\n';

    const { code, stdout, stderr } = await runScanCli(input);

    expect(stdout.split('\n').slice(0, -1)).toEqual(expected);
    expect(stderr.split('\n').slice(0, -1)).toEqual([
      'pii-scan: linje 5000: ikke gyldig JSON (Unexpected end of JSON input)',
      'pii-scan: linje 10000: forventede {"id": tekst eller tal, "text": tekst} (id: Invalid input)',
      `pii-scan: 2 af ${lines.length} linjer kunne ikke læses.`,
    ]);
    expect(code).toBe(1);
  }, 60_000);
});
