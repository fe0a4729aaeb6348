import { describe, expect, it } from 'vitest';
import { type DataClass } from '../guard.types.js';
import { scan } from '../scan.js';

// One test per kind of miss found by blind batch 3 (test/fixtures/guard/BLIND.md), each with sentences of our
// own: the batch itself is not quoted here.
const found = (text: string, type: DataClass): string[] =>
  scan(text)
    .filter((e) => e.type === type)
    .map((e) => text.slice(e.start, e.end));

const about = (sentence: string): string => `Borger: Lene Skov Madsen\n\n${sentence}`;

describe('numbers: labels, lists and tables say what a number is', () => {
  it('reads "Fødselsnr." and "Pers.nr." as a person’s number, also when modulus 11 fails', () => {
    expect(found('Fødselsnr.: 170352-0419', 'CPR')).toEqual(['170352-0419']);
    expect(found('Pers.nr. 1703520419\nSag: hjemmehjælp', 'CPR')).toEqual(['1703520419']);
  });

  it('gives a number in a list the label of the first one ("Faktura nr. A og B")', () => {
    expect(found('Vi har sendt faktura nr. 0904241188 og 1004241177 til dig.', 'CPR')).toEqual([]);
    expect(found('Sagsnr. 0904241188, 1004241177 er lukket.', 'CPR')).toEqual([]);
  });

  it('reads a table cell by its column header', () => {
    const table = [
      '| Navn | CPR | Sagsnummer |',
      '|---|---|---|',
      '| Ole Berg | 170352-0419 | 0904241188 |',
      '| Sif Lund | 0303871234 | 1004241177 |',
    ].join('\n');
    expect(found(table, 'CPR')).toEqual(['170352-0419', '0303871234']);
  });

  it('does not take an SE number for a CVR number or a phone number', () => {
    expect(found('Leverandør ApS, CVR 29 19 04 02, SE-nr. 29 19 04 91', 'CVR')).toEqual(['29 19 04 02']);
    expect(found('CVR 29190402 · SE 29190491', 'PHONE')).toEqual([]);
  });
});

describe('phone numbers written as people write them', () => {
  it('finds four pairs with dots and three groups with spaces without a label', () => {
    expect(found('Spørgsmål? Skriv eller ring til Ida Holm på 43.21.65.87.', 'PHONE')).toEqual(['43.21.65.87']);
    expect(found('mvh ida\n43.21.65.87', 'PHONE')).toEqual(['43.21.65.87']);
    expect(found('Kontaktpersonen er frivillig i Røde Kors, 431 65 287.', 'PHONE')).toEqual(['431 65 287']);
  });

  it('finds a caseworker’s number after the title, and still no dates or amounts', () => {
    expect(found('Med venlig hilsen\nIda Holm, sagsbehandler, 43 21 65 87', 'PHONE')).toEqual(['43 21 65 87']);
    expect(found('Mødet er 13.06.2025 kl. 10, og beløbet er 1.250.000 kr.', 'PHONE')).toEqual([]);
    expect(found('Sagsnr. 43.21.65.87', 'PHONE')).toEqual([]);
  });
});

describe('bank accounts with a spaced dash or an en dash', () => {
  it('reads "reg. 1234 - 0012345678" and "1234 – 0012345678" as one account', () => {
    expect(found('Beløbet overføres til reg. 5301 - 0246813579.', 'BANK_ACCOUNT')).toEqual(['5301 - 0246813579']);
    expect(found('Betal til reg.nr. 5301 – 0246813579 senest fredag.', 'BANK_ACCOUNT')).toEqual(['5301 – 0246813579']);
    expect(found('Kontoen er 5301–0246813579.', 'BANK_ACCOUNT')).toEqual(['5301–0246813579']);
  });

  it('leaves times and years with a dash alone', () => {
    expect(found('Vi holder åbent kl. 0930 - 1500 og i perioden 2025 – 2026.', 'BANK_ACCOUNT')).toEqual([]);
  });
});

describe('health: the rest of what a care or dental record says about a person', () => {
  it('finds aids, dental conditions and procedures', () => {
    expect(found(about('Hun går med rollator og har høreapparater.'), 'HEALTH')).toEqual(['rollator', 'høreapparater']);
    expect(found(about('Hun har caries og skal have en rodbehandling i fuld narkose.'), 'HEALTH')).toEqual(['caries', 'rodbehandling', 'narkose']);
    expect(found(about('Han skal have en knæalloplastik efter en MR-scanning.'), 'HEALTH')).toEqual(['knæalloplastik', 'MR-scanning']);
  });

  it('finds substance use and dependence as compounds, not dependence on a benefit', () => {
    expect(found(about('Han har et dagligt kokainforbrug og en opioidafhængighed.'), 'HEALTH')).toEqual(['kokainforbrug', 'opioidafhængighed']);
    expect(found(about('Han har været på kontanthjælp længe.'), 'HEALTH')).toEqual([]);
  });

  it('finds weight loss, symptoms and drug forms', () => {
    expect(found(about('Hun har tabt 5 kg og har hjertebanken om natten.'), 'HEALTH')).toEqual(['tabt 5 kg', 'hjertebanken']);
    expect(found(about('Hun har fået Exelon-plaster og Xalatan øjendråber.'), 'HEALTH')).toEqual(['Exelon-plaster', 'Xalatan']);
    expect(found(about('Han har tabt sagen om boligstøtte.'), 'HEALTH')).toEqual([]);
  });

  it('finds a shortage or a reduction of a body function, not of money or space', () => {
    expect(found(about('Hun har jernmangel og en hørenedsættelse.'), 'HEALTH')).toEqual(['jernmangel', 'hørenedsættelse']);
    expect(found(about('Der er pladsmangel, og hun har fået en huslejenedsættelse.'), 'HEALTH')).toEqual([]);
  });
});
