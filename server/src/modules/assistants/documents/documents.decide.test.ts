import { describe, expect, it } from 'vitest';
import { chunkText } from '../../documents/documents.chunk.js';
import { rankPassages, toPassage } from '../../documents/documents.index.js';
import { Bm25Index, type IndexedChunk } from '../../documents/retrieval.js';
import { hasAskedKind } from '../../documents/documents.quote.js';
import { answersQuestion, declineReason } from './documents.decide.js';

async function indexOf(docs: Record<string, string>): Promise<Bm25Index> {
  const chunks: IndexedChunk[] = [];
  for (const [f, text] of Object.entries(docs)) {
    for (const c of await chunkText(text, { markdown: true })) chunks.push({ ...c, id: `${f}#${c.ordinal}`, documentId: f, filename: f });
  }
  return new Bm25Index(chunks);
}

describe('the answer decision: the detail asked about', () => {
  const strong = { relevance: 4, askedKind: null, unknownThings: [], missingFigures: [] };

  it('a passage with some match and nothing against it is an answer; an empty search or one without a match never is', () => {
    expect(answersQuestion([{ ...strong, relevance: 1.5 }])).toBe(true);
    expect(answersQuestion([{ ...strong, relevance: 0.8 }])).toBe(false);
    expect(answersQuestion([])).toBe(false);
  });

  it('however well it matches, a passage without the kind of figure asked for (a date, an amount) is no answer', () => {
    expect(declineReason({ ...strong, askedKind: false })).toBe('asked_kind');
    expect(declineReason({ ...strong, askedKind: true })).toBeNull();
  });

  it('a passage with no figure of the unit the question names ("når jeg fylder 70") is no answer', () => {
    expect(declineReason({ ...strong, missingFigures: ['70 fyld'] })).toBe('figure');
  });

  it('a thing the knowledge base has no word for is no answer, unless the match is strong enough to make it a side detail', () => {
    expect(declineReason({ ...strong, relevance: 2.5, unknownThings: ['julegav'] })).toBe('unknown_thing');
    expect(declineReason({ ...strong, relevance: 4, unknownThings: ['julegav'] })).toBeNull();
  });
});

describe('declining what a small knowledge base does not answer, answering what it does', () => {
  const BENEFITS = [
    '# Personalegoder',
    '',
    '## Motion',
    '',
    'Alle ansatte kan få et tilskud til motion på 600 kr. om året. Tilskuddet søges i personaleportalen med kvittering for betalingen. Det gælder fx holdtræning, svømning og medlemskab af en idrætsforening.',
    '',
    '## Frugtordning',
    '',
    'Hver afdeling får frugt leveret mandag og torsdag. Afdelingen betaler halvdelen af prisen og kommunen resten. Ønsker afdelingen at stoppe ordningen, giver lederen besked til Indkøb en måned før.',
    '',
    '## Sundhedssamtale',
    '',
    'Du kan få en sundhedssamtale med en sygeplejerske fra Personalesundhed. Samtalen foregår i arbejdstiden og tager en time. Du bestiller den selv i personaleportalen, og din leder får ikke at vide, hvad I taler om.',
  ].join('\n');

  async function answer(q: string) {
    const index = await indexOf({ 'goder.md': BENEFITS });
    const passages = rankPassages(index, q, 4);
    return answersQuestion(passages) ? passages[0]! : null;
  }

  it('when the question names a thing the documents never mention, then it is declined', async () => {
    expect(await answer('Får vi gratis kaffe i frokoststuen?')).toBeNull();
  });

  it('when the question asks for an amount and the best passage has none, then it is declined', async () => {
    expect(await answer('Hvad koster en sundhedssamtale for afdelingen?')).toBeNull();
  });

  it('when the question names an age and no passage sets a condition on age, then it is declined', async () => {
    expect(await answer('Kan jeg få tilskud til motion, når jeg fylder 67?')).toBeNull();
  });

  it('an unknown word in the situation before the question does not stop the answer', async () => {
    const p = await answer('Jeg har lige købt en racercykel. Kan jeg få tilskud til motion?');
    expect(p?.heading).toBe('Motion');
    expect(p?.quote).toContain('tilskud til motion på 600 kr.');
  });

  const HEALTH = [
    '# Sundhedsordning',
    '',
    '## Fysioterapi',
    '',
    'Fysioterapi ligger i din fritid. Skyldes skaden et løft på arbejdet, kan du få behandlingen i arbejdstiden, når din leder har sagt ja.',
    '',
    '## Affald',
    '',
    'Brugte batterier fra hjemmet må du gerne tage med og lægge i kassen i receptionen. Andet privat affald må ikke afleveres her.',
    '',
    '## Massage',
    '',
    'Massage ved gener fra arbejdet giver ordningen fem gange om året, og du betaler selv 100 kr. pr. gang.',
  ].join('\n');

  async function answerHealth(q: string) {
    const index = await indexOf({ 'sundhed.md': HEALTH });
    const passages = rankPassages(index, q, 4);
    return answersQuestion(passages) ? passages[0]! : null;
  }

  it('another form of a long word the documents use ("fysioterapeut", "fysioterapi") is no unknown thing', async () => {
    expect((await answerHealth('Må jeg gå til en fysioterapeut i arbejdstiden?'))?.heading).toBe('Fysioterapi');
  });

  it('an adjective before the thing asked about ("de flade batterier") is no thing of its own', async () => {
    expect((await answerHealth('Må jeg aflevere de flade batterier i receptionen?'))?.heading).toBe('Affald');
    // The thing itself still counts: the documents say nothing of a remote control.
    expect(await answerHealth('Må jeg aflevere min fjernbetning i receptionen?')).toBeNull();
  });
});

