import { describe, expect, it } from 'vitest';
import { extractMinutes, findDue } from './minutes.extract.js';
import { renderMinutes } from './minutes.render.js';
import { MINUTES_TEMPLATES } from './minutes.templates.js';

/** Short transcripts of our own, one kind of talk each: what a minute-taker would and would not write down. */
const meeting = (...lines: string[]) => extractMinutes(lines.join('\n'));

describe('decisions, proposals and chit-chat told apart', () => {
  it('talk about the meeting itself is not a decision ("så venter vi lige", "så starter vi")', () => {
    const m = meeting(
      'Anna Holm: Godmorgen. Så venter vi lige et øjeblik på Bo.',
      'Carl Berg: Han er her om to minutter. Så starter vi bare.',
      'Anna Holm: Så tager vi lige kaffen imens. Så slipper vi også for at vente.',
    );
    expect(m.decisions).toEqual([]);
  });

  it('closing or pausing the meeting ("Så slutter vi der.", "så holder vi pause") is not a decision; ending a service is', () => {
    const m = meeting(
      'Mia Lund: Så holder vi ti minutters pause.',
      'Jens Bak: Godt. Og så slutter vi aftenåbningen i biblioteket fra april.',
      'Mia Lund: Tak for i dag. Så slutter vi der.',
      'Jens Bak: Så stopper vi for i dag.',
    );
    expect(m.decisions).toEqual(['Vi slutter aftenåbningen i biblioteket fra april.']);
  });

  it('a decision announced in one turn ("Er vi enige om det?") is the statement made in the next', () => {
    const m = meeting(
      'Anna Holm: Okay. Er vi enige om Carls model? Så er det besluttet.',
      'Carl Berg: Ja. Altså: alle nye sager fordeles efter fødselsdato fra den 1. marts.',
      'Bo Lind: Fint for mig.',
    );
    expect(m.decisions).toEqual(['Alle nye sager fordeles efter fødselsdato fra den 1. marts.']);
  });

  it('"skal vi bare beslutte det?" answered only with yes takes the proposal it was about', () => {
    const m = meeting(
      'Bo Lind: Kan vi ikke søge skolebestyrelsens pulje til bussen?',
      'Anna Holm: Det lyder godt. Skal vi bare beslutte det?',
      'Bo Lind: Ja.',
      'Carl Berg: Ja.',
      'Anna Holm: Godt.',
    );
    expect(m.decisions).toEqual(['Vi søger skolebestyrelsens pulje til bussen.']);
    expect(m.proposals).toEqual([]);
  });

  it('"Så gør vi det." agrees to what was just proposed', () => {
    const m = meeting('Bo Lind: Vi kan tage pc’erne om eftermiddagen efter klokken femten, når skranken lukker.', 'Anna Holm: Så gør vi det.');
    expect(m.decisions).toEqual(['Vi kan tage pc’erne om eftermiddagen efter klokken femten, når skranken lukker.']);
  });

  it('a proposal nobody agrees to is recorded as a proposal, never as a decision', () => {
    const m = meeting('Bo Lind: Jeg foreslår, at vi lukker telefonerne om fredagen.', 'Anna Holm: Nej, vi har en telefontid, vi skal overholde.');
    expect(m.decisions).toEqual([]);
    expect(m.proposals).toEqual(['Vi lukker telefonerne om fredagen.']);
  });

  it('in notes, "Ingen konklusion." and a proposal that "blev ikke vedtaget" are not decisions; "Vi var enige om" is', () => {
    const m = extractMinutes(
      [
        'Deltagere: Anna Holm, Bo Lind',
        'Bo foreslog en standardmail til ansøgere. Ingen konklusion.',
        'Forslaget om droner blev ikke vedtaget.',
        'Vi var enige om, at tilsynene gennemføres i uge 14 og 15.',
      ].join('\n'),
    );
    expect(m.decisions).toEqual(['Tilsynene gennemføres i uge 14 og 15.']);
  });
});

describe('action items: requests, commitments and owners', () => {
  it('a request addressed as a question ("Louise, ... kan du ...?") answered yes is an action item for the one addressed', () => {
    const m = meeting(
      'Anna Holm: Louise, du kender viceværten, kan du ringe til ham?',
      'Louise Berg: Ja, jeg ringer til ham i dag, når jeg har spist.',
    );
    expect(m.actionItems).toEqual([{ owner: 'Louise Berg', task: 'Ringe til viceværten', due: 'i dag' }]);
  });

  it('"Og Lars, kan du ...?" answered "Ja, men først i næste uge." is Lars’s task, due as he said it', () => {
    const m = meeting(
      'Tina Holm: Og Lars, kan du ringe til praksiskonsulenten om en fast kontaktperson?',
      'Lars Vinther: Ja, men først i næste uge. Jeg er på kursus i morgen.',
    );
    expect(m.actionItems).toEqual([{ owner: 'Lars Vinther', task: 'Ringe til praksiskonsulenten om en fast kontaktperson', due: 'i næste uge' }]);
  });

  it('"Hvem vil ...?" answered "Det tager jeg. Den kommer på mandag." is the answerer’s task', () => {
    const m = meeting('Tina Holm: Hvem vil lave en oversigt over sagerne uden statusattest?', 'Morten Dahl: Det tager jeg. Den kommer på mandag.');
    expect(m.actionItems).toEqual([{ owner: 'Morten Dahl', task: 'Lave en oversigt over sagerne uden statusattest', due: 'på mandag' }]);
  });

  it('commitments ("så laver jeg ...", "jeg tager den med at ...") are the speaker’s, with the person addressed named', () => {
    const m = meeting(
      'Anna Holm: Vi mangler en plan for udskiftningen.',
      'Ole Bak: Så laver jeg en plan med navne og sender den til dig, Anna. Du får den i morgen.',
      'Anna Holm: Juleafslutningen venter vi med.',
      'Ole Bak: Jeg tager den med at bestille bord, når vi kender antallet.',
    );
    expect(m.actionItems).toEqual([
      { owner: 'Ole Bak', task: 'Lave en plan med navne og sende den til Anna', due: 'i morgen' },
      { owner: 'Ole Bak', task: 'Bestille bord', due: 'når vi kender antallet' },
    ]);
  });

  it('a task is a clause, not a pronoun: "det" is resolved to what was discussed', () => {
    const m = meeting(
      'Henrik Vest: Kommunikation. Vi skal have en nyhed på intranettet om MFA.',
      'Ole Bak: Jeg kan nok godt skrive noget, men jeg er ikke god til det.',
      'Henrik Vest: Jeg skriver den selv, det er fint. Den kommer ud i uge 6.',
    );
    expect(m.actionItems).toEqual([{ owner: 'Henrik Vest', task: 'Skrive nyheden på intranettet om MFA', due: 'i uge 6' }]);
  });

  it('in notes, owners named by first name or initials are the attendees, with any present-tense verb', () => {
    const m = extractMinutes(
      [
        'Til stede: Hanne Lauridsen (HL, centerleder), Signe Hauge (SH, AMR)',
        '- SH laver udkast til handleplan til den 1. december',
        '- Hanne spørger juristerne inden næste møde',
        '- HL oplyser, at fraværet er steget',
      ].join('\n'),
    );
    expect(m.attendees).toEqual(['Hanne Lauridsen', 'Signe Hauge']);
    expect(m.actionItems).toEqual([
      { owner: 'Signe Hauge', task: 'Lave udkast til handleplan', due: 'til den 1. december' },
      { owner: 'Hanne Lauridsen', task: 'Spørge juristerne', due: 'inden næste møde' },
    ]);
  });
});

