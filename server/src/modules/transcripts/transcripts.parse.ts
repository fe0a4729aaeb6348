import { DEFAULT_PARSE, type ParseConfig } from '../../config/env.js';
import { docxRawText } from '../files/files.service.js';

/** One speaker's turn: consecutive cues of the same speaker merged. `speaker` is null in plain notes. */
export interface Turn {
  speaker: string | null;
  text: string;
}

export type TranscriptFormat = 'vtt' | 'teams-docx' | 'speaker-lines' | 'notes';

export interface Transcript {
  format: TranscriptFormat;
  turns: Turn[];
  /** Everyone who speaks, in order of first speaking, plus names from "Deltagere:" lines in notes. */
  attendees: string[];
}

// A placeholder from the guard ([NAVN_1]) stands where a masked name was, and is a speaker like any other.
const PLACEHOLDER = String.raw`\[[A-Z]+(?:_[A-Z]+)*_\d+\]`;
const NAME_WORD = String.raw`\p{Lu}[\p{L}'’.-]*`;
const PARTICLE = String.raw`(?:af|de|la|le|van|von|der|den)`;
const NAME = String.raw`(?:${PLACEHOLDER}|${NAME_WORD}(?: (?:${NAME_WORD}|${PARTICLE})){0,3})`;

const VTT_VOICE = /<v(?:\.[^ >]*)?\s+([^>]+)>([\s\S]*?)(?:<\/v>|$)/u;
const VTT_TIMING = /^\s*\d{1,2}:\d{2}(?::\d{2})?[.,]\d{3}\s+-->\s+/;
/** Teams .docx: "Lærke Hovmand   0:03" (or 1:02:03) on a line of its own, then what was said. */
const DOCX_HEADER = new RegExp(String.raw`^(${NAME})\s+(\d{1,2}:\d{2}(?::\d{2})?)\s*$`, 'u');
/** "Lærke Hovmand: Godmorgen ..." (our own text form of a transcript, and how many people write notes). */
const SPEAKER_LINE = new RegExp(String.raw`^(${NAME}):\s+(\S.*)$`, 'u');

/** Labels of notes ("Dato: ...", "Opgave: ...") that look like a speaker but are not. */
const NOT_SPEAKERS = new Set(
  [
    'deltagere', 'deltager', 'til stede', 'fraværende', 'afbud', 'referent', 'mødeleder', 'ordstyrer', 'dato', 'tid', 'sted',
    'emne', 'titel', 'dagsorden', 'punkt', 'beslutning', 'beslutninger', 'besluttet', 'konklusion', 'opgave', 'opgaver',
    'ansvarlig', 'frist', 'deadline', 'næste møde', 'eventuelt', 'evt', 'bemærkning', 'note', 'noter', 'status', 'referat',
    'resumé', 'baggrund', 'formål', 'handling', 'aktion', 'todo', 'to do', 'info', 'orientering', 'aftalt', 'aftale', 'aftaler',
    'vedtaget', 'godkendt', 'udsat', 'forslag', 'sag', 'tema', 'opfølgning',
  ].map((s) => s.toLowerCase()),
);

const clean = (s: string) => s.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

/** Joins consecutive turns of one speaker: Teams splits a turn into cues, often mid-sentence ("Fra den 1." / "oktober ..."). */
export function mergeTurns(turns: Turn[]): Turn[] {
  const out: Turn[] = [];
  for (const t of turns) {
    const text = clean(t.text);
    if (!text) continue;
    const last = out[out.length - 1];
    if (last && t.speaker !== null && last.speaker === t.speaker) last.text = `${last.text} ${text}`;
    else out.push({ speaker: t.speaker, text });
  }
  return out;
}

/** WebVTT as Teams exports it: cues with `<v Display Name>text</v>`. Cues without a voice keep the last speaker. */
export function parseVtt(vtt: string): Turn[] {
  const blocks = vtt.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  const turns: Turn[] = [];
  let speaker: string | null = null;
  for (const block of blocks) {
    const lines = block.split('\n');
    const timing = lines.findIndex((l) => VTT_TIMING.test(l));
    if (timing < 0) continue; // WEBVTT header, NOTE and STYLE blocks
    const body = lines.slice(timing + 1).join('\n');
    const voice = VTT_VOICE.exec(body);
    if (voice) {
      speaker = clean(voice[1]!);
      turns.push({ speaker, text: body.replace(/<v(?:\.[^ >]*)?\s+[^>]+>/g, '').replace(/<\/v>/g, '') });
    } else {
      turns.push({ speaker, text: body });
    }
  }
  return mergeTurns(turns);
}

