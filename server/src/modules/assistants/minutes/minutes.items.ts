import { findDue, normaliseDue } from './minutes.due.js';
import { ACCEPTANCE, askIn, dueFragment, LOGISTICS, meetingAct, PLAIN_YES, REFUSAL, resolvePerson, SHALL_I, VAGUE, WHO_ASKS, YOU_CAN } from './minutes.asks.js';
import { commitmentIn, type Commitment } from './minutes.commitments.js';
import { isProposal, proposalText } from './minutes.cues.js';
import { addDecision, attendeeNamed, resolveName, sayKey, type Found, type Findings, type Meeting, type Said } from './minutes.meeting.js';
import { cap, cleanTask, definite, HEDGES, infinitive, isAction, NOT_NOTE_TASKS, SECOND_VERBS, squash, THING } from './minutes.wording.js';

const THIRD_PERSON_VERBS =
  'sørger for|tager sig af|står for|tager kontakt|spørger|orienterer|sender|laver|skriver|ringer til|undersøger|bestiller|kontakter|følger op på|indkalder|udarbejder|opdaterer|booker|giver|informerer|tjekker|afklarer|inviterer|forbereder|retter|udsender|afholder|koordinerer|indhenter|beregner|planlægger|reserverer';
const THIRD_PERSON = new RegExp(
  String.raw`(?:^|[.:;]\s*|-\s+|•\s*)(\[[A-Z_]+_\d+\]|\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)?) (?:skal |vil )?(${THIRD_PERSON_VERBS})(?![\p{L}])\s*(.*)$`,
  'u',
);
const TASK_LINE = /^\s*(?:[-*•]\s*)?(?:opgave|opgaver|todo|to do|handling|aktion)\s*:\s*(.+)$/iu;
const OWNER_FIELD = /\(?\s*(?:ansvarlig|ansv\.)\s*:\s*([^,;)]+)\)?/iu;
const DUE_FIELD = /\(?\s*(?:frist|deadline)\s*:?\s*([^,;)]+)\)?/iu;

/** "Det tager jeg.", "Den klarer jeg gerne.": taking on what was just said. */
const TAKE_IT = /^(?:(?:ja|jo|okay|og)[,]?\s+)?(?:det|den) (?:tager|klarer|ordner) jeg(?: gerne| mig af)?[.!]?$/iu;
/** Commitments that only take on something said before them. */
const NEED_TAKERS = /^(?:sørge for det|tage sig af det|klare det|ordne det|gøre det)$/iu;
/** "Og saltlageret skal fyldes op inden ...": what has to happen, without who. */
const NEED = /^(?:(?:og|så|men)\s+)?((?:\p{L}[\p{L}-]*\s+){0,4}?\p{L}[\p{L}-]*) skal (?:også |lige |nu |så )*(have|\p{L}+es)(?![\p{L}])(.*)$/iu;
const NEED_INVERTED = /^(?:og\s+)?så skal ((?:\p{L}[\p{L}-]*\s+){0,3}?\p{L}[\p{L}-]*) (?:også |lige |nu )*(have|\p{L}+es)(?![\p{L}])(.*)$/iu;
/** "Den laver jeg.", "Dem bestiller jeg.": a thing taken on, named just before. */
const FRONTED_PRONOUN = /^(?:(?:ja|jo|okay|og)[,]?\s+)?(?:den|det|dem) (?!gør|tager|klarer)\p{L}+r jeg(?![\p{L}])/iu;
/** Said only to agree ("det gør jeg"): such a pronoun points at a request, not at a thing. */
const SAYS_YES = new Set(['gøre', 'klare', 'ordne']);
/** A thing named by its definite form ("vagtplanen"), or by a placeholder where the guard masked the word. */
const DEFINITE_NP = String.raw`(?:(?:de|den|det) )?(?:[\p{L}-]+(?:en|et|ne|erne)|\[[A-Z_]+_\d+\])(?: (?:til|om|for|på|med|af|i) (?:de |den |det )?(?:[\p{L}-]+|\[[A-Z_]+_\d+\])){0,2}`;
/** "Invitationerne til de pårørende, det tager jeg.": the thing, then the one who takes it. */
const FRONTED_THING = new RegExp(String.raw`^(?:(?:og|så|ja)[,]?\s+)?(${DEFINITE_NP}),\s*(?:det|den|dem) \p{L}+r jeg(?![\p{L}])`, 'iu');
/** "Og stillezonerne?", "Hvad med skiltningen?": a thing asked about, the answer takes it up. */
const ASKED_THING = new RegExp(String.raw`^(?:(?:og|men|så)\s+)?(?:hvad (?:så )?med\s+)?(${DEFINITE_NP})\s*\?$`, 'iu');
const SECTION_ITEM = /^\s*[-*•]\s*(\[[A-Z_]+_\d+\]|\p{Lu}{2,3}|\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)?|[Aa]lle)\s*[:–-]\s*(\S.+)$/u;
const LABEL = String.raw`(\[[A-Z_]+_\d+\]|\p{Lu}{2,3}|\p{Lu}[\p{L}-]+)`;
const INLINE_ASK = new RegExp(String.raw`^(?:[-*•]\s*)?${LABEL}:\s*([^?]+\?)\s*${LABEL}:\s*(.+)$`, 'u');
const NOTES_THIRD = /^(?:[-*•]\s*)?(\[[A-Z_]+_\d+\]|\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)?) (?:skal |vil )?(\p{L}+r)(?![\p{L}])\s*(.*)$/u;

