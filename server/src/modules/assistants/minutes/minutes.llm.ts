import { ChatPromptTemplate } from '@langchain/core/prompts';
import { z } from 'zod';
import { DEFAULT_CONTEXT_TOKENS } from '../../../config/env.js';
import { ProviderError, type Completion, type Provider } from '../../providers/providers.types.js';
import { readTranscript } from '../../transcripts/transcripts.service.js';
import { CHARS_PER_TOKEN, cutText, estimateTokens, joinSegments, packSegments, type Segment } from '../assistants.context.js';
import { completeStructured, readJson } from '../assistants.structured.js';
import { segmentsOf, type Segment as Said } from './minutes.sources.js';
import { ActionItem, Minutes, type MinutesReferences, type TranscriptRef } from './minutes.types.js';

/** The cue numbers an item rests on; an answer without them (the older form) is read as resting on none. */
const Cues = z.array(z.number().int()).default([]);

/**
 * What the language model must return: the minutes, with each decision and task naming the numbered lines of
 * the transcript it rests on. A decision given as a bare string (what the prompt asked for before references)
 * is read as one with no references. The JSON schema sent to the provider is derived from this (zod 4).
 */
export const MinutesAnswer = z.object({
  summary: z.string(),
  attendees: z.array(z.string()),
  decisions: z.array(z.preprocess((v) => (typeof v === 'string' ? { text: v } : v), z.object({ text: z.string().min(1), cues: Cues }))),
  actionItems: z.array(ActionItem.extend({ cues: Cues })),
});
export type MinutesAnswer = z.infer<typeof MinutesAnswer>;

const INSTRUCTIONS = [
  'Du skriver mødereferater for en dansk kommune. Du får en mødeudskrift eller mødenoter.',
  'Hver linje begynder med sit nummer i firkantede parenteser, fx [12].',
  'Find deltagerne (dem der taler eller nævnes som deltagere), beslutningerne og opgaverne.',
  'En beslutning er noget, mødet blev enigt om. Forslag, der afvises, udskydes ("det tager vi op næste gang") eller står åbne, er ikke beslutninger.',
  'En opgave er en deltagers tilsagn om at gøre noget: ansvarlig (deltagerens fulde navn, som det står i teksten), opgaven kort på dansk med et verbum i navneform, og fristen præcis som den blev sagt (fx "inden onsdag", "i dag"), eller null.',
  'Forsigtige "måske" og idéer, som ingen påtager sig, er ikke opgaver.',
  'Angiv i "cues" for hver beslutning og opgave numrene på de linjer, den bygger på. Brug kun numre, der står i teksten.',
  'Teksten kan indeholde pladsholdere i firkantede parenteser, fx [NAVN_1]. De står i stedet for personoplysninger. Gengiv hver pladsholder nøjagtigt, som den står, og gæt aldrig på, hvad den dækker over.',
  'Tilføj intet, der ikke står i teksten.',
  'Svar kun med ét JSON-objekt, uden forklaring og uden kodeblok, på formen:',
  '{"summary": "resumé på 2-4 sætninger", "attendees": ["navn"], "decisions": [{"text": "beslutning", "cues": [3]}], "actionItems": [{"owner": "navn eller null", "task": "opgave", "due": "frist eller null", "cues": [5, 6]}]}',
].join('\n');

/**
 * The prompt for a language model. The structure is asked for as JSON and checked with zod; the Markdown is made
 * by code (minutes.render.ts). The instructions go in as a variable, so their braces are never template fields.
 */
export const MINUTES_PROMPT = ChatPromptTemplate.fromMessages([
  ['system', '{instructions}'],
  ['human', '{transcript}'],
]);

/** The minutes JSON inside an answer, checked with zod; anything else is malformed. */
export function parseMinutesJson(text: string, provider: Provider['kind']): Minutes {
  const read = readJson(text);
  const parsed = read.ok ? Minutes.safeParse(read.value) : undefined;
  if (!parsed?.success) throw new ProviderError('malformed', provider);
  return parsed.data;
}

/** One numbered line of the transcript as the model gets it: `[n] Name: text`. */
interface Line {
  /** 1-based number of the cue or line (segmentsOf) it is, or a piece of. */
  n: number;
  text: string;
}

const lineText = (n: number, s: Said, text: string) => `[${n}] ${s.speaker ? `${s.speaker}: ` : ''}${text}`;

/**
 * The transcript as numbered lines, in parts that fit the model's context with room for the instructions, the
 * answer, and a repair of the answer (the invalid answer and what was wrong with it). Parts end at cue or line
 * boundaries; only a single cue too long for a part is cut, at its sentences, and each piece keeps its number.
 */
export function transcriptParts(said: Said[], contextTokens: number, instructions: string): Line[][] {
  const answerTokens = Math.max(256, Math.floor(contextTokens / 6));
  const room = contextTokens - estimateTokens(instructions) - estimateTokens(partNote(99, 99)) - 2 * answerTokens - 250;
  const maxChars = Math.max(600, room * CHARS_PER_TOKEN);
  const lines: (Segment & { n: number })[] = [];
  said.forEach((s, i) => {
    const n = i + 1;
    const prefix = lineText(n, s, '').length;
    for (const piece of cutText(s.text, maxChars - prefix)) lines.push({ n, text: lineText(n, s, piece.text), sep: '\n' });
  });
  return packSegments(lines, maxChars).map((part) => part.map((l) => ({ n: (l as Segment & { n: number }).n, text: l.text })));
}

function partNote(i: number, count: number): string {
  return `Udskriften er for lang til ét svar og kommer i ${count} dele; dette er del ${i}. Tag kun det med, der står i denne del; numrene fortsætter på tværs af delene.`;
}

