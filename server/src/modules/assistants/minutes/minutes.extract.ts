import { readTranscript, type Turn } from '../../transcripts/transcripts.parse.js';
import type { ActionItem, Minutes } from './minutes.types.js';

/**
 * The offline engine's minutes: deterministic rules over Danish meeting talk and notes. It finds
 * - attendees: the speakers (and names after "Deltagere:" in notes);
 * - decisions: sentences with a decision cue ("vi beslutter", "besluttet", "vi er enige om", "så flytter vi ...");
 * - action items: first-person commitments ("jeg sender ... senest fredag", "så laver jeg ..."), offers
 *   ("jeg kan printe et skilt"), requests that the person addressed accepts ("Ingrid, vil du ...?" "Det vil jeg
 *   gerne"), third-person assignments ("Anna sørger for ...") and "Opgave:" lines; with the due date as said.
 * Placeholders ([NAVN_1]) are names like any other and come out unchanged.
 */

const WEEKDAY = 'mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag';
const MONTH = 'januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december';
const DATE = String.raw`(?:den )?\d{1,2}\. ?(?:${MONTH})(?: \d{4})?|\d{1,2}\/\d{1,2}(?:[-/]\d{2,4})?|\d{4}-\d{2}-\d{2}`;
const POINT = [
  DATE,
  `(?:${WEEKDAY})(?:en)?`,
  String.raw`næste (?:møde|ugemøde|styregruppemøde|uge|måned|gang)`,
  String.raw`(?:(?:denne|næste) )?uge \d{1,2}`,
  `udgangen af (?:måneden|ugen|året|${MONTH})`,
  String.raw`(?:i )?morgen`,
  'i dag',
  String.raw`(?:hun|han|de|vi|du|jeg) \p{L}+r`,
  String.raw`[\p{L}]+(?:en|et|erne) (?:starter|begynder|går i gang|kommer|lanceres|åbner)`,
].join('|');
/** Due phrases with a deadline word come first: "til næste ugemøde" is the due, "i uge 41" may be the task. */
const MARKED_DUE = new RegExp(String.raw`(?<![\p{L}])(?:senest|inden|før|til) (?:på |i |den )?(?:${POINT})(?![\p{L}])`, 'iu');
const PLAIN_DUE = new RegExp(
  String.raw`(?<![\p{L}])(?:i dag|i morgen|i overmorgen|i (?:denne|næste) uge|i uge \d{1,2}|på (?:${WEEKDAY})|i weekenden|i eftermiddag|senest ${DATE}|${DATE})(?![\p{L}])`,
  'iu',
);

/** Present-tense verbs that state what is, not what someone will do. */
const NOT_ACTIONS = new Set([
  'er', 'har', 'sidder', 'står', 'ligger', 'bor', 'hedder', 'kender', 'tror', 'tænker', 'synes', 'mener', 'håber', 'ved', 'føler',
  'forstår', 'kan', 'vil', 'skal', 'må', 'bør', 'gider', 'ser', 'hører', 'savner', 'elsker', 'glæder', 'øver', 'mangler', 'kommer',
  'bliver', 'hører', 'husker', 'regner', 'går', 'plejer', 'kører', 'spørger', 'siger', 'beder', 'tager', 'får', 'gør', 'bruger', 'arbejder',
  'venter', 'vender', 'starter', 'slutter', 'var', 'gjorde', 'hører',
]);
/** Allowed after all when followed by what makes them a task ("jeg tager mig af", "jeg siger det videre"). */
const ACTION_PHRASES = /^(?:tager mig af|tager kontakt|siger (?:det|den|dem)? ?videre|giver (?:det|den|dem)? ?videre|går videre med|spørger|beder|gør)/iu;
/** Verbs that, after "jeg kan", are perceptions or opinions, not offers. */
const NOT_OFFERS = new Set(['se', 'høre', 'mærke', 'forstå', 'huske', 'godt', 'ikke', 'jo', 'også', 'nok', 'måske', 'lide', 'leve', 'sagtens', 'bare']);
const DECISION_HEDGES = /(?<![\p{L}])(?:måske|muligvis|eventuelt|evt\.|vist|overvejer|foreslår)(?![\p{L}])/iu;
const HEDGES = /(?<![\p{L}])(?:måske|muligvis|eventuelt|evt\.|nok|hvis|prøve at se)(?![\p{L}])/iu;

