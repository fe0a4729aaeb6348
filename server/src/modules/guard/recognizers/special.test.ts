import { describe, expect, it } from 'vitest';
import { type DataClass } from '../guard.types.js';
import { scan } from '../scan.js';

const found = (text: string, type: DataClass): string[] =>
  scan(text)
    .filter((e) => e.type === type)
    .map((e) => text.slice(e.start, e.end));

const about = (sentence: string): string => `Borger: Frida Lauritzen\n\n${sentence}`;

describe('health information about a person', () => {
  it('finds diagnoses, conditions, medication and treatment, inflected and compounded', () => {
    // The degree and the body part belong to the key phrase, as blind batches 3 and 4 annotate them.
    expect(found(about('Hun har svær KOL og har haft to lungebetændelser i år.'), 'HEALTH')).toEqual(['svær KOL', 'lungebetændelser']);
    expect(found(about('Agnes har Downs syndrom og en hjertefejl.'), 'HEALTH')).toEqual(['Downs syndrom', 'hjertefejl']);
    expect(found(about('Hun er i behandling for angst og depression og har fået Sertralin.'), 'HEALTH')).toEqual(['angst', 'depression', 'Sertralin']);
    expect(found(about('Hun har diabetes, brystkræft og demensen er tiltagende.'), 'HEALTH')).toEqual(['diabetes', 'brystkræft', 'demensen']);
    expect(found(about('Hun har haft ondt i ryggen og tager Quetiapin.'), 'HEALTH')).toEqual(['ondt i ryggen', 'Quetiapin']);
  });

  it('finds a chronic condition it does not know from "kronisk" in front of it', () => {
    expect(found(about('Hun har kronisk træthed og sover meget.'), 'HEALTH')).toEqual(['kronisk træthed']);
  });

  it('finds treatment and problem compounds and unknown drug names by their endings', () => {
    expect(found(about('Han er i metadonbehandling, har søvnproblemer og får Gabapentin og Ocrelizumab.'), 'HEALTH')).toEqual([
      'metadonbehandling',
      'søvnproblemer',
      'Gabapentin',
      'Ocrelizumab',
    ]);
  });

  it('does not flag negated findings ("ingen tegn på infektion", "ikke diabetes")', () => {
    expect(found(about('Såret er uden tegn på infektion. Hun har ikke diabetes.'), 'HEALTH')).toEqual([]);
  });

  it('does not flag general wording in a text about a person ("borgere med demens", "kursus om stress", "hvis du har")', () => {
    expect(found(about('Vi tilbyder hjælp til borgere med demens og et kursus om stress. Hvis du har diabetes, så ring.'), 'HEALTH')).toEqual([]);
  });

  it('does not flag anything in a text that is about no one (an information letter)', () => {
    const letter = 'Alle borgere over 65 år og borgere med KOL eller diabetes kan få vaccination. Demens er en sygdom, som rammer mange.';
    expect(scan(letter)).toEqual([]);
  });

  it('does not take a heading or a department name for a diagnosis', () => {
    expect(found(about('Hjælpemidler og Handicap\nBørn og Unge – Handicapteamet'), 'HEALTH')).toEqual([]);
  });
});

describe('other special categories about a person', () => {
  it('finds ethnic origin but not a language or an interpreter request', () => {
    expect(found(about('Familien er hazaraer. Hun er af kurdisk oprindelse.'), 'ETHNICITY')).toEqual(['hazaraer', 'kurdisk oprindelse']);
    expect(found(about('Tolk: dari. Der bestilles tolk på somali.'), 'ETHNICITY')).toEqual([]);
  });

  it('finds religion and sexual orientation', () => {
    expect(found(about('Hun er katolik, og familien er shiamuslimer.'), 'RELIGION')).toEqual(['katolik', 'shiamuslimer']);
    expect(found(about('Hun fortalte, at hun er lesbisk.'), 'SEXUAL_ORIENTATION')).toEqual(['lesbisk']);
  });

  it('finds the union name when membership is stated, and "fagforening" without a name, but not the a-kasse', () => {
    expect(found(about('Han er medlem af Serviceforbundet og af 3F Kolding.'), 'UNION')).toEqual(['Serviceforbundet', '3F Kolding']);
    expect(found(about('Gry Petersen (tillidsrepræsentant, HK Kommunal) deltog.'), 'UNION')).toEqual(['HK Kommunal']);
    expect(found(about('Hun har kontaktet sin fagforening. Hun får dagpenge fra a-kassen.'), 'UNION')).toEqual(['fagforening']);
  });

  it('finds charges and convictions with the offence ("sigtet for knivbæring", "dom for vold")', () => {
    expect(found(about('Han blev sigtet for knivbæring i nattelivet.'), 'CRIMINAL')).toEqual(['sigtet for knivbæring']);
    expect(found(about('Han har en dom for vold fra 2020.'), 'CRIMINAL')).toEqual(['dom for vold']);
    expect(found(about('Han fik en bøde for besiddelse af hash.'), 'CRIMINAL')).toEqual(['bøde for besiddelse af hash']);
    expect(found(about('Han er idømt betinget fængsel.'), 'CRIMINAL')).toEqual(['idømt', 'betinget fængsel']);
  });

  it('does not take "dom" or "bøde" without an offence for a conviction', () => {
    expect(found(about('Dommen har ikke betydning for børneattesten. Der er en P-bøde på bilen.'), 'CRIMINAL')).toEqual([]);
  });
});

