import { describe, expect, it } from 'vitest';
import { ownLetters, sharedLetters } from '../../../../../test/fixtures/letters/letters.js';
import { checkLetter } from './letter.checklist.js';
import { lix } from './letter.lix.js';
import { rewriteLetter } from './letter.rewrite.js';
import { OFFICIALESE } from './letter.wordlist.js';

// Our letters already written in plain Danish (du, short sentences, no officialese); the rest have officialese.
const PLAIN = ['own-02', 'own-04', 'own-06', 'own-07'];
const formal = [...sharedLetters(), ...ownLetters().filter((l) => !PLAIN.includes(l.id))];
const plain = ownLetters().filter((l) => PLAIN.includes(l.id));

/** The facts a rewrite must keep, as multisets: numbers (amounts, dates, times, phone), law references, placeholders. */
function facts(text: string): Record<string, string[]> {
  return {
    numbers: (text.match(/\d+(?:[.,:]\d+)*/g) ?? []).sort(),
    law: (text.match(/§\s*\d+(?:,\s*stk\.\s*\d+)?/g) ?? []).sort(),
    placeholders: (text.match(/\[[A-Z][A-Z_]*_\d+\]/g) ?? []).sort(),
    emails: (text.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? []).sort(),
    dates: (text.match(/\d{1,2}\. (?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)(?: \d{4})?/g) ?? []).sort(),
  };
}

describe('the offline engine rewrites letters by plain-language rules', () => {
  it.each(formal.map((l) => [l.id, l] as const))('%s: LIX goes down', (_id, letter) => {
    const { text } = rewriteLetter(letter.text);
    expect(lix(text)).toBeLessThan(lix(letter.text));
  });

  it.each(formal.map((l) => [l.id, l] as const))('%s: every number, date, amount, § and e-mail survives exactly', (_id, letter) => {
    expect(facts(rewriteLetter(letter.text).text)).toEqual(facts(letter.text));
  });

  it.each([...formal, ...ownLetters()].map((l) => [l.id, l] as const))('%s: every checklist item the letter had, the draft still has', (_id, letter) => {
    const before = checkLetter(letter.text).filter((i) => i.present).map((i) => i.item);
    const after = checkLetter(rewriteLetter(letter.text).text).filter((i) => i.present).map((i) => i.item);
    expect(after).toEqual(expect.arrayContaining(before));
  });

  it('placeholders survive exactly, also next to words the rules change', () => {
    const masked =
      'Såfremt De har spørgsmål, bedes De rette henvendelse til [NAVN_1] på telefon [TELEFON_1]. Deres sag har nr. [CPR_1], og [NAVN_1] skal hermed fremsende Deres papirer til [ADRESSE_1], [POSTNR_BY_1].';
    const { text } = rewriteLetter(masked);
    expect(facts(text).placeholders).toEqual(facts(masked).placeholders);
    expect(text).toContain('Hvis du har spørgsmål');
    expect(text).toContain('kontakte [NAVN_1] på telefon [TELEFON_1]');
  });

  it('addresses the reader as "du": De, Dem and Deres become du, dig and din, dit or dine after the noun', () => {
    const { text } = rewriteLetter(
      'Vi har modtaget Deres ansøgning. Kommunen har bevilget Dem hjælp til Deres hjem, fordi Deres økonomiske forhold er svære. De kan klage.',
    );
    expect(text).toContain('din ansøgning');
    expect(text).toContain('bevilget dig hjælp');
    expect(text).toContain('dit hjem');
    expect(text).toContain('dine økonomiske forhold');
    expect(text).toContain('Du kan klage');
    expect(text).not.toMatch(/\b(?:De|Dem|Deres)\b/);
  });

  it('keeps "De" where it means "they": after a plural subject, and before a noun', () => {
    const { text } = rewriteLetter('Vi har modtaget Deres ansøgning og de tilhørende tegninger. De viser en carport på 48 m².');
    expect(text).toContain('din ansøgning');
    expect(text).toContain('De viser en carport');
    expect(rewriteLetter('Kommunen har fået nye regler, som De skal kende. De nye regler gælder fra 1. maj 2027.').text).toContain(
      'De nye regler gælder',
    );
    expect(rewriteLetter('Oplysningerne er kommet frem. De har betydning for Deres sag.').text).toContain('De har betydning for din sag');
    expect(rewriteLetter('Kommunen skal bruge Deres lønsedler. De skal sendes senest den 3. maj 2027.').text).toContain('De skal sendes senest');
  });

  it('turns clear passive patterns active and drops empty announcements', () => {
    expect(rewriteLetter('De indkaldes hermed til et møde den 4. juni 2026 kl. 9.15.').text).toBe('Vi indkalder dig til et møde den 4. juni 2026 kl. 9.15.');
    expect(rewriteLetter('Det skal hermed meddeles, at kommunen har bevilget Dem hjælp.').text).toBe('Kommunen har bevilget dig hjælp.');
    expect(rewriteLetter('Det er blevet besluttet, at De får hjælp.').text).toBe('Vi har besluttet, at du får hjælp.');
    expect(rewriteLetter('Ansøgningen er blevet bevilget.').text).toBe('Vi har bevilget ansøgningen.');
    expect(rewriteLetter('De anmodes om at fremsende lønsedler.').text).toBe('Vi beder dig om at sende lønsedler.');
  });

  it('splits a long sentence at a safe point and moves the verb where Danish needs it ("hvorfor De anmodes" -> "Derfor beder vi dig")', () => {
    const long =
      'Bevillingen er betinget af, at kommunen modtager dokumentation for den faktiske boligudgift i den nye bolig, hvorfor De anmodes om at fremsende kopi af Deres underskrevne lejekontrakt via Digital Post.';
    const { text, changes } = rewriteLetter(long);
    expect(text).toBe(
      'Bevillingen er betinget af, at kommunen modtager dokumentation for den faktiske boligudgift i den nye bolig. Derfor beder vi dig om at sende kopi af din underskrevne lejekontrakt via Digital Post.',
    );
    expect(changes).toContain('1 lang sætning delt');
  });

  it('does not split at ", og at", which continues the clause before it', () => {
    const s =
      'Vi har lagt vægt på, at din boligudgift er højere end det beløb, som byrådet har fastsat for en familie af din størrelse, og at du ikke kan flytte til en billigere bolig.';
    expect(rewriteLetter(s).text).toBe(s);
  });

  it.each(plain.map((l) => [l.id, l] as const))('%s: a letter already in plain language is left as it is', (_id, letter) => {
    expect(rewriteLetter(letter.text)).toEqual({ text: letter.text, changes: [] });
  });

  it('says what it changed, in Danish, and gives the same draft every time', () => {
    const letter = sharedLetters()[0]!.text;
    const a = rewriteLetter(letter);
    expect(rewriteLetter(letter)).toEqual(a);
    expect(a.changes.join('\n')).toMatch(/lange sætninger delt/);
    expect(a.changes.join('\n')).toMatch(/'De\/Dem\/Deres' erstattet med 'du/);
    expect(a.text).not.toMatch(/Offline regelmotor/);
  });

  it('has a word list of at least 60 officialese entries, none replacing a word with itself', () => {
    expect(OFFICIALESE.length).toBeGreaterThanOrEqual(60);
    for (const [from, to] of OFFICIALESE) expect(from.toLowerCase()).not.toBe(to.toLowerCase());
    expect(new Set(OFFICIALESE.map(([from]) => from.toLowerCase())).size).toBe(OFFICIALESE.length);
  });
});
