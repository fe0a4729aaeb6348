import { attendeeNamed, addDecision, type Findings, type Meeting, type MinutesState, type Said } from './minutes.meeting.js';
import { noteHeading, topicIn } from './minutes.agenda.js';
import {
  AGREEMENT_LEAD,
  AGREES,
  ANNOUNCEMENT,
  CONFIRMATION,
  decisionText,
  doesSomething,
  INFORMATION,
  INSTEAD,
  isDecision,
  isProposal,
  JOINT,
  NOT_DECIDING_VERBS,
  OBJECTS,
  OTHERS_DECIDED,
  POINTING,
  POINTS_BACK,
  proposalText,
  RECAP,
  REJECTED_INSTEAD,
  REJECTION,
  REJECTION_NOTE,
  RETROSPECTIVE,
  TRY_IT,
  WE_DO,
} from './minutes.cues.js';
import { cap, contentCount, DECISION_HEDGES, mainClause, NOT_ACTIONS, NOT_NOTE_TASKS, squash } from './minutes.wording.js';

/**
 * The decisions of a meeting, read turn by turn: what is decided outright, what an agreement ("Så gør vi det.",
 * "Nogen indvendinger?" answered no) takes up from the turns around it, and the proposals nobody agreed to.
 */

/** The decisions, proposals and information in the sentences of one turn, and the questions that leave a matter open. */
export function findDecisions(st: MinutesState, i: number, speaker: string | null): void {
  const ss = st.said[i]!;
  for (let j = 0; j < ss.length; j++) {
    const s = ss[j]!.text;
    if (RETROSPECTIVE.test(s)) {
      st.confirming = null;
      findAgreed(st, i, j, s);
      continue;
    }
    const asked = speaker !== null ? CONFIRMATION.exec(s) : null;
    if (asked) {
      // A decision stated in this turn is what the question confirms; else what was said before it.
      const matter = st.lastDecisionTurn === i ? null : proposalBefore(st, i, j);
      st.confirming = matter && (isProposal(matter.text) || doesSomething(matter.text)) ? { turn: i, at: s, matter, objection: !!asked[1] } : null;
      continue;
    }
    // "Kan vi blive enige om, at vi sender ...?" says the matter itself: a proposal, taken up by the answers.
    if (ANNOUNCEMENT.test(s) && !isProposal(s)) {
      st.pending = { turn: i, at: [s], proposal: proposalBefore(st, i, j), since: st.decisions.length };
      continue;
    }
    const joint = speaker === null ? JOINT.exec(s) : null;
    if (joint && attendeeNamed(joint[1]!, st.attendees) && attendeeNamed(joint[2]!, st.attendees) && !NOT_NOTE_TASKS.has(joint[3]!.toLowerCase())) {
      addDecision(st, decisionText(s), [s]);
      continue;
    }
    // "Og at den går til alle medarbejdere": more of the decision just made.
    const also = /^og at\s+(.+)$/iu.exec(s);
    if (also && st.decisions.length && i - st.lastDecisionTurn <= 1 && !/\?\s*$/u.test(s)) {
      const last = st.decisions.at(-1)!;
      last.text = `${last.text.replace(/[.!]\s*$/u, '')}, og ${mainClause(also[1]!).replace(/[.!]?\s*$/u, '')}.`;
      last.at.push(s);
      continue;
    }
    const instead = REJECTED_INSTEAD.exec(s) ?? (j > 0 && REJECTION_NOTE.test(ss[j - 1]!.text) && INSTEAD.test(s) ? [s, s] : null);
    if (instead) {
      addDecision(st, decisionText(cap(instead[1]!)), [s]);
      st.lastDecisionTurn = i;
      continue;
    }
    if (isDecision(s)) {
      // "Jeg har besluttet, at vi ikke får den repareret. I stedet lejer vi en bus ...": one decision in two sentences.
      const more = ss[j + 1] && INSTEAD.test(ss[j + 1]!.text) ? ss[j + 1]!.text : null;
      addDecision(st, decisionText(more ? `${s.replace(/[.!]\s*$/u, '')}; ${more.charAt(0).toLowerCase()}${more.slice(1)}` : s), more ? [s, more] : [s]);
      if (more) j++;
      st.lastDecisionTurn = i;
      continue;
    }
    const stated = agreedStatement(st, i, j);
    if (stated) {
      addDecision(st, decisionText(stated), [s]);
      st.lastDecisionTurn = i;
      continue;
    }
    if (isProposal(s)) st.proposals.push({ text: proposalText(s), at: [s] });
    else if ((INFORMATION.test(s) || OTHERS_DECIDED.test(s)) && !/\?\s*$/u.test(s)) st.information.push({ text: cap(squash(s)), at: [s] });
  }
}