/**
 * The action items of one turn: "Opgave:" lines and the lines under "Opgaver:" in notes, requests that the person
 * addressed accepts, offers taken up, third-person assignments ("Anna sørger for ...") and first-person commitments.
 */
export function findItems(st: Meeting & Findings, i: number, speaker: string | null): void {
  const turn = st.turns[i]!;
  const ss = st.said[i]!;

  // "Opgave:" lines in notes, with "ansvarlig:" and "frist:" where given.
  const taskLine = TASK_LINE.exec(turn.text);
  if (taskLine) {
    let body = taskLine[1]!;
    const ownerField = OWNER_FIELD.exec(body);
    const dueField = DUE_FIELD.exec(body);
    body = body.replace(OWNER_FIELD, ' ').replace(DUE_FIELD, ' ');
    const third = THIRD_PERSON.exec(body);
    const owner = ownerField ? resolveName(ownerField[1]!.trim(), st.attendees) : third ? resolveName(third[1]!, st.attendees) : null;
    const due = dueField ? dueField[1]!.trim() : findDue(body);
    const task = third ? `${infinitive(third[2]!.split(' ')[0]!)}${third[2]!.includes(' ') ? ` ${third[2]!.split(' ').slice(1).join(' ')}` : ''} ${third[3]!}` : body;
    st.items.push({ owner, task: cleanTask(task, due), due: normaliseDue(due), verb: '', turn: i, idx: 0, at: [turn.text] });
    return;
  }

  if (speaker === null && inlineAsk(st, i)) return;

  for (const s of ss) {
    if (st.consumed.has(sayKey(s))) continue;
    if (speaker !== null && askFor(st, i, s)) continue;
    if (thirdPerson(st, i, s, speaker)) continue;
    if (!speaker) continue;
    commitment(st, i, s, speaker);
  }

  // "Deadline: fredag" / "Frist: 1. marts" under a task in notes belongs to that task.
  const deadline = /^\s*(?:deadline|frist)\s*:?\s*(.+)$/iu.exec(turn.text);
  if (deadline && st.items.length && st.items.at(-1)!.due === null) st.items.at(-1)!.due = normaliseDue(deadline[1]!.replace(/[.]$/u, '').trim());
}

/** A request to someone ("Louise, kan du ...?", "Hvem vil ...?") or an offer ("Skal jeg ...?") that the next turn accepts. */
function askFor(st: Meeting & Findings, i: number, s: Said): boolean {
  const reply = st.turns[i + 1];
  const shall = SHALL_I.exec(s.text);
  if (shall && reply && reply.speaker !== st.turns[i]!.speaker && PLAIN_YES.test(reply.text) && !REFUSAL.test(reply.text)) return takeOffer(st, i, s, shall);
  return takeRequest(st, i, s);
}

