import { describe, expect, it } from 'vitest';
import { type DataClass } from '../guard.types.js';
import { scan } from '../scan.js';

const found = (text: string, type: DataClass): string[] =>
  scan(text)
    .filter((e) => e.type === type)
    .map((e) => text.slice(e.start, e.end));

describe('street addresses', () => {
  it.each([
    ['Kenneth Iversen\nKongensgade 131, 3. th.\n6700 Esbjerg', 'Kongensgade 131, 3. th.'],
    ['Birthe Skaarup\nTværvej 4B, st. tv.\n2610 Rødovre', 'Tværvej 4B, st. tv.'],
    ['Besøg i lejligheden, Nørregade 12, 1. sal, i dag', 'Nørregade 12, 1. sal'],
    ['Han bor på Vestergade 5A, 2. mf. med sin mor', 'Vestergade 5A, 2. mf.'],
    ['Solveig Munk\nSlotsalléen 14\n4200 Slagelse', 'Slotsalléen 14'],
    ['har fået egen bolig på Lindevænget 32, 2670 Greve.', 'Lindevænget 32'],
    ['Vi bor på Bygholm Parkvej 8, 8700 Horsens.', 'Bygholm Parkvej 8'],
    ['Ingrid Søndergaard\nH.C. Andersens Boulevard 27, 5. th.\n1553 København V', 'H.C. Andersens Boulevard 27, 5. th.'],
    ['Jonas Lykkegaard\nSankt Annæ Plads 2, 2. sal\n8000 Aarhus C', 'Sankt Annæ Plads 2, 2. sal'],
    ['Flyttet til Østergade 3, 1., 3600 Frederikssund', 'Østergade 3, 1.'],
    ['Adresse: Toftebakken 21, st., 9310 Vodskov', 'Toftebakken 21, st.'],
    ['Bofællesskabet på Nørreskov Bakke 3A fra 1. marts', 'Nørreskov Bakke 3A'],
  ])('finds the address in %j', (text, address) => {
    expect(found(text, 'ADDRESS')).toEqual([address]);
  });

  it('finds an address with a street name it does not know when a postcode follows ("Torvet 3", "Ølbycenter 12")', () => {
    expect(found('Jobcenter Norddjurs\nTorvet 3\n8500 Grenaa', 'ADDRESS')).toEqual(['Torvet 3']);
    expect(found('Hun bor på Ølbycenter 12, 2. th., 4600 Køge', 'ADDRESS')).toEqual(['Ølbycenter 12, 2. th.']);
  });

  it('needs a house number: a bare street name or a quantity after a street word is not an address', () => {
    expect(found('Lægehuset Vestergade v/ Regitze Bang-Hartmann', 'ADDRESS')).toEqual([]);
    expect(found('Cykelstien 4 km langs vejen', 'ADDRESS')).toEqual([]);
    expect(found('i Danmark 3 år', 'ADDRESS')).toEqual([]);
  });

  it('does not read a date after the house number as a floor', () => {
    expect(found('Vestergade 5, 2. januar flytter hun', 'ADDRESS')).toEqual(['Vestergade 5']);
  });
});

describe('postcode and town', () => {
  it('finds the postcode and town as a separate entity next to the address', () => {
    const text = 'Hawa Warsame, Stormgade 74, 2. th., 6700 Esbjerg.';
    expect(found(text, 'ADDRESS')).toEqual(['Stormgade 74, 2. th.']);
    expect(found(text, 'POSTCODE_CITY')).toEqual(['6700 Esbjerg']);
  });

  it('takes post districts and multi-word towns', () => {
    expect(found('Vesterbrogade 112, 4. tv., 1620 København V', 'POSTCODE_CITY')).toEqual(['1620 København V']);
    expect(found('Ørbækvej 100\n5220 Odense SØ', 'POSTCODE_CITY')).toEqual(['5220 Odense SØ']);
    expect(found('Lyngby Hovedgade 2\n2800 Kgs. Lyngby', 'POSTCODE_CITY')).toEqual(['2800 Kgs. Lyngby']);
  });

  it('finds a known postal town without a street on its own line ("DK-2610 Rødovre")', () => {
    expect(found('Rødovre Kommune\nDK-2610 Rødovre', 'POSTCODE_CITY')).toEqual(['2610 Rødovre']);
  });

  it('does not take a year before a capitalised word for a postcode', () => {
    expect(found('Siden 2022 Aarhus har haft flere borgere', 'POSTCODE_CITY')).toEqual([]);
    expect(found('budgettet for 2025 Herning Kommune', 'POSTCODE_CITY')).toEqual([]);
  });
});

describe('postcode and town from the list of Danish postal towns', () => {
  const pc = (text: string): string[] =>
    scan(text)
      .filter((e) => e.type === 'POSTCODE_CITY')
      .map((e) => text.slice(e.start, e.end));

  it.each([
    ['Hun er flyttet til 7330 Brande i januar.', '7330 Brande'],
    ['Kontoret ligger i Lyngby (2800 Kgs. Lyngby).', '2800 Kgs. Lyngby'],
    ['Skolen\nSkolevej 4\n4660 St. Heddinge', '4660 St. Heddinge'],
    ['Han bor nu hos sin mor i 8766 Nørre Snede.', '8766 Nørre Snede'],
    ['Frederiksberg Rådhus, Smallegade 1, 2000 Frederiksberg', '2000 Frederiksberg'],
    ['Ny adresse: Bøgealle 3, 1850 Frederiksberg C.', '1850 Frederiksberg C'],
    ['Museet\nVed Åen 2\n7190 Billund', '7190 Billund'],
    ['Ring, hvis du flytter til 6240 Løgumkloster.', '6240 Løgumkloster'],
    ['Bøgevej 3, 6092 Sdr. Stenderup', '6092 Sdr. Stenderup'],
    ['Adresse: Møllevej 8, 4840 Nr. Alslev', '4840 Nr. Alslev'],
    ['Skolegade 1\n4500 Nykøbing Sj.\n\nKære Anna', '4500 Nykøbing Sj.'],
  ])('finds the postcode and town in %j', (text, value) => {
    expect(pc(text)).toEqual([value]);
  });

  it('does not take a year before a town name for a postcode', () => {
    expect(pc('I 2024 Silkeborg fik en ny plan.')).toEqual([]);
  });
});