/** A decision announced as a question is stated in one of the next turns, or it was the proposal before. */
export function settlePending(st: MinutesState, i: number): void {
  const pending = st.pending;
  if (!pending || i <= pending.turn) return;
  const ss = st.said[i]!;
  const statement = ss
    .map((s) => s.text.replace(AGREEMENT_LEAD, ''))
    .filter((s) => !/\?\s*$/u.test(s) && !/(?<![\p{L}])jeg(?![\p{L}])/iu.test(s) && contentCount(s) >= 1);
  if (st.decisions.length > pending.since) st.pending = null;
  else if (statement.length && contentCount(statement.join(' ')) >= 4 && !RETROSPECTIVE.test(statement.join(' '))) {
    addDecision(st, decisionText(statement.join(' ')), [...pending.at, ...ss.map((s) => s.text)]);
    st.lastDecisionTurn = i;
    st.pending = null;
  } else if (i - pending.turn >= 3) {
    if (pending.proposal) addDecision(st, proposalText(pending.proposal.text), [pending.proposal.text, ...pending.at]);
    st.pending = null;
  }
}

/** The turns after a confirming question: an objection drops the matter, a yes (or silence) makes it a decision. */
export function settleConfirming(st: MinutesState, i: number): void {
  const c = st.confirming;
  if (!c || i <= c.turn) return;
  // "Så er det besluttet(: ...)" in this turn settles it with its own words.
  if (st.said[i]!.some((x) => RETROSPECTIVE.test(x.text) || isDecision(x.text))) {
    st.confirming = null;
    return;
  }
  const first = st.said[i]![0]?.text ?? '';
  const objects = c.objection ? OBJECTS.test(first) : /^nej(?![\p{L}])/iu.test(first) || OBJECTS.test(first);
  if (objects) {
    st.confirming = null;
    return;
  }
  // The one who asked speaking again, or three turns of answers, settle it.
  if (i - c.turn >= 3 || st.turns[i]!.speaker === st.turns[c.turn]!.speaker) {
    // A recap said after the question, in answer to it.
    const at = st.said[c.turn]!.findIndex((x) => x.text === c.at);
    const recap = recapNear(st, c.turn, at);
    const pick = recap && (recap.turn > c.turn || recap.idx > at) ? recap : c.matter;
    addDecision(st, pick === recap || !isProposal(pick.text) ? decisionText(pick.text) : proposalText(pick.text), [pick.text, c.at]);
    st.lastDecisionTurn = i;
    const p = st.proposals.findIndex((x) => x.at.includes(pick.text));
    if (p >= 0) st.proposals.splice(p, 1);
    st.confirming = null;
  }
}