/** The raw text mammoth reads from a Teams .docx transcript: a "Name  0:03" line, then the words. */
export function parseTeamsDocxText(raw: string): Turn[] {
  const turns: Turn[] = [];
  let current: Turn | null = null;
  for (const line of raw.replace(/\r\n?/g, '\n').split('\n')) {
    const header = DOCX_HEADER.exec(line.trim());
    if (header) {
      current = { speaker: header[1]!, text: '' };
      turns.push(current);
    } else if (line.trim()) {
      if (current) current.text += ` ${line.trim()}`;
      else turns.push({ speaker: null, text: line.trim() });
    }
  }
  return mergeTurns(turns);
}

/**
 * The text of a .docx (mammoth's raw text: one paragraph per line block), within the parse limits on size and
 * parts. It runs on the calling thread: the server reads uploads with readTranscriptFile (transcripts.read.ts),
 * which runs it in the parse pool.
 */
export async function docxToText(buffer: Buffer, limits: ParseConfig = DEFAULT_PARSE): Promise<string> {
  return (await docxRawText(buffer, limits)).replace(/\n{2,}/g, '\n');
}

function speakerLines(text: string): Turn[] {
  return mergeTurns(
    text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .filter((l) => l.trim())
      .map((line) => {
        const m = SPEAKER_LINE.exec(line.trim());
        return m && !NOT_SPEAKERS.has(m[1]!.toLowerCase()) ? { speaker: m[1]!, text: m[2]! } : { speaker: null, text: line.trim() };
      }),
  );
}

/** Names after "Deltagere:" (or "Til stede:") in notes: "Deltagere: Anna Holm, Bo Lind og [NAVN_1]". */
function listedAttendees(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/^\s*(?:deltagere|til stede|tilstede)\s*:\s*(.+)$/gimu)) {
    // "Hanne Lauridsen (HL, centerleder), Brian Olsen (BO, TR)": the brackets go before the list is split at commas.
    for (const part of m[1]!.replace(/\([^)]*\)/g, '').split(/,|;|\s+og\s+/u)) {
      const name = part.trim().replace(/[.]$/, '');
      if (new RegExp(`^${NAME}$`, 'u').test(name)) names.push(name);
    }
  }
  return names;
}

/**
 * "Projektmøde: Borgerservice flytter til Nyt Rådhus" above "Gitte Lauridsen: Hej ...": a title with a colon, not a
 * speaker, when that one word never speaks again and everyone else has a full name (or a placeholder).
 */
function titleLine(turns: Turn[]): Turn[] {
  const first = turns[0];
  if (!first?.speaker || first.speaker.includes(' ') || first.speaker.startsWith('[')) return turns;
  const others = turns.slice(1).filter((t) => t.speaker);
  const fullNames = others.every((t) => t.speaker!.includes(' ') || t.speaker!.startsWith('['));
  if (!fullNames || others.some((t) => t.speaker === first.speaker)) return turns;
  return [{ speaker: null, text: `${first.speaker}: ${first.text}` }, ...turns.slice(1)];
}

/**
 * Reads whatever a person brings: a Teams WebVTT file, the text of a Teams .docx, "Name: text" lines, or plain
 * notes. Works on pseudonymised text too: a placeholder ([NAVN_1]) is a speaker like a name.
 */
export function readTranscript(text: string): Transcript {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  let format: TranscriptFormat;
  let turns: Turn[];
  if (/^WEBVTT/.test(trimmed)) {
    format = 'vtt';
    turns = parseVtt(trimmed);
  } else if (trimmed.split('\n').filter((l) => DOCX_HEADER.test(l.trim())).length >= 2) {
    format = 'teams-docx';
    turns = parseTeamsDocxText(trimmed);
  } else {
    turns = speakerLines(trimmed);
    const spoken = turns.filter((t) => t.speaker);
    // Notes may open a few lines with initials ("SB: det kræver ..."): a transcript is mostly "Name: text" lines.
    format = spoken.length >= 2 && new Set(spoken.map((t) => t.speaker)).size >= 2 && spoken.length * 2 >= turns.length ? 'speaker-lines' : 'notes';
    if (format === 'notes') turns = turns.map((t) => ({ speaker: null, text: t.speaker ? `${t.speaker}: ${t.text}` : t.text }));
    else turns = titleLine(turns);
  }
  const attendees: string[] = [];
  for (const name of [...turns.map((t) => t.speaker), ...listedAttendees(trimmed)]) {
    if (name && !attendees.includes(name)) attendees.push(name);
  }
  return { format, turns, attendees };
}

/** A transcript as "Name: text" lines, one per turn: what a person reads and runs through the assistant. */
export function turnsToText(turns: Turn[]): string {
  return turns.map((t) => (t.speaker ? `${t.speaker}: ${t.text}` : t.text)).join('\n');
}