/** "Skal jeg ...?" answered yes: the one who offered has the task, and the answer or their next turn may give its due. */
function takeOffer(st: Meeting & Findings, i: number, s: Said, shall: RegExpExecArray): boolean {
  const reply = st.turns[i + 1]!;
  const replySaid = st.said[i + 1] ?? [];
  // "Skal jeg gøre noget?" - "Ja, hvis du kan tage hendes medicinliste med til Peter på torsdag, vil det hjælpe.": the answer says what.
  const told = /^(?:gøre|hjælpe|bidrage)$/iu.test(shall[1]!) ? YOU_CAN.exec(reply.text) : null;
  if (told) {
    const due = findDue(told[2]!);
    const at = [s.text, ...replySaid.map((r) => r.text)];
    for (const r of [...replySaid, ...(st.said[i + 2] ?? []).filter((x) => x.speaker === s.speaker && ACCEPTANCE.test(x.text))]) st.consumed.add(sayKey(r));
    st.items.push({ owner: s.speaker, task: cleanTask(`${told[1]!} ${told[2]!}`, due), due: normaliseDue(due), verb: told[1]!.toLowerCase(), turn: i, idx: s.idx, at });
    return true;
  }
  const at = [s.text, replySaid[0]!.text];
  let due: string | null = null;
  // "Det gør jeg i weekenden." from the one who offered, in the turn after the yes.
  const later = st.said[i + 2]?.find((x) => x.speaker === s.speaker && commitmentIn(x.text));
  // "Så laver jeg en oplæringsplan, inden hun starter.": the offer's own words come after; they are the task.
  if (later && !commitmentIn(later.text)!.pronoun) return false;
  const back = later;
  if (back) {
    due = commitmentIn(back.text)!.due;
    st.consumed.add(sayKey(back));
    at.push(back.text);
  }
  // "Skal jeg tilmelde os?" - "Ja tak, gerne inden for 14 dage."
  due ??= findDue(reply.text, { when: false });
  st.items.push({ owner: s.speaker, task: cleanTask(`${shall[1]!} ${shall[2]!}`, null), due: normaliseDue(due), verb: infinitive(shall[1]!), turn: i, idx: s.idx, at });
  return true;
}

