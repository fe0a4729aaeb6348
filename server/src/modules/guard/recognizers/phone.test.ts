import { describe, expect, it } from 'vitest';
import { scan } from '../scan.js';

const phones = (text: string): string[] =>
  scan(text)
    .filter((e) => e.type === 'PHONE')
    .map((e) => text.slice(e.start, e.end));

describe('phone numbers', () => {
  it.each([
    ['Tlf. 76 29 41 88', '76 29 41 88'],
    ['Tlf. 3957 6612', '3957 6612'],
    ['Hun ønsker kun at blive kontaktet på 26915708.', '26915708'],
    ['Ring på +45 28 73 19 46 i dag', '+45 28 73 19 46'],
    ['Mor: +4521763015.', '+4521763015'],
    ['Ring på (+45) 76 16 42 08 eller skriv', '(+45) 76 16 42 08'],
    ['Ring gerne til mig på 0045 31 58 26 74.', '0045 31 58 26 74'],
    ['Direkte: 004531582674', '004531582674'],
    ['Mobil +45 2873 1946', '+45 2873 1946'],
    ['mail · 58572613', '58572613'],
    ['Tlf.: 22-34-56-78', '22-34-56-78'],
  ])('finds %j as %j, with any +45/0045/(+45) prefix inside the span', (text, phone) => {
    expect(phones(text)).toEqual([phone]);
  });

  it('does not take Danish numbers that start with 0 or 1, nor short codes like 112 and 1813', () => {
    expect(phones('Ring 112 ved livsfare eller Lægevagten på 1813. Nr. 12 34 56 78')).toEqual([]);
  });

  it('does not take an 8-digit customer, invoice or case number for a phone number', () => {
    expect(phones('Kundenummer: 31125098')).toEqual([]);
    expect(phones('Rykker – faktura 20241187')).toEqual([]);
    expect(phones('skadesnr. 44201183')).toEqual([]);
    expect(phones('lejemålsnummer 0412-0207')).toEqual([]);
  });

  it('does not take a CVR number after a CVR label, nor an account number after "konto"', () => {
    expect(phones('Kolding Beton A/S (CVR 72225120)')).toEqual([]);
    expect(phones('til konto 31234567')).toEqual([]);
  });

  it('does not take amounts, compact dates or two years for phone numbers', () => {
    expect(phones('Prisen er 24 50 00 00 kr.')).toEqual([]);
    expect(phones('Dato 20240315 og 2024 2025')).toEqual([]);
    expect(phones('Mødet er 13.06.2024')).toEqual([]);
  });

  it('does not take the start of a longer grouped number', () => {
    expect(phones('betalings-id 71 22 33 44 55 66')).toEqual([]);
  });

  it('reads a phone label through "er" and "på" but not an organisation name before "på"', () => {
    expect(phones('Hendes telefonnummer er 52 40 67 13.')).toEqual(['52 40 67 13']);
    expect(phones('aftale en afdragsordning med Opkrævningen på 89 40 20 00.')).toEqual(['89 40 20 00']);
  });
});

describe('phone numbers after a bare "nr"', () => {
  it('reads a number grouped as a phone number after "nr" as a phone number, but not after "faktura nr."', () => {
    expect(phones('Sønnen ringer tit, han har nr 41 52 63 74.')).toEqual(['41 52 63 74']);
    expect(phones('Vi har modtaget faktura nr. 41 52 63 74.')).toEqual([]);
  });
});