describe('quoting the sentences that answer', () => {
  const PURCHASES = [
    '# Indkøb',
    '',
    '## Køb uden aftale',
    '',
    'Uden en aftale afhænger fremgangsmåden af, hvad købet koster i alt.',
    '',
    '- Koster købet under 20.000 kr., kan du bestille hos én leverandør.',
    '- Koster købet 20.000 kr. eller mere, men under 300.000 kr., skal du indhente tre tilbud.',
    '- Koster købet 300.000 kr. eller mere, skal Indkøb sende det i udbud.',
  ].join('\n');

  it('of a rule with amount thresholds, up to the tier the question’s amount falls in and not the one above', async () => {
    const index = await indexOf({ 'indkoeb.md': PURCHASES });
    const q = 'Vi skal købe møbler for 45.000 kr. uden aftale. Hvad skal jeg gøre?';
    const p = toPassage(index, q, index.search(q, 1)[0]!);
    // The sentence that says the rule is for purchases without an agreement comes with it.
    expect(p.quote.endsWith('- Koster købet 20.000 kr. eller mere, men under 300.000 kr., skal du indhente tre tilbud.')).toBe(true);
    expect(p.quote).not.toContain('300.000 kr. eller mere');
  });

  it('the highest tier for an amount above every threshold', async () => {
    const index = await indexOf({ 'indkoeb.md': PURCHASES });
    const q = 'Hvad gør jeg, når købet koster 450.000 kr. og der ingen aftale er?';
    expect(toPassage(index, q, index.search(q, 1)[0]!).quote).toBe('- Koster købet 300.000 kr. eller mere, skal Indkøb sende det i udbud.');
  });

  const TABLES = [
    '# Tillidsrepræsentanter',
    '',
    '## Tid til TR-arbejdet',
    '',
    'Tiden afhænger af, hvor mange kolleger du repræsenterer:',
    '',
    '| antal kolleger, som TR repræsenterer | tid til TR-arbejdet |',
    '| --- | --- |',
    '| 5–24 | 2 timer om ugen |',
    '| 25–49 | 4 timer om ugen |',
    '| 50 eller flere | 7 timer om ugen |',
    '',
    'Tiden planlægges sammen med lederen.',
    '',
    '## Logoet',
    '',
    'Logoet er byvåbenet og navnet.',
    'På skærm, fx på hjemmesider, i nyhedsbreve og på infoskærme, skal logoet være mindst 120 pixel bredt.',
    '',
    '## Behandlinger',
    '',
    '| behandling | antal pr. år | egenbetaling |',
    '| --- | --- | --- |',
    '| fysioterapi | 10 behandlinger | ingen |',
    '| massage | 5 behandlinger | 100 kr. pr. gang |',
  ].join('\n');

  it('of a table, the row whose range holds the question’s figure, in the unit its column header names, alone', async () => {
    const index = await indexOf({ 'tr.md': TABLES });
    const q = 'Jeg er TR for 32 kolleger. Hvor mange timer får jeg til TR-arbejdet?';
    expect(toPassage(index, q, index.search(q, 1)[0]!).quote).toBe('| 25–49 | 4 timer om ugen |');
  });

  it('a measure asked for ("hvor lille") is answered by the sentence with a measure, not the one with the words', async () => {
    const index = await indexOf({ 'tr.md': TABLES });
    const q = 'Hvor lille må logoet være?';
    const passages = rankPassages(index, q, 4);
    expect(answersQuestion(passages)).toBe(true);
    expect(passages[0]!.quote).toBe('På skærm, fx på hjemmesider, i nyhedsbreve og på infoskærme, skal logoet være mindst 120 pixel bredt.');
  });

  it('a count of a thing is answered by a row that names the thing beside a count in another word ("5 behandlinger")', async () => {
    const q = 'Hvor mange massager kan jeg få?';
    expect(hasAskedKind(q, '| massage | 5 behandlinger | 100 kr. pr. gang |')).toBe(true);
    // The count and the thing must stand in one row: a count of something else elsewhere is no answer.
    expect(hasAskedKind(q, '| fysioterapi | 10 behandlinger |\n\nMassage giver vi ikke.')).toBe(false);
  });

  it('a list item with the sentence that introduces it, however far down the list it stands', async () => {
    const doc = [
      '## Fridage',
      '',
      'Ud over weekender og helligdage holder du fri med løn på disse dage:',
      '',
      '- 1. maj fra kl. 12',
      '- grundlovsdag',
      '- fredag efter Kristi himmelfartsdag',
      '- den 24. december',
      '- den 31. december',
      '',
      'Skal du arbejde en af dagene, får du en anden fridag.',
    ].join('\n');
    const index = await indexOf({ 'fri.md': doc });
    const q = 'Har jeg fri den 31. december?';
    const p = toPassage(index, q, index.search(q, 1)[0]!);
    expect(p.quote.startsWith('Ud over weekender og helligdage holder du fri med løn på disse dage:')).toBe(true);
    expect(p.quote.endsWith('- den 31. december')).toBe(true);
    expect(doc.slice(p.startChar, p.endChar)).toBe(p.quote);
  });

  it('the coverage of a question asked in everyday words counts the words the rule uses for them', async () => {
    const index = await indexOf({ 'syg.md': '## Sygemelding\n\nDu skal ringe til din leder senest kl. 7.30 på første sygedag.', 'andet.md': '## Kantine\n\nKantinen har åbent fra kl. 11.' });
    const [hit] = index.search('Skal jeg ringe til min chef?', 2);
    expect(hit!.chunk.documentId).toBe('syg.md');
    // "ringe" in full, "chef" through "leder" at half weight.
    expect(hit!.coverage).toBeGreaterThan(0.6);
  });

  it('of tiers by age, the highest one the person’s age has reached, with the sentence that introduces the list', async () => {
    const doc = [
      '## Ekstra ferie for seniorer',
      '',
      'Kommunen giver ekstra feriedage efter alder:',
      '',
      '- Fra det år, du fylder 57, får du 1 ekstra feriedag.',
      '- Fra det år, du fylder 59, får du 3 ekstra feriedage.',
      '- Fra det år, du fylder 61, får du 6 ekstra feriedage.',
    ].join('\n');
    const index = await indexOf({ 'senior.md': doc });
    const q = 'Jeg fylder 60 til sommer. Hvor mange ekstra feriedage får jeg?';
    const p = toPassage(index, q, index.search(q, 1)[0]!);
    expect(p.quote.startsWith('Kommunen giver ekstra feriedage efter alder:')).toBe(true);
    expect(p.quote.endsWith('- Fra det år, du fylder 59, får du 3 ekstra feriedage.')).toBe(true);
  });

  it('a condition the question’s figure fails is quoted when it is what answers ("no, at least 25 hours")', async () => {
    const doc = '## Deltid\n\nFra du fylder 62, kan du gå ned i tid og beholde din pension af fuld tid. Du skal dog arbejde mindst 25 timer om ugen. Ordningen søges hos HR.';
    const index = await indexOf({ 'deltid.md': doc });
    const q = 'Kan jeg gå ned på 20 timer om ugen og beholde pension af fuld tid?';
    expect(toPassage(index, q, index.search(q, 1)[0]!).quote).toContain('Du skal dog arbejde mindst 25 timer om ugen.');
  });

  it('a figure written out meets the tier written in abbreviations (kilometer and km)', async () => {
    const doc = '## Kørsel\n\nSatsen afhænger af, hvor meget du har kørt i året.\n\n- Til og med 15.000 km får du den høje sats.\n- Ud over 15.000 km får du den lave sats.';
    const index = await indexOf({ 'koersel.md': doc });
    const q = 'Jeg har kørt 18.000 kilometer i år. Hvilken sats får jeg nu?';
    const quote = toPassage(index, q, index.search(q, 1)[0]!).quote;
    expect(quote.endsWith('- Ud over 15.000 km får du den lave sats.')).toBe(true);
  });

  it('a time of day meets the rule for the part of the day it falls in', async () => {
    const doc = '## Telefontid\n\nRinger en borger før kl. 11.00, ringer du tilbage samme dag. Ringer en borger efter kl. 11.00, ringer du tilbage næste hverdag inden kl. 11.00.';
    const index = await indexOf({ 'telefon.md': doc });
    const q = 'En borger ringede klokken 13. Hvornår skal jeg ringe tilbage?';
    expect(toPassage(index, q, index.search(q, 1)[0]!).quote).toBe('Ringer en borger efter kl. 11.00, ringer du tilbage næste hverdag inden kl. 11.00.');
  });

  it('a quote that takes in the condition before a list goes on to the tier that answers, not stopping an item short', async () => {
    const doc = [
      '## Ekstra fridage',
      '',
      'Du skal have været ansat i mindst 2 år for at få ekstra fridage. Antallet afhænger af din alder:',
      '',
      '- Fra du fylder 50, får du 1 ekstra fridag.',
      '- Fra du fylder 55, får du 2 ekstra fridage.',
      '- Fra du fylder 60, får du 4 ekstra fridage.',
    ].join('\n');
    const index = await indexOf({ 'fridage.md': doc });
    const q = 'Jeg fylder 57 i år og har været ansat i 6 år. Hvor mange ekstra fridage får jeg?';
    const quote = toPassage(index, q, index.search(q, 1)[0]!).quote;
    expect(quote.endsWith('- Fra du fylder 55, får du 2 ekstra fridage.')).toBe(true);
  });

  it('a list item that names the place asked about only to leave it out is not the answer for that place', async () => {
    const doc = ['## Parkering', '', 'Parkering ved kommunens bygninger koster pr. dag:', '', '- 20 kr. i hele kommunen undtagen Bymidten,', '- 45 kr. i Bymidten.'].join('\n');
    const index = await indexOf({ 'parkering.md': doc });
    const q = 'Hvad koster det at parkere i Bymidten?';
    expect(toPassage(index, q, index.search(q, 1)[0]!).quote.endsWith('- 45 kr. i Bymidten.')).toBe(true);
  });
});

