import { describe, expect, it } from 'vitest';
import { scan } from '../scan.js';

const persons = (text: string): string[] =>
  scan(text)
    .filter((e) => e.type === 'PERSON')
    .map((e) => text.slice(e.start, e.end));

describe('person names from the gazetteers', () => {
  it('finds full names, compound and hyphenated surnames', () => {
    expect(persons('Deltagere: Irene Madsen (visitator), Uffe Dam (teamleder)')).toEqual(['Irene Madsen', 'Uffe Dam']);
    expect(persons('Jeg har talt med Pauline Beck-Olsen og Merete Bang Andersen i dag.')).toEqual(['Pauline Beck-Olsen', 'Merete Bang Andersen']);
  });

  it('finds a known name written in capitals in a letterhead, but not acronyms', () => {
    expect(persons('MORTEN HANSEN\nVESTERGADE 12\n8000 AARHUS C\nSSP og PPR')).toEqual(['MORTEN HANSEN']);
  });

  it('finds first names used alone, also names of immigrant origin', () => {
    expect(persons('Agnes er 12 år. Hej Ali, tak for i går.')).toEqual(['Agnes', 'Ali']);
  });

  it('needs more evidence for a first name that is also a word at the start of a sentence ("Hans", "Per", "Bo")', () => {
    expect(persons('Hans læge har skrevet. Per 1. januar stiger prisen. Bo i eget hjem.')).toEqual([]);
    expect(persons('Hans Jensen ringede. Vi talte med Bo om det.')).toEqual(['Hans Jensen', 'Bo']);
  });
});

describe('names never seen before, found through context', () => {
  it.each([
    ['Kære Xenia Thorsbølle\n\nTak for dit brev.', 'Xenia Thorsbølle'],
    ['Borger: Tenzin Dorje, 010190-1234', 'Tenzin Dorje'],
    ['Fra: Kwame Mensah <km@example.dk>', 'Kwame Mensah'],
    ['Att.: Oddvar Brekke\nIndustrivej 9\n7700 Thisted', 'Oddvar Brekke'],
    ['Lægehuset v/ Gunvor Tjørnelund', 'Gunvor Tjørnelund'],
    ['Vi har talt med hendes mor, Eirin Skaug, i telefonen.', 'Eirin Skaug'],
    ['Karoline Ågård, socialrådgiver, Viborg Kommune', 'Karoline Ågård'],
    ['Svar til Ayşe Yıldız om fripladsen', 'Ayşe Yıldız'],
    ['Jeg har talt med Oksana Hrytsenko i dag.', 'Oksana Hrytsenko'],
  ])('finds %j', (text, name) => {
    expect(persons(text)).toContain(name);
  });

  it('finds the name in a signature after "Med venlig hilsen" and after a slash', () => {
    expect(persons('Med venlig hilsen\n\nWenche Kolstad\nSocialrådgiver')).toEqual(['Wenche Kolstad']);
    expect(persons('Tak.\n/Gorm')).toEqual(['Gorm']);
  });

  it('finds every name in an attendee list, one per line or inline', () => {
    const text = 'Deltagere:\nTeodor Halvorsen, sygemeldt\nYrla Borup og Kjartan Lind, forældre\n\nPunkt 1';
    expect(persons(text)).toEqual(['Teodor Halvorsen', 'Yrla Borup', 'Kjartan Lind']);
  });

  it('finds the names on the line above an address in a letter', () => {
    expect(persons('Odense Kommune\n\nSolvår Gundersen og Ulvhild Gundersen\nSkolevej 4\n5000 Odense C')).toEqual([
      'Solvår Gundersen',
      'Ulvhild Gundersen',
    ]);
  });

  it('finds a name again wherever it recurs once it has been found, also alone', () => {
    const text = 'Borger: Tenzin Dorje\n\nTenzin Dorje mødte op. Senere ringede Tenzin igen.';
    expect(persons(text)).toEqual(['Tenzin Dorje', 'Tenzin Dorje', 'Tenzin']);
  });
});