describe('due dates kept whole', () => {
  it.each([
    ['Så bestiller jeg nøglerne efter styregruppemødet på tirsdag, når budgettet er godkendt.', 'efter styregruppemødet på tirsdag'],
    ['Og så fortæller jeg det på morgenmødet på torsdag.', 'på morgenmødet på torsdag'],
    ['Jeg lægger den på Teams inden jul.', 'inden jul'],
    ['Jeg sender invitationen ud efter juleferien.', 'efter juleferien'],
    ['Kan du ringe til dem i morgen tidlig?', 'i morgen tidlig'],
    ['Så skriver jeg til aftenholdet i dag og beder dem sende ønskerne senest onsdag.', 'i dag'],
    ['Jeg har den klar inden udgangen af uge 12.', 'inden udgangen af uge 12'],
  ])('%s -> %s', (sentence, due) => {
    expect(findDue(sentence)).toBe(due);
  });
});

describe('references to the transcript', () => {
  it('each decision and item points at the WebVTT cues it rests on, with the words said there', () => {
    const vtt = [
      'WEBVTT',
      '',
      'a1/1-0',
      '00:00:01.000 --> 00:00:04.000',
      '<v Anna Holm>Kan vi ikke søge puljen til bussen?</v>',
      '',
      'a1/2-0',
      '00:00:05.000 --> 00:00:07.000',
      '<v Bo Lind>Jo, det gør vi. Vi søger puljen.</v>',
      '',
      'a1/3-0',
      '00:00:08.000 --> 00:00:10.000',
      '<v Anna Holm>Bo, vil du skrive ansøgningen inden fredag?</v>',
      '',
      'a1/4-0',
      '00:00:11.000 --> 00:00:12.000',
      '<v Bo Lind>Det vil jeg gerne.</v>',
    ].join('\n');
    const m = extractMinutes(vtt);
    expect(m.decisions).toEqual(['Vi søger puljen til bussen.']);
    expect(m.actionItems).toEqual([{ owner: 'Bo Lind', task: 'Skrive ansøgningen', due: 'inden fredag' }]);
    const refs = m.references!;
    const cues = (ids: number[]) => ids.map((id) => refs.sources.find((s) => s.id === id)!.cue);
    expect(cues(refs.decisions[0]!)).toEqual(['a1/1-0', 'a1/2-0']);
    expect(cues(refs.actionItems[0]!)).toEqual(['a1/3-0', 'a1/4-0']);
    expect(refs.sources[0]).toMatchObject({ line: 5, at: '00:00:01', speaker: 'Anna Holm', text: 'Kan vi ikke søge puljen til bussen?' });
  });

  it('in "Name: text" lines the reference is the line number', () => {
    const m = meeting('Anna Holm: Hej.', 'Bo Lind: Jeg sender referatet senest fredag.');
    expect(m.references!.actionItems).toEqual([[1]]);
    expect(m.references!.sources).toEqual([{ id: 1, line: 2, speaker: 'Bo Lind', text: 'Jeg sender referatet senest fredag.' }]);
  });
});

