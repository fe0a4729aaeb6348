import type { Turn } from '../../transcripts/transcripts.service.js';
import { followAgenda } from './minutes.agenda.js';
import { decisionText, SECTION_LABEL } from './minutes.cues.js';
import { dropTakenProposals, findDecisions, settleConfirming, settlePending } from './minutes.decisions.js';
import { findDue, normaliseDue } from './minutes.due.js';
import { findItems, sectionItem } from './minutes.items.js';
import { addDecision, readMeeting, resolveName, type MinutesState } from './minutes.meeting.js';
import { References, segmentsOf } from './minutes.sources.js';
import { tidyItems } from './minutes.tidy.js';
import type { ActionItem, Minutes } from './minutes.types.js';
import { contentCount } from './minutes.wording.js';

export { findDue, normaliseDue };
export { commitmentIn } from './minutes.commitments.js';
export { infinitive, sentences } from './minutes.wording.js';

/**
 * The offline engine's minutes: deterministic rules over Danish meeting talk and notes. It finds
 * - attendees: the speakers (and names after "Deltagere:" in notes);
 * - decisions: sentences with a decision cue ("vi beslutter", "besluttet", "vi er enige om", "så flytter vi ...",
 *   "Så er referatet godkendt"), rules with their condition ("vi lægger ikke data ind, før ..."), what was chosen
 *   instead of a rejected proposal ("ikke vedtaget; i stedet ..."); an agreement ("Så er det besluttet.", "Så gør vi
 *   det.", "Nogen indvendinger?" answered no) takes the recap said next to it ("Så det er fire sommerhjælpere fra uge
 *   18?"), else the proposal of the last turns, else what was just said; a decision announced as a question ("Er vi
 *   enige om Camillas model?") takes the statement that follows it; in notes, the lines under "Beslutninger:";
 * - proposals ("jeg foreslår", "kan vi ikke ...?") that nobody agreed to: kept apart, never as decisions;
 * - action items: first-person commitments ("jeg sender ... senest fredag", "så laver jeg ...", "teksten skriver jeg",
 *   "det sørger jeg for" after a need), offers ("jeg kan printe et skilt"), requests that the person addressed
 *   accepts ("Ingrid, vil du ...?" "Det vil jeg gerne"; "Kasper, informerer du ...?"; "Hvem vil ...?" "Det tager
 *   jeg"; in notes "AK: kan JP ...? JP: ja"), third-person assignments ("Anna sørger for ...", in notes "SH laver
 *   ...") and "Opgave:" lines or the lines under "Opgaver:"; a pronoun is resolved to what it stands for, and the
 *   due date is kept whole (minutes.due.ts), also when it is moved later in the meeting;
 * - for each decision and item, the transcript places (cues or lines) it rests on.
 * Placeholders ([NAVN_1]) are names like any other and come out unchanged.
 */
export function extractMinutes(text: string): Minutes {
  const st = readMeeting(text);
  for (let i = 0; i < st.turns.length; i++) readTurn(st, i);
  tidyItems(st);
  dropTakenProposals(st);
  return assemble(text, st);
}

/**
 * One turn, in the order the rules need: the point on the agenda, what an earlier question left open, the sections of
 * notes, then the decisions and the action items said in it.
 */
function readTurn(st: MinutesState, i: number): void {
  const turn = st.turns[i]!;
  const speaker = turn.speaker ? resolveName(turn.speaker, st.attendees) : null;
  const heading = followAgenda(st, i, speaker);
  settlePending(st, i);
  settleConfirming(st, i);
  if (speaker === null && readNotesSection(st, i, heading)) return;
  findDecisions(st, i, speaker);
  findItems(st, i, speaker);
}

/**
 * Notes with a "Beslutninger:" or "Opgaver:" section: the lines under it are decisions or tasks. True when the line is
 * the label or one of those, and nothing more is read from it.
 */
function readNotesSection(st: MinutesState, i: number, heading: string | null): boolean {
  const turn = st.turns[i]!;
  const label = SECTION_LABEL.exec(turn.text);
  if (label) {
    st.section = /^(?:beslutning|besluttet|aftale|aftalt|konklusion)/iu.test(label[1]!) ? 'decisions' : 'items';
    return true;
  }
  if (heading || (!/^\s*[-*•]/u.test(turn.text) && /:\s*$/u.test(turn.text))) st.section = null;
  if (st.section === 'decisions' && /^\s*[-*•]/u.test(turn.text) && contentCount(turn.text) >= 2) {
    addDecision(st, decisionText(turn.text.replace(/^\s*[-*•]\s*/u, '')), [turn.text]);
    return true;
  }
  return st.section === 'items' && sectionItem(st, i);
}

/** The minutes as the contract has them, each decision, item and proposal with the transcript places it rests on. */
function assemble(text: string, st: MinutesState): Minutes {
  const refs = new References(segmentsOf(text));
  const actionItems = st.items.map(({ owner, task, due }) => ({ owner, task, due }));
  const decisionTexts = st.decisions.map((d) => d.text);
  return {
    summary: summarise(st.attendees, decisionTexts, actionItems, st.turns),
    attendees: st.attendees,
    decisions: decisionTexts,
    actionItems,
    agenda: st.agenda,
    proposals: st.proposals.map((p) => p.text),
    information: st.information.map((x) => x.text),
    references: {
      decisions: st.decisions.map((d) => refs.cite(d.at)),
      actionItems: st.items.map((it) => refs.cite(it.at)),
      proposals: st.proposals.map((p) => refs.cite(p.at)),
      sources: refs.sources,
    },
  };
}

function summarise(attendees: string[], decisions: string[], items: ActionItem[], turns: Turn[]): string {
  const parts = [
    attendees.length ? `Mødet havde ${attendees.length} deltagere.` : 'Deltagerne fremgår ikke af teksten.',
    `Der blev truffet ${decisions.length} ${decisions.length === 1 ? 'beslutning' : 'beslutninger'} og aftalt ${items.length} ${items.length === 1 ? 'opgave' : 'opgaver'}.`,
  ];
  const withoutDue = items.filter((i) => !i.due).length;
  if (withoutDue) parts.push(`${withoutDue} ${withoutDue === 1 ? 'opgave har' : 'opgaver har'} ingen frist.`);
  if (turns.length === 0) parts.push('Teksten var tom.');
  return parts.join(' ');
}