function findAgreed(st: MinutesState, i: number, j: number, s: string): void {
  const ss = st.said[i]!;
  const next = ss[j + 1];
  const prev = j > 0 ? ss[j - 1]!.text : st.said[i - 1]?.at(-1)?.text;
  if (st.turns[i]!.speaker === null) {
    // Notes: "- sms-påmindelse sendes fremover 2 dage før ..., fra 1/4. Besluttet" marks the sentence before it;
    // "Godkendt uden bemærkninger." under "1. Godkendelse af referat" marks the point.
    const above = j === 0 ? st.turns[i - 1]?.text : undefined;
    const heading = above ? (/^\d+\.\s+([^.:?!]{3,60})$/u.exec(above)?.[1] ?? noteHeading(above, false)) : null;
    if (heading) addDecision(st, `${heading}: ${s.replace(/^(?:så |og )/iu, '').replace(/[.!]\s*$/u, '').toLowerCase()}.`, [st.turns[i - 1]!.text, s]);
    else if (prev && contentCount(prev) >= 3 && !/\?\s*$/u.test(prev) && !RETROSPECTIVE.test(prev)) addDecision(st, decisionText(prev), [prev, s]);
    return;
  }
  const recap = recapNear(st, i, j);
  if (POINTING.test(s)) {
    // "Er vi enige om Camillas model? Så er det besluttet.": announced; the decision is stated next.
    // A bare "Er vi enige?" asks about what was said before it, it announces nothing.
    if (!recap && prev && /\?\s*$/u.test(prev) && !/^(?:(?:og|så|okay|godt)[,]?\s+)?er (?:vi|alle|I) (?:så )?enige\?$/iu.test(prev)) {
      st.pending = { turn: i, at: [prev, s], proposal: proposalBefore(st, i, j - 1), since: st.decisions.length };
      return;
    }
    if (recap) return agreed(st, i, recap, s, decisionText(recap.text));
    // A decision stated just before is what the words confirm ("Så holder vi den lørdag ... - Så er det på plads.").
    if (i - st.lastDecisionTurn <= 1) return;
    const back = proposalBefore(st, i, j);
    if (back) agreed(st, i, back, s, isProposal(back.text) ? proposalText(back.text) : decisionText(back.text));
    return;
  }
  // "Så gør vi det. Han får et tryghedsopkald ...": the statement that follows; else what was just proposed.
  const forward =
    next && !/\?\s*$/u.test(next.text) && !/(?<![\p{L}])(?:jeg|du)(?![\p{L}])/iu.test(next.text) && contentCount(next.text) >= 3 && !topicIn(next.text, true, true, st.attendees) ? next : null;
  const back = proposalBefore(st, i, j);
  const pick = recap ?? (forward && (!back || /gør vi/iu.test(s) || contentCount(forward.text) >= contentCount(back.text)) ? forward : back);
  if (!pick) return;
  const text = pick === forward || pick === recap || !isProposal(pick.text) ? decisionText(pick.text) : proposalText(pick.text);
  const trial = TRY_IT.exec(s);
  agreed(st, i, pick, s, trial ? `${text.replace(/[.!]\s*$/u, '')}, som forsøg${trial[1] ? ` ${trial[1].trim()}` : ''}.` : text);
}

/**
 * "Enig. Vi tager syv.": a "vi ..." statement after a word of agreement, in answer to someone else. A bare number
 * or option ("syv", "B") is completed from what was offered ("syv skranker til 245.000 kr.").
 */
function agreedStatement(st: MinutesState, i: number, j: number): string | null {
  const ss = st.said[i]!;
  const m = WE_DO.exec(ss[j]!.text);
  if (!m || j === 0 || !/^(?:enig|ja|jo|fint|godt|okay|super|perfekt)[.!]?$/iu.test(ss[0]!.text) || !st.turns[i - 1]?.speaker || st.turns[i - 1]!.speaker === st.turns[i]!.speaker) return null;
  const verb = m[1]!.toLowerCase();
  if (((NOT_DECIDING_VERBS.has(verb) || NOT_ACTIONS.has(verb)) && verb !== 'tager') || /^(?:lige|en pause|kaffen|den op|det op|den næste|det næste)(?![\p{L}])/iu.test(m[2]!) || DECISION_HEDGES.test(m[2]!)) return null;
  const option = /^(\p{L}{1,6}|\d+)[.!]?$/u.exec(m[2]!.trim())?.[1];
  if (!option) return ss[j]!.text;
  const offered = new RegExp(String.raw`(?<![\p{L}\d])${option} ((?:[\p{L}-]+)(?: (?:til|à|for|på) [\d.,]+ (?:kr\.|kr|kroner))?)`, 'iu');
  for (let t = i - 1; t >= Math.max(0, i - 4); t--) {
    const found = [...st.turns[t]!.text.matchAll(new RegExp(offered.source, 'giu'))].at(-1);
    if (found) return `Vi ${verb} ${option} ${found[1]!.replace(/\.$/u, '')}.`;
  }
  return ss[j]!.text;
}