/** "Louise, kan du ...?", "Hvem vil ...?": the task is the one asked, when the person asked answers yes. */
function takeRequest(st: Meeting & Findings, i: number, s: Said): boolean {
  const reply = st.turns[i + 1];
  const replySaid = st.said[i + 1] ?? [];
  const ask = askIn(s.text, st.attendees);
  if (!ask) return false;
  // "Kan du ...?" without a name is said to the one who spoke last, or when no one did, to the one who takes it.
  const last = st.turns[i - 1]?.speaker && st.turns[i - 1]!.speaker !== st.turns[i]!.speaker ? resolveName(st.turns[i - 1]!.speaker!, st.attendees) : null;
  const taker = reply?.speaker && reply.speaker !== st.turns[i]!.speaker && (ACCEPTANCE.test(reply.text) || PLAIN_YES.test(reply.text)) ? resolveName(reply.speaker, st.attendees) : null;
  const to = ask.who ? (reply?.speaker ? resolveName(reply.speaker, st.attendees) : null) : (ask.to ?? last ?? taker);
  if (!to || !reply?.speaker || resolveName(reply.speaker, st.attendees) !== to || REFUSAL.test(reply.text)) return false;
  const verb = ask.verb.toLowerCase();
  const replies = replySaid.map((r) => ({ r, c: commitmentIn(r.text), on: /^og\s/iu.test(r.text) }));
  const vague = (c: Commitment) => c.pronoun || VAGUE.test(c.task.split(' ').slice(0, 4).join(' ')) || c.task.split(' ').length < 2;
  // "Ja, det kan jeg godt. Jeg kan komme på torsdag efter frokost.": when and where, the task is the request.
  const logistic = (c: Commitment) => LOGISTICS.has(infinitive(c.verb));
  // The reply's first own commitment, unless it only says yes to the request ("Ja, den kan jeg lave til på fredag").
  // "Kan du få dem inden fredag?" - "Jeg skriver til dem i dag og beder dem svare": another verb on a thing named is the reply's own.
  const askedVague = /^(?:det|den|dem)(?![\p{L}])/iu.test(ask.rest.trim());
  const ownWords = (c: Commitment) => !vague(c) || (askedVague && !c.pronoun && infinitive(c.verb) !== verb && c.task.split(' ').length >= 3);
  const own = replies.find((x) => x.c && !x.on && !logistic(x.c) && ownWords(x.c));
  const yes = replies.find((x) => x.c && !x.on && (vague(x.c) || logistic(x.c)));
  // "Ja, det gør jeg. Jeg ringer også til skolen ...": yes to the request first, then more of the same.
  const yesFirst = replies.findIndex((x) => ACCEPTANCE.test(x.r.text) && (!x.c || vague(x.c)));
  const separate = own && yesFirst >= 0 && yesFirst < replies.indexOf(own) ? own : null;
  const due0 = findDue(ask.rest, { when: false }) ?? dueFragment(st.said[i]![s.idx + 1]?.text);
  const plain = replies.filter((x) => !x.on).map((x) => x.r.text).join(' ');
  const accepted = ACCEPTANCE.test(reply.text) || !!yes || (PLAIN_YES.test(reply.text) && !meetingAct(verb, ask.rest) && !!(due0 ?? findDue(plain)));
  // "Ja, jeg ringer til udbyderen i morgen": the reply's own words say the task.
  if (!accepted || (own && !separate)) return false;
  if (verb === 'være') {
    addDecision(st, cap(`${to.split(' ')[0]} er ${squash(ask.rest)}.`), [s.text, reply.text]);
    return true;
  }
  const after = st.said[i]![s.idx + 1];
  const fragment = after && /^(?:til|med|om|for) [\p{L}\d[\]_ -]+\.$/iu.test(after.text) && after.text.split(' ').length <= 4 ? ` ${after.text.replace(/\.$/u, '').replace(/^\p{Lu}/u, (c) => c.toLowerCase())}` : '';
  let task = resolvePerson(`${verb} ${ask.rest}${fragment}`, s.text);
  // "Og hvem taler med kantinen?" - "Det er dig, Lise. Kan du tage den?": the open question is the task.
  if (/^(?:tage|klare|gøre|ordne) (?:den|det)\s*$/iu.test(task)) {
    const open = [...st.said.slice(Math.max(0, i - 2), i + 1).flat()].reverse().map((x) => WHO_ASKS.exec(x.text)).find((m) => m);
    const who = open ? askIn(open[0], st.attendees) : null;
    if (who) task = `${who.verb} ${who.rest}`;
  }
  const due = yes?.c?.due ?? due0 ?? findDue(plain) ?? replies.find((x) => x.on && x.c?.due)?.c?.due ?? findDue(ask.rest) ?? null;
  // "Kan du sende den til mig?": the one asking.
  const asker = s.speaker?.split(' ')[0];
  if (asker && !s.speaker!.startsWith('[')) task = task.replace(/(?<=(?:til|med|for) )mig(?![\p{L}])/iu, asker);
  const at = [s.text, ...replySaid.map((r) => r.text)];
  for (const x of replies) {
    // "Og så sms'er jeg dig, Louise, når jeg ved noget." and what is promised after the yes ("Ja, det gør jeg. Jeg
    // sender teksten til dig først.") carry the same task on.
    const more = x.c && (x.on || (separate && replies.indexOf(x) >= replies.indexOf(separate) && !vague(x.c) && !logistic(x.c)));
    if (more) task = `${task.replace(/[\s,.]+$/u, '')}, og ${x.c!.task.charAt(0).toLowerCase()}${x.c!.task.slice(1)}`;
    if (x.c || x === replies[0]) st.consumed.add(sayKey(x.r));
  }
  st.items.push({ owner: to, task: cleanTask(task, due), due: normaliseDue(due), verb, turn: i + 1, idx: 0, at });
  return true;
}

/** A line under "Opgaver:": "- Karin: opdatere hjemmesiden inden fredag", "- Lars: bestille nye stole (frist: 1. maj)". */
export function sectionItem(st: Meeting & Findings, i: number): boolean {
  const text = st.turns[i]!.text;
  const m = SECTION_ITEM.exec(text);
  if (!m) return false;
  // "- Alle: læse den nye instruks" is everyone's: the minutes say so.
  const owner = /^(?:alle|fælles)$/iu.test(m[1]!) ? 'Alle' : attendeeNamed(m[1]!, st.attendees);
  if (!owner) return false;
  const dueField = DUE_FIELD.exec(m[2]!);
  let body = m[2]!.replace(DUE_FIELD, ' ');
  const due = dueField ? dueField[1]!.trim() : findDue(body);
  // "sender referatet ud" -> "sende referatet ud"
  body = body.replace(/^(\p{L}+r)(?![\p{L}])/u, (v) => (isAction(v, '') || SECOND_VERBS.has(v.toLowerCase()) ? infinitive(v) : v));
  st.items.push({ owner, task: cleanTask(body, due), due: normaliseDue(due), verb: body.split(' ')[0]!.toLowerCase(), turn: i, idx: 0, at: [text] });
  return true;
}