describe('health: Danish morphology, a larger lexicon, treatment phrases and conditions with no name nearby', () => {
  it('finds conditions by their endings (-ose, -algi, -fagi, -ektomi, -emi) and compounds (-operation, -skade, -anfald, -rehabilitering)', () => {
    expect(found(about('Hun har coxartrose, neuralgi og dysfagi efter en kolektomi.'), 'HEALTH')).toEqual(['coxartrose', 'neuralgi', 'dysfagi', 'kolektomi']);
    expect(found(about('Han fik en skulderoperation efter en nakkeskade og har haft to krampeanfald.'), 'HEALTH')).toEqual([
      'skulderoperation',
      'nakkeskade',
      'krampeanfald',
    ]);
    expect(found(about('Efter blodproppen er hun i hjerterehabilitering og har fået hypoglykæmi.'), 'HEALTH')).toEqual(['blodproppen', 'hjerterehabilitering', 'hypoglykæmi']);
  });

  it('finds drug brand names common in Denmark and symptoms', () => {
    expect(found(about('Hun får Oxynorm og Furix og har åndenød og svimmelhed.'), 'HEALTH')).toEqual(['Oxynorm', 'Furix', 'åndenød', 'svimmelhed']);
  });

  it('finds treatment and sick-leave phrases', () => {
    expect(found(about('Han er sygemeldt efter en diskusprolaps og går i alkoholbehandling.'), 'HEALTH')).toEqual(['diskusprolaps', 'alkoholbehandling']);
    expect(found(about('Hun har nedsat kraft i armen og hører stemmer om natten.'), 'HEALTH')).toEqual(['nedsat kraft i armen', 'hører stemmer']);
  });

  it('finds a drug or condition it does not know from the treatment phrase around it', () => {
    expect(found(about('Hun er startet på Zolnix, får Benzoril 20 mg og er i behandling for hyperhidrose.'), 'HEALTH')).toEqual([
      'Zolnix',
      'Benzoril',
      'hyperhidrose',
    ]);
    expect(found(about('Hun er startet på et kursus og får Mette til at hjælpe.'), 'HEALTH')).toEqual([]);
  });

  it('finds a condition in a text about an unnamed citizen', () => {
    expect(found('Borgeren har diabetes og tager Metformin.', 'HEALTH')).toEqual(['diabetes', 'Metformin']);
  });

  it('does not flag ordinary words that end like a diagnosis', () => {
    expect(found(about('Diagnosen og prognosen blev drøftet med sympati og empati; akademiet sender glukose.'), 'HEALTH')).toEqual([]);
  });

  it('does not flag a department name in a letterhead', () => {
    const text = 'Billund Kommune\nHandicap og Psykiatri\nTorvet 1\n\nKære Jens Holm\n\nVi har modtaget din ansøgning.';
    expect(found(text, 'HEALTH')).toEqual([]);
  });
});

describe('health of the person written to or writing, with no name in the text', () => {
  it('finds a condition about "du" or "jeg", and a new joint as a procedure', () => {
    expect(found('Du har leddegigt i begge knæ, og du fik i efteråret en ny hofte.', 'HEALTH')).toEqual(['leddegigt i begge knæ', 'ny hofte']);
    expect(found('Jeg er sygemeldt med stress resten af ugen.', 'HEALTH')).toEqual(['stress']);
    expect(found('Sønnen har autisme og går på en specialskole.', 'HEALTH')).toEqual(['autisme']);
  });

  it('leaves general advice alone, also when it speaks to "du"', () => {
    expect(found('Hvis du har diabetes, kan du få tilskud til fodterapi.', 'HEALTH')).toEqual([]);
    expect(found('Vi har købt en ny taske til kontoret.', 'HEALTH')).toEqual([]);
  });
});

