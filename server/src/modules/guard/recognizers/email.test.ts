import { describe, expect, it } from 'vitest';
import { scan } from '../scan.js';

const emails = (text: string): string[] =>
  scan(text)
    .filter((e) => e.type === 'EMAIL')
    .map((e) => text.slice(e.start, e.end));

describe('e-mail addresses', () => {
  it('finds addresses in headers, running text and at the end of a sentence', () => {
    expect(emails('Fra: Vibe Knudsen <vikn@horsens.dk>')).toEqual(['vikn@horsens.dk']);
    expect(emails('på 40 67 31 92 eller dennis.schmidt77@gmail.com.')).toEqual(['dennis.schmidt77@gmail.com']);
    expect(emails('skriv til ppr.psykolog@aalborg.dk, tak')).toEqual(['ppr.psykolog@aalborg.dk']);
    expect(emails('kd@toemrer-dahl.dk')).toEqual(['kd@toemrer-dahl.dk']);
  });

  it('covers a name inside the address only as EMAIL, not as PERSON', () => {
    const text = 'Skriv til Ivar.Bertelsen@stofanet.dk';
    expect(scan(text).map((e) => e.type)).toEqual(['EMAIL']);
  });

  it('ignores @ without a domain, handles and a bare domain', () => {
    expect(emails('@borgerservice, a@b, hej@localhost og borger.dk')).toEqual([]);
  });
});
