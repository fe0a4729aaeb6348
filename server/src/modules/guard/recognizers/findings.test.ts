import { describe, expect, it } from 'vitest';
import { type DataClass } from '../guard.types.js';
import { scan } from '../scan.js';

// One test per kind of miss found by blind batch 4 (test/fixtures/guard/BLIND.md) in health and criminal
// offences, each with sentences of our own: the batch itself is not quoted here.
const found = (text: string, type: DataClass): string[] =>
  scan(text)
    .filter((e) => e.type === type)
    .map((e) => text.slice(e.start, e.end));

const about = (sentence: string): string => `Borger: Vibeke Rask Hald\n\n${sentence}`;

describe('health told as an event about the person', () => {
  it('finds a fall with when, where or how often it happened, and not a figure that has fallen', () => {
    expect(found(about('Hun faldt i går på trappen.'), 'HEALTH')).toEqual(['faldt i går']);
    expect(found(about('Han er faldet ud af sengen to gange.'), 'HEALTH')).toEqual(['faldet ud af sengen']);
    expect(found(about('Hun er faldet tre gange siden jul.'), 'HEALTH')).toEqual(['faldet tre gange']);
    expect(found(about('Sygefraværet er faldet fra 6 til 4 procent, og prisen faldt i marts.'), 'HEALTH')).toEqual([]);
  });

  it('finds an injury and a symptom told as what the person did or has', () => {
    expect(found(about('Hun kom til skade med foden på arbejdet.'), 'HEALTH')).toEqual(['kom til skade med foden']);
    expect(found(about('Han har hørt stemmer og har slået sig selv.'), 'HEALTH')).toEqual(['hørt stemmer', 'slået sig selv']);
    expect(found(about('Efter ferien er hun svækket og bliver forpustet på trapperne.'), 'HEALTH')).toEqual(['svækket', 'forpustet']);
  });
});

describe('findings on a body part', () => {
  it('takes a finding with the body part it is on, also after a side or "over", and not a breach of a rule or damage to a thing', () => {
    expect(found(about('Hun har en flænge i panden og en hævelse over venstre knæ.'), 'HEALTH')).toEqual(['flænge i panden', 'hævelse over venstre knæ']);
    expect(found(about('Han har brud på højre håndled og en sovende fornemmelse i tæerne.'), 'HEALTH')).toEqual([
      'brud på højre håndled',
      'sovende fornemmelse i tæerne',
    ]);
    expect(found(about('Han har brækket venstre arm.'), 'HEALTH')).toEqual(['brækket venstre arm']);
    expect(found(about('Der er sket et brud på tavshedspligten og en skade på bilen.'), 'HEALTH')).toEqual([]);
  });

  it('takes a body part described as poor, swollen, sore or stiff', () => {
    expect(found(about('Han har stiv nakke, ømme skuldre og dårlige knæ.'), 'HEALTH')).toEqual(['stiv nakke', 'ømme skuldre', 'dårlige knæ']);
    expect(found(about('Det var en dårlig dag med dårligt vejr.'), 'HEALTH')).toEqual([]);
  });

  it('takes the body part into the span of a known condition', () => {
    expect(found(about('Hun har smerter i begge hænder og eksem på albuerne.'), 'HEALTH')).toEqual(['smerter i begge hænder', 'eksem på albuerne']);
  });

  it('finds a reduced function of body or mind, not of work or hours', () => {
    expect(found(about('Han har nedsat synsevne og nedsat reaktionsevne.'), 'HEALTH')).toEqual(['nedsat synsevne', 'nedsat reaktionsevne']);
    expect(found(about('Hun har nedsat arbejdsevne og arbejder på nedsat tid.'), 'HEALTH')).toEqual([]);
  });
});