describe('meeting templates', () => {
  const m = meeting(
    'Anna Holm: Første punkt, budgettet. Vi beslutter at flytte mødet til torsdag.',
    'Bo Lind: Jeg sender referatet senest fredag.',
  );

  it('each template has its own headings: MED-udvalg punkter, beslutninger, til efterretning; borgermøde aftaler, næste skridt', () => {
    const med = renderMinutes(m, undefined, 'med-udvalg');
    expect(med).toMatch(/^# Referat af MED-udvalgsmøde/m);
    for (const h of ['## Deltagere', '## Punkter', '## Beslutninger', '## Til efterretning', '## Opfølgning']) expect(med).toContain(h);
    expect(med).toContain('1. budgettet');
    const citizen = renderMinutes(m, undefined, 'borgermoede');
    for (const h of ['## Deltagere', '## Aftaler', '## Næste skridt']) expect(citizen).toContain(h);
    expect(citizen).not.toContain('## Beslutninger');
    expect(renderMinutes(m)).toMatch(/^# Referat af teammøde/m);
  });

  it('decisions and tasks carry their reference numbers, and the references are listed with the words said', () => {
    const md = renderMinutes(m, undefined, 'styregruppe');
    expect(md).toContain('- Flytte mødet til torsdag. [1]');
    expect(md).toContain('| Bo Lind | Sende referatet [2] | senest fredag |');
    expect(md).toContain('## Henvisninger til udskriften');
    expect(md).toContain('2. Bo Lind (linje 2): ”Jeg sender referatet senest fredag.”');
  });

  it('every template names its sections for the language model too', () => {
    for (const t of Object.values(MINUTES_TEMPLATES)) expect(t.prompt.length).toBeGreaterThan(40);
  });
});

/**
 * The kinds of miss found when blind batch 3 was scored, each in sentences of our own (other services, other
 * words): a rule that only knew the batch's sentences would fail these.
 */
describe('decisions confirmed, restated or stated as a rule', () => {
  it('an agreement followed by a recap asked as a question ("Så det er to vikarer fra uge 10 til uge 20?") takes the recap', () => {
    const m = meeting(
      'Sofie Krag: Vi mangler folk i foråret. Vi kan tage to vikarer ind, hvis de starter i uge 10 og bliver til uge 20.',
      'Ahmed Nour: Det passer med budgettet.',
      'Sofie Krag: Godt, så er det besluttet.',
      'Ahmed Nour: Så det er to vikarer fra uge 10 til uge 20?',
      'Sofie Krag: Ja.',
    );
    expect(m.decisions).toEqual(['To vikarer fra uge 10 til uge 20.']);
  });

  it('a recap just before "Det er besluttet." is the decision, not the "Ja" before it', () => {
    const m = meeting(
      'Lone Bech: Skal vi ikke lukke skranken tidligere om fredagen?',
      'Per Holt: Altså, så fra 1. maj lukker skranken klokken 13 om fredagen, og telefonen er åben til 15?',
      'Lone Bech: Ja, netop. Det er besluttet.',
    );
    expect(m.decisions).toEqual(['Fra 1. maj lukker skranken klokken 13 om fredagen, og telefonen er åben til 15.']);
  });

  it('"Er der nogen, der er imod?" - "Nej." - "Så er det besluttet." takes the proposal made before, not the last remark', () => {
    const m = meeting(
      'Jens Lund: Mit forslag er, at vi flytter personalemødet til tirsdag eftermiddag.',
      'Kirsten Mø: Det er jeg enig i.',
      'Jens Lund: Er der nogen, der er imod?',
      'Ole Vang: Nej. Tirsdag er også bedre for os i weekendholdet, vi har alligevel møde den dag.',
      'Jens Lund: Så er det besluttet.',
    );
    expect(m.decisions).toEqual(['Vi flytter personalemødet til tirsdag eftermiddag.']);
  });

  it('"Så er vi enige om, at ..." is a decision; the remark "så står vi bedre" is not', () => {
    const m = meeting(
      'Hanne Iversen: Jeg vil foreslå, at vi sender ét samlet svar fra hele afdelingen.',
      'Bo Riis: Enig. Så står vi bedre.',
      'Hanne Iversen: Så er vi enige om, at afdelingen sender ét samlet svar på høringen.',
    );
    expect(m.decisions).toEqual(['Afdelingen sender ét samlet svar på høringen.']);
  });

  it('"Jeg har besluttet, at vi ikke ... I stedet ..." is one decision, in the words of a main clause', () => {
    const m = meeting(
      'Maria Friis: Kopimaskinen er gået i stykker igen. Jeg har besluttet, at vi ikke køber en ny. I stedet lejer vi en maskine til hele etagen.',
      'Tom Berg: Fint.',
    );
    expect(m.decisions).toEqual(['Vi køber ikke en ny; i stedet lejer vi en maskine til hele etagen.']);
  });

  it('in notes: what was chosen instead of a rejected proposal, a line ending "Besluttet", and an approval', () => {
    const m = extractMinutes(
      [
        'Til stede: Anne Dahl (AD), Peter Krogh (PK)',
        'Referatet blev godkendt.',
        'Det blev foreslået at holde møderne online. Det blev ikke vedtaget; i stedet holdes hvert andet møde på rådhuset.',
        '- nyhedsbrevet udkommer fremover hver anden måned i stedet for hver måned, fra juni. Besluttet',
      ].join('\n'),
    );
    expect(m.decisions).toEqual([
      'Referatet blev godkendt.',
      'I stedet holdes hvert andet møde på rådhuset.',
      'Nyhedsbrevet udkommer fremover hver anden måned i stedet for hver måned, fra juni.',
    ]);
  });

  it('"Så er dagsordenen godkendt." is a decision of its own', () => {
    const m = meeting('Rita Juhl: Er der bemærkninger til dagsordenen?', 'Karl Enevold: Nej.', 'Rita Juhl: Så er dagsordenen godkendt.');
    expect(m.decisions).toEqual(['Dagsordenen er godkendt.']);
  });

  it('"Enig. Vi tager fire." is completed from what was offered ("fire borde til 8.000 kr.")', () => {
    const m = meeting(
      'Lis Holm: Vi har to tilbud. Seks borde til 11.000 kr. eller fire borde til 8.000 kr.',
      'Erik Bo: Vi har kun plads til fire. Så foreslår jeg fire.',
      'Lis Holm: Enig. Vi tager fire.',
    );
    expect(m.decisions).toEqual(['Vi tager fire borde til 8.000 kr.']);
    expect(m.actionItems).toEqual([]);
  });

  it('a rule with its condition ("vi åbner ikke for tilmelding, før ...") and what the chair says is to be told ("Sig, at ...")', () => {
    const m = meeting(
      'Dorte Winther: Og vi åbner ikke for tilmelding, før prisen er godkendt.',
      'Lars Holm: Skal jeg sige noget til forældrene?',
      'Dorte Winther: Sig, at turen bliver i uge 37, og at de får en pris i august.',
    );
    expect(m.decisions).toEqual(['Vi åbner ikke for tilmelding, før prisen er godkendt.', 'Turen bliver i uge 37, og de får en pris i august.']);
  });

  it('"Så siger vi det." after the chair’s own proposal and some talk takes that proposal', () => {
    const m = meeting(
      'Ida Holm: Mit forslag er, at vi lukker afdelingen mellem jul og nytår og holder åben med en vagt i Borgerservice.',
      'Kim Vad: Så skal vi have vagten på plads inden december.',
      'Bent Lau: Hej, undskyld, jeg er her nu.',
      'Ida Holm: Vi snakker juleferien. Kan Borgerservice klare sig med en vagt?',
      'Kim Vad: Ja, hvis det er en, der kender pas.',
      'Ida Holm: Så siger vi det.',
    );
    expect(m.decisions).toEqual(['Vi lukker afdelingen mellem jul og nytår og holder åben med en vagt i Borgerservice.']);
  });

  it('a decision made elsewhere ("Direktionen har besluttet, at ...") is information, and "før vi beslutter noget" is no decision', () => {
    const m = meeting(
      'Eva Lind: Direktionen har besluttet, at alle afdelinger skal spare to procent.',
      'Mads Krog: Det skal vi drøfte i personalegruppen først, før vi beslutter noget. Og så sidder vi med det hele igen.',
    );
    expect(m.decisions).toEqual([]);
    expect(m.information).toEqual(['Direktionen har besluttet, at alle afdelinger skal spare to procent.']);
  });
});

describe('action items shown, taken over or said in other orders', () => {
  it('a request to show someone else, accepted with "Ja, det kan jeg godt. Jeg kan komme ..." is the request, due when the reply says', () => {
    const m = meeting(
      'Anja Berg: Mette, kan du vise aftenholdet, hvordan den nye lift virker?',
      'Mette Juul: Ja, det kan jeg godt. Jeg kan komme på onsdag efter frokost, når de møder ind.',
    );
    expect(m.actionItems).toEqual([{ owner: 'Mette Juul', task: 'Vise aftenholdet, hvordan den nye lift virker', due: 'på onsdag efter frokost' }]);
  });

  it('taking over a shift is a task: asked of someone by name and answered yes, or said as "jeg tager ..."', () => {
    const m = meeting(
      'Birgit Ravn: Kan Nikolaj tage weekendvagten den 14/5?',
      'Nikolaj Hald: Ja.',
      'Susanne Ry: Jeg tager telefonerne i morgen.',
    );
    expect(m.actionItems).toEqual([
      { owner: 'Nikolaj Hald', task: 'Tage weekendvagten', due: 'den 14/5' },
      { owner: 'Susanne Ry', task: 'Tage telefonerne', due: 'i morgen' },
    ]);
  });

  it('in notes, a request and its answer on one line ("LH: kan PB ...? PB: ja") is a task for the one who said yes', () => {
    const m = extractMinutes(
      ['Til stede: Lise Hvid (LH), Peter Bak (PB)', 'Vagter', '- LH: kan PB dække telefonen fredag formiddag? PB: ja'].join('\n'),
    );
    expect(m.actionItems).toEqual([{ owner: 'Peter Bak', task: 'Dække telefonen', due: 'fredag formiddag' }]);
  });

  it('"Jeg tager skolens egne tal med til næste møde" is a task (bringing something), not a state; also with a placeholder', () => {
    const m = meeting('Anders Mik: Vi mangler tallene.', 'Rikke Sand: Jeg tager skolens egne fraværstal med til næste møde, vi har dem fra Aula.');
    expect(m.actionItems).toEqual([{ owner: 'Rikke Sand', task: 'Tage skolens egne fraværstal med', due: 'til næste møde' }]);
    // The guard may mask a word ("[HELBRED_1]") before the engine reads the text; the placeholder is a word too.
    const masked = meeting('Anders Mik: Vi mangler tallene.', 'Rikke Sand: Jeg tager [HELBRED_1] egne tal med til næste møde.');
    expect(masked.actionItems).toEqual([{ owner: 'Rikke Sand', task: 'Tage [HELBRED_1] egne tal med', due: 'til næste møde' }]);
  });

  it('the object or the day said before "jeg": "Plakaten laver jeg i morgen.", "På fredag ringer jeg til ham."', () => {
    const m = meeting(
      'Hans Ebbe: Vi skal have en plakat og have fat i viceværten.',
      'Julie Storm: Plakaten laver jeg selv i morgen, så den kan hænge til mødet. På fredag ringer jeg til viceværten.',
    );
    expect(m.actionItems).toEqual([
      { owner: 'Julie Storm', task: 'Lave plakaten', due: 'i morgen' },
      { owner: 'Julie Storm', task: 'Ringe til viceværten', due: 'på fredag' },
    ]);
  });

  it('"til dig" is the person spoken to, and "Den bestilling sender jeg" names the thing', () => {
    const m = meeting('Tobias Lerche: Jeg har stadig ikke fået min nøgle.', 'Merete Aa: Den bestilling sender jeg til dig i dag.');
    expect(m.actionItems).toEqual([{ owner: 'Merete Aa', task: 'Sende bestillingen til Tobias', due: 'i dag' }]);
  });

  it('"Lokalet, det tager jeg. Jeg booker det inden fredag." books the room: the pronoun is the thing put first', () => {
    const m = meeting('Irene Toft: Vi skal have et lokale til temadagen.', 'Casper Mølby: Lokalet til temadagen, det tager jeg. Jeg booker det inden fredag.');
    expect(m.actionItems).toEqual([{ owner: 'Casper Mølby', task: 'Booke lokalet til temadagen', due: 'inden fredag' }]);
  });

  it('"det" after "Og vagtplanen?" is the vagtplan; after a proposal it is the proposal, and the task stays readable', () => {
    const m = meeting(
      'Tine Kofoed: Og vagtplanen?',
      'Villads Ry: Den er ikke klar. Jeg tager det med på teammødet på mandag.',
      'Asta Holm: Jeg vil gerne foreslå, at vi får frugt på lærerværelset hver fredag.',
      'Tine Kofoed: Det er en god idé, men det koster. Jeg tager det med til ledelsen og giver jer svar i nyhedsbrevet i juni.',
    );
    expect(m.actionItems).toEqual([
      { owner: 'Villads Ry', task: 'Tage vagtplanen med', due: 'på teammødet på mandag' },
      { owner: 'Tine Kofoed', task: 'Tage forslaget om frugt på lærerværelset hver fredag med til ledelsen og give jer svar', due: 'i nyhedsbrevet i juni' },
    ]);
  });

  it('"Og invitationen, hvem sender den?" answered "Det tager jeg." is the answerer’s: sending the invitation', () => {
    const m = meeting('Gitte Moe: Og invitationen, hvem sender den?', 'Rune Bæk: Det tager jeg. Jeg skal bare lige have adresserne.');
    expect(m.actionItems).toEqual([{ owner: 'Rune Bæk', task: 'Sende invitationen', due: null }]);
  });

  it('yes to a request, then more promised: one task, second verbs in the infinitive, no "selv", no "Så foreslår jeg ..."', () => {
    const m = meeting(
      'Karen Nø: Kan du lave et skema over fraværet, så det er klart inden torsdag? Gerne i morgen.',
      'Lukas Ib: Ja, det gør jeg. Jeg ringer også selv til skolen og fortæller, at det kommer. Så foreslår jeg to vikarer.',
    );
    expect(m.actionItems).toEqual([{ owner: 'Lukas Ib', task: 'Lave et skema over fraværet, og ringe til skolen og fortælle, at det kommer', due: 'inden torsdag' }]);
  });

  it('a due given in a short sentence after the request ("Helst inden fredag.") is the due', () => {
    const m = meeting('Ulla Brix: Niels, kan du sende listen til Anna, når den er færdig? Helst inden fredag.', 'Niels Kure: Ja, det gør jeg.');
    expect(m.actionItems).toEqual([{ owner: 'Niels Kure', task: 'Sende listen til Anna, når den er færdig', due: 'inden fredag' }]);
  });

  it('notes with a few "AB: ..." lines are still notes: the initials are people, named in the tasks', () => {
    const m = extractMinutes(
      [
        'Til stede: Anne Bro (leder), Carl Dam (kok)',
        '1. Køkken',
        'AB: ovnen skal efterses.',
        'CD: det har jeg sagt før.',
        'AB vil gerne have priserne med på næste møde. CD sender dem til AB inden mødet den 4. juni.',
        'Aftalt: Ovnen efterses i uge 23.',
      ].join('\n'),
    );
    expect(m.attendees).toEqual(['Anne Bro', 'Carl Dam']);
    expect(m.actionItems).toEqual([{ owner: 'Carl Dam', task: 'Sende priserne til Anne', due: 'inden mødet den 4. juni' }]);
    expect(m.decisions).toEqual(['Ovnen efterses i uge 23.']);
  });

  it('a due moved later in the meeting ("Peter, oversigten skal så være klar inden budgetmødet den 2. maj") replaces the first', () => {
    const m = meeting(
      'Lea Bjerg: Peter, kan du lave en oversigt over udgifterne?',
      'Peter Kam: Ja. Så laver jeg en oversigt over udgifterne til næste møde.',
      'Lea Bjerg: Næste møde er flyttet. Peter, oversigten skal så være klar inden budgetmødet den 2. maj.',
    );
    expect(m.actionItems).toEqual([{ owner: 'Peter Kam', task: 'Lave en oversigt over udgifterne', due: 'inden budgetmødet den 2. maj' }]);
  });
});

describe('due dates kept whole, from the right phrase', () => {
  it.each([
    ['Jeg sender den ud efter bestyrelsens møde i juni.', 'efter bestyrelsens møde i juni'],
    ['Lad os tage den efter mødet i dag.', 'efter mødet i dag'],
    ['Jeg sender tallene inden MED-mødet den 3. maj.', 'inden MED-mødet den 3. maj'],
    ['Jeg sender materialet ud senest to dage før mødet den 12. juni.', 'senest to dage før mødet den 12. juni'],
    ['Jeg tager sagen med på mødet på tirsdag om den nye vagtplan.', 'på mødet på tirsdag om den nye vagtplan'],
    ['Jeg sender en indkaldelse til næste samtale i uge 30 senere i dag.', 'senere i dag'],
    ['Jeg er hans kontaktperson de første tre uger.', 'de første tre uger'],
    ['Jeg tager det med på personalemødet og giver jer svar i nyhedsbrevet i juni.', 'i nyhedsbrevet i juni'],
    ['JP tjekker med IT, om de kan flytte den en uge før, senest mandag.', 'senest mandag'],
    ['Jeg sender varslingen senest torsdag i næste uge.', 'senest torsdag i næste uge'],
    ['Jeg kan have den klar på fredag efter vores teammøde.', 'på fredag efter vores teammøde'],
    ['Jeg ringer til lægen på torsdag efter frokost og aftaler en tid.', 'på torsdag efter frokost'],
    ['Bjarne sørger for, at arkitekten retter tegningerne, når bestyrelsen har godkendt planen.', 'når bestyrelsen har godkendt planen'],
    ['Jeg skriver til dem, så de kan svare inden fredag, og sender listen i morgen.', 'i morgen'],
  ])('%s -> %s', (sentence, due) => {
    expect(findDue(sentence)).toBe(due);
  });
});

describe('decisions confirmed by a question, summed up, or written in sections of notes', () => {
  it('"Det er vi vel enige om?" answered yes makes what was said before it a decision; an objection does not', () => {
    const agreed = meeting(
      'Rikke Lau: Fremover holder vi teammødet hver anden tirsdag, og første gang er den 7. maj. Det er vi vel enige om?',
      'Emil Frost: Ja.',
      'Jonna Bech: Helt enig.',
      'Rikke Lau: Godt. Næste punkt.',
    );
    expect(agreed.decisions).toEqual(['Fremover holder vi teammødet hver anden tirsdag, og første gang er den 7. maj.']);
    const objected = meeting(
      'Rikke Lau: Mit forslag er, at vi dropper fredagsmødet. Nogen indvendinger?',
      'Emil Frost: Ja, jeg er imod. Det er det eneste møde, hvor alle er her.',
      'Rikke Lau: Okay, så venter vi med det.',
    );
    expect(objected.decisions).toEqual([]);
  });

  it('"Lad os gøre det." and "Det gør vi så." agree to the proposal just made', () => {
    const m = meeting(
      'Frida Moe: Jeg foreslår, at vi låser printerrummet efter klokken 17.',
      'Kurt Lind: Det lyder fornuftigt. Lad os gøre det.',
      'Frida Moe: Kan vi ikke også flytte kaffemaskinen ud på gangen?',
      'Kurt Lind: Okay, det gør vi så.',
    );
    expect(m.decisions).toEqual(['Vi låser printerrummet efter klokken 17.', 'Vi flytter kaffemaskinen ud på gangen.']);
  });

  it('summed up: "Konklusionen er, at ...", "Vi aftaler, at ..." and the "Og at ..." that adds to it, "Så får Lise og Ib ..."', () => {
    const m = meeting(
      'Gunnar Vad: Konklusionen er, at vi ikke åbner caféen om søndagen før efter sommerferien.',
      'Lise Holt: Vi aftaler, at vagtplanen fremover laves for en måned ad gangen.',
      'Ib Krog: Og at den hænger i personalerummet.',
      'Gunnar Vad: Så får Lise og Ib de to ekstra fridage i juli.',
    );
    expect(m.decisions).toEqual([
      'Vi åbner ikke caféen om søndagen før efter sommerferien.',
      'Vagtplanen laves fremover for en måned ad gangen, og den hænger i personalerummet.',
      'Lise og Ib får de to ekstra fridage i juli.',
    ]);
  });

  it('at a meeting with a citizen, "Vi har vurderet, at ..." is the decision', () => {
    const m = meeting(
      'Ditte Kragh: Vi har vurderet, at din far får et nødkald og besøg hver morgen fra den 1. marts.',
      'Søren Holm: Tak. Det er en lettelse.',
    );
    expect(m.decisions).toEqual(['Din far får et nødkald og besøg hver morgen fra den 1. marts.']);
  });

  it('in notes: "Godkendt uden bemærkninger." under a point, an "Aftale:" line, and the lines under "Beslutninger:" and "Opgaver:"', () => {
    const m = extractMinutes(
      [
        'Referat, bestyrelsesmøde i Fritidsklubben',
        'Deltagere: Maja Lund (ML), Kim Hald (KH), Sara Ahmed (SA)',
        '1. Godkendelse af dagsorden',
        'Godkendt uden bemærkninger.',
        '2. Åbningstider',
        'Aftale: Klubben holder åbent til kl. 21 om torsdagen fra august.',
        'Beslutninger:',
        '- Der købes et nyt bordtennisbord.',
        'Opgaver:',
        '- Kim: bestille bordet (frist: 15. juni)',
        '- SA sender referatet ud',
      ].join('\n'),
    );
    expect(m.decisions).toEqual([
      'Godkendelse af dagsorden: godkendt uden bemærkninger.',
      'Klubben holder åbent til kl. 21 om torsdagen fra august.',
      'Der købes et nyt bordtennisbord.',
    ]);
    expect(m.actionItems).toEqual([
      { owner: 'Kim Hald', task: 'Bestille bordet', due: '15. juni' },
      { owner: 'Sara Ahmed', task: 'Sende referatet ud', due: null },
    ]);
  });
});

describe('action items asked in other words, or taken on from what was just said', () => {
  it('a request in the present tense ("Per, ringer du til dem?") is one', () => {
    const m = meeting('Hanne Rye: Per, ringer du til vognmanden?', 'Per Lund: Ja, det gør jeg i morgen tidlig.');
    expect(m.actionItems).toEqual([{ owner: 'Per Lund', task: 'Ringe til vognmanden', due: 'i morgen tidlig' }]);
  });

  it('"Det sørger jeg for." / "Det tager jeg mig af." after a need ("X skal tømmes inden ...") takes on the need, with its due', () => {
    const m = meeting(
      'Ove Lang: Og depotet skal tømmes inden den 1. juli. Det sørger jeg for.',
      'Tove Ry: Så skal viceværten have besked.',
      'Ole Sejr: Det tager jeg mig af.',
    );
    expect(m.actionItems).toEqual([
      { owner: 'Ove Lang', task: 'Sørge for, at depotet tømmes', due: 'inden den 1. juli' },
      { owner: 'Ole Sejr', task: 'Sørge for, at viceværten får besked', due: null },
    ]);
  });

  it('"Den laver jeg." after "vi skal have en tidsplan inden ..." makes the plan, due as the need said', () => {
    const m = meeting('Lars Bo: Og vi skal have en tidsplan for flytningen inden næste møde.', 'Pia Ring: Den laver jeg.');
    expect(m.actionItems).toEqual([{ owner: 'Pia Ring', task: 'Lave tidsplanen for flytningen', due: 'inden næste møde' }]);
  });

  it('"Jeg kommer ud på mandag og tjekker ..." is the checking; "Skal jeg gøre noget?" answered with the task gives it to the one who asked', () => {
    const m = meeting(
      'Henrik Juel: Jeg kommer ud på mandag og tjekker rampen ved hoveddøren.',
      'Lotte Berg: Skal jeg gøre noget?',
      'Henrik Juel: Ja, hvis du kan finde tegningerne af huset frem til mandag, så er det en stor hjælp.',
      'Lotte Berg: Det gør jeg.',
    );
    expect(m.actionItems).toEqual([
      { owner: 'Henrik Juel', task: 'Tjekke rampen ved hoveddøren', due: 'på mandag' },
      { owner: 'Lotte Berg', task: 'Finde tegningerne af huset frem', due: 'til mandag' },
    ]);
  });

  it('"sende dig en afgørelse" names the one spoken to; "OB spørger, om ..." in notes is a question, not a task', () => {
    const spoken = meeting('Anna Krog: Hvornår hører jeg noget?', 'Bente Holm: Jeg sender dig et brev med afgørelsen senest onsdag.');
    expect(spoken.actionItems).toEqual([{ owner: 'Bente Holm', task: 'Sende Anna et brev med afgørelsen', due: 'senest onsdag' }]);
    const notes = extractMinutes(['Deltagere: Ole Bak (OB), Hanne Kjær (HK)', 'OB spørger, om der kan komme flere cykelstativer. HK undersøger det.'].join('\n'));
    expect(notes.actionItems.map((a) => a.owner)).toEqual(['Hanne Kjær']);
  });

  it('"Kan du huske at ...?" is the task without "huske"; an offer answered "Ja tak, gerne inden for 14 dage." has that due', () => {
    const m = meeting(
      'Vera Lund: Kan du huske at bestille sand til sandkassen?',
      'Oskar Dam: Ja, det kommer om to uger.',
      'Vera Lund: Skal jeg melde os til kurset?',
      'Oskar Dam: Ja tak, gerne inden for 14 dage.',
    );
    expect(m.actionItems).toEqual([
      { owner: 'Oskar Dam', task: 'Bestille sand til sandkassen', due: 'om to uger' },
      { owner: 'Vera Lund', task: 'Melde os til kurset', due: 'inden for 14 dage' },
    ]);
  });

  it('"SL står for den." in notes is the thing the line just named ("Der laves en ...")', () => {
    const m = extractMinutes(['Deltagere: Sara Lind (SL), Tom Dahl (TD)', 'Aftale: Der laves en brugerundersøgelse i klubben i maj. SL står for den.'].join('\n'));
    expect(m.actionItems).toEqual([{ owner: 'Sara Lind', task: 'Stå for brugerundersøgelsen', due: null }]);
  });
});

describe('more due dates as people say them', () => {
  it.each([
    ['Jeg skriver ud til dem sidst på måneden.', 'sidst på måneden'],
    ['Jeg kontakter dem i løbet af ugen.', 'i løbet af ugen'],
    ['Jeg sender den inden for 14 dage.', 'inden for 14 dage'],
    ['Den kommer om to uger.', 'om to uger'],
    ['Jeg har den klar til april.', 'til april'],
    ['Jeg sender oversigten i slutningen af maj.', 'i slutningen af maj'],
  ])('%s -> %s', (sentence, due) => {
    expect(findDue(sentence)).toBe(due);
  });
});

describe('choices, summaries, and requests said as what the person will do', () => {
  it('"Vi kører med ..." is a choice made; "Beslutningen er altså, at ..." is the decision without its lead', () => {
    const m = meeting(
      'Jette Lind: Vi har to leverandører. Jeg synes, den lokale er bedst. Vi kører med den lokale leverandør.',
      'Rune Kjær: Fint.',
      'Jette Lind: Beslutningen er altså, at den lokale leverandør leverer frugt fra august, og at vi evaluerer til jul.',
    );
    expect(m.decisions).toEqual([
      'Vi kører med den lokale leverandør.',
      'Den lokale leverandør leverer frugt fra august, og vi evaluerer til jul.',
    ]);
  });

  it('"Omar, du sørger for ..., ikke?" answered "Jep." is Omar’s; "Kan du tage den?" after "hvem taler med ...?" is that question', () => {
    const m = meeting(
      'Hanne Bro: Omar, du sørger for at bestille skiltene, ikke?',
      'Omar Said: Jep. Det gør jeg i næste uge.',
      'Lise Krog: Og hvem taler med rengøringen om de nye tider?',
      'Hanne Bro: Det er dig, Lise, der kender dem bedst. Kan du tage den?',
      'Lise Krog: Ja, det kan jeg godt. Jeg går over til dem efter frokost.',
    );
    expect(m.actionItems).toEqual([
      { owner: 'Omar Said', task: 'Bestille skiltene', due: 'i næste uge' },
      { owner: 'Lise Krog', task: 'Tale med rengøringen om de nye tider', due: 'efter frokost' },
    ]);
  });

  it('small talk stays out: "Er alle med på det?" after a remark, "Ja. Vi kender ...", "Så får Anne nok travlt"', () => {
    const m = meeting(
      'Anne Lund: Så det er ikke så slemt at være tilbage. Er alle med på det?',
      'Carla Dyhr: Ha, ja.',
      'Bo Kragh: Ja. Vi kender jo alle sammen vejret. Sommerferien holder jeg i juli i år.',
      'Carla Dyhr: Så får Anne nok travlt i næste uge.',
    );
    expect(m.decisions).toEqual([]);
    expect(m.actionItems).toEqual([]);
  });
});

describe('what "det" and "dem" stand for, and whose time it is', () => {
  it('"Det siger jeg videre." under a point opened as a question names the point; "Det tager direktionen op i maj" is not its due', () => {
    const m = meeting(
      'Gerda Holm: Noget om prøveordningen med hjemmearbejde? Kasper, du var med.',
      'Kasper Ring: Ja. Folk er glade, men mødedagene er svære at samle.',
      'Gerda Holm: Det siger jeg videre. Det tager direktionen op i maj, når de har alle tallene.',
    );
    expect(m.actionItems).toEqual([{ owner: 'Gerda Holm', task: 'Sige det videre om prøveordningen', due: null }]);
  });

  it('"skriver jeg ud til dem" after "... til frivilligerne?" writes to the volunteers', () => {
    const m = meeting(
      'Bodil Ravn: Skal vi ikke også sige det til frivilligerne med det samme?',
      'Tage Nord: Lad mig få tallene først, og så skriver jeg ud til dem alle sammen på én gang.',
    );
    expect(m.actionItems).toEqual([{ owner: 'Tage Nord', task: 'Skrive ud til frivilligerne alle sammen på én gang', due: null }]);
  });
});

describe('decisions agreed as arrangements, trials and chosen dates', () => {
  it('"Så siger vi det: ..." with a summary after the colon takes the arrangement that was proposed', () => {
    const m = meeting(
      'Lotte Kjær: Jeg foreslår, at hold A får lokale 3, og at hold B deler salen med dagplejen.',
      'Rasmus Bech: Det kan jeg godt leve med.',
      'Lotte Kjær: Godt. Så siger vi det: A i lokale 3, B i salen.',
    );
    expect(m.decisions).toEqual(['Hold A får lokale 3, og hold B deler salen med dagplejen.']);
  });

  it('"Jeg tænkte X for ..., og Y for ..." answered with "Er vi enige? Godt, så er det sådan." is decided', () => {
    const m = meeting(
      'Lotte Kjær: Jeg tænkte Rasmus for skolerne, fordi han kender lederne, og Ida for børnehaverne.',
      'Ida Winther: Det er fint med mig.',
      'Lotte Kjær: Er vi enige? Godt, så er det sådan.',
    );
    expect(m.decisions).toEqual(['Rasmus for skolerne, og Ida for børnehaverne.']);
  });

  it('"Jeg synes, vi skal ..." followed by "Så gør vi det sådan." is decided, without the reason given for it', () => {
    const m = meeting(
      'Rasmus Bech: Jeg synes, vi skal besøge de fem største bagerier i maj, fordi de har flest ansatte.',
      'Lotte Kjær: Det giver mening. Så gør vi det sådan.',
    );
    expect(m.decisions).toEqual(['Vi besøger de fem største bagerier i maj.']);
  });

  it('a proposal with a condition of its own ("..., hvis strømmen går") is still a proposal that can be agreed', () => {
    const m = meeting(
      'Rasmus Bech: Jeg vil foreslå, at der står en lommelygte i hvert klasselokale, hvis strømmen går.',
      'Lotte Kjær: Er der nogen, der er imod? Nej. Så gør vi det.',
    );
    expect(m.decisions).toEqual(['Der står en lommelygte i hvert klasselokale, hvis strømmen går.']);
  });

  it('a recap said as "Så de ... gør vi ..., og resten ... vi?" and confirmed is the decision, not the point before', () => {
    const m = meeting(
      'Ida Winther: Jeg synes, vi skal ringe først til dem med restance.',
      'Lotte Kjær: Fint, så er det besluttet.',
      'Rasmus Bech: Så de to med restance ringer vi til først, og resten skriver vi til, som vi plejer?',
      'Lotte Kjær: Præcis.',
    );
    expect(m.decisions).toEqual(['De to med restance ringer vi til først, og resten skriver vi til, som vi plejer.']);
  });

  it('"Kan vi blive enige om, at ...?" answered yes is decided in its own words, not in an addition made afterwards', () => {
    const m = meeting(
      'Lotte Kjær: Kan vi blive enige om, at vi skriver til skolen om cykelparkeringen?',
      'Ida Winther: Ja.',
      'Rasmus Bech: Enig. Og at der mangler lys ved indgangen.',
      'Lotte Kjær: Så gør vi det.',
    );
    expect(m.decisions).toEqual(['Vi skriver til skolen om cykelparkeringen.']);
  });

  it('"Så siger vi den 3. juni til ..." chooses a date; "Så siger vi tak for i dag" does not', () => {
    const m = meeting(
      'Ida Winther: Kommunen har foreslået den 3. juni kl. 16.',
      'Lotte Kjær: Så siger vi den 3. juni til borgermødet.',
      'Lotte Kjær: Så siger vi tak for i dag.',
    );
    expect(m.decisions).toEqual(['Vi siger den 3. juni til borgermødet.']);
  });

  it('"Så kunne vi ..." answered "Ja, det prøver vi frem til jul" is decided as a trial', () => {
    const m = meeting(
      'Rasmus Bech: Så kunne vi åbne en time tidligere om lørdagen.',
      'Lotte Kjær: Ja, det prøver vi frem til jul, og så ser vi på det igen.',
    );
    expect(m.decisions).toEqual(['Vi åbner en time tidligere om lørdagen, som forsøg frem til jul.']);
  });
});

describe('action items not said as tasks, or said twice', () => {
  it('what the speaker does not do ("jeg læser jo ikke arabisk") is no task', () => {
    const m = meeting(
      'Lotte Kjær: Ida, vil du besøge familien i Højby?',
      'Ida Winther: Ja, det gør jeg. Men jeg læser jo ikke arabisk, så jeg får brug for hjælp til brevene.',
    );
    expect(m.actionItems.map((a) => a.task)).toEqual(['Besøge familien i Højby']);
  });

  it('a task said again in the closing round is one task, with the words it was first given and its due', () => {
    const m = meeting(
      'Lotte Kjær: Og så ringer jeg til Boligselskabet om nøglerne inden torsdag.',
      'Rasmus Bech: Jeg bestiller flyttebilen til lørdag.',
      'Lotte Kjær: For at samle op: Rasmus bestiller flyttebilen, og jeg ringer til Boligselskabet.',
    );
    expect(m.actionItems).toEqual([
      { owner: 'Lotte Kjær', task: 'Ringe til Boligselskabet om nøglerne', due: 'inden torsdag' },
      { owner: 'Rasmus Bech', task: 'Bestille flyttebilen', due: 'til lørdag' },
    ]);
  });

  it('a reminder of a task with the same due ("Ida, du sender rapporten senest fredag, ikke?") is not a second task', () => {
    const m = meeting(
      'Ida Winther: Jeg skriver rapporten færdig og sender den til udvalget senest fredag.',
      'Lotte Kjær: Godt. Ida, du sender rapporten til udvalget senest fredag, ikke?',
      'Ida Winther: Jo.',
    );
    expect(m.actionItems).toHaveLength(1);
    expect(m.actionItems[0]).toMatchObject({ owner: 'Ida Winther', due: 'senest fredag' });
  });
});

describe('due dates said as a weekend or as a condition', () => {
  it('"inden weekenden" and "så snart de har fået nøglerne" are the dues of the tasks they are said with', () => {
    const m = meeting(
      'Lotte Kjær: Så laver jeg budgettet færdig inden weekenden.',
      'Ida Winther: Og så bestiller jeg flyttebilen, så snart de har fået nøglerne.',
    );
    expect(m.actionItems.map((a) => a.due)).toEqual(['inden weekenden', 'så snart de har fået nøglerne']);
  });
});

describe('commitments said after the time they depend on', () => {
  it('"Når I har set tallene, sender jeg ..." is a task of the speaker, due on that condition', () => {
    const m = meeting('Lotte Kjær: Jeg har lavet et udkast.', 'Ida Winther: Og når I har set tallene, sender jeg regnskabet til revisoren.');
    expect(m.actionItems).toEqual([{ owner: 'Ida Winther', task: 'Sende regnskabet til revisoren', due: 'når I har set tallene' }]);
  });
});
