import { describe, expect, it } from 'vitest';
import { DataClass } from './guard.types.js';
import { PLACEHOLDER_LABELS, countKeptInLinks, pseudonymise, restore } from './pseudonymise.js';
import { scan } from './scan.js';

const ALL: DataClass[] = ['PERSON', 'CPR', 'PHONE', 'EMAIL', 'ADDRESS', 'POSTCODE_CITY', 'HEALTH'];


describe('pseudonymisation', () => {
  const text = 'Borger: Frida Lauritzen, 220892-9820\nFrida har autisme. Ring til Frida på 40 67 31 92 eller 40673192.';

  it('every class has its own Danish placeholder word, and each value is restored exactly, special categories too', () => {
    const values: [DataClass, string][] = [
      ['CPR', '220892-9820'], ['CVR', '12345678'], ['PHONE', '40 67 31 92'], ['EMAIL', 'fl@example.dk'], ['ADDRESS', 'Møllergade 103, 1. th.'],
      ['POSTCODE_CITY', '5700 Svendborg'], ['BANK_ACCOUNT', '1234 5678901234'], ['PERSON', 'Frida Lauritzen'], ['HEALTH', 'dårlig ryg'],
      ['ETHNICITY', 'kurdisk oprindelse'], ['RELIGION', 'muslim'], ['UNION', 'medlem af 3F'], ['SEXUAL_ORIENTATION', 'homoseksuel'], ['CRIMINAL', 'dømt for tyveri'],
    ];
    let input = '';
    const spans = values.map(([type, value]) => {
      const start = input.length;
      input += `${value}; `;
      return { type, start, end: start + value.length };
    });
    const { text: masked, mapping } = pseudonymise(input, spans, values.map(([t]) => t));
    expect(masked).toBe(
      '[CPR_1]; [CVR_1]; [TELEFON_1]; [EMAIL_1]; [ADRESSE_1]; [POSTNR_BY_1]; [KONTO_1]; [NAVN_1]; [HELBRED_1]; [ETNICITET_1]; [RELIGION_1]; [FAGFORENING_1]; [SEKSUALITET_1]; [STRAFFESAG_1]; ',
    );
    expect(Object.keys(PLACEHOLDER_LABELS).sort()).toEqual([...DataClass.options].sort());
    expect(restore(masked, mapping)).toBe(input);
  });

  it('a draft stored with the earlier English words ([PERSON_1]) is still restored from its mapping; a known value keeps its placeholder', () => {
    const old = { '[PERSON_1]': 'Frida Lauritzen', '[CPR_1]': '220892-9820' };
    expect(restore('Kære [PERSON_1], [CPR_1]', old)).toBe('Kære Frida Lauritzen, 220892-9820');
    const next = pseudonymise('Frida Lauritzen', [{ type: 'PERSON', start: 0, end: 15 }], ['PERSON'], { '[NAVN_1]': 'Frida Lauritzen' });
    expect(next.text).toBe('[NAVN_1]');
  });

  it('replaces the chosen types with numbered placeholders and keeps everything else', () => {
    const { text: masked } = pseudonymise(text, scan(text), ['PERSON', 'CPR', 'PHONE']);
    expect(masked).toBe('Borger: [NAVN_1], [CPR_1]\n[NAVN_2] har autisme. Ring til [NAVN_2] på [TELEFON_1] eller [TELEFON_1].');
  });

  it('gives the same value the same placeholder within a run, also a number written differently', () => {
    const { mapping } = pseudonymise(text, scan(text), ['PHONE', 'PERSON']);
    expect(Object.keys(mapping).filter((k) => k.startsWith('[TELEFON'))).toEqual(['[TELEFON_1]']);
    expect(mapping['[NAVN_2]']).toBe('Frida');
  });

  it('round-trips: restoring the masked text gives the original text', () => {
    const letter = 'Kære Frida Lauritzen\nMøllergade 103, 1. th., 5700 Svendborg\nCPR 220892-9820. Du har autisme. Ring på 40 67 31 92 eller skriv til fl@example.dk.';
    const { text: masked, mapping } = pseudonymise(letter, scan(letter), ALL);
    expect(masked).toBe('Kære [NAVN_1]\n[ADRESSE_1], [POSTNR_BY_1]\nCPR [CPR_1]. Du har [HELBRED_1]. Ring på [TELEFON_1] eller skriv til [EMAIL_1].');
    expect(restore(masked, mapping)).toBe(letter);
  });

  it('restores a number written in two ways in the form it had first (one value, one placeholder)', () => {
    const { text: masked, mapping } = pseudonymise(text, scan(text), ['PHONE']);
    expect(restore(masked, mapping)).toBe(text.replace('40673192', '40 67 31 92'));
  });

  it('restores placeholders wherever a model put them, and leaves unknown placeholders alone', () => {
    const { mapping } = pseudonymise(text, scan(text), ['PERSON']);
    expect(restore('Kære [NAVN_2]. [NAVN_9] og [NAVN_1] ses.', mapping)).toBe('Kære Frida. [NAVN_9] og Frida Lauritzen ses.');
  });

  it('keeps a genitive -s outside the placeholder of a known name', () => {
    const t = 'Alberte har fravær. Albertes forældre deltog.';
    const { text: masked, mapping } = pseudonymise(t, scan(t), ['PERSON']);
    expect(masked).toBe('[NAVN_1] har fravær. [NAVN_1]s forældre deltog.');
    expect(restore(masked, mapping)).toBe(t);
  });

  it('never uses a placeholder that already occurs in the input, so restoring cannot alter the input', () => {
    const t = 'Skabelonen skriver [NAVN_1] her. Mette Hansen har ringet.';
    const { text: masked, mapping } = pseudonymise(t, scan(t), ['PERSON']);
    expect(masked).toBe('Skabelonen skriver [NAVN_1] her. [NAVN_2] har ringet.');
    expect(restore(masked, mapping)).toBe(t);
  });

  it('continues numbering and reuses placeholders across texts of one run when given the earlier mapping', () => {
    const first = pseudonymise('Mette Hansen ringede.', scan('Mette Hansen ringede.'), ['PERSON']);
    const t2 = 'Jens Olsen og Mette Hansen kom.';
    const second = pseudonymise(t2, scan(t2), ['PERSON'], first.mapping);
    expect(second.text).toBe('[NAVN_2] og [NAVN_1] kom.');
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
    expect(masked.text).toBe('[NAVN_1]');
  });

  it('refuses entities outside the text instead of masking the wrong characters', () => {
    expect(() => pseudonymise('kort', [{ type: 'PERSON', start: 2, end: 10 }], ['PERSON'])).toThrow(RangeError);
  });
});

