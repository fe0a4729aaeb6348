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