describe('special categories only where they say something about a person', () => {
  it('does not flag a trade union named in standard advice to bring a representative', () => {
    const text = `Kære Lone Berg\n\nDu er velkommen til at tage en bisidder med til mødet, fx en repræsentant fra din fagforening (FOA, HK eller 3F).`;
    expect(found(text, 'UNION')).toEqual([]);
  });

  it('still flags a union membership stated about a person', () => {
    expect(found(about('Hun er medlem af FOA.'), 'UNION')).toEqual(['FOA']);
  });
});

describe('the whole key phrase of a health term or an offence', () => {
  it('takes a type letter, a kind adjective and a head noun into the health span, and joins adjacent terms', () => {
    expect(found(about('Han har hepatitis C og diabetisk neuropati og havde en psykotisk episode i maj.'), 'HEALTH')).toEqual([
      'hepatitis C',
      'diabetisk neuropati',
      'psykotisk episode',
    ]);
  });

  it('extends a charge or sentence over its victim and over a sentence length before "for"', () => {
    expect(found(about('Han er sigtet for trusler mod en nabo. Han afsoner en fængselsstraf på 6 måneder for tyveri.'), 'CRIMINAL')).toEqual([
      'sigtet for trusler mod en nabo',
      'afsoner en fængselsstraf på 6 måneder for tyveri',
    ]);
  });
});

describe('the kinds of miss found in blind batch 6', () => {
  it('finds a condition after "lider af", "smittet med", "udredning for" and "konstateret", but not a shortage', () => {
    expect(found(about('Hun lider af tinnitusrelateret søvnløshed og er smittet med MRSA.'), 'HEALTH')).toEqual(['tinnitusrelateret søvnløshed', 'MRSA']);
    expect(found(about('Sønnen er henvist til udredning for Aspergers syndrom.'), 'HEALTH')).toEqual(['Aspergers syndrom']);
    expect(found(about('Afdelingen lider af mangel på hænder.'), 'HEALTH')).toEqual([]);
    expect(found(about('Der er konstateret skimmelsvamp i lejligheden. Hun fik konstateret sukkersyge.'), 'HEALTH')).toEqual(['sukkersyge']);
  });

  it('reads an adjective of a body part and a finding with a body part as one health phrase', () => {
    expect(found(about('Hun har hængende øjenlåg og en plade i skulderen efter et brud på kravebenet.'), 'HEALTH')).toEqual([
      'hængende øjenlåg',
      'plade i skulderen',
      'brud på kravebenet',
    ]);
    expect(found(about('Han skar i underarmene sidste vinter.'), 'HEALTH')).toEqual(['skar i underarmene']);
  });

  it('counts drinking as a daily consumption, and a second substance listed after it', () => {
    expect(found(about('Hun oplyser et forbrug på 10-12 genstande og hash i weekenderne.'), 'HEALTH')).toEqual(['10-12 genstande', 'hash']);
  });

  it('flags an admission to psychiatry but not the name of the ward', () => {
    expect(found(about('Hun var indlagt på psykiatrisk afdeling i marts.'), 'HEALTH')).toEqual(['indlagt på psykiatrisk afdeling']);
    expect(found(about('Mødet holdes på Psykiatrisk Afdeling, Glostrup.'), 'HEALTH')).toEqual([]);
  });

  it('keeps a union that a person is a member of, a local branch whole, and the name after "sin fagforening"', () => {
    expect(found(about('Du er medlem af FOA Lolland, og din tillidsrepræsentant må gerne deltage.'), 'UNION')).toEqual(['FOA Lolland']);
    expect(found(about('Han har talt med sin fagforening, Dansk Metal Sydfyn, om sagen.'), 'UNION')).toEqual(['Dansk Metal Sydfyn']);
  });

  it('finds an ethnic origin written as one compound', () => {
    expect(found(about('Familien er af kurdisk-iransk oprindelse, og faren er af romaoprindelse.'), 'ETHNICITY')).toContain('romaoprindelse');
  });
});