describe('restoring never puts a value inside a link or markup', () => {
  const mapping = {
    '[NAVN_1]': 'Frida Lauritzen',
    '[ADRESSE_1]': 'Møllergade 103, 1. th.',
    '[CPR_1]': '220892-9820',
    '[EMAIL_1]': 'fl@example.dk',
    '[TELEFON_1]': '40 67 31 92',
  };

  it('when a placeholder is in a URL in plain text, then it stays a placeholder and the rest is restored', () => {
    expect(restore('Kære [NAVN_1], se https://x.example/?d=[ADRESSE_1] for mere.', mapping)).toBe(
      'Kære Frida Lauritzen, se https://x.example/?d=[ADRESSE_1] for mere.',
    );
    expect(restore('http://x.example/[CPR_1]/[NAVN_1]', mapping)).toBe('http://x.example/[CPR_1]/[NAVN_1]');
    expect(restore('Gå til www.x.example/?navn=[NAVN_1]', mapping)).toBe('Gå til www.x.example/?navn=[NAVN_1]');
    // Without a scheme, in the host: a linkifier makes a link of it, and a DNS lookup would carry the number.
    expect(restore('[CPR_1].x.example', mapping)).toBe('[CPR_1].x.example');
  });

  it('when a placeholder is the target or the text of a Markdown link, then it stays a placeholder', () => {
    expect(restore('Læs [vejledningen](https://x.example/?a=[ADRESSE_1]).', mapping)).toBe('Læs [vejledningen](https://x.example/?a=[ADRESSE_1]).');
    expect(restore('[[NAVN_1]](https://x.example/)', mapping)).toBe('[[NAVN_1]](https://x.example/)');
    expect(restore('[her](/sag?cpr=[CPR_1])', mapping)).toBe('[her](/sag?cpr=[CPR_1])');
    expect(restore('![logo](https://x.example/p.png?[NAVN_1])', mapping)).toBe('![logo](https://x.example/p.png?[NAVN_1])');
  });

  it('when a placeholder is in an autolink <https://...>, then it stays a placeholder', () => {
    expect(restore('Se <https://x.example/?d=[ADRESSE_1]>.', mapping)).toBe('Se <https://x.example/?d=[ADRESSE_1]>.');
  });

  it('when a placeholder is in an HTML tag, attribute or link, then it stays a placeholder, also across lines', () => {
    expect(restore('<a href="https://x.example/?d=[ADRESSE_1]">klik</a>', mapping)).toBe('<a href="https://x.example/?d=[ADRESSE_1]">klik</a>');
    expect(restore('<a\n  href="https://x.example/?d=\n[ADRESSE_1]">klik</a>', mapping)).toBe('<a\n  href="https://x.example/?d=\n[ADRESSE_1]">klik</a>');
    expect(restore('<img src=x alt="[NAVN_1]">', mapping)).toBe('<img src=x alt="[NAVN_1]">');
    // Text between tags is text: restored.
    expect(restore('<p>Kære [NAVN_1]</p>', mapping)).toBe('<p>Kære Frida Lauritzen</p>');
  });

  it('when a placeholder is in a mailto:, tel: or an e-mail address the model built, then it stays a placeholder', () => {
    expect(restore('Skriv til mailto:[EMAIL_1]?subject=[CPR_1]', mapping)).toBe('Skriv til mailto:[EMAIL_1]?subject=[CPR_1]');
    expect(restore('Ring tel:[TELEFON_1]', mapping)).toBe('Ring tel:[TELEFON_1]');
    expect(restore('Skriv til [NAVN_1]@x.example', mapping)).toBe('Skriv til [NAVN_1]@x.example');
  });

  it('when a placeholder is next to a link but outside it, then it is restored', () => {
    expect(restore('[NAVN_1]: https://x.example/', mapping)).toBe('Frida Lauritzen: https://x.example/');
    expect(restore('Se https://x.example/ og [ADRESSE_1].', mapping)).toBe('Se https://x.example/ og Møllergade 103, 1. th..');
    expect(restore('(https://x.example)\n[NAVN_1]', mapping)).toBe('(https://x.example)\nFrida Lauritzen');
    expect(restore('[NAVN_1] <https://x.example/> [CPR_1]', mapping)).toBe('Frida Lauritzen <https://x.example/> 220892-9820');
    expect(restore('<a href="https://x.example/">klik</a> [NAVN_1]', mapping)).toBe('<a href="https://x.example/">klik</a> Frida Lauritzen');
    expect(restore('Skriv til [EMAIL_1] eller ring [TELEFON_1].', mapping)).toBe('Skriv til fl@example.dk eller ring 40 67 31 92.');
    // Ordinary punctuation and Danish abbreviations around a placeholder are no link.
    expect(restore('Hej [NAVN_1]. Sagsnr.[CPR_1], jf. [NAVN_1]s brev (a < b).', mapping)).toBe(
      'Hej Frida Lauritzen. Sagsnr.220892-9820, jf. Frida Lauritzens brev (a < b).',
    );
  });

  it('counts the placeholders that stay inside links', () => {
    expect(countKeptInLinks('[NAVN_1] https://x.example/?d=[ADRESSE_1]&n=[NAVN_1] [NAVN_9]', mapping)).toBe(2);
  });
});
