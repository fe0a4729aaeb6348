import { readTranscript, type Turn } from '../../transcripts/transcripts.service.js';
import type { ActionItem } from './minutes.types.js';
import { sentences } from './minutes.wording.js';

/**
 * The state the minutes passes share: the meeting as read (turns, sentences, who chairs), what has been found so far,
 * and what an earlier turn left open. Each pass takes the part it needs.
 */

/** One sentence of the meeting, where it was said. */
export interface Said {
  turn: number;
  idx: number;
  text: string;
  speaker: string | null;
}
export interface Found {
  text: string;
  /** The sentences it rests on: the references are found from these. */
  at: string[];
}
export interface Item extends ActionItem {
  verb: string;
  turn: number;
  idx: number;
  at: string[];
}

/** The transcript as the passes read it: who took part, the turns, and each turn's sentences. */
export interface Meeting {
  attendees: string[];
  turns: Turn[];
  /** The first to speak, who chairs the meeting. */
  chair: string | null;
  said: Said[][];
}

/** The minutes in the making: what the passes have found so far, in the order they found it. */
export interface Findings {
  decisions: Found[];
  proposals: Found[];
  information: Found[];
  agenda: string[];
  /** The point on the agenda each turn was said under. */
  topics: (string | null)[];
  items: Item[];
  /** The sentences (by `sayKey`) an item has already taken up, as an answer to a request. */
  consumed: Set<string>;
}

/** What is still open while the turns are read. */
export interface OpenMatters {
  lastDecisionTurn: number;
  /** A decision announced as a question ("Er vi enige om Camillas model?"): its words follow, or it was the proposal before. */
  pending: { turn: number; at: string[]; proposal: Said | null; since: number } | null;
  /** "Det er vi vel enige om?", "Nogen indvendinger?": what was just said stands unless someone objects. */
  confirming: { turn: number; at: string; matter: Said; objection: boolean } | null;
  /** In notes, the "Beslutninger:" or "Opgaver:" section the lines are under. */
  section: 'decisions' | 'items' | null;
}

export type MinutesState = Meeting & Findings & OpenMatters;

/** The transcript read into turns and sentences, with nothing found yet. */
export function readMeeting(text: string): MinutesState {
  const { attendees, turns } = readTranscript(text);
  const said: Said[][] = turns.map((t, i) =>
    sentences(t.text).map((s, idx) => ({ turn: i, idx, text: s.replace(/^[-*•]\s+/u, ''), speaker: t.speaker ? resolveName(t.speaker, attendees) : null })),
  );
  return {
    attendees,
    turns,
    chair: turns.find((t) => t.speaker)?.speaker ?? null,
    said,
    decisions: [],
    proposals: [],
    information: [],
    agenda: [],
    topics: [],
    items: [],
    consumed: new Set<string>(),
    lastDecisionTurn: -10,
    pending: null,
    confirming: null,
    section: null,
  };
}

/** Where a sentence was said, as one key. */
export const sayKey = (s: Said) => `${s.turn}:${s.idx}`;

/** Records a decision, unless it is too short to be one or already recorded in the same words. */
export function addDecision(found: Findings, d: string, at: string[]): void {
  if (d.length > 3 && !found.decisions.some((x) => x.text === d)) found.decisions.push({ text: d, at });
}

/** Resolves "Ingrid" to "Ingrid Bjørnholt" when exactly one attendee has that first name. */
export function resolveName(name: string, attendees: string[]): string {
  if (attendees.includes(name)) return name;
  const first = attendees.filter((a) => a.split(' ')[0]!.toLowerCase() === name.toLowerCase());
  if (first.length === 1) return first[0]!;
  // Notes name people by their initials: "SH laver udkast" is Signe Hauge when she is the only SH.
  if (/^\p{Lu}{2,3}$/u.test(name)) {
    const initials = attendees.filter((a) => !a.startsWith('[') && a.split(/\s+/).map((w) => w[0]).join('').toUpperCase() === name);
    if (initials.length === 1) return initials[0]!;
  }
  return name;
}

/** "SB" -> "Susanne": the first names of the attendees whose initials are theirs alone. */
export function byInitials(attendees: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of attendees) {
    const words = a.split(/\s+/);
    if (a.startsWith('[') || words.length < 2) continue;
    const key = words.map((w) => w[0]).join('').toUpperCase();
    if (resolveName(key, attendees) === a) out.set(key, words[0]!);
  }
  return out;
}

/** An attendee named by full name, first name or initials. */
export function attendeeNamed(name: string, attendees: string[]): string | null {
  const r = resolveName(name, attendees);
  return attendees.includes(r) ? r : null;
}