/** Records what an agreement took up, and takes it off the open proposals. */
function agreed(st: MinutesState, i: number, pick: Said, s: string, text: string): void {
  addDecision(st, text, [pick.text, s]);
  st.lastDecisionTurn = i;
  const p = st.proposals.findIndex((x) => x.at.includes(pick.text));
  if (p >= 0) st.proposals.splice(p, 1);
}

/**
 * The proposal an agreement points back to: in this turn before it; else a proposal of the last five turns (the
 * chair's own too: "Mit forslag er ..." - discussion - "Så siger vi det."); else what another person just said.
 */
function proposalBefore(st: Meeting & Findings, i: number, j: number): Said | null {
  const own = st.said[i]!.slice(0, j).reverse().find((s) => contentCount(s.text) >= 3 && !RETROSPECTIVE.test(s.text));
  if (own && (isProposal(own.text) || !/\?\s*$/u.test(own.text))) return own;
  const taken = (s: Said) => st.decisions.some((d) => d.at.includes(s.text));
  for (let t = i - 1; t >= Math.max(0, i - 5); t--) {
    const p = st.said[t]!.find((s) => isProposal(s.text) && !taken(s));
    if (p) return p;
    // An answer that turns it down ends the search: "Nej, ..." / "Det synes jeg ikke, vi skal."
    if (t < i - 1 && st.said[t]!.some((s) => REJECTION.test(s.text))) break;
  }
  for (let t = i - 1; t >= Math.max(0, i - 2); t--) {
    if (st.turns[t]!.speaker && st.turns[t]!.speaker === st.turns[i]!.speaker) continue;
    const p = st.said[t]!.find((s) => contentCount(s.text) >= 3 && !/\?\s*$/u.test(s.text) && !POINTS_BACK.test(s.text) && !AGREES.test(s.text) && !/(?<![\p{L}])jeg(?![\p{L}])/iu.test(s.text));
    if (p) return p;
  }
  return null;
}

/** A recap next to an agreement ("Så det er fire sommerhjælpere fra uge 18 til uge 33?"): the words of the decision. */
function recapNear(st: Meeting, i: number, j: number): Said | null {
  const isRecap = (x: Said | undefined) => !!x && RECAP.test(x.text) && contentCount(x.text) >= 3 && !/(?<![\p{L}])(?:jeg|du)(?![\p{L}])/iu.test(x.text);
  const confirmed = (x: Said) => {
    // A recap asked as a question stands when the answer is not "nej".
    if (!/\?\s*$/u.test(x.text)) return true;
    const answer = st.said[x.turn]![x.idx + 1] ?? st.said[x.turn + 1]?.[0];
    return !answer || !/^nej(?![\p{L}])/iu.test(answer.text);
  };
  const after = [...st.said[i]!.slice(j + 1), ...(st.said[i + 1] ?? []).slice(0, 2), ...(st.said[i + 2] ?? []).slice(0, 1)];
  const before = [...st.said[i]!.slice(0, j).reverse(), ...(st.said[i - 1] ?? []).slice(-1)];
  return [...after, ...before].find((x) => isRecap(x) && confirmed(x)) ?? null;
}

/** A proposal the meeting took up is a decision now, not an open proposal. */
export function dropTakenProposals(st: Findings): void {
  const words = (x: string) => new Set((x.toLowerCase().match(/[\p{L}\p{N}]{5,}/gu) ?? []));
  for (let k = st.proposals.length - 1; k >= 0; k--) {
    const p = st.proposals[k]!;
    const pw = [...words(p.text)];
    const taken = st.decisions.some((d) => d.at.some((a) => p.at.includes(a)) || (pw.length > 0 && pw.filter((w) => words(d.text).has(w)).length / pw.length >= 0.5));
    if (taken) st.proposals.splice(k, 1);
  }
}
