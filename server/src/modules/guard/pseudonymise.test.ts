import { describe, expect, it } from 'vitest';
import { type DataClass } from './guard.types.js';
import { countKeptInLinks, pseudonymise, restore } from './pseudonymise.js';
import { scan } from './scan.js';

const ALL: DataClass[] = ['PERSON', 'CPR', 'PHONE', 'EMAIL', 'ADDRESS', 'POSTCODE_CITY', 'HEALTH'];


describe('pseudonymisation', () => {
  const text = 'Borger: Frida Lauritzen, 220892-9820\nFrida har autisme. Ring til Frida på 40 67 31 92 eller 40673192.';

  it('replaces the chosen types with numbered placeholders and keeps everything else', () => {
    const { text: masked } = pseudonymise(text, scan(text), ['PERSON', 'CPR', 'PHONE']);
    expect(masked).toBe('Borger: [PERSON_1], [CPR_1]\n[PERSON_2] har autisme. Ring til [PERSON_2] på [PHONE_1] eller [PHONE_1].');
  });

  it('gives the same value the same placeholder within a run, also a number written differently', () => {
    const { mapping } = pseudonymise(text, scan(text), ['PHONE', 'PERSON']);
    expect(Object.keys(mapping).filter((k) => k.startsWith('[PHONE'))).toEqual(['[PHONE_1]']);
    expect(mapping['[PERSON_2]']).toBe('Frida');
  });

  it('round-trips: restoring the masked text gives the original text', () => {
    const letter = 'Kære Frida Lauritzen\nMøllergade 103, 1. th., 5700 Svendborg\nCPR 220892-9820. Du har autisme. Ring på 40 67 31 92 eller skriv til fl@example.dk.';
    const { text: masked, mapping } = pseudonymise(letter, scan(letter), ALL);
    expect(masked).toBe('Kære [PERSON_1]\n[ADDRESS_1], [POSTCODE_CITY_1]\nCPR [CPR_1]. Du har [HEALTH_1]. Ring på [PHONE_1] eller skriv til [EMAIL_1].');
    expect(restore(masked, mapping)).toBe(letter);
  });

  it('restores a number written in two ways in the form it had first (one value, one placeholder)', () => {
    const { text: masked, mapping } = pseudonymise(text, scan(text), ['PHONE']);
    expect(restore(masked, mapping)).toBe(text.replace('40673192', '40 67 31 92'));
  });

  it('restores placeholders wherever a model put them, and leaves unknown placeholders alone', () => {
    const { mapping } = pseudonymise(text, scan(text), ['PERSON']);
    expect(restore('Kære [PERSON_2]. [PERSON_9] og [PERSON_1] ses.', mapping)).toBe('Kære Frida. [PERSON_9] og Frida Lauritzen ses.');
  });

  it('keeps a genitive -s outside the placeholder of a known name', () => {
    const t = 'Alberte har fravær. Albertes forældre deltog.';
    const { text: masked, mapping } = pseudonymise(t, scan(t), ['PERSON']);
    expect(masked).toBe('[PERSON_1] har fravær. [PERSON_1]s forældre deltog.');
    expect(restore(masked, mapping)).toBe(t);
  });

  it('never uses a placeholder that already occurs in the input, so restoring cannot alter the input', () => {
    const t = 'Skabelonen skriver [PERSON_1] her. Mette Hansen har ringet.';
    const { text: masked, mapping } = pseudonymise(t, scan(t), ['PERSON']);
    expect(masked).toBe('Skabelonen skriver [PERSON_1] her. [PERSON_2] har ringet.');
    expect(restore(masked, mapping)).toBe(t);
  });

  it('continues numbering and reuses placeholders across texts of one run when given the earlier mapping', () => {
    const first = pseudonymise('Mette Hansen ringede.', scan('Mette Hansen ringede.'), ['PERSON']);
    const t2 = 'Jens Olsen og Mette Hansen kom.';
    const second = pseudonymise(t2, scan(t2), ['PERSON'], first.mapping);
    expect(second.text).toBe('[PERSON_2] og [PERSON_1] kom.');
    expect(restore(second.text, second.mapping)).toBe(t2);
  });

  it('accepts the types as a Set and ignores overlapping input spans after the first', () => {
    const t = 'Mette Hansen';
    const masked = pseudonymise(
      t,
      [
        { type: 'PERSON', start: 0, end: 12 },
        { type: 'PERSON', start: 6, end: 12 },
      ],
      new Set<DataClass>(['PERSON']),
    );
    expect(masked.text).toBe('[PERSON_1]');
  });

  it('refuses entities outside the text instead of masking the wrong characters', () => {
    expect(() => pseudonymise('kort', [{ type: 'PERSON', start: 2, end: 10 }], ['PERSON'])).toThrow(RangeError);
  });
});