describe('the larger vocabulary (gazetteer/health-lexicon.ts)', () => {
  it('knows English conditions and drugs in a mixed-language mail', () => {
    expect(found(about('My daughter has cerebral palsy and takes levetiracetam. She was diagnosed with hypothyroidism.'), 'HEALTH')).toEqual([
      'cerebral palsy',
      'levetiracetam',
      'hypothyroidism',
    ]);
  });

  it('knows rarer Danish diagnoses, brand names and aids in use', () => {
    expect(found(about('Hun har hypothyreose og er i behandling med Eylea. Hun har fået en badebænk og en toiletforhøjer.'), 'HEALTH')).toEqual([
      'hypothyreose',
      'Eylea',
      'badebænk',
      'toiletforhøjer',
    ]);
  });

  it('knows ethnic groups, religious adherents and orientations as nouns', () => {
    const text = about('Hun er eritreer og katolik, og hendes kæreste er biseksuel.');
    expect([found(text, 'ETHNICITY'), found(text, 'RELIGION'), found(text, 'SEXUAL_ORIENTATION')]).toEqual([['eritreer'], ['katolik'], ['biseksuel']]);
  });

  it('still leaves general wording alone', () => {
    expect(found(about('Borgere med hypothyreose kan få en badebænk. Kurset om cerebral parese er aflyst.'), 'HEALTH')).toEqual([]);
  });
});

describe('the kinds of miss found in blind batch 7', () => {
  it('reads an aid through a count or a route ("to krykker", "gennem en sonde")', () => {
    expect(found(about('Han går med to albuestokke og får mad gennem en næsesonde.'), 'HEALTH')).toEqual(['albuestokke', 'næsesonde']);
  });

  it('counts smoking, and a substance the person has tried', () => {
    expect(found(about('Hun ryger cigaretter og har prøvet kokain.'), 'HEALTH')).toEqual(['cigaretter', 'kokain']);
  });

  it('knows a local teachers’ union by its ending and faiths written as two words', () => {
    expect(found(about('Han er medlem af Vesthimmerlands Lærerforening.'), 'UNION')).toEqual(['Vesthimmerlands Lærerforening']);
    expect(found(about('Familien kommer i Luthersk Mission.'), 'RELIGION')).toEqual(['Luthersk Mission']);
  });
});

describe('everyday wording of health, and endings in the plural', () => {
  it('finds plural forms of clinical endings, weight gained, lost functions and suicidal thoughts', () => {
    expect(found(about('Hun har haft tre halsbetændelser og har taget 9 kg på. Hun har mistet hørelsen og tanker om at tage sit liv.'), 'HEALTH')).toEqual([
      'halsbetændelser',
      'taget 9 kg på',
      'mistet hørelsen',
      'tage sit liv',
    ]);
  });

  it('finds a drug by what it comes as, and a supplement', () => {
    expect(found(about('Han har fået en insulinpen og tager vitamintilskud.'), 'HEALTH')).toEqual(['insulinpen', 'vitamintilskud']);
  });
});

describe('a union branch named by its region', () => {
  it('takes "Kreds" or "Afdeling" and the region into the union', () => {
    expect(found(about('Lis Agerskov (TR, DSR Kreds Midtjylland) deltog.'), 'UNION')).toEqual(['DSR Kreds Midtjylland']);
  });
});

describe('the kinds of miss found in blind batch 8', () => {
  it('reads drinking with an amount and a drink, smoking with a count, and daily use of a drug', () => {
    expect(found(about('Han drikker et par snapse hver aften og har røget 20 smøger om dagen. Dagligt forbrug af amfetamin.'), 'HEALTH')).toEqual([
      'snapse',
      'smøger',
      'amfetamin',
    ]);
    expect(found(about('Vi serverer øl og vin til receptionen.'), 'HEALTH')).toEqual([]);
  });

  it('knows more unions and faiths by name, and an origin written "<adjective> af herkomst"', () => {
    const text = about('Hun er medlem af Danske Bioanalytikere og af Frelsens Hær. Hun er tjetjensk af herkomst.');
    expect([found(text, 'UNION'), found(text, 'RELIGION'), found(text, 'ETHNICITY')]).toEqual([['Danske Bioanalytikere'], ['Frelsens Hær'], ['tjetjensk af herkomst']]);
  });
});

describe('what was done to a body part', () => {
  it('reads a removal, a sprain or a bite with the body part, and hair lost', () => {
    expect(found(about('Hun har fået fjernet det højre bryst og mistet håret. Han forstuvede anklen og blev bidt i hånden.'), 'HEALTH')).toEqual([
      'fjernet det højre bryst',
      'mistet håret',
      'forstuvede anklen',
      'bidt i hånden',
    ]);
    expect(found(about('Vi har fjernet det gamle skur.'), 'HEALTH')).toEqual([]);
  });
});