/** In notes, a request and its answer on one line: "AK: kan JP tage akutvagten den 22/3? JP: ja". */
function inlineAsk(st: Meeting & Findings, i: number): boolean {
  const m = INLINE_ASK.exec(st.turns[i]!.text);
  const answerer = m ? attendeeNamed(m[3]!, st.attendees) : null;
  const ask = m && answerer ? askIn(m[2]!, st.attendees) : null;
  if (!m || !ask || ask.who || (ask.to ?? answerer) !== answerer || REFUSAL.test(m[4]!) || !(PLAIN_YES.test(m[4]!) || ACCEPTANCE.test(m[4]!))) return false;
  const due = findDue(ask.rest);
  st.items.push({ owner: answerer, task: cleanTask(`${ask.verb} ${ask.rest}`, due), due: normaliseDue(due), verb: ask.verb, turn: i, idx: 0, at: [st.turns[i]!.text] });
  return true;
}

/** "Anna sørger for ...", and in notes "SH laver udkast ...", "Anders spørger juristerne ...". */
function thirdPerson(st: Meeting & Findings, i: number, s: Said, speaker: string | null): boolean {
  if (/\?\s*$/u.test(s.text)) return false;
  const third = speaker === null || !/(?<![\p{L}])jeg(?![\p{L}])/iu.test(s.text) ? THIRD_PERSON.exec(s.text) : null;
  const notes = speaker === null && !third ? NOTES_THIRD.exec(s.text) : null;
  const m = third ?? notes;
  if (!m) return false;
  const owner = m[1]!.startsWith('[') ? m[1]! : st.attendees.length === 0 && third ? m[1]! : attendeeNamed(m[1]!, st.attendees);
  if (!owner || HEDGES.test(m[3]!)) return false;
  if (notes && (NOT_NOTE_TASKS.has(m[2]!.toLowerCase()) || /^,?\s*(?:at|om)\s/iu.test(m[3]!))) return false;
  // "OB spørger, om der kan komme en ny kaffemaskine": a question put to the meeting, not a task.
  if (/^spørger$/iu.test(m[2]!) && /^,?\s*(?:om|hvor|hvad|hvordan|hvorfor|hvornår|hvem)\s/iu.test(m[3]!)) return false;
  const due = findDue(m[3]!);
  const [v, ...particle] = m[2]!.split(' ');
  st.items.push({ owner, task: cleanTask(`${infinitive(v!)} ${particle.join(' ')} ${m[3]!}`, due), due: normaliseDue(due), verb: infinitive(v!), turn: i, idx: s.idx, at: [s.text] });
  return true;
}

function commitment(st: Meeting & Findings, i: number, s: Said, speaker: string): void {
  const c = commitmentIn(s.text) ?? (TAKE_IT.test(s.text) ? { verb: 'tager', task: 'Tage sig af det', due: null, pronoun: true, antecedent: null } : null);
  if (!c) return;
  // "Og saltlageret skal fyldes op inden den 15. november. Det sørger jeg for.": the need is the task.
  const need = c.pronoun && NEED_TAKERS.test(c.task) ? needBefore(st, i, s.idx) : null;
  if (need) {
    st.items.push({ owner: speaker, task: cleanTask(`Sørge for, at ${need.clause}`, need.due), due: normaliseDue(need.due), verb: 'sørge', turn: i, idx: s.idx, at: [need.at, s.text] });
    return;
  }
  const verb = infinitive(c.verb);
  // A pronoun object continues an earlier task of the same person: this turn's, or one with the same verb.
  if (c.pronoun) {
    const target = [...st.items].reverse().find((it) => it.owner === speaker && (it.turn === i || (it.verb === verb && i - it.turn <= 4)));
    if (target) {
      if (c.antecedent) target.task = target.verb === verb ? `${target.task} og ${c.antecedent}` : `${target.task} og ${verb} ${c.antecedent}`;
      target.due ??= normaliseDue(c.due);
      target.at.push(s.text);
      return;
    }
    const words = c.task.split(' ');
    const thing = !c.antecedent && (words.length >= 3 || FRONTED_PRONOUN.test(s.text)) && !SAYS_YES.has(verb) ? pointedAt(st, i, s.idx) : null;
    if (thing) {
      const due = c.due ?? thing.due ?? null;
      st.items.push({ owner: speaker, task: cleanTask(c.task.replace(/(?<![\p{L}])(?:det|den|dem)(?![\p{L}])/iu, thing.text.toLowerCase()), due), due: normaliseDue(due), verb, turn: i, idx: s.idx, at: [...thing.at, s.text] });
      return;
    }
    // "Det siger jeg videre." under a point: what is passed on is what the point was about.
    const point = st.topics[i];
    if (!c.antecedent && point && /^(?:sige|give|bringe|tage) (?:det|den) (?:videre|op)$/iu.test(c.task)) {
      st.items.push({ owner: speaker, task: `${c.task} om ${point.charAt(0).toLowerCase()}${point.slice(1)}`, due: normaliseDue(c.due), verb, turn: i, idx: s.idx, at: [s.text] });
      return;
    }
    // "Det gør jeg." with nothing to point back to says yes to something, but not to what.
    if (!c.antecedent && words.length < 4 && !c.due) return;
  }
  st.items.push({ owner: speaker, task: c.task, due: normaliseDue(c.due), verb, turn: i, idx: s.idx, at: [s.text] });
}