describe('restoring never puts a value inside a link or markup', () => {
  const mapping = {
    '[PERSON_1]': 'Frida Lauritzen',
    '[ADDRESS_1]': 'Møllergade 103, 1. th.',
    '[CPR_1]': '220892-9820',
    '[EMAIL_1]': 'fl@example.dk',
    '[PHONE_1]': '40 67 31 92',
  };

  it('when a placeholder is in a URL in plain text, then it stays a placeholder and the rest is restored', () => {
    expect(restore('Kære [PERSON_1], se https://x.example/?d=[ADDRESS_1] for mere.', mapping)).toBe(
      'Kære Frida Lauritzen, se https://x.example/?d=[ADDRESS_1] for mere.',
    );
    expect(restore('http://x.example/[CPR_1]/[PERSON_1]', mapping)).toBe('http://x.example/[CPR_1]/[PERSON_1]');
    expect(restore('Gå til www.x.example/?navn=[PERSON_1]', mapping)).toBe('Gå til www.x.example/?navn=[PERSON_1]');
    // Without a scheme, in the host: a linkifier makes a link of it, and a DNS lookup would carry the number.
    expect(restore('[CPR_1].x.example', mapping)).toBe('[CPR_1].x.example');
  });

  it('when a placeholder is the target or the text of a Markdown link, then it stays a placeholder', () => {
    expect(restore('Læs [vejledningen](https://x.example/?a=[ADDRESS_1]).', mapping)).toBe('Læs [vejledningen](https://x.example/?a=[ADDRESS_1]).');
    expect(restore('[[PERSON_1]](https://x.example/)', mapping)).toBe('[[PERSON_1]](https://x.example/)');
    expect(restore('[her](/sag?cpr=[CPR_1])', mapping)).toBe('[her](/sag?cpr=[CPR_1])');
    expect(restore('![logo](https://x.example/p.png?[PERSON_1])', mapping)).toBe('![logo](https://x.example/p.png?[PERSON_1])');
  });

  it('when a placeholder is in an autolink <https://...>, then it stays a placeholder', () => {
    expect(restore('Se <https://x.example/?d=[ADDRESS_1]>.', mapping)).toBe('Se <https://x.example/?d=[ADDRESS_1]>.');
  });

  it('when a placeholder is in an HTML tag, attribute or link, then it stays a placeholder, also across lines', () => {
    expect(restore('<a href="https://x.example/?d=[ADDRESS_1]">klik</a>', mapping)).toBe('<a href="https://x.example/?d=[ADDRESS_1]">klik</a>');
    expect(restore('<a\n  href="https://x.example/?d=\n[ADDRESS_1]">klik</a>', mapping)).toBe('<a\n  href="https://x.example/?d=\n[ADDRESS_1]">klik</a>');
    expect(restore('<img src=x alt="[PERSON_1]">', mapping)).toBe('<img src=x alt="[PERSON_1]">');
    // Text between tags is text: restored.
    expect(restore('<p>Kære [PERSON_1]</p>', mapping)).toBe('<p>Kære Frida Lauritzen</p>');
  });

  it('when a placeholder is in a mailto:, tel: or an e-mail address the model built, then it stays a placeholder', () => {
    expect(restore('Skriv til mailto:[EMAIL_1]?subject=[CPR_1]', mapping)).toBe('Skriv til mailto:[EMAIL_1]?subject=[CPR_1]');
    expect(restore('Ring tel:[PHONE_1]', mapping)).toBe('Ring tel:[PHONE_1]');
    expect(restore('Skriv til [PERSON_1]@x.example', mapping)).toBe('Skriv til [PERSON_1]@x.example');
  });

  it('when a placeholder is next to a link but outside it, then it is restored', () => {
    expect(restore('[PERSON_1]: https://x.example/', mapping)).toBe('Frida Lauritzen: https://x.example/');
    expect(restore('Se https://x.example/ og [ADDRESS_1].', mapping)).toBe('Se https://x.example/ og Møllergade 103, 1. th..');
    expect(restore('(https://x.example)\n[PERSON_1]', mapping)).toBe('(https://x.example)\nFrida Lauritzen');
    expect(restore('[PERSON_1] <https://x.example/> [CPR_1]', mapping)).toBe('Frida Lauritzen <https://x.example/> 220892-9820');
    expect(restore('<a href="https://x.example/">klik</a> [PERSON_1]', mapping)).toBe('<a href="https://x.example/">klik</a> Frida Lauritzen');
    expect(restore('Skriv til [EMAIL_1] eller ring [PHONE_1].', mapping)).toBe('Skriv til fl@example.dk eller ring 40 67 31 92.');
    // Ordinary punctuation and Danish abbreviations around a placeholder are no link.
    expect(restore('Hej [PERSON_1]. Sagsnr.[CPR_1], jf. [PERSON_1]s brev (a < b).', mapping)).toBe(
      'Hej Frida Lauritzen. Sagsnr.220892-9820, jf. Frida Lauritzens brev (a < b).',
    );
  });

  it('counts the placeholders that stay inside links', () => {
    expect(countKeptInLinks('[PERSON_1] https://x.example/?d=[ADDRESS_1]&n=[PERSON_1] [PERSON_9]', mapping)).toBe(2);
  });
});