const IRREGULAR: Record<string, string> = { gør: 'gøre', får: 'få', går: 'gå', ser: 'se', står: 'stå', ber: 'bede', dør: 'dø' };

/** "ringer" -> "ringe", "inviterer" -> "invitere", "gør" -> "gøre". */
export function infinitive(verb: string): string {
  const v = verb.toLowerCase();
  if (IRREGULAR[v]) return IRREGULAR[v];
  return v.endsWith('er') ? v.slice(0, -1) : v.endsWith('r') ? v.slice(0, -1) : v;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const FILLERS = /(?<![\p{L}])(?:øh|øhm|altså|lige|bare|jo)(?![\p{L}])\s*/giu;

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}[])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** "en uge før", "to dage inden": a lead time, said of an event named elsewhere in the sentence. */
const LEAD_DUE = /(?<![\p{L}])(?:en|et|\d+|to|tre|fire|fem) (?:dag|dage|uge|uger) (?:før|inden)(?![\p{L}])/iu;

export function findDue(text: string): string | null {
  const m = LEAD_DUE.exec(text) ?? MARKED_DUE.exec(text) ?? PLAIN_DUE.exec(text);
  return m ? m[0] : null;
}

const MONTHS = MONTH.split('|');
/** A due date with a year becomes ISO (2027-03-01); anything else stays as it was said. */
export function normaliseDue(due: string | null): string | null {
  if (!due) return null;
  const m = new RegExp(String.raw`(\d{1,2})\. ?(${MONTH}) (\d{4})`, 'iu').exec(due);
  if (m) return `${m[3]}-${String(MONTHS.indexOf(m[2]!.toLowerCase()) + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  const iso = /\d{4}-\d{2}-\d{2}/.exec(due);
  return iso ? iso[0] : due;
}

/** Cuts the clauses that explain or condition a task rather than state it, and removes the due phrase. */
function taskText(verb: string, rest: string, due: string | null): string {
  let t = rest;
  if (due) t = t.replace(due, ' ');
  t = t.split(/,\s*(?:så|når|hvis|fordi|men|mens|og så|inden|sådan at)\s|\s+så (?:de|kan|har|er|vi)\s/iu)[0]!;
  // "... og siger, at det haster" -> "og sige, at det haster": the second verb of a commitment is a task too.
  t = t.replace(/(?<=\sog\s+)(\p{L}+)(?=[\s,])/u, (v) => (SECOND_VERBS.has(v.toLowerCase()) ? infinitive(v) : v));
  t = squash(`${infinitive(verb)} ${t.replace(FILLERS, '')}`).replace(/[\s,.;:!?]+$/u, '');
  return tidyTask(t);
}

/** Verbs that may follow "og" in a commitment ("jeg ringer ... og siger"); a noun list must stay as it is. */
const SECOND_VERBS = new Set(
  'siger får tager gør sender ringer skriver laver giver beder sætter lægger kontakter tjekker følger sørger booker retter opdaterer informerer spørger finder henter'.split(' '),
);

const PRONOUN_OBJECT = /^(?:det|den|dem)$/iu;
/** The thing a fronted pronoun points back to: "Der skal laves en ny velkomstbesked, den indtaler jeg". */
function antecedent(before: string): string | null {
  const clause = before.replace(/[,\s]+$/u, '');
  const np = /(?:en|et|nogle|ny|nye|de|det|den) ((?:ny|nye|lille|kort|fast|faste) )?([\p{L}-]{4,})$/iu.exec(clause);
  if (np) return squash(clause.slice(clause.lastIndexOf(np[0]))).toLowerCase();
  const first = /^([\p{L}-]{4,})\s/u.exec(clause);
  return first ? first[1]!.toLowerCase() : null;
}

interface Commitment {
  verb: string;
  task: string;
  due: string | null;
  /** The object is a pronoun (det, den, dem): the task continues one said just before. */
  pronoun: boolean;
  antecedent: string | null;
}

const LEAD = String.raw`(?:^|[,;:]\s*|(?<![\p{L}])(?:og|ja|jo|okay|ok|så|men|godt|fint|super)[,.]?\s+)`;
const STRAIGHT = new RegExp(String.raw`${LEAD}jeg (?:skal nok |nok )?(\p{L}+),?\s+(.*)$`, 'iu');
const INVERTED = new RegExp(String.raw`(?:^|[,;]\s*|(?<![\p{L}])(?:og|så)\s+)(?:(så|det|den|dem|og så)\s+)(\p{L}+r) jeg(?![\p{L}])\s*(.*)$`, 'iu');
const OFFER = new RegExp(String.raw`${LEAD}jeg kan (?:godt )?(\p{L}+)\s+(.*)$`, 'iu');

/** A first-person commitment in one sentence, if it has one. */
export function commitmentIn(sentence: string): Commitment | null {
  if (/\?\s*$/u.test(sentence)) return null;
  const s = sentence.replace(/[.!]+$/u, '');
  const due = findDue(s);

  const offer = OFFER.exec(s);
  if (offer && !NOT_OFFERS.has(offer[1]!.toLowerCase()) && !HEDGES.test(s)) {
    return { verb: offer[1]!, task: cap(squash(`${offer[1]!.toLowerCase()} ${stripDue(offer[2]!, due)}`).replace(/[\s,.;:!?]+$/u, '')), due, pronoun: false, antecedent: null };
  }
  const straight = STRAIGHT.exec(s);
  if (straight && isAction(straight[1]!, straight[2]!) && !HEDGES.test(straight[2]!)) {
    const pronoun = PRONOUN_OBJECT.test(straight[2]!.split(/\s+/)[0] ?? '');
    return { verb: straight[1]!, task: taskText(straight[1]!, straight[2]!, due), due, pronoun, antecedent: null };
  }
  const inverted = INVERTED.exec(s);
  if (inverted && isAction(inverted[2]!, inverted[3]!) && !HEDGES.test(inverted[3]!)) {
    const fronted = inverted[1]!.toLowerCase();
    const pronoun = fronted !== 'så' && fronted !== 'og så';
    const before = s.slice(0, inverted.index);
    const ante = pronoun ? antecedent(before) : null;
    const object = pronoun ? (ante ?? fronted) : '';
    return { verb: inverted[2]!, task: taskText(inverted[2]!, `${object} ${inverted[3]!}`, due), due, pronoun, antecedent: ante };
  }
  return null;
}

function stripDue(rest: string, due: string | null): string {
  return (due ? rest.replace(due, ' ') : rest).replace(FILLERS, '');
}

function isAction(verb: string, rest: string): boolean {
  const v = verb.toLowerCase();
  if (!/r$/u.test(v) || v.length < 3) return false;
  if (NOT_ACTIONS.has(v)) return ACTION_PHRASES.test(`${v} ${rest}`);
  return true;
}

/** "Ingrid, vil du lave et opslag til hjemmesiden?" -> addressee Ingrid, task "Lave et opslag til hjemmesiden". */
const REQUEST = /(?:^|[.!?]\s+)(?:(\[[A-Z_]+_\d+\]|\p{Lu}[\p{L}-]+),\s+)?(?:vil|kan|gider) du (?:ikke )?(?:godt )?(?:lige )?(\p{L}+)\s*([^?]*)\?/u;
const ACCEPTANCE = /(?<![\p{L}])(?:det vil jeg gerne|det gør jeg|det kan jeg godt|det skal jeg nok|det klarer jeg|klart|selvfølgelig|det er fint,? jeg|ja,? det vil jeg|ja,? gerne)(?![\p{L}])/iu;

const DECISION_CUES =
  /^\s*beslutning(?:er)?\s*:|(?<![\p{L}])(?:går vi videre med|vi beslutter|beslutter vi|besluttede|besluttet|beslutningen er|vi er enige om|er vi enige om|enighed om|det blev vedtaget|vedtaget|vedtog|konklusion(?:en)?|vi går videre med|vi aftaler|det aftales|aftalt|lad os sige, at)(?![\p{L}])/iu;
/** The chair's "så flytter vi ...", "så udvider vi ...": a proposal turned into what will happen. */
const SO_WE = /(?:^|[,.]\s*|(?<![\p{L}])og\s+)så (\p{L}+r) vi(?![\p{L}])/iu;
const NOT_DECIDING_VERBS = new Set(['er', 'har', 'får', 'kan', 'skal', 'vil', 'må', 'ser', 'siger', 'tager', 'går', 'vender', 'hører', 'mangler', 'bliver']);
const POSTPONED = /(?<![\p{L}])(?:næste gang|tager (?:vi )?det op|vender tilbage|udskyde|udskudt|ikke noget, vi skal beslutte|senere møde)(?![\p{L}])/iu;
const RETROSPECTIVE = /^(?:(?:så|og|godt|perfekt|fint|okay)[,.]?\s+)*(?:så )?(?:er )?det (?:er )?besluttet[.,]?\s*$|^(?:(?:okay|godt|fint)[,.]?\s+)*så gør vi det\.?$/iu;

function decisionText(sentence: string): string {
  let s = sentence.trim();
  s = s.replace(/^(?:(?:okay|ok|godt|fint|perfekt|super|tak|ja|jo|og|men)[,.!]?\s+)+/iu, '');
  s = s.replace(/^(?:så )?(?:er )?det (?:er )?besluttet,\s*(?:at\s+)?/iu, '');
  s = s.replace(/^vi (?:har )?beslutte[rt],? at\s+/iu, '');
  s = s.replace(/^(?:beslutning|besluttet|konklusion|vedtaget|aftalt)\s*:\s*/iu, '');
  if (/^(?:så )?lad os sige, at\s+/iu.test(s)) {
    // A subordinate clause has "ikke" before the verb; as a sentence of its own it comes after.
    s = s.replace(/^(?:så )?lad os sige, at\s+/iu, '').replace(/^((?:\S+ ){0,3}?\S+) ikke (kan|skal|må|vil|er|har|bliver)(?![\p{L}])/iu, '$1 $2 ikke');
  }
  s = s.replace(/^(?:og )?så (\p{L}+r) vi(?![\p{L}])/iu, (_m, v: string) => `vi ${v}`);
  s = s.replace(/^vi er enige om,? at\s+/iu, '');
  return cap(squash(s).replace(/[\s,;:]+$/u, '')).replace(/(?<![.!?])$/u, '.');
}

function isDecision(sentence: string): boolean {
  if (/\?\s*$/u.test(sentence) || POSTPONED.test(sentence) || DECISION_HEDGES.test(sentence)) return false;
  if (/(?<![\p{L}])(?:ikke|aldrig) (?:besluttet|vedtaget|enige)/iu.test(sentence)) return false;
  if (DECISION_CUES.test(sentence)) return true;
  const so = SO_WE.exec(sentence);
  return !!so && !NOT_DECIDING_VERBS.has(so[1]!.toLowerCase());
}

/** Resolves "Ingrid" to "Ingrid Bjørnholt" when exactly one attendee has that first name. */
function resolveName(name: string, attendees: string[]): string {
  if (attendees.includes(name)) return name;
  const first = attendees.filter((a) => a.split(' ')[0]!.toLowerCase() === name.toLowerCase());
  return first.length === 1 ? first[0]! : name;
}

const THIRD_PERSON_VERBS =
  'sørger for|tager sig af|står for|sender|laver|skriver|ringer til|undersøger|bestiller|kontakter|følger op på|indkalder|udarbejder|opdaterer|booker|giver|informerer|tjekker|afklarer|inviterer|forbereder|retter|udsender|afholder|koordinerer|indhenter|beregner|planlægger|reserverer';
const THIRD_PERSON = new RegExp(
  String.raw`(?:^|[.:;]\s*|-\s+|•\s*)(\[[A-Z_]+_\d+\]|\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)?) (?:skal |vil )?(${THIRD_PERSON_VERBS})(?![\p{L}])\s*(.*)$`,
  'u',
);
const TASK_LINE = /^\s*(?:[-*•]\s*)?(?:opgave|opgaver|todo|to do|handling|aktion)\s*:\s*(.+)$/iu;
const OWNER_FIELD = /\(?\s*(?:ansvarlig|ansv\.)\s*:\s*([^,;)]+)\)?/iu;
const DUE_FIELD = /\(?\s*(?:frist|deadline)\s*:?\s*([^,;)]+)\)?/iu;

export function extractMinutes(text: string): Minutes {
  const transcript = readTranscript(text);
  const attendees = transcript.attendees;
  const turns = transcript.turns;
  const decisions: string[] = [];
  const items: (ActionItem & { verb: string; turn: number })[] = [];

  const addDecision = (d: string) => {
    if (d.length > 3 && !decisions.includes(d)) decisions.push(d);
  };
  let lastDecisionTurn = -10;

  for (let i = 0; i < turns.length; i++) {
    const turn = turns[i]!;
    const speaker = turn.speaker ? resolveName(turn.speaker, attendees) : null;
    const said = sentences(turn.text);

    // Decisions.
    for (let j = 0; j < said.length; j++) {
      const s = said[j]!;
      const retro = RETROSPECTIVE.test(s);
      if (retro) {
        // "Så gør vi det. Fra den 1. oktober ..." points forward; "Så det er besluttet." points back.
        if (/gør vi det/iu.test(s) && said[j + 1]) {
          addDecision(decisionText(said[j + 1]!));
          lastDecisionTurn = i;
        } else if (i - lastDecisionTurn > 3) {
          const prev = j > 0 ? said[j - 1] : turns[i - 1] ? sentences(turns[i - 1]!.text).at(-1) : undefined;
          if (prev && !/\?\s*$/u.test(prev)) addDecision(decisionText(prev));
          lastDecisionTurn = i;
        }
        continue;
      }
      if (isDecision(s)) {
        addDecision(decisionText(s));
        lastDecisionTurn = i;
      }
    }

    // "Opgave:" lines in notes, with "ansvarlig:" and "frist:" where given.
    const taskLine = TASK_LINE.exec(turn.text);
    if (taskLine) {
      let body = taskLine[1]!;
      const ownerField = OWNER_FIELD.exec(body);
      const dueField = DUE_FIELD.exec(body);
      body = body.replace(OWNER_FIELD, ' ').replace(DUE_FIELD, ' ');
      const third = THIRD_PERSON.exec(body);
      const owner = ownerField ? resolveName(ownerField[1]!.trim(), attendees) : third ? resolveName(third[1]!, attendees) : null;
      const due = dueField ? dueField[1]!.trim() : findDue(body);
      const task = third ? `${infinitive(third[2]!.split(' ')[0]!)}${third[2]!.includes(' ') ? ` ${third[2]!.split(' ').slice(1).join(' ')}` : ''} ${third[3]!}` : body;
      items.push({ owner, task: cleanTask(task, due), due: normaliseDue(due), verb: '', turn: i });
      continue;
    }

    // A request to someone, accepted in their next turn (or, in notes, simply written down).
    const request = REQUEST.exec(turn.text);
    const requestTo = request ? (request[1] ? resolveName(request[1], attendees) : (turns[i - 1]?.speaker ?? null)) : null;

    for (const s of said) {
      const third = speaker === null || !/(?<![\p{L}])jeg(?![\p{L}])/iu.test(s) ? THIRD_PERSON.exec(s) : null;
      if (third && (attendees.length === 0 || attendees.includes(resolveName(third[1]!, attendees)) || third[1]!.startsWith('['))) {
        if (!/\?\s*$/u.test(s) && !HEDGES.test(third[3]!)) {
          const due = findDue(third[3]!);
          const [v, ...particle] = third[2]!.split(' ');
          items.push({
            owner: resolveName(third[1]!, attendees),
            task: cleanTask(`${infinitive(v!)} ${particle.join(' ')} ${third[3]!}`, due),
            due: normaliseDue(due),
            verb: infinitive(v!),
            turn: i,
          });
          continue;
        }
      }
      if (!speaker) continue;
      const c = commitmentIn(s);
      if (!c) continue;
      const verb = infinitive(c.verb);
      // A pronoun object continues an earlier task of the same person: this turn's, or one with the same verb.
      if (c.pronoun) {
        const target = [...items].reverse().find((it) => it.owner === speaker && (it.turn === i || (it.verb === verb && i - it.turn <= 4)));
        if (target) {
          if (c.antecedent) target.task = target.verb === verb ? `${target.task} og ${c.antecedent}` : `${target.task} og ${verb} ${c.antecedent}`;
          target.due ??= normaliseDue(c.due);
          continue;
        }
        // "Det gør jeg." with nothing to point back to says yes to something, but not to what.
        if (!c.antecedent && c.task.split(' ').length < 4) continue;
      }
      // The answer to a request: "Ja. Jeg sørger for, at det er opdateret til den 1. oktober." keeps the request's words.
      const prevRequest = i > 0 ? REQUEST.exec(turns[i - 1]!.text) : null;
      const askedMe = prevRequest && (prevRequest[1] ? resolveName(prevRequest[1], attendees) : turns[i - 2]?.speaker) === speaker;
      const vague = /(?<![\p{L}])(?:det|den|dem)(?![\p{L}])/iu.test(c.task.split(' ').slice(0, 4).join(' ')) || c.task.split(' ').length < 3;
      if (askedMe && vague && !items.some((it) => it.turn === i && it.owner === speaker)) {
        const due = c.due ?? findDue(prevRequest[3]!);
        items.push({ owner: speaker, task: cleanTask(`${infinitive(prevRequest[2]!)} ${prevRequest[3]!}`, due), due: normaliseDue(due), verb: infinitive(prevRequest[2]!), turn: i });
        continue;
      }
      items.push({ owner: speaker, task: c.task, due: normaliseDue(c.due), verb, turn: i });
    }

    // A request accepted without restating it ("Det vil jeg gerne."): the request's words are the task, unless
    // it asks someone to *be* something, which is a decision about roles ("Ingrid er makker ...").
    if (request && requestTo && turns[i + 1]?.speaker === requestTo && turn.speaker !== null) {
      const reply = turns[i + 1]!.text;
      const replyCommits = sentences(reply).some((s) => commitmentIn(s));
      if (ACCEPTANCE.test(reply) && !replyCommits) {
        const verb = request[2]!.toLowerCase();
        if (verb === 'være') addDecision(cap(`${requestTo.split(' ')[0]} er ${squash(request[3]!)}.`));
        else {
          const due = findDue(request[3]!) ?? findDue(reply);
          items.push({ owner: requestTo, task: cleanTask(`${verb} ${request[3]!}`, due), due: normaliseDue(due), verb, turn: i + 1 });
        }
      }
    } else if (request && speaker === null && requestTo) {
      const due = findDue(request[3]!);
      items.push({ owner: requestTo, task: cleanTask(`${request[2]!} ${request[3]!}`, due), due: normaliseDue(due), verb: request[2]!, turn: i });
    }

    // "Deadline: fredag" / "Frist: 1. marts" under a task in notes belongs to that task.
    const deadline = /^\s*(?:deadline|frist)\s*:?\s*(.+)$/iu.exec(turn.text);
    if (deadline && !taskLine && items.length && items.at(-1)!.due === null) items.at(-1)!.due = normaliseDue(deadline[1]!.replace(/[.]$/u, '').trim());
  }

  const actionItems = items.map(({ owner, task, due }) => ({ owner, task, due }));
  return { summary: summarise(attendees, decisions, actionItems, turns), attendees, decisions, actionItems };
}

function cleanTask(task: string, due: string | null): string {
  let t = due ? task.replace(due, ' ') : task;
  t = t.replace(FILLERS, '').replace(/[\s,.;:!?-]+$/u, '');
  return tidyTask(t);
}

/** "Tage mig af at teste siderne" -> "Teste siderne"; "sørge for at trykke" -> "Trykke"; no space before commas. */
function tidyTask(task: string): string {
  let t = squash(task).replace(/\s+,/g, ',');
  t = t.replace(/^(?:sørge for|tage (?:mig|sig) af|stå for) at (\p{L}+e)(?![\p{L}])/iu, '$1');
  t = t.replace(/^(tage|sætte) mig(?![\p{L}])/iu, '$1 sig');
  return cap(t);
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