describe('everyday words the knowledge base does not write (blind batch 4 kinds)', () => {
  const FLEX = [
    '# Flekstid',
    '',
    'Retningslinjen beskriver, hvor mange timer du må have i plus og i minus på din flekssaldo, hvordan du registrerer flekstid, og hvad der sker, når du stopper.',
    '',
    '## Flekssaldo',
    '',
    'Ved udgangen af hver måned må flekssaldoen højst være 30 timer i plus og højst 10 timer i minus. Saldoen ser du i TidsReg.',
    '',
    '## Registrering',
    '',
    'Du registrerer din flekstid hver dag. Timerne for en uge skal være registreret senest mandagen efter.',
    '',
    '## Når du stopper',
    '',
    'Inden din sidste arbejdsdag skal din flekssaldo helst stå på nul. Står du i minus på din sidste arbejdsdag, bliver timerne trukket i din sidste løn.',
  ].join('\n');
  const RECORDS = [
    '# Journalisering',
    '',
    'Retningslinjen beskriver, hvad du skal lægge på sagen, og hvad du ikke skal.',
    '',
    '## Det skal ikke journaliseres',
    '',
    'Mødeindkaldelser og kalenderinvitationer, som ikke indeholder oplysninger om sagen, skal ikke lægges på sagen.',
    '',
    '## Telefonnotater',
    '',
    'Skriv et notat om en telefonsamtale med betydning for sagen, og læg det på sagen samme dag.',
  ].join('\n');

  async function best(docs: Record<string, string>, q: string) {
    const passages = rankPassages(await indexOf(docs), q, 4);
    return { answered: answersQuestion(passages), passage: passages[0]! };
  }

  it('when the question says when in everyday words ("om aftenen") the rule does not write, then it is still answered', async () => {
    const { answered, passage } = await best({ 'fleks.md': FLEX }, 'Må jeg registrere min flekstid om aftenen?');
    expect(answered).toBe(true);
    expect(passage.heading).toBe('Registrering');
  });

  it('a compound of the question meets the compounds the knowledge base builds on its first part ("flekskontoen" and "flekssaldo")', async () => {
    const { answered, passage } = await best({ 'fleks.md': FLEX }, 'Hvor mange timer må jeg have på flekskontoen?');
    expect(answered).toBe(true);
    expect(passage.heading).toBe('Flekssaldo');
  });

  it('a figure of the situation told before the question ("12 timer i minus") does not decline a rule that counts no hours', async () => {
    const { answered, passage } = await best({ 'fleks.md': FLEX }, 'Jeg stopper nu og har 12 timer i minus. Hvad sker der med min løn?');
    expect(answered).toBe(true);
    expect(passage.heading).toBe('Når du stopper');
  });

  it('a figure in the asking sentence that no passage counts in its unit still declines', async () => {
    const { answered } = await best({ 'fleks.md': FLEX }, 'Må jeg tage 3 kilo papir med hjem fra kontoret?');
    expect(answered).toBe(false);
  });

  it('of a compound written with a hyphen ("Outlook-invitation") the last part names the thing, found as the end of the rule’s compound', async () => {
    const { answered, passage } = await best({ 'journal.md': RECORDS }, 'Skal en Outlook-invitation til et møde lægges på sagen?');
    expect(answered).toBe(true);
    expect(passage.heading).toBe('Det skal ikke journaliseres');
  });

  it('a word the question explains with a synonym it also uses ("ringe … et opkald") is known to the knowledge base', async () => {
    const doc = '# Telefon\n\nRetningslinjen handler om telefonen.\n\n## Tilbageringning\n\nRinger borgeren før kl. 12.00, ringer du tilbage samme dag.';
    const { answered, passage } = await best({ 'telefon.md': doc }, 'En borger ringer klokken 10. Hvornår skal hun have et opkald tilbage?');
    expect(answered).toBe(true);
    expect(passage.quote).toContain('ringer du tilbage samme dag');
  });

  it('the opening section that names every topic of the document gives way to the section with the rule', async () => {
    const { passage } = await best({ 'fleks.md': FLEX }, 'Hvad sker der med mine timer i minus, når jeg stopper?');
    expect(passage.heading).toBe('Når du stopper');
  });

  it('a question joined with "og hvor hurtigt" asks for a deadline, and the passage with one is quoted', async () => {
    const { passage } = await best({ 'journal.md': RECORDS }, 'Skal jeg skrive et notat om en telefonsamtale med betydning for sagen, og hvor hurtigt?');
    expect(passage.askedKind).toBe(true);
    expect(passage.quote).toContain('samme dag');
  });
});