const norm = (s: string | null) => (s ?? '').toLowerCase().replace(/[^\p{L}\p{N}[\]_]+/gu, ' ').trim();

/** The minutes a model made of a transcript, with their references checked against what was sent. */
export interface ModelMinutes {
  minutes: Minutes;
  completion: Completion;
  /** Requests sent for the transcript's parts (a repair counts). */
  calls: number;
  parts: number;
  /** References to lines that were not in the part the model was given: removed, and shown to the reviewer. */
  removedReferences: number;
}

/**
 * Asks the model for the structured minutes of a (pseudonymised) transcript. A transcript longer than the
 * model's context is sent in parts (transcriptParts) and the answers merged: attendees in order without
 * repeats, decisions and tasks in order without duplicates, the summaries joined. Each answer is held to its
 * JSON schema with one repair (completeStructured), and its references to the lines that part held.
 */
export async function minutesFromModel(
  provider: Provider,
  transcript: string,
  signal?: AbortSignal,
  options: { instructions?: string } = {},
): Promise<ModelMinutes> {
  const said = segmentsOf(transcript);
  const instructions = options.instructions ? `${INSTRUCTIONS}\n${options.instructions}` : INSTRUCTIONS;
  const parts = transcriptParts(said, provider.contextTokens ?? DEFAULT_CONTEXT_TOKENS, instructions);
  if (parts.length === 0) parts.push([]);
  const answers: { answer: MinutesAnswer; sent: Set<number> }[] = [];
  let usage = { promptTokens: 0, completionTokens: 0 };
  let calls = 0;
  let last: Completion | undefined;
  for (const [i, part] of parts.entries()) {
    const system = parts.length > 1 ? `${instructions}\n${partNote(i + 1, parts.length)}` : instructions;
    const messages = await MINUTES_PROMPT.formatMessages({ instructions: system, transcript: joinSegments(part.map((l) => ({ text: l.text, sep: '\n' }))) });
    const text = (k: number) => {
      const c = messages[k]!.content;
      return typeof c === 'string' ? c : JSON.stringify(c);
    };
    const result = await completeStructured(
      provider,
      { system: text(0), user: text(1), assistant: 'minutes', ...(signal ? { signal } : {}) },
      MinutesAnswer,
      'minutes',
    );
    answers.push({ answer: result.value, sent: new Set(part.map((l) => l.n)) });
    usage = { promptTokens: usage.promptTokens + result.completion.usage.promptTokens, completionTokens: usage.completionTokens + result.completion.usage.completionTokens };
    calls += result.calls;
    last = result.completion;
  }
  const merged = mergeAnswers(answers, said);
  // The speakers are known for certain; the model may add those named in notes but not drop a speaker.
  const speakers = readTranscript(transcript).attendees;
  const attendees = [...speakers, ...merged.minutes.attendees.filter((a) => !speakers.includes(a))];
  return {
    minutes: { ...merged.minutes, attendees },
    completion: { ...last!, usage },
    calls,
    parts: parts.length,
    removedReferences: merged.removed,
  };
}

/**
 * One set of minutes from the parts' answers. A reference survives only when it names a line of the part the
 * model was given: anything else is a line the model never saw, and is removed and counted. References are
 * numbered in the order they are first cited, each with the words said there (as the offline engine does).
 */
export function mergeAnswers(answers: { answer: MinutesAnswer; sent: Set<number> }[], said: Said[]): { minutes: Minutes; removed: number } {
  let removed = 0;
  const sources: TranscriptRef[] = [];
  const idOf = new Map<number, number>();
  const cite = (cues: number[], sent: Set<number>): number[] => {
    const ids: number[] = [];
    for (const n of new Set(cues)) {
      if (!sent.has(n) || !said[n - 1]) {
        removed++;
        continue;
      }
      let id = idOf.get(n);
      if (id === undefined) {
        const { line, cue, at, speaker, text } = said[n - 1]!;
        id = sources.length + 1;
        idOf.set(n, id);
        sources.push({ id, line, ...(cue ? { cue } : {}), ...(at ? { at } : {}), speaker, text: text.slice(0, 600) });
      }
      if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  };

  const attendees: string[] = [];
  const summaries: string[] = [];
  const decisions: { text: string; refs: number[] }[] = [];
  const actionItems: (ActionItem & { refs: number[] })[] = [];
  for (const { answer, sent } of answers) {
    if (answer.summary.trim()) summaries.push(answer.summary.trim());
    for (const a of answer.attendees) if (a.trim() && !attendees.includes(a.trim())) attendees.push(a.trim());
    for (const d of answer.decisions) {
      const refs = cite(d.cues, sent);
      const same = decisions.find((x) => norm(x.text) === norm(d.text));
      if (same) same.refs.push(...refs.filter((r) => !same.refs.includes(r)));
      else decisions.push({ text: d.text, refs });
    }
    for (const { cues, ...item } of answer.actionItems) {
      const refs = cite(cues, sent);
      const same = actionItems.find((x) => norm(x.owner) === norm(item.owner) && norm(x.task) === norm(item.task));
      if (same) {
        same.refs.push(...refs.filter((r) => !same.refs.includes(r)));
        same.due ??= item.due;
      } else actionItems.push({ ...item, refs });
    }
  }
  const references: MinutesReferences = { sources, decisions: decisions.map((d) => d.refs), actionItems: actionItems.map((a) => a.refs) };
  return {
    minutes: {
      summary: summaries.join(' '),
      attendees,
      decisions: decisions.map((d) => d.text),
      actionItems: actionItems.map(({ refs: _refs, ...item }) => item),
      references,
    },
    removed,
  };
}
