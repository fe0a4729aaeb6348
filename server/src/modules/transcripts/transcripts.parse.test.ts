import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docxToText, parseTeamsDocxText, parseVtt, readTranscript, turnsToText } from './transcripts.parse.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../test/fixtures/minutes');
const read = (f: string) => fs.readFileSync(path.join(FIXTURES, f), 'utf8');

/** A minimal Word document with one paragraph per line, as Teams writes its transcript export. */
async function docx(lines: string[]): Promise<Buffer> {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${lines
      .map((l) => `<w:p><w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r></w:p>`)
      .join('')}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('WebVTT from Teams', () => {
  it('reads the speakers as attendees in order of first speaking and merges a speaker’s consecutive cues', () => {
    const turns = parseVtt(read('shared/meeting-01.vtt'));
    const t = readTranscript(read('shared/meeting-01.vtt'));
    expect(t.format).toBe('vtt');
    expect(t.attendees).toEqual(['Lærke Hovmand', 'Casper Feddersen', 'Jamal Saadi', 'Ingrid Bjørnholt']);
    // No two turns in a row by the same speaker, and a sentence split over two cues is whole again.
    expect(turns.every((x, i) => i === 0 || turns[i - 1]!.speaker !== x.speaker)).toBe(true);
    expect(turns.some((x) => x.text.includes('Fra den 1. oktober har vi drop-in'))).toBe(true);
    expect(turns.every((x) => !x.text.includes('<v') && !x.text.includes('</v>'))).toBe(true);
  });

  it('keeps a placeholder speaker ([NAVN_1]) intact, and a cue without a voice continues the last speaker', () => {
    const vtt = ['WEBVTT', '', '1', '00:00:01.000 --> 00:00:02.000', '<v [NAVN_1]>Hej.</v>', '', '2', '00:00:02.000 --> 00:00:03.000', 'Er I klar?', '', '3', '00:00:03.500 --> 00:00:04.000', '<v Bo Lind>Ja.</v>'].join('\n');
    expect(parseVtt(vtt)).toEqual([
      { speaker: '[NAVN_1]', text: 'Hej. Er I klar?' },
      { speaker: 'Bo Lind', text: 'Ja.' },
    ]);
  });

  it('reads placeholder speakers in the Danish words and in the earlier English ones alike ([NAVN_1], [PERSON_2])', () => {
    const t = readTranscript('[NAVN_1]: Velkommen.\n[PERSON_2]: Tak.\n[NAVN_1]: Vi starter.');
    expect(t.turns.map((turn) => turn.speaker)).toEqual(['[NAVN_1]', '[PERSON_2]', '[NAVN_1]']);
  });

  it('a title with a colon above a Teams transcript ("Projektmøde: ...") reads back as a title, not as a speaker', () => {
    const t = readTranscript(['Projektmøde: Ny skranke i Borgerservice', 'Gitte Holm   0:03', 'Hej alle.', 'Niels Bak   0:09', 'Hej.'].join('\n'));
    const again = readTranscript(turnsToText(t.turns));
    expect(again.attendees).toEqual(['Gitte Holm', 'Niels Bak']);
    expect(again.turns[0]).toEqual({ speaker: null, text: 'Projektmøde: Ny skranke i Borgerservice' });
  });

  it('turns a transcript into "Name: text" lines that read back to the same speakers', () => {
    const t = readTranscript(read('meeting-03.vtt'));
    const again = readTranscript(turnsToText(t.turns));
    expect(again.format).toBe('speaker-lines');
    expect(again.attendees).toEqual(t.attendees);
    expect(again.turns).toEqual(t.turns);
  });
});

describe('Teams .docx transcripts', () => {
  it('reads "Name  0:03" headers as speakers from the text', () => {
    const turns = parseTeamsDocxText(read('meeting-04.teams-docx.txt'));
    expect(turns[0]).toEqual({ speaker: null, text: 'Projektmøde om ny hjemmeside for Kultur og Fritid' });
    expect(turns[1]).toEqual({ speaker: 'Rasmus Dahl', text: 'Hej alle. Skal vi starte? Vi skal nå teksterne, billederne og lanceringen.' });
    // Louise speaks twice in a row (0:49 and 0:55): one turn.
    expect(turns.filter((t) => t.speaker === 'Louise Eriksen')[1]!.text).toMatch(/^Vi har ikke rettigheder .* Jeg kontakter fotografen/);
    expect(readTranscript(read('meeting-04.teams-docx.txt')).attendees).toEqual(['Rasmus Dahl', 'Louise Eriksen', 'Nanna Holt']);
  });

  it('reads a real .docx through mammoth', async () => {
    const buffer = await docx(['Anna Holm   0:03', 'Godmorgen alle.', 'Bo Lind   0:09', 'Jeg sender referatet i dag.', 'Bo Lind   0:15', 'Og listen.']);
    const text = await docxToText(buffer);
    const t = readTranscript(text);
    expect(t.format).toBe('teams-docx');
    expect(t.turns).toEqual([
      { speaker: 'Anna Holm', text: 'Godmorgen alle.' },
      { speaker: 'Bo Lind', text: 'Jeg sender referatet i dag. Og listen.' },
    ]);
  });
});

describe('notes', () => {
  it('plain notes have no speakers; "Deltagere:" names the attendees, and "Dato:" or "Opgave:" are not speakers', () => {
    const t = readTranscript(read('notes-05.txt'));
    expect(t.format).toBe('notes');
    expect(t.turns.every((x) => x.speaker === null)).toBe(true);
    expect(t.attendees).toEqual(['Karen Friis', 'Omar Nasser', 'Pia Bech', 'Søren Vang']);
  });

  it('notes with a few remarks by initials ("SB: det kræver ...") and "Aftalt:" lines are notes, not a transcript', () => {
    const t = readTranscript(
      [
        'Driftsmøde, Kantinen',
        'Til stede: Susanne Berg (driftsleder), Mads Rask (kok)',
        '1. Madspild',
        'Forslag om at sælge rester som take away.',
        'SB: det kræver, at kassesystemet kan det.',
        'MR: det kan det godt.',
        'Aftalt: Rester sælges som take away fra uge 12.',
        'MR laver skilte inden fredag.',
      ].join('\n'),
    );
    expect(t.format).toBe('notes');
    expect(t.turns.every((x) => x.speaker === null)).toBe(true);
    expect(t.attendees).toEqual(['Susanne Berg', 'Mads Rask']);
  });
});