describe('titles and roles around a name', () => {
  it('finds names after hr., fru, a profession or a relation, and not the title itself', () => {
    expect(persons('Vi talte med hr. Mikkelsen og fru Thorsbølle.')).toEqual(['Mikkelsen', 'Thorsbølle']);
    expect(persons('Egen læge Ingvild Haugland er orienteret.')).toEqual(['Ingvild Haugland']);
    expect(persons('Sagsbehandler: Kjeld Brunsgaard')).toEqual(['Kjeld Brunsgaard']);
  });

  it('finds a first name with a surname that ends like a street or is a street word', () => {
    expect(persons('Søren Hjortshøj (skoleleder), Brian Høj og Rikke Vang deltog.')).toEqual(['Søren Hjortshøj', 'Brian Høj', 'Rikke Vang']);
  });
});

describe('genitive', () => {
  it('includes an -s written onto the name and excludes an apostrophe genitive', () => {
    expect(persons('Ifølge Malthes egen forklaring var han truet.')).toEqual(['Malthes']);
    expect(persons("Agnes' lillebror har brug for tid, og Albertes far kom.")).toEqual(['Agnes', 'Albertes']);
    expect(persons('Mettes datter og Jens’ mor')).toEqual(['Mettes', 'Jens']);
  });
});

describe('what is not a person', () => {
  it('does not flag institutions, companies, streets, towns, months, weekdays or the municipality', () => {
    const text = [
      'Viborg Kommune, Jobcenter Esbjerg, Psykiatrisk Center Gladsaxe og Røde Kors.',
      'Nordvestjysk Maskinservice ApS og Tømrerfirmaet Dahl ApS samt Kolding Beton A/S.',
      'Mødet er mandag den 3. marts i Aarhus. Mandag 23. december: lukket.',
      'Det er Karen Blixens Vej og Lægehuset Vestergade.',
      'Afdeling for Sociale Forhold og Beskæftigelse.',
    ].join('\n');
    expect(persons(text)).toEqual([]);
  });

  it('does not flag ordinary capitalised words at the start of a sentence or in headings', () => {
    expect(persons('Begrundelse\nDu har søgt om hjælp. Borgerservice har ændrede åbningstider.\nBeslutning: Madservice hver dag.')).toEqual([]);
  });

  it('does not flag an office greeted or signing ("Kære Pladsanvisningen", "Mvh\\nLedelsen")', () => {
    expect(persons('Kære Pladsanvisningen\n\nMin datter Shirin startede i januar.')).toEqual(['Shirin']);
    expect(persons('Husk mødet torsdag.\n\nMvh\nLedelsen')).toEqual([]);
  });

  it('does not take a product or organisation after a place preposition for an unknown name', () => {
    expect(persons('Mødet blev holdt på Microsoft Teams og via Digital Post.')).toEqual([]);
  });
});

describe('first names alone in greetings, sign-offs and e-mail headers, also in lower case', () => {
  const persons = (text: string): string[] =>
    scan(text)
      .filter((e) => e.type === 'PERSON')
      .map((e) => text.slice(e.start, e.end));

  it('finds lower-case first names after a greeting, a sign-off and in header lines', () => {
    expect(persons('fra: lise\ntil: ole\nemne: mødet\n\nhej ole\n\nkan du tage den?\n\nmvh lise')).toEqual(['lise', 'ole', 'ole', 'lise']);
  });
});

describe('abbreviations', () => {
  it('does not take the first part of "Pers.nr." or "Reg.nr." for a name', () => {
    const text = 'Borger: Frida Lauritzen, Pers.nr. 0101701234. Reg.nr. 1234';
    const names = scan(text).filter((e) => e.type === 'PERSON').map((e) => text.slice(e.start, e.end));
    expect(names).toEqual(['Frida Lauritzen']);
  });
});

describe('words that are no names', () => {
  it('does not take an English salutation or an island for a name', () => {
    const text = 'Dear Sir or Madam,\n\nHjemmeplejen, Lolland Kommune – Femø\nBorger: Valborg Erlandsen';
    const names = scan(text).filter((e) => e.type === 'PERSON').map((e) => text.slice(e.start, e.end));
    expect(names).toEqual(['Valborg Erlandsen']);
    const header = 'Fra: Malene Kofoed\nTil: HR Bornholm';
    expect(scan(header).filter((e) => e.type === 'PERSON').map((e) => header.slice(e.start, e.end))).toEqual(['Malene Kofoed']);
  });
});
