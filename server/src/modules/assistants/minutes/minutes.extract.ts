import { readTranscript, type Turn } from '../../transcripts/transcripts.parse.js';
import { References, segmentsOf } from './minutes.sources.js';
import type { ActionItem, Minutes } from './minutes.types.js';

/**
 * The offline engine's minutes: deterministic rules over Danish meeting talk and notes. It finds
 * - attendees: the speakers (and names after "Deltagere:" in notes);
 * - decisions: sentences with a decision cue ("vi beslutter", "besluttet", "vi er enige om", "så flytter vi ...");
 *   an agreement that points at what was said ("Så gør vi det.", "Vi lander på det.") takes that; a decision
 *   announced as a question ("Er vi enige om Camillas model?") takes the statement that follows it;
 * - proposals ("jeg foreslår", "kan vi ikke ...?") that nobody agreed to: kept apart, never as decisions;
 * - action items: first-person commitments ("jeg sender ... senest fredag", "så laver jeg ...", "det tager jeg"),
 *   offers ("jeg kan printe et skilt"), requests that the person addressed accepts ("Ingrid, vil du ...?" "Det
 *   vil jeg gerne"; "Hvem vil ...?" "Det tager jeg"), third-person assignments ("Anna sørger for ...", in notes
 *   "SH laver ...") and "Opgave:" lines; with the due date whole, as said;
 * - for each decision and item, the transcript places (cues or lines) it rests on.
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
  String.raw`udgangen af (?:måneden|ugen|året|uge \d{1,2}|${MONTH})`,
  String.raw`(?:i )?morgen(?: tidlig)?`,
  'jul', 'påske', 'nytår', String.raw`(?:sommer|vinter|efterårs|påske|jule)ferien`,
  'i dag',
  String.raw`(?:hun|han|de|vi|du|jeg) \p{L}+r`,
  String.raw`[\p{L}]+(?:en|et|erne) (?:starter|begynder|går i gang|kommer|lanceres|åbner)`,
].join('|');
/** Due phrases with a deadline word come first: "til næste ugemøde" is the due, "i uge 41" may be the task. */
const MARKED_DUE = new RegExp(String.raw`(?<![\p{L}])(?:senest|inden|før|til) (?:på |i |den )?(?:${POINT})(?![\p{L}])`, 'iu');
const PLAIN_DUE = new RegExp(
  String.raw`(?<![\p{L}])(?:i dag|i morgen(?: tidlig| formiddag| eftermiddag)?|i overmorgen|i (?:denne|næste) uge|i uge \d{1,2}|på (?:${WEEKDAY})|i weekenden|i eftermiddag|senest ${DATE}|${DATE})(?![\p{L}])`,
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
const ACTION_PHRASES = /^(?:tager mig af|tager kontakt|tager (?:den|det) med|tager en snak|tager (?:\p{L}+ ){1,2}med til|siger (?:det|den|dem)? ?videre|giver (?:det|den|dem)? ?videre|går videre med|spørger|beder|gør)/iu;
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

export function sentences(text: string): string[] {
  return text
    .split(/(?<!(?<![\p{L}])(?:nr|kl|ca|evt|pkt|jf|bl\.a|f\.eks|mht|vedr)\.)(?<=[.!?])\s+(?=[\p{Lu}\p{N}[])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** "en uge før", "to dage inden": a lead time, said of an event named elsewhere in the sentence. */
const LEAD_DUE = /(?<![\p{L}])(?:en|et|\d+|to|tre|fire|fem) (?:dag|dage|uge|uger) (?:før|inden)(?![\p{L}])/iu;

/**
 * A due tied to an event: "efter styregruppemødet på tirsdag", "på morgenmødet på torsdag", "på næste
 * personalemøde", "inden jul", "efter juleferien". Kept whole: cutting it to "på tirsdag" changes the date.
 */
const EVENT_DUE = new RegExp(
  String.raw`(?<![\p{L}])(?:efter|på|inden|før|senest)(?: (?:det|den))? (?:næste )?(?:\p{L}*møde(?:t)?|(?:sommer|vinter|efterårs|påske|jule)ferien|jul|påske|nytår)(?: (?:på (?:${WEEKDAY})|i (?:næste )?uge(?: \d{1,2})?|den ${DATE}))?(?![\p{L}])`,
  'iu',
);
/** Only when nothing else is said: the condition is the due ("når vi kender antallet"). */
const WHEN_DUE = /(?<![\p{L}])når (?:vi|de|I|jeg|du|han|hun|man) [^,.;!?]{3,40}/u;
/** "... i dag og beder dem sende deres ønsker senest onsdag": a due inside the request to others is theirs. */
const ASKS_OTHERS = /(?<![\p{L}])(?:og )?(?:beder|bede) (?:dem|ham|hende|\p{Lu}[\p{L}-]+)(?![\p{L}])/u;

export function findDue(text: string): string | null {
  const others = ASKS_OTHERS.exec(text);
  const own = others && others.index > 0 ? text.slice(0, others.index) : text;
  const pick = (t: string) => {
    const event = EVENT_DUE.exec(t);
    const m = LEAD_DUE.exec(t) ?? MARKED_DUE.exec(t) ?? PLAIN_DUE.exec(t);
    // The event due holds the other when they overlap ("efter styregruppemødet på tirsdag" holds "på tirsdag").
    if (event && (!m || (m.index >= event.index && m.index < event.index + event[0].length) || m.index > event.index)) return event[0];
    return m ? m[0] : null;
  };
  return pick(own) ?? (own !== text ? pick(text) : null) ?? WHEN_DUE.exec(text)?.[0] ?? null;
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
  t = t.replace(/(?<=\sog\s+)(\p{L}+)(?=[\s,])/gu, (v) => (SECOND_VERBS.has(v.toLowerCase()) ? infinitive(v) : v));
  t = squash(`${infinitive(verb)} ${t.replace(FILLERS, '')}`).replace(/[\s,.;:!?]+$/u, '');
  return tidyTask(t);
}

const PARTICIPLES: Record<string, string> = { skrevet: 'skrive', givet: 'give', taget: 'tage', gjort: 'gøre', sat: 'sætte', lagt: 'lægge', sagt: 'sige', fået: 'få', set: 'se' };
/** "sendt" -> "sende", "lavet" -> "lave", "skrevet" -> "skrive". */
function fromParticiple(p: string): string {
  const v = p.toLowerCase();
  if (PARTICIPLES[v]) return PARTICIPLES[v];
  if (v.endsWith('et')) return `${v.slice(0, -2)}e`;
  return v.endsWith('t') ? `${v.slice(0, -1)}e` : v;
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
const STRAIGHT = new RegExp(String.raw`${LEAD}jeg (?:skal nok |nok )?([\p{L}']+),?\s+(.*)$`, 'iu');
const INVERTED = new RegExp(String.raw`(?:^|[,;]\s*|(?<![\p{L}])(?:og|så)\s+)(?:(så|det|den|dem|og så)\s+)([\p{L}']+r) jeg(?![\p{L}])\s*(.*)$`, 'iu');
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
    const pronoun = PRONOUN_OBJECT.test(straight[2]!.split(/\s+/)[0] ?? '') && !/^(?:den|det) med at /iu.test(straight[2]!);
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

const ACCEPTANCE = /(?<![\p{L}])(?:det vil jeg gerne|det gør jeg|de[nt] tager jeg|det kan jeg godt|det skal jeg nok|det klarer jeg|klart|selvfølgelig|det er fint,? jeg|ja,? det vil jeg|ja,? gerne)(?![\p{L}])/iu;

const DECISION_CUES =
  /^\s*beslutning(?:er)?\s*:|(?<![\p{L}])(?:går vi videre med|vi beslutter|beslutter vi|besluttede|besluttet|beslutningen er|vi er enige om|(?:var|blev) (?:vi )?enige om|enighed om|lander (?:vi )?på|vi lander på|det blev vedtaget|vedtaget|vedtog|konklusion(?:en)?|vi går videre med|vi aftaler|det aftales|aftalt|lad os sige, at)(?![\p{L}])/iu;
/** The chair's "så flytter vi ...", "så udvider vi ...": a proposal turned into what will happen. */
const SO_WE = /(?:^|[,.]\s*|(?<![\p{L}])og\s+)så (\p{L}+r) vi(?![\p{L}])/iu;
const NOT_DECIDING_VERBS = new Set([
  'er', 'har', 'får', 'kan', 'skal', 'vil', 'må', 'ser', 'siger', 'tager', 'går', 'vender', 'hører', 'mangler', 'bliver',
  // Talk about the meeting itself, or a consequence: "så venter vi lige", "så starter vi", "så slipper vi for ...".
  'venter', 'starter', 'begynder', 'slipper', 'snakker', 'taler', 'ses', 'høres', 'kører', 'runder', 'når',
]);
const POSTPONED =
  /(?<![\p{L}])(?:næste gang|tager (?:vi )?(?:det|den) op|vender tilbage|udskyde|udskudt|ikke noget, vi skal beslutte|senere møde|venter (?:vi )?med|(?:ingen |ikke (?:nogen )?)(?:konklusion|beslutning|enighed)|ikke afklaret)(?![\p{L}])/iu;
const RETROSPECTIVE =
  /^(?:(?:så|og|godt|perfekt|fint|okay)[,.]?\s+)*(?:så )?(?:er )?det (?:er )?besluttet(?:,\s*(?:ingen indvendinger|alle (?:er )?enige|enstemmigt))?[.,]?\s*$|^(?:(?:okay|godt|fint|jo|ja)[,.]?\s+)*(?:så gør vi det|det gør vi|(?:så )?(?:vi )?lander (?:vi )?på det)[.!]?$/iu;
/** "Er vi enige om Camillas model?", "Skal vi bare beslutte det?": the decision is what is said next. */
const ANNOUNCEMENT = /(?<![\p{L}])(?:er (?:vi|alle|I) enige|skal vi (?:ikke )?(?:bare )?beslutte|kan vi beslutte|kan vi blive enige|er det en beslutning)(?![\p{L}])[^?]*\?\s*$/iu;
/** Said before a decision is stated: "Ja.", "Altså:", "Enig." */
const AGREEMENT_LEAD = /^(?:(?:ja|jo|ok|okay|enig|fint|godt|altså|præcis|netop|så)[,.:!]?\s+)+/iu;

function decisionText(sentence: string): string {
  let s = sentence.trim();
  s = s.replace(/^(?:(?:okay|ok|godt|fint|perfekt|super|tak|ja|jo|og|men)[,.!]?\s+)+/iu, '');
  s = s.replace(/^(?:så )?(?:er )?det (?:er )?besluttet[,:]\s*(?:at\s+)?/iu, '');
  s = s.replace(/^vi (?:har )?beslutte[rt],? at\s+/iu, '');
  s = s.replace(/^(?:beslutning|besluttet|konklusion|vedtaget|aftalt)\s*:\s*/iu, '');
  if (/^(?:så )?lad os sige, at\s+/iu.test(s)) {
    // A subordinate clause has "ikke" before the verb; as a sentence of its own it comes after.
    s = s.replace(/^(?:så )?lad os sige, at\s+/iu, '').replace(/^((?:\S+ ){0,3}?\S+) ikke (kan|skal|må|vil|er|har|bliver)(?![\p{L}])/iu, '$1 $2 ikke');
  }
  s = s.replace(/^(?:og )?så (\p{L}+r) vi(?![\p{L}])/iu, (_m, v: string) => `vi ${v}`);
  s = s.replace(/^vi (?:er|var|blev) enige om,? at\s+/iu, '');
  s = s.replace(/^(?:så )?(?:vi )?lander (?:vi )?på,? at (\p{L}+)/iu, (_m, v: string) => `vi ${present(v)}`);
  s = s.replace(/^så (?:vi )?lander (?:vi )?på\s+/iu, 'vi lander på ');
  return cap(squash(s).replace(/[\s,;:]+$/u, '')).replace(/(?<![.!?])$/u, '.');
}

function isDecision(sentence: string): boolean {
  if (/\?\s*$/u.test(sentence) || POSTPONED.test(sentence) || DECISION_HEDGES.test(sentence)) return false;
  if (/(?<![\p{L}])(?:foreslog|foreslået|forslag fra)(?![\p{L}])/iu.test(sentence)) return false;
  if (/(?<![\p{L}])(?:ikke|aldrig) (?:besluttet|vedtaget|enige)/iu.test(sentence)) return false;
  if (DECISION_CUES.test(sentence)) return true;
  const so = SO_WE.exec(sentence);
  // "Hvis den ikke er klar, så tager vi ...": a condition, not a decision.
  return !!so && !NOT_DECIDING_VERBS.has(so[1]!.toLowerCase()) && !/(?<![\p{L}])hvis(?![\p{L}])[^.]*?(?<![\p{L}])så \p{L}+r vi(?![\p{L}])/iu.test(sentence);
}

/** Resolves "Ingrid" to "Ingrid Bjørnholt" when exactly one attendee has that first name. */
function resolveName(name: string, attendees: string[]): string {
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

/** An attendee named by full name, first name or initials. */
function attendeeNamed(name: string, attendees: string[]): string | null {
  const r = resolveName(name, attendees);
  return attendees.includes(r) ? r : null;
}

const THIRD_PERSON_VERBS =
  'sørger for|tager sig af|står for|tager kontakt|spørger|orienterer|sender|laver|skriver|ringer til|undersøger|bestiller|kontakter|følger op på|indkalder|udarbejder|opdaterer|booker|giver|informerer|tjekker|afklarer|inviterer|forbereder|retter|udsender|afholder|koordinerer|indhenter|beregner|planlægger|reserverer';
const THIRD_PERSON = new RegExp(
  String.raw`(?:^|[.:;]\s*|-\s+|•\s*)(\[[A-Z_]+_\d+\]|\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)?) (?:skal |vil )?(${THIRD_PERSON_VERBS})(?![\p{L}])\s*(.*)$`,
  'u',
);
const TASK_LINE = /^\s*(?:[-*•]\s*)?(?:opgave|opgaver|todo|to do|handling|aktion)\s*:\s*(.+)$/iu;
const OWNER_FIELD = /\(?\s*(?:ansvarlig|ansv\.)\s*:\s*([^,;)]+)\)?/iu;
const DUE_FIELD = /\(?\s*(?:frist|deadline)\s*:?\s*([^,;)]+)\)?/iu;

/** One sentence of the meeting, where it was said. */
interface Said {
  turn: number;
  idx: number;
  text: string;
  speaker: string | null;
}
interface Found {
  text: string;
  /** The sentences it rests on: the references are found from these. */
  at: string[];
}
interface Item extends ActionItem {
  verb: string;
  turn: number;
  idx: number;
  at: string[];
}

const PROPOSAL =
  /(?<![\p{L}])(?:jeg foreslår|vi foreslår|mit forslag er|forslaget er|vi kunne (?:jo )?|kan vi ikke|kunne vi ikke|skal vi ikke|hvad med|jeg er for,? at|foreslog|blev foreslået|forslag fra)(?![\p{L}])/iu;
/** Proposals about the meeting itself ("skal vi ikke bare starte?") are not recorded. */
const MEETING_TALK = /(?<![\p{L}])(?:starte|begynde|gå i gang|holde pause|tage en pause|slutte|runde af)(?![\p{L}])/iu;
const PRESENT: Record<string, string> = { være: 'er', gøre: 'gør', have: 'har', se: 'ser', gå: 'går', få: 'får', stå: 'står' };
const present = (v: string) => PRESENT[v.toLowerCase()] ?? `${v.toLowerCase()}r`;

/** "Kan vi ikke søge skolebestyrelsens pulje?" -> "Vi søger skolebestyrelsens pulje." */
function proposalText(sentence: string): string {
  let t = sentence.replace(/^(?:[-*•]\s*)?(?:(?:men|og|så|ja|jo|nej|okay|hmm)[,.]?\s+)+/iu, '');
  t = t.replace(/^(?:mit forslag er|forslaget er|jeg foreslår|vi foreslår|jeg er for),? (?:at\s+)?/iu, '');
  t = t.replace(/(^|,\s*)(?:kan|kunne|skal) vi ikke (?:også )?(?:bare )?(?:jo )?(\p{L}+)/iu, (_m, pre: string, v: string) => `${pre}vi ${present(v)}`);
  t = t.replace(/^vi kunne (?:jo )?(?:bare )?(?:også )?(\p{L}+)/iu, (_m, v: string) => `vi ${present(v)}`);
  t = t.replace(/^hvad med\s+/iu, '');
  return cap(squash(t).replace(/[\s,;:?!.]+$/u, '')).concat('.');
}

function isProposal(sentence: string): boolean {
  return PROPOSAL.test(sentence) && !MEETING_TALK.test(sentence) && !HEDGES.test(sentence.replace(/vi kunne/iu, '')) && contentCount(sentence) >= 3;
}

const CONTENT_STOP = new Set('og i på til af at det den de en et om for med som er har der så vi jeg du han hun dem sig skal kan vil ikke også lige bare jo ja nej okay men'.split(' '));
const contentCount = (s: string) => (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1 && !CONTENT_STOP.has(w)).length;

/** "Trivselsmålingen.", "Sidste punkt, telefonerne.", "Så er der bussen.", and headings in notes. */
const POINT_LEAD = /^(?:(?:første|andet|tredje|fjerde|næste|sidste|nyt)(?: store)? punkt(?: er)?[,.:]?\s+)(.{3,60}?)[.!]?$/iu;
const SO_THERE_IS = /^så er (?:der|det) ((?:\p{L}+ ){0,3}\p{L}+)\.$/iu;
const NOT_TOPICS = /^(?:godmorgen|goddag|hej|okay|godt|tak|super|dejligt|perfekt|fint|præcis|enig|undskyld|velkommen|hmm|nå|jamen|nemlig|selvfølgelig|klart|besluttet)/iu;

const SO_POINT = /^så (\p{Ll}[\p{L}-]*(?:et|en|erne|ne)(?: (?:om|til|for|med|af) [\p{L}-]+)?)\.$/iu;
const NAMED_POINT = /^(\[[A-Z_]+_\d+\]|\p{Lu}[\p{L}-]+), ([\p{L}'’-]+(?: [\p{L}'’-]+){0,3})\.$/u;

/** The point a sentence opens, if it opens one: said by the chair, followed by what is said about it. */
function topicIn(sentence: string, more: boolean, chair: boolean, attendees: string[]): string | null {
  const point = POINT_LEAD.exec(sentence);
  if (point && !/\?/u.test(point[1]!)) return point[1]!.replace(/[.]$/u, '');
  const there = SO_THERE_IS.exec(sentence) ?? SO_POINT.exec(sentence);
  if (there && !/besluttet|det hele|alt|os|det$/iu.test(there[1]!)) return there[1]!;
  const named = NAMED_POINT.exec(sentence);
  if (named && chair && attendeeNamed(named[1]!, attendees)) return named[2]!;
  const short = /^\p{Lu}[\p{L}'’-]{2,}(?: [\p{L}\d'’-]+){0,3}\.$/u.test(sentence) && (/^\S{5,}/u.test(sentence) || sentence.includes(' '));
  if (more && chair && short && !NOT_TOPICS.test(sentence) && !/(?<![\p{L}])(?:er|har|var|kan|vil|skal|tak|jeg|vi|du|det)(?![\p{L}])/iu.test(sentence)) return sentence.slice(0, -1);
  return null;
}

/** A heading line in notes: "1. Sagsbehandlingstider", "APV 2026", "Vold og trusler". */
function noteHeading(line: string, first: boolean): string | null {
  if (first || /[.:?!]$/u.test(line) || /^[-*•]/u.test(line) || line.includes(':') || /\d{1,2}[./]\d/u.test(line)) return null;
  const t = line.replace(/^\d+\.\s*/u, '');
  return t.split(/\s+/).length <= 6 && /^\p{Lu}/u.test(t) && !/referat|noter fra|dagsorden/iu.test(t) ? t : null;
}

const INFORMATION = /(?<![\p{L}])(?:til efterretning|til orientering|orienterede om|orienterer om|blev orienteret|orientering om|(?:oplyste|fortalte|orienterede|oplyser|fortæller),? at)(?![\p{L}])/iu;

/** "Louise, ...", "Og Lars, ...", "..., Nadia?": the person a sentence is said to. */
const VOCATIVE_HEAD = /^(?:(?:[Oo]g|[Mm]en|[Ss]å)\s+)?(\[[A-Z_]+_\d+\]|\p{Lu}[\p{L}-]+),\s/u;
const VOCATIVE_TAIL = /,\s*(\[[A-Z_]+_\d+\]|\p{Lu}[\p{L}-]+)\s*\?\s*$/u;
const ASK = /(?:^|[,;]\s*)(?:(?:[Oo]g|[Mm]en|[Ss]å)\s+)?(?:(\[[A-Z_]+_\d+\]|\p{Lu}[\p{L}-]+),\s+)?(?:[Vv]il|[Kk]an|[Gg]ider|[Kk]unne) du (?:ikke )?(?:godt )?(?:lige )?(?:også )?(\p{L}+)\s*([^?]*)\?/u;
const WHO_ASKS = /^(?:(?:og|så|men)\s+)?hvem (?:vil|kan|tager|gider) (?:gerne )?(?:lige )?(\p{L}+)\s*([^?]*)\?/iu;
const SHALL_I = /^(?:(?:og|så|men)\s+)?skal jeg (?:ikke )?(?:lige )?(\p{L}+)\s*([^?]*)\?/iu;
const PLAIN_YES = /^(?:ja|jo|jep|yes|okay|ok|fint|gerne|klart|selvfølgelig)(?![\p{L}])/iu;
const REFUSAL = /^(?:(?:ja|jo),?\s+)?(?:nej|det kan jeg ikke|det når jeg ikke|det har jeg ikke tid)/iu;
/** Asked of someone now, in the meeting ("vil du starte med status?"): not a task. */
const MEETING_ACTS = new Set(['starte', 'begynde', 'fortælle', 'sige', 'dele', 'vise', 'præsentere', 'gennemgå', 'tage', 'høre', 'se', 'læse']);
const VAGUE = /(?<![\p{L}])(?:det|den|dem|ham|hende)(?![\p{L}])/iu;

interface Ask {
  to: string | null;
  verb: string;
  rest: string;
  who: boolean;
}

function askIn(sentence: string, attendees: string[]): Ask | null {
  const who = WHO_ASKS.exec(sentence);
  if (who) return { to: null, verb: who[1]!, rest: who[2]!, who: true };
  const ask = ASK.exec(sentence);
  if (!ask) return null;
  const named = [ask[1], VOCATIVE_HEAD.exec(sentence)?.[1], VOCATIVE_TAIL.exec(sentence)?.[1]]
    .filter((n): n is string => !!n)
    .map((n) => (n.startsWith('[') ? n : attendeeNamed(n, attendees)))
    .find((n): n is string => !!n);
  return { to: named ?? null, verb: ask[2]!, rest: ask[3]!, who: false };
}

/** "ringe til ham" in "du kender viceværten, kan du ringe til ham?" -> "ringe til viceværten". */
function resolvePerson(task: string, context: string): string {
  if (!/(?<![\p{L}])(?:ham|hende)(?![\p{L}])/iu.test(task)) return task;
  const before = context.split(/(?<![\p{L}])(?:ham|hende)(?![\p{L}])/iu)[0] ?? '';
  const nouns = [...before.matchAll(/(?<![\p{L}])(\p{Ll}[\p{L}-]{3,}en)(?![\p{L}])/gu)].map((m) => m[1]!).filter((w) => !/^(?:men|igen|sammen|hinanden)$/u.test(w));
  const noun = nouns.at(-1);
  return noun ? task.replace(/(?<![\p{L}])(?:ham|hende)(?![\p{L}])/iu, noun) : task;
}

/** "en plan med navne" -> "planen med navne": the thing already mentioned. */
function definite(article: string, noun: string, rest: string): string {
  const n = noun.toLowerCase();
  const end = article.toLowerCase() === 'et' ? (n.endsWith('e') ? 't' : 'et') : n.endsWith('e') ? 'n' : 'en';
  return squash(`${n}${end}${rest}`);
}
const THING = /(?<![\p{L}])(?:skal (?:have|lave|skrive|sende|bruge)|mangler|brug for|laver|lave|skriver|skrive|sender|sende)\s+(?:jeg |vi |du )?(en|et)\s+((?:ny |nyt |lille )?[\p{L}-]{3,})((?:\s+(?:på|om|til|med|for|over)\s+[\p{L}\d-]+(?:\s+og\s+[\p{L}-]+)?){0,2})/giu;
const TELLING = /^(?:fortælle|orientere|informere|tale|snakke)$/iu;

/** "Fortælle det på morgenmødet" -> "Fortælle om planen med navne og tidspunkter": the pronoun's thing, said shortly before. */
function resolveThing(item: Item, turns: Turn[], ownSentence: string): string {
  const m = /^(\p{L}+) (det|den|dem)(?![\p{L}])(.*)$/iu.exec(item.task);
  if (!m) return item.task;
  for (let t = item.turn; t >= Math.max(0, item.turn - 3); t--) {
    const text = t === item.turn ? turns[t]!.text.slice(0, Math.max(0, turns[t]!.text.indexOf(ownSentence))) : turns[t]!.text;
    const things = [...text.matchAll(THING)];
    const last = things.at(-1);
    if (!last) continue;
    const thing = definite(last[1]!, last[2]!, last[3] ?? '');
    return cap(squash(`${m[1]!.toLowerCase()} ${TELLING.test(m[1]!) ? 'om ' : ''}${thing}${m[3]!}`));
  }
  return item.task;
}

const NOTES_THIRD = /^(?:[-*•]\s*)?(\[[A-Z_]+_\d+\]|\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)?) (?:skal |vil )?(\p{L}+r)(?![\p{L}])\s*(.*)$/u;
const JOINT = /^(?:[-*•]\s*)?(\p{Lu}[\p{L}-]+) og (\p{Lu}[\p{L}-]+) (\p{L}+r)(?![\p{L}])/u;
/** Verbs that in notes report or describe rather than assign. */
const NOT_NOTE_TASKS = new Set([
  'er', 'har', 'kan', 'vil', 'skal', 'må', 'bør', 'synes', 'mener', 'ved', 'tror', 'mangler', 'kommer', 'bliver', 'var', 'nævner', 'foreslår',
  'ønsker', 'håber', 'oplyser', 'fortæller', 'siger', 'spørger om', 'lover', 'savner', 'finder', 'ser', 'hører', 'deltager', 'mødte',
]);

export function extractMinutes(text: string): Minutes {
  const transcript = readTranscript(text);
  const { attendees, turns } = transcript;
  const chair = turns.find((t) => t.speaker)?.speaker ?? null;
  const said: Said[][] = turns.map((t, i) =>
    sentences(t.text).map((s, idx) => ({ turn: i, idx, text: s.replace(/^[-*•]\s+/u, ''), speaker: t.speaker ? resolveName(t.speaker, attendees) : null })),
  );
  const decisions: Found[] = [];
  const proposals: Found[] = [];
  const information: Found[] = [];
  const agenda: string[] = [];
  const topics: (string | null)[] = [];
  const items: Item[] = [];
  const consumed = new Set<string>();
  const key = (s: Said) => `${s.turn}:${s.idx}`;

  const addDecision = (d: string, at: string[]) => {
    if (d.length > 3 && !decisions.some((x) => x.text === d)) decisions.push({ text: d, at });
  };
  let lastDecisionTurn = -10;
  let pending: { turn: number; at: string[]; proposal: Said | null; since: number } | null = null;

  /** The proposal an agreement points back to: in this turn before it, else the last turns of the others. */
  const proposalBefore = (i: number, j: number): Said | null => {
    const own = said[i]!.slice(0, j).reverse().find((s) => contentCount(s.text) >= 3 && !RETROSPECTIVE.test(s.text));
    if (own && (isProposal(own.text) || !/\?\s*$/u.test(own.text))) return own;
    for (let t = i - 1; t >= Math.max(0, i - 2); t--) {
      if (turns[t]!.speaker && turns[t]!.speaker === turns[i]!.speaker) continue;
      const ss = said[t]!;
      const p = ss.find((s) => isProposal(s.text)) ?? ss.find((s) => contentCount(s.text) >= 3 && !/\?\s*$/u.test(s.text));
      if (p) return p;
    }
    return null;
  };

  let topic: string | null = null;
  for (let i = 0; i < turns.length; i++) {
    const turn = turns[i]!;
    const speaker = turn.speaker ? resolveName(turn.speaker, attendees) : null;
    const ss = said[i]!;

    // Agenda points: the chair naming the next point, or a heading in notes.
    const heading = speaker === null ? noteHeading(turn.text, i === 0) : null;
    if (heading) topic = heading;
    ss.forEach((s, j) => {
      const t = speaker === null ? null : topicIn(s.text, j < ss.length - 1, turn.speaker === chair, attendees);
      if (t) topic = t;
    });
    if (topic && !agenda.includes(topic)) agenda.push(topic);
    topics[i] = topic;

    // A decision announced as a question is stated in one of the next turns, or it was the proposal before.
    if (pending && i > pending.turn) {
      const statement = ss
        .map((s) => s.text.replace(AGREEMENT_LEAD, ''))
        .filter((s) => !/\?\s*$/u.test(s) && !/(?<![\p{L}])jeg(?![\p{L}])/iu.test(s) && contentCount(s) >= 1);
      if (decisions.length > pending.since) pending = null;
      else if (statement.length && contentCount(statement.join(' ')) >= 4 && !RETROSPECTIVE.test(statement.join(' '))) {
        addDecision(decisionText(statement.join(' ')), [...pending.at, ...ss.map((s) => s.text)]);
        lastDecisionTurn = i;
        pending = null;
      } else if (i - pending.turn >= 3) {
        if (pending.proposal) addDecision(proposalText(pending.proposal.text), [pending.proposal.text, ...pending.at]);
        pending = null;
      }
    }

    for (let j = 0; j < ss.length; j++) {
      const s = ss[j]!.text;
      if (RETROSPECTIVE.test(s)) {
        findAgreed(i, j, s);
        continue;
      }
      if (ANNOUNCEMENT.test(s)) {
        pending = { turn: i, at: [s], proposal: proposalBefore(i, j), since: decisions.length };
        continue;
      }
      const joint = speaker === null ? JOINT.exec(s) : null;
      if (joint && attendeeNamed(joint[1]!, attendees) && attendeeNamed(joint[2]!, attendees) && !NOT_NOTE_TASKS.has(joint[3]!.toLowerCase())) {
        addDecision(decisionText(s), [s]);
        continue;
      }
      if (isDecision(s)) {
        addDecision(decisionText(s), [s]);
        lastDecisionTurn = i;
        continue;
      }
      if (isProposal(s)) proposals.push({ text: proposalText(s), at: [s] });
      else if (INFORMATION.test(s) && !/\?\s*$/u.test(s)) information.push({ text: cap(squash(s)), at: [s] });
    }

    findItems(i, speaker);
  }

  function findAgreed(i: number, j: number, s: string): void {
    const ss = said[i]!;
    const next = ss[j + 1];
    if (/besluttet/iu.test(s)) {
      // "Så det er besluttet." points back; after a question ("Er vi enige om Camillas model?") it is announced.
      const prev = j > 0 ? ss[j - 1]!.text : said[i - 1]?.at(-1)?.text;
      if (prev && /\?\s*$/u.test(prev)) pending = { turn: i, at: [prev, s], proposal: proposalBefore(i, j - 1), since: decisions.length };
      else if (prev && i - lastDecisionTurn > 3) {
        addDecision(decisionText(prev), [prev, s]);
        lastDecisionTurn = i;
      }
      return;
    }
    // "Så gør vi det." / "Vi lander på det.": what was just proposed, or the statement that follows.
    const forward = /gør vi/iu.test(s) && next && !/\?\s*$/u.test(next.text) && !/(?<![\p{L}])jeg(?![\p{L}])/iu.test(next.text) ? next : null;
    const back = proposalBefore(i, j);
    const pick = forward && (!back || contentCount(forward.text) >= contentCount(back.text)) ? forward : back;
    if (!pick) return;
    addDecision(pick === forward ? decisionText(pick.text) : isProposal(pick.text) ? proposalText(pick.text) : decisionText(pick.text), [pick.text, s]);
    lastDecisionTurn = i;
    const p = proposals.findIndex((x) => x.at.includes(pick.text));
    if (p >= 0) proposals.splice(p, 1);
  }

  function findItems(i: number, speaker: string | null): void {
    const turn = turns[i]!;
    const ss = said[i]!;

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
      items.push({ owner, task: cleanTask(task, due), due: normaliseDue(due), verb: '', turn: i, idx: 0, at: [turn.text] });
      return;
    }

    for (const s of ss) {
      if (consumed.has(key(s))) continue;
      if (speaker !== null && askFor(i, s)) continue;
      if (thirdPerson(i, s, speaker)) continue;
      if (!speaker) continue;
      commitment(i, s, speaker);
    }

    // "Deadline: fredag" / "Frist: 1. marts" under a task in notes belongs to that task.
    const deadline = /^\s*(?:deadline|frist)\s*:?\s*(.+)$/iu.exec(turn.text);
    if (deadline && items.length && items.at(-1)!.due === null) items.at(-1)!.due = normaliseDue(deadline[1]!.replace(/[.]$/u, '').trim());
  }

  /** A request to someone ("Louise, kan du ...?", "Hvem vil ...?") or an offer ("Skal jeg ...?") that the next turn accepts. */
  function askFor(i: number, s: Said): boolean {
    const reply = turns[i + 1];
    const replySaid = said[i + 1] ?? [];
    const shall = SHALL_I.exec(s.text);
    if (shall && reply && reply.speaker !== turns[i]!.speaker && PLAIN_YES.test(reply.text) && !REFUSAL.test(reply.text)) {
      const at = [s.text, replySaid[0]!.text];
      let due: string | null = null;
      // "Det gør jeg i weekenden." from the one who offered, in the turn after the yes.
      const later = said[i + 2]?.find((x) => x.speaker === s.speaker && commitmentIn(x.text));
      // "Så laver jeg en oplæringsplan, inden hun starter.": the offer's own words come after; they are the task.
      if (later && !commitmentIn(later.text)!.pronoun) return false;
      const back = later;
      if (back) {
        due = commitmentIn(back.text)!.due;
        consumed.add(key(back));
        at.push(back.text);
      }
      items.push({ owner: s.speaker, task: cleanTask(`${shall[1]!} ${shall[2]!}`, null), due: normaliseDue(due), verb: infinitive(shall[1]!), turn: i, idx: s.idx, at });
      return true;
    }
    const ask = askIn(s.text, attendees);
    if (!ask) return false;
    const to = ask.who ? (reply?.speaker ? resolveName(reply.speaker, attendees) : null) : (ask.to ?? (turns[i - 1]?.speaker && turns[i - 1]!.speaker !== turns[i]!.speaker ? resolveName(turns[i - 1]!.speaker!, attendees) : null));
    if (!to || !reply?.speaker || resolveName(reply.speaker, attendees) !== to || REFUSAL.test(reply.text)) return false;
    const verb = ask.verb.toLowerCase();
    const replies = replySaid.map((r) => ({ r, c: commitmentIn(r.text), on: /^og\s/iu.test(r.text) }));
    const vague = (c: Commitment) => c.pronoun || VAGUE.test(c.task.split(' ').slice(0, 4).join(' ')) || c.task.split(' ').length < 2;
    // The reply's first own commitment, unless it only says yes to the request ("Ja, den kan jeg lave til på fredag").
    const own = replies.find((x) => x.c && !x.on);
    const yes = replies.find((x) => x.c && !x.on && vague(x.c));
    const due0 = findDue(ask.rest);
    const plain = replies.filter((x) => !x.on).map((x) => x.r.text).join(' ');
    const accepted = ACCEPTANCE.test(reply.text) || !!yes || (PLAIN_YES.test(reply.text) && !MEETING_ACTS.has(verb) && !!(due0 ?? findDue(plain)));
    // "Ja, jeg ringer til udbyderen i morgen": the reply's own words say the task.
    if (!accepted || (own && !vague(own.c!))) return false;
    if (verb === 'være') {
      addDecision(cap(`${to.split(' ')[0]} er ${squash(ask.rest)}.`), [s.text, reply.text]);
      return true;
    }
    const after = said[i]![s.idx + 1];
    const fragment = after && /^(?:til|med|om|for) [\p{L}\d[\]_ -]+\.$/iu.test(after.text) && after.text.split(' ').length <= 4 ? ` ${after.text.replace(/\.$/u, '').replace(/^\p{Lu}/u, (c) => c.toLowerCase())}` : '';
    let task = resolvePerson(`${verb} ${ask.rest}${fragment}`, s.text);
    const due = yes?.c?.due ?? due0 ?? findDue(plain) ?? replies.find((x) => x.on && x.c?.due)?.c?.due ?? null;
    const at = [s.text, ...replySaid.map((r) => r.text)];
    for (const x of replies) {
      // "Og så sms'er jeg dig, Louise, når jeg ved noget." carries the same task on.
      if (x.c && x.on) task = `${task.replace(/[\s,.]+$/u, '')}, og ${x.c.task.charAt(0).toLowerCase()}${x.c.task.slice(1)}`;
      if (x.c || x === replies[0]) consumed.add(key(x.r));
    }
    items.push({ owner: to, task: cleanTask(task, due), due: normaliseDue(due), verb, turn: i + 1, idx: 0, at });
    return true;
  }

  /** "Anna sørger for ...", and in notes "SH laver udkast ...", "Anders spørger juristerne ...". */
  function thirdPerson(i: number, s: Said, speaker: string | null): boolean {
    if (/\?\s*$/u.test(s.text)) return false;
    const third = speaker === null || !/(?<![\p{L}])jeg(?![\p{L}])/iu.test(s.text) ? THIRD_PERSON.exec(s.text) : null;
    const notes = speaker === null && !third ? NOTES_THIRD.exec(s.text) : null;
    const m = third ?? notes;
    if (!m) return false;
    const owner = m[1]!.startsWith('[') ? m[1]! : attendees.length === 0 && third ? m[1]! : attendeeNamed(m[1]!, attendees);
    if (!owner || HEDGES.test(m[3]!)) return false;
    if (notes && (NOT_NOTE_TASKS.has(m[2]!.toLowerCase()) || /^,?\s*(?:at|om)\s/iu.test(m[3]!))) return false;
    const due = findDue(m[3]!);
    const [v, ...particle] = m[2]!.split(' ');
    items.push({ owner, task: cleanTask(`${infinitive(v!)} ${particle.join(' ')} ${m[3]!}`, due), due: normaliseDue(due), verb: infinitive(v!), turn: i, idx: s.idx, at: [s.text] });
    return true;
  }

  function commitment(i: number, s: Said, speaker: string): void {
    const c = commitmentIn(s.text);
    if (!c) return;
    const verb = infinitive(c.verb);
    // A pronoun object continues an earlier task of the same person: this turn's, or one with the same verb.
    if (c.pronoun) {
      const target = [...items].reverse().find((it) => it.owner === speaker && (it.turn === i || (it.verb === verb && i - it.turn <= 4)));
      if (target) {
        if (c.antecedent) target.task = target.verb === verb ? `${target.task} og ${c.antecedent}` : `${target.task} og ${verb} ${c.antecedent}`;
        target.due ??= normaliseDue(c.due);
        target.at.push(s.text);
        return;
      }
      // "Det gør jeg." with nothing to point back to says yes to something, but not to what.
      if (!c.antecedent && c.task.split(' ').length < 4) return;
    }
    items.push({ owner: speaker, task: c.task, due: normaliseDue(c.due), verb, turn: i, idx: s.idx, at: [s.text] });
  }

  tidyItems(items, said, turns, topics, decisions);
  // A proposal the meeting took up is a decision now, not an open proposal.
  const words = (x: string) => new Set((x.toLowerCase().match(/[\p{L}\p{N}]{5,}/gu) ?? []));
  for (let k = proposals.length - 1; k >= 0; k--) {
    const p = proposals[k]!;
    const pw = [...words(p.text)];
    const taken = decisions.some((d) => d.at.some((a) => p.at.includes(a)) || (pw.length > 0 && pw.filter((w) => words(d.text).has(w)).length / pw.length >= 0.5));
    if (taken) proposals.splice(k, 1);
  }

  const refs = new References(segmentsOf(text));
  const actionItems = items.map(({ owner, task, due }) => ({ owner, task, due }));
  const decisionTexts = decisions.map((d) => d.text);
  return {
    summary: summarise(attendees, decisionTexts, actionItems, turns),
    attendees,
    decisions: decisionTexts,
    actionItems,
    agenda,
    proposals: proposals.map((p) => p.text),
    information: information.map((x) => x.text),
    references: {
      decisions: decisions.map((d) => refs.cite(d.at)),
      actionItems: items.map((it) => refs.cite(it.at)),
      proposals: proposals.map((p) => refs.cite(p.at)),
      sources: refs.sources,
    },
  };
}

