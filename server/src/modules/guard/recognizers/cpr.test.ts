import { describe, expect, it } from 'vitest';
import { type DataClass } from '../guard.types.js';
import { scan } from '../scan.js';

const found = (text: string, type: DataClass = 'CPR'): string[] =>
  scan(text)
    .filter((e) => e.type === type)
    .map((e) => text.slice(e.start, e.end));

describe('CPR numbers', () => {
  it('finds the three written forms: DDMMYY-SSSS, DDMMYYSSSS and "DDMMYY SSSS"', () => {
    expect(found('Borger: Frida Lauritzen, 220892-9820')).toEqual(['220892-9820']);
    expect(found('CPR: 1709941461')).toEqual(['1709941461']);
    expect(found('CPR-nr. 151293 9380')).toEqual(['151293 9380']);
  });

  it('accepts a valid date that fails modulus 11 (numbers issued since 2007 may)', () => {
    expect(found('Mogens Nielsen, 030835 1391')).toEqual(['030835 1391']);
  });

  it('gives a number that passes modulus 11 a higher confidence', () => {
    const [passes] = scan('CPR 070141-2028');
    const [fails] = scan('CPR 120456-1238');
    expect(passes!.confidence!).toBeGreaterThan(fails!.confidence!);
  });

  it('uses the 7th digit for the century: 290200-4xxx is 29 February 2000, 290200-0xxx is not a date', () => {
    expect(found('CPR 290200-4123')).toEqual(['290200-4123']);
    expect(found('CPR 290200-0123')).toEqual([]);
  });

  it('does not flag impossible dates: month 13, 30 February, 31 April, day 00', () => {
    expect(found('CPR-nr. som 151387-2184, som ikke kan være rigtigt')).toEqual([]);
    expect(found('hendes CPR-nr. som 300269-0188')).toEqual([]);
    expect(found('CPR 310477-1234')).toEqual([]);
    expect(found('CPR 000190-1234')).toEqual([]);
  });

  it('does not flag case, journal, invoice, policy and collection numbers that happen to form a date', () => {
    expect(found('sagsnr. 2024-123456 og sag 2025-204817')).toEqual([]);
    expect(found('j.nr. 1203851234')).toEqual([]);
    expect(found('Faktura nr. 2802250417 er betalt')).toEqual([]);
    expect(found('arbejdsskadeforsikring (policenr. 2506183347)')).toEqual([]);
    expect(found('opkrævningsnummer 3112598765')).toEqual([]);
    expect(found('Opkrævning nr. 0212874411')).toEqual([]);
    expect(found('lejekontrakt nr. 1501250033')).toEqual([]);
  });

  it('does not flag amounts, dates, phone numbers or numbers inside longer digit runs', () => {
    expect(found('Beløbet er kr. 120.000 og 14.286,00 kr.')).toEqual([]);
    expect(found('Dato: 03.12.2024')).toEqual([]);
    expect(found('Ring på 40 67 31 92 eller +4521763015')).toEqual([]);
    expect(found('Kontrolnummer 12345678901234')).toEqual([]);
    expect(found('ID 22089298201')).toEqual([]);
    expect(found('nr. 1-220892-9820-1')).toEqual([]);
    expect(found('1208929820 kr.')).toEqual([]);
  });

  it('finds a CPR number right after a name without any label', () => {
    expect(found('Ibrahim Ahmadi (010175-9851), hustru Sadia')).toEqual(['010175-9851']);
  });
});

describe('CPR numbers after generic labels and in context that says a person', () => {
  it.each([
    ['Elev: Johan Krag, elevens nr. 140311-7212', '140311-7212'],
    ['Ansøger\nNr.: 0305881234\nVedr. boligstøtte', '0305881234'],
    ['Ansøgeren Mona Friis med nummer 221179-3346 har klaget.', '221179-3346'],
    ['Vi har registreret borgeren (nr. 050967-2219) i systemet.', '050967-2219'],
    ['Borger: Bo Winther, 34 år, 020690-2457', '020690-2457'],
    ['cpr står som 110261-4401 i ansøgningen', '110261-4401'],
  ])('finds the CPR number in %j', (text, cpr) => {
    expect(found(text)).toEqual([cpr]);
  });

  it('keeps "nr." after an invoice, order, customer or case word out', () => {
    expect(found('Vi har modtaget faktura nr. 1503981234 og opkrævning nr. 0212874411.')).toEqual([]);
    expect(found('Ordre nr 2510991234 er afsendt. Kundenr. 1411901235.')).toEqual([]);
    expect(found('Sagens løbenr. 0101901234, journal nr. 0202851234')).toEqual([]);
  });
});

describe('a case number shaped like a CPR number', () => {
  it('is not a CPR number after a word for a case ("Byggesag 231126-3738", "Klagesagen 010203-1234")', () => {
    const text = 'Emne: Byggesag 231126-3738 – rampe og carport. Klagesagen 010203-1234 er afsluttet.';
    expect(scan(text).filter((e) => e.type === 'CPR')).toEqual([]);
  });
});

describe('CPR numbers after "Id" and numbers of things', () => {
  it('takes a number after a bare "Id:" or "Pers.-id:" as a CPR number', () => {
    const text = 'Beboer: Rene Damkjær, Id: 2801829871\nPers.-id: 010388-2065';
    expect(scan(text).filter((e) => e.type === 'CPR').map((e) => text.slice(e.start, e.end))).toEqual(['2801829871', '010388-2065']);
    const other = 'Kunde ID: 030405-1234. Sags-id: 010203-1234.';
    expect(scan(other).filter((e) => e.type === 'CPR')).toEqual([]);
  });

  it('does not take the number a case or a grant "has" for a CPR number', () => {
    const text = 'Borger: Jens Hansen.\n\nSagen har nummer 021026-7368. Kørselsbevillingen har nr. 250926-4350.';
    expect(scan(text).filter((e) => e.type === 'CPR')).toEqual([]);
  });
});