describe('aids the person uses or is to have', () => {
  it('finds an aid after a word of use, also further on in a list, and not one applied for, delivered or practised with', () => {
    expect(found(about('Hun bruger en rollator indendørs og albuestokke udendørs.'), 'HEALTH')).toEqual(['rollator', 'albuestokke']);
    expect(found(about('Han er afhængig af ilt og har brug for en badestol og en toiletforhøjer.'), 'HEALTH')).toEqual(['ilt', 'badestol', 'toiletforhøjer']);
    expect(found(about('Hun kan kun gå 30 meter med gangvogn og sidder ellers i kørestol.'), 'HEALTH')).toEqual(['gangvogn', 'kørestol']);
    expect(found(about('Du har søgt om en badestol. Vi har leveret en plejeseng, og på kurset øver vi med lift.'), 'HEALTH')).toEqual([]);
    expect(found(about('Du kan ikke få bevilget en elektrisk kørestol.'), 'HEALTH')).toEqual([]);
  });
});

describe('medication, procedures, substance use and test results', () => {
  it('finds a drug the person has not taken since a time, and not a negated condition', () => {
    expect(found(about('Han har ikke taget sin Lamictal siden fredag. Hun har ikke diabetes.'), 'HEALTH')).toEqual(['Lamictal']);
    expect(found(about('Hun har ikke fået sin insulin i aftes.'), 'HEALTH')).toEqual(['insulin']);
  });

  it('finds brands and procedures the lexicon did not know', () => {
    expect(found(about('Han får Humalog og Toujeo og skal have en koloskopi.'), 'HEALTH')).toEqual(['Humalog', 'Toujeo', 'koloskopi']);
    expect(found(about('Hun er blevet MR-scannet og har fået foretaget kejsersnit.'), 'HEALTH')).toEqual(['MR-scannet', 'kejsersnit']);
  });

  it('finds the use of a drug as health, and its sale as an offence', () => {
    expect(found(about('Han ryger hash hver weekend.'), 'HEALTH')).toEqual(['hash']);
    expect(found(about('Han har tidligere solgt kokain.'), 'CRIMINAL')).toEqual(['solgt kokain']);
    expect(found(about('Vi tilbyder rådgivning om hash og alkohol.'), 'HEALTH')).toEqual([]);
  });

  it('finds the alcohol a person drinks and a test score', () => {
    expect(found(about('Han drikker 6-8 genstande om dagen og scorede 19 på AUDIT.'), 'HEALTH')).toEqual(['6-8 genstande', 'scorede 19 på AUDIT']);
  });
});

describe('criminal acts told as verbs and cases', () => {
  it('finds a pending case about an offence, and not any other case', () => {
    expect(found(about('Han har en verserende sag om butikstyveri.'), 'CRIMINAL')).toEqual(['verserende sag om butikstyveri']);
    expect(found(about('Vi har en sag om boligstøtte kørende.'), 'CRIMINAL')).toEqual([]);
  });

  it('finds the doer of a theft, not its victim', () => {
    expect(found(about('Hun har stjålet fra kassen.'), 'CRIMINAL')).toEqual(['stjålet']);
    expect(found(about('Hans cykel er blevet stjålet.'), 'CRIMINAL')).toEqual([]);
  });

  it('finds a fine with its amount before the offence, a crime committed, a restraining order and a disqualification', () => {
    expect(found(about('Han fik en bøde på 5.000 kr. for spirituskørsel og har begået indbrud.'), 'CRIMINAL')).toEqual([
      'bøde på 5.000 kr. for spirituskørsel',
      'begået indbrud',
    ]);
    expect(found(about('Hun har fået tilhold mod sin tidligere kæreste og er frakendt kørekortet.'), 'CRIMINAL')).toEqual(['tilhold', 'frakendt kørekortet']);
  });

  it('reads a second criminal-law word of the same sentence as part of it', () => {
    expect(found(about('Han er idømt 60 dages fængsel for hæleri og afsoner nu.'), 'CRIMINAL')).toEqual(['idømt 60 dages fængsel for hæleri']);
  });
});