/** The finishing steps: a due said after the task, pronouns resolved, and tasks that the meeting made decisions. */
function tidyItems(items: Item[], said: Said[][], turns: Turn[], topics: (string | null)[], decisions: Found[]): void {
  for (const it of items) {
    // "Så laver jeg en plan ... Du får den i morgen." / "Den kommer ud i uge 6."
    if (!it.due) {
      const later = said[it.turn]!.slice(it.idx + 1).find((s) => VAGUE.test(s.text) && !commitmentIn(s.text) && findDue(s.text));
      if (later) {
        it.due = normaliseDue(findDue(later.text));
        it.at.push(later.text);
      }
    }
    // "Tage den med Rasmus" -> "Tale med Rasmus om trivselsmålingen".
    const withSomeone = /^tage (?:den|det) med (\[[A-Z_]+_\d+\]|\p{Lu}[\p{L}-]+)(.*)$/iu.exec(it.task);
    if (withSomeone) {
      const topic = topics[it.turn];
      it.task = topic ? cap(squash(`tale med ${withSomeone[1]!} om ${topic.toLowerCase()}${withSomeone[2]!}`)) : cap(squash(`tage det op med ${withSomeone[1]!}${withSomeone[2]!}`));
    }
    it.task = resolveThing(it, turns, it.at[0] ?? '');
    it.task = tidyTask(it.task.replace(/,\s*det er (?:fint|godt|ok|okay)(?![\p{L}]).*$/iu, ''));
  }
  // "Jeg kan godt tage med i stedet." - "Så gør vi det. Jens tager med i stedet for Kirsten.": a decision now.
  for (let k = items.length - 1; k >= 0; k--) {
    const it = items[k]!;
    const first = it.owner?.split(' ')[0];
    const stem = it.verb.slice(0, 4).toLowerCase();
    if (first && stem.length >= 3 && decisions.some((d) => d.text.includes(first) && d.text.toLowerCase().includes(stem))) items.splice(k, 1);
  }
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
  // "tage den med at bestille bord" -> "bestille bord"
  t = t.replace(/^tage (?:den|det) med at (\p{L}+)/iu, '$1');
  // "sørge for, at juleplanen bliver sendt ud" -> "sende juleplanen ud": the task, not the state it leaves.
  t = t.replace(
    /^sørge for,? at ((?:den |det |de )?[\p{L}-]+) (?:bliver|er|bli'r) (\p{L}+(?:et|t))(?: (ud|op|ind|rundt|videre))?(?![\p{L}])/iu,
    (_m, np: string, participle: string, particle?: string) => squash(`${fromParticiple(participle)} ${np} ${particle ?? ''}`),
  );
  // "sende den til dig, Nadia" -> "sende den til Nadia": the person addressed is the one meant.
  t = t.replace(/(?<![\p{L}])dig,\s+(\[[A-Z_]+_\d+\]|\p{Lu}[\p{L}-]+)(?![\p{L}])/gu, '$1');
  t = t.replace(/(?<![\p{L}])(?:de der|det der|den der) /giu, '').replace(/\s+selv$/iu, '');
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