/** "X skal fyldes op inden ...", "Så skal leverandøren have besked": a need said just before, by anyone. */
function needBefore(st: Meeting & Findings, i: number, j: number): { clause: string; due: string | null; at: string } | null {
  const before = j > 0 ? st.said[i]![j - 1] : st.said[i - 1]?.at(-1);
  const text = before?.text.replace(/[.!]\s*$/u, '') ?? '';
  const m = before && !/\?\s*$/u.test(before.text) ? (NEED.exec(text) ?? NEED_INVERTED.exec(text)) : null;
  if (!m || /^(?:vi|jeg|du|I|man)$/iu.test(m[1]!)) return null;
  const due = findDue(before!.text, { when: false });
  const verb = m[2]!.toLowerCase() === 'have' ? 'får' : m[2]!;
  const clause = squash(`${m[1]!.charAt(0).toLowerCase()}${m[1]!.slice(1)} ${verb} ${due ? m[3]!.replace(due, ' ') : m[3]!}`).replace(/[\s,]+$/u, '');
  return { clause, due, at: before!.text };
}

/**
 * What "det", "dem" in a commitment points at when no task of the speaker's continues: the thing put first in the
 * same turn ("Invitationerne til de pårørende, det tager jeg. Jeg sender dem ud ..."), the thing just asked about
 * ("Og stillezonerne?"), or the proposal just made ("Jeg tager det med på personalemødet").
 */
function pointedAt(st: Meeting & Findings, i: number, j: number): (Found & { due?: string | null }) | null {
  for (const s of st.said[i]!.slice(0, j).reverse()) {
    const m = FRONTED_THING.exec(s.text);
    if (m) return { text: m[1]!, at: [s.text] };
  }
  for (let t = i - 1; t >= Math.max(0, i - 2); t--) {
    if (st.turns[t]!.speaker === st.turns[i]!.speaker) continue;
    const asked = st.said[t]!.map((s) => ({ s, m: ASKED_THING.exec(s.text) })).find((x) => x.m);
    if (asked) return { text: asked.m![1]!, at: [asked.s.text] };
    // "Og vi skal have en risikovurdering af det inden næste styregruppemøde." - "Den laver jeg."
    const needed = st.said[t]!.map((s) => ({ s, m: [...s.text.matchAll(THING)].at(-1) })).find((x) => x.m);
    if (needed) return { text: definite(needed.m![1]!, needed.m![2]!, needed.m![3] ?? ''), at: [needed.s.text], due: findDue(needed.s.text) };
    const proposal = st.said[t]!.find((s) => isProposal(s.text));
    if (proposal) {
      const what = proposalText(proposal.text).replace(/^vi \p{L}+r\s+/iu, '').split(/,\s/u)[0]!.replace(/[.]$/u, '');
      if (what.split(' ').length >= 2) return { text: `forslaget om ${what.charAt(0).toLowerCase()}${what.slice(1)}`, at: [proposal.text] };
    }
  }
  return null;
}
