import { describe, expect, it } from 'vitest';
import { scan } from '../scan.js';

const accounts = (text: string): string[] =>
  scan(text)
    .filter((e) => e.type === 'BANK_ACCOUNT')
    .map((e) => text.slice(e.start, e.end));

describe('bank accounts', () => {
  it('runs from the first digit of reg.nr. to the last of the account, with the account word inside', () => {
    expect(accounts('hans konto, reg.nr. 1551 kontonr. 3456789012. Det kan vi ikke')).toEqual(['1551 kontonr. 3456789012']);
    expect(accounts('på reg. 9570 konto 12468137, med lejemålsnummer')).toEqual(['9570 konto 12468137']);
    expect(accounts('Reg.nr.: 7700, kontonr.: 1234567')).toEqual(['7700, kontonr.: 1234567']);
  });

  it('finds "9570-12468137" and a reg.nr. with a space when a bank word is near', () => {
    expect(accounts('den nye konto fra december: 9860-0004128834.')).toEqual(['9860-0004128834']);
    expect(accounts('udlejers konto 2191 6287043390')).toEqual(['2191 6287043390']);
    expect(accounts('Betaling til 9815 0001234566 senest 30 dage')).toEqual(['9815 0001234566']);
  });

  it('reads reg.nr. and account laid out by hand after a bank word: a slash, a pipe, a tab, a line break, a spaced dash', () => {
    expect(accounts('Beløbet overføres til reg.nr./konto 4321/0087654321 hurtigst muligt.')).toEqual(['4321/0087654321']);
    expect(accounts('Bankoplysninger: 3210  |  0065432109')).toEqual(['3210  |  0065432109']);
    expect(accounts('Konto til udbetaling:\t6543\t0012345678')).toEqual(['6543\t0012345678']);
    expect(accounts('NemKonto (reg.nr. og kontonr.):\n7654\n3100045678\nMvh')).toEqual(['7654\n3100045678']);
    expect(accounts('Indsættes på reg.nr.: 8765  Kontonr.:  0000123456')).toEqual(['8765  Kontonr.:  0000123456']);
    expect(accounts('Bankkonto: 4567  -  0003456789')).toEqual(['4567  -  0003456789']);
    // Without a bank word the same layouts are dates, case numbers or table cells.
    expect(accounts('Sag 2024/0087654321 er afsluttet.')).toEqual([]);
    expect(accounts('| 3210 | 0065432109 | afsluttet |')).toEqual([]);
    expect(accounts('Mødet 1200\n3100045678 deltagere')).toEqual([]);
  });

  it('does not take case numbers, lease numbers or two numbers in a row for an account', () => {
    expect(accounts('sagsnr. 2024-123456')).toEqual([]);
    expect(accounts('lejemålsnummer 0412-0207')).toEqual([]);
    expect(accounts('I 2024 blev 1234 567890 solgt')).toEqual([]);
  });

  it('finds a Danish IBAN with or without spaces, and only when the mod 97 check holds', () => {
    expect(accounts('IBAN DK50 0040 0440 1162 43.')).toEqual(['DK50 0040 0440 1162 43']);
    expect(accounts('IBAN DK5000400440116243')).toEqual(['DK5000400440116243']);
    expect(accounts('IBAN DK50 0040 0440 1162 44')).toEqual([]);
  });
});

describe('an account number labelled on the next line', () => {
  it('reads "reg.nr. 3996<line break>kontonr. 4381574092" as one account', () => {
    const text = 'Beløbet betales til klinikken, reg.nr. 3996\nkontonr. 4381574092.';
    const found = scan(text).filter((e) => e.type === 'BANK_ACCOUNT').map((e) => text.slice(e.start, e.end));
    expect(found).toEqual(['3996\nkontonr. 4381574092']);
  });
});

describe('reg.nr. and account separated by a middle dot or a comma, and in English', () => {
  it('reads them as one account after a bank word', () => {
    const text = 'Ydelsen udbetales til din konto 6565 · 8316395747. Den sidste går til din konto 1623, 3406425282. My Danish account: 1212 8295654070.';
    expect(scan(text).filter((e) => e.type === 'BANK_ACCOUNT').map((e) => text.slice(e.start, e.end))).toEqual([
      '6565 · 8316395747',
      '1623, 3406425282',
      '1212 8295654070',
    ]);
  });
});
