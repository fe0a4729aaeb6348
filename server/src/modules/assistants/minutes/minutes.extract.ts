import { readTranscript, type Turn } from '../../transcripts/transcripts.service.js';
import { References, segmentsOf } from './minutes.sources.js';
import { contentTokens } from './minutes.score.js';
import { findDue, normaliseDue } from './minutes.due.js';
import type { ActionItem, Minutes } from './minutes.types.js';

export { findDue, normaliseDue };

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

/** Present-tense verbs that state what is, not what someone will do. */
const NOT_ACTIONS = new Set([
  'er', 'har', 'sidder', 'står', 'ligger', 'bor', 'hedder', 'kender', 'tror', 'tænker', 'synes', 'mener', 'håber', 'ved', 'føler',
  'forstår', 'kan', 'vil', 'skal', 'må', 'bør', 'gider', 'ser', 'hører', 'savner', 'elsker', 'glæder', 'øver', 'mangler', 'kommer',
  'bliver', 'hører', 'husker', 'regner', 'går', 'plejer', 'kører', 'spørger', 'siger', 'beder', 'tager', 'får', 'gør', 'bruger', 'arbejder',
  'venter', 'vender', 'starter', 'slutter', 'var', 'gjorde', 'hører',
  // Proposing or judging is talk in the meeting, not a task: "Så foreslår jeg syv."
  'foreslår', 'anbefaler', 'vurderer', 'oplever', 'beklager', 'takker',
]);
/** Allowed after all when followed by what makes them a task ("jeg tager mig af", "jeg siger det videre"). */
const ACTION_PHRASES =
  /^(?:tager mig af|tager kontakt|tager (?:den|det) (?:med|op)|tager en snak|tager (?:(?:[\p{L}-]+|\[[A-Z_]+_\d+\]) ){1,5}med(?: til| på|[,.]|$)|tager over|tager (?!(?:bussen|toget|bilen|cyklen|kaffen|ordet|tiden|fri)(?![\p{L}]))\p{Ll}[\p{L}-]*(?:en|et|erne|ne)(?![\p{L}])|siger (?:det|den|dem)? ?videre|giver (?:det|den|dem)? ?videre|går videre med|spørger|beder|gør)/iu;
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

/** Cuts the clauses that explain or condition a task rather than state it, and removes the due phrase. */
function taskText(verb: string, rest: string, due: string | null): string {
  let t = rest;
  if (due) t = t.replace(due, ' ');
  // "..., vi har dem fra Aula": a remark after the task, not part of it.
  t = t.split(/,\s*(?:så|når|hvis|fordi|men|mens|og så|inden|sådan at)\s|\s+så (?:de|kan|har|er|vi)\s|,\s*(?:vi|de|jeg) (?:har|er|ved|kan) /iu)[0]!;
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
  [
    'siger får tager gør sender ringer skriver laver giver beder sætter lægger kontakter tjekker følger sørger booker retter opdaterer',
    'informerer spørger finder henter fortæller aftaler bestiller melder viser afleverer opretter printer hænger skaffer gennemgår',
    'undersøger inviterer indkalder orienterer tilføjer deler',
  ]
    .join(' ')
    .split(' '),
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
/** Going somewhere, said before what the person will do there. */
const COMING = /^(?:kommer|går|kører|cykler|tager)$/iu;
const GOING_TO = /^(?:(?:ud|over|forbi|hjem|derud|derover|herud|ind|ned|op)(?![\p{L}])|(?:på \p{L}+dag|i morgen|i dag|i eftermiddag)(?![\p{L}]))/iu;
/** "Teksten skriver jeg selv i morgen", "Den adgang bestiller jeg til dig i dag": the object said first. */
const FRONTED_OBJECT = /^(?:(?:og|men|ja|jo|okay)[,]?\s+)?((?:den|det|de) \p{Ll}[\p{L}-]+|\p{L}[\p{L}-]*(?:en|et|ne|erne)) (\p{L}+r) jeg(?![\p{L}])\s*(.*)$/iu;
const NOT_OBJECTS = new Set(['igen', 'sammen', 'gerne', 'derefter', 'bagefter', 'senere', 'først', 'hjemme', 'nemlig', 'alene']);
/** "I morgen ringer jeg til hende", "Efter mødet skriver jeg til dem": the due said first. */
const AFTER_DUE = /^(?:(?:og|men|ja|jo|okay|så)[,]?\s+)?(\p{L}+r) jeg(?![\p{L}])\s*(.*)$/iu;

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
  // "Jeg kommer ud på torsdag og laver en plan for træningen": the going is the way, the doing is the task.
  const then = straight && COMING.test(straight[1]!) && GOING_TO.test(straight[2]!) ? /(?:^|\s)og (?:så )?(\p{L}+r) (.+)$/u.exec(straight[2]!) : null;
  if (then && isAction(then[1]!, then[2]!) && !HEDGES.test(s)) {
    return { verb: then[1]!, task: taskText(then[1]!, then[2]!, due), due, pronoun: PRONOUN_OBJECT.test(then[2]!.split(/\s+/)[0] ?? ''), antecedent: null };
  }
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
    // "Det tager jeg mig af." -> "Tage sig af det", not "Tage det mig af".
    const careOf = /^(?:(?:mig|sig) af|for)(?![\p{L}])\s*(.*)$/iu.exec(inverted[3]!);
    const rest = careOf ? `${/^for/iu.test(inverted[3]!) ? 'for' : 'sig af'} ${object} ${careOf[1]!}` : `${object} ${inverted[3]!}`;
    return { verb: inverted[2]!, task: taskText(inverted[2]!, rest, due), due, pronoun, antecedent: ante };
  }
  // "Og når I har godkendt det, sender jeg det endelige svar til udvalget.": the time first, then verb and "jeg".
  const after = AFTER_CLAUSE.exec(s);
  if (after && isAction(after[2]!, after[3]!) && !HEDGES.test(after[3]!)) {
    return { verb: after[2]!, task: taskText(after[2]!, after[3]!, due), due: due ?? `${after[1]!.charAt(0).toLowerCase()}${after[1]!.slice(1)}`, pronoun: false, antecedent: null };
  }
  return frontedCommitment(s, due);
}
const AFTER_CLAUSE = /^(?:(?:og|men|ja|okay)[,]?\s+)?((?:når|så snart|efter at|inden) [^,]{3,60}),\s+(\p{L}+r) jeg(?![\p{L}])\s+(.+)$/iu;

/** A commitment that puts its object or its due before "jeg": "Teksten skriver jeg selv", "I morgen ringer jeg til hende". */
function frontedCommitment(s: string, due: string | null): Commitment | null {
  const lead = due ? /^(?:(?:og|men|ja|jo|okay|så)[,]?\s+)?/iu.exec(s)![0].length : -1;
  if (due && s.slice(lead).toLowerCase().startsWith(due.toLowerCase())) {
    const m = AFTER_DUE.exec(s.slice(lead + due.length).trim());
    if (m && isAction(m[1]!, m[2]!) && !HEDGES.test(m[2]!)) return { verb: m[1]!, task: taskText(m[1]!, m[2]!, null), due, pronoun: PRONOUN_OBJECT.test(m[2]!.split(/\s+/)[0] ?? ''), antecedent: null };
  }
  const f = FRONTED_OBJECT.exec(s);
  if (!f || NOT_OBJECTS.has(f[1]!.toLowerCase()) || /(?:ferien|fri)$/iu.test(f[1]!) || HEDGES.test(f[3]!)) return null;
  const [article, noun] = f[1]!.includes(' ') ? f[1]!.split(' ') : [null, f[1]!];
  const object = article && article.toLowerCase() !== 'de' ? definite(article.toLowerCase() === 'det' ? 'et' : 'en', noun!, '') : f[1]!.toLowerCase();
  if (!isAction(f[2]!, `${object} ${f[3]!}`)) return null;
  return { verb: f[2]!, task: taskText(f[2]!, `${object} ${f[3]!}`, due), due, pronoun: false, antecedent: null };
}

function stripDue(rest: string, due: string | null): string {
  return (due ? rest.replace(due, ' ') : rest).replace(FILLERS, '');
}

function isAction(verb: string, rest: string): boolean {
  const v = verb.toLowerCase();
  if (!/r$/u.test(v) || v.length < 3) return false;
  // "Men jeg taler jo ikke tigrinya": what the speaker does not do is no task.
  if (/^(?:(?:jo|nu|altså|bare|heller) )*(?:ikke|aldrig)(?![\p{L}])/iu.test(rest)) return false;
  if (NOT_ACTIONS.has(v)) return ACTION_PHRASES.test(`${v} ${rest}`);
  return true;
}

const ACCEPTANCE = /(?<![\p{L}])(?:det vil jeg gerne|det gør jeg|de[nt] tager jeg|det kan jeg godt|det skal jeg nok|det klarer jeg|klart|selvfølgelig|det er fint,? jeg|ja,? det vil jeg|ja,? gerne)(?![\p{L}])/iu;

const DECISION_CUES =
  /^\s*(?:beslutning(?:er)?|aftale(?:r)?|konklusion)\s*:|(?<![\p{L}])(?:(?:vi|jeg) har vurderet,? at|(?:vi|jeg) bevilger|(?:er|blev|bliver) bevilget|bevilges|kan (?:vi|jeg) ikke bevilge|går vi videre med|vi beslutter|beslutter vi|besluttede|besluttet|beslutningen er|vi er enige om|(?:var|blev) (?:vi )?enige om|enighed om|lander (?:vi )?på|vi lander på|det blev vedtaget|vedtaget|vedtog|konklusion(?:en)?|vi går videre med|vi aftaler|det aftales|aftalt|lad os sige, at|er (?:vi|alle) enige om|vi (?:kører|går) (?:videre )?med|vi vælger|vælger vi|vi satser på|vi fastholder|vi holder fast i|vi dropper|dropper vi)(?![\p{L}])/iu;
/** "Så er referatet godkendt.", "Regnskabet blev godkendt." - but not "når styregruppen har godkendt budgettet". */
const APPROVED = /(?<![\p{L}])(?:er|blev) (?:[\p{L}-]+ ){0,3}godkendt(?![\p{L}])/iu;
const APPROVED_LATER = /(?<![\p{L}])(?:når|hvis|før|inden|indtil)(?![\p{L}])[^.]*godkendt/iu;
const SO_THEY = /^(?:(?:[Oo]g|[Gg]odt|[Oo]kay|[Ff]int)[,.]?\s+)?[Ss]å (?:får|overtager|tager|deler) (?:\p{Lu}[\p{L}-]+|\[[A-Z_]+_\d+\])(?: og (?:\p{Lu}[\p{L}-]+|\[[A-Z_]+_\d+\]))? (?!lige(?![\p{L}]))\p{L}/u;
/** The chair's "så flytter vi ...", "så udvider vi ...": a proposal turned into what will happen. */
const SO_WE = /(?:^|[,.]\s*|(?<![\p{L}])og\s+)så (\p{L}+r) vi(?![\p{L}])/iu;
/** What follows "så slutter vi" when the meeting itself ends or pauses, not a plan or a service. */
const MEETING_ITSELF = /^\s+(?:(?:lige|bare|så)\s+)?(?:der|her|nu|for i dag|for denne gang|mødet|af|pause|en pause|ti minutters pause)(?![\p{L}])/iu;
const NOT_DECIDING_VERBS = new Set([
  'er', 'har', 'får', 'kan', 'skal', 'vil', 'må', 'ser', 'siger', 'tager', 'går', 'vender', 'hører', 'mangler', 'bliver',
  // A state or a consequence: "og så sidder vi i telefonen hele formiddagen", "så står vi stærkere".
  'sidder', 'står', 'ligger', 'bruger', 'mister', 'risikerer', 'sparer', 'ender', 'kommer',
  // Talk about the meeting itself, or a consequence: "så venter vi lige", "så starter vi", "så slipper vi for ...".
  'venter', 'starter', 'begynder', 'slipper', 'snakker', 'taler', 'ses', 'høres', 'kører', 'runder', 'når',
]);
const CHOSEN_WHEN = /^\s+(?:den \d|d\. \d|\d|kl\. ?\d|(?:på )?(?:man|tirs|ons|tors|fre|lør|søn)dag(?:en)?(?![\p{L}])|uge \d)/iu;
const POSTPONED =
  /(?<![\p{L}])(?:(?:før|inden|når|hvis|indtil) (?:vi|de|I|man) (?:beslutter|har besluttet)|beslutter (?:det|den|noget) ikke|ikke beslutte|næste gang|tager (?:vi )?(?:det|den) op|vender tilbage|udskyde|udskudt|ikke noget, vi skal beslutte|senere møde|venter (?:vi )?med|(?:ingen |ikke (?:nogen )?)(?:konklusion|beslutning|enighed)|ikke afklaret)(?![\p{L}])/iu;
/** "Så er det besluttet.", "Så er vi enige.", "Så er det aftalt.", in notes "Besluttet": what was just said is decided. */
const AGREED_WORDS = String.raw`(?:besluttet|vedtaget|aftalt|godkendt|på plads|en aftale|en beslutning)`;
const POINTING = new RegExp(
  String.raw`^(?:(?:så|og|godt|perfekt|fint|okay|ok|ja|jo|præcis|super|enig)[,.!]?\s+)*(?:så )?(?:(?:er )?det (?:er )?${AGREED_WORDS}|(?:er|bliver) det sådan|(?:er )?vi (?:er )?enige|det er vi enige om|${AGREED_WORDS})(?:,?\s*(?:ingen indvendinger|alle (?:er )?enige|enstemmigt|uden bemærkninger|uden ændringer))?[.,!]?\s*$`,
  'iu',
);
/** "Så gør vi det.", "Så siger vi det.", "Vi lander på det.": agreeing to what was proposed, or to what follows. */
const SO_BE_IT = /^(?:(?:okay|godt|fint|jo|ja|enig)[,.]?\s+)*(?:så gør vi det(?: sådan)?|det gør vi(?: så)?|så gør vi sådan|sådan gør vi|så siger vi det|det siger vi|lad os gøre det|lad os gøre sådan|så kører vi med det|(?:så )?(?:vi )?lander (?:vi )?på det)(?::\s+[^?]+)?[.!]?$/iu;
/** "Ja, det prøver vi frem til sommerferien, og så ser vi på det igen.": what was proposed is agreed as a trial (group 1: how long). */
const TRY_IT =
  /^(?:(?:ja|jo|okay|ok|godt|fint)[,.]?\s+)*(?:så )?(?:det prøver vi|det forsøger vi|lad os prøve det|vi prøver det(?: af)?)(?:\s+((?:frem )?til [^,.!?]+|i (?:en|to|tre|fire|seks|\d+) (?:uger|uge|måneder|måned)|resten af [^,.!?]+))?(?:,\s*og så [^?]*)?[.!]?$/iu;
const RETROSPECTIVE = { test: (s: string) => POINTING.test(s) || SO_BE_IT.test(s) || TRY_IT.test(s) };
/**
 * A recap of what was just decided, often as a question the chair confirms: "Så det er fire sommerhjælpere fra uge
 * 18 til uge 33?", "Altså, så vi forlænger med fire uger, til og med uge 14, ikke?", "Så landdistrikterne starter i
 * uge 19 ...", "Så fra næste uge er det tolv timer om ugen".
 */
const RECAP = /^(?:(?:ja|okay|ok|altså|godt|fint|præcis)[,.:]?\s+)*så (?:(?:det (?:er|bliver)|vi (?!(?:venter|ses|snakker|taler|starter|siger|tager lige)(?![\p{L}]))\p{L}+r|\p{Ll}[\p{L}-]+(?:en|et|ne|erne) \p{L}+r|(?:de|den|det) (?:[\p{L}\d-]+ ){1,6}?\p{L}+r vi)(?![\p{L}])|(?:fra|i|indtil) )/iu;
/** "Er vi enige om Camillas model?", "Skal vi bare beslutte det?": the decision is what is said next. */
const ANNOUNCEMENT = /(?<![\p{L}])(?:er (?:vi|alle|I) enige|skal vi (?:ikke )?(?:bare )?beslutte|kan vi beslutte|kan vi blive enige|er det en beslutning)(?![\p{L}])[^?]*\?\s*$/iu;
/**
 * A question that asks the meeting to confirm what was just said: "Det er vi vel enige om?", "Er alle med på det?"
 * (group 1 empty), or to object to it: "Nogen indvendinger?", "Er der nogen, der er imod?" (group 1 set).
 */
const CONFIRMATION =
  /^(?:(?:og|så|okay|godt)[,]?\s+)?(?:(?:det|dét) er (?:vi|alle|I) (?:vel |så |nu )?enige (?:om|i)|er (?:vi|alle|I) (?:enige|med) (?:i|på) det|kan (?:vi|alle|I) leve med det|er det (?:ok|okay|fint) (?:for|med) (?:alle|jer)|((?:har )?(?:nogen|nogle|I nogen) (?:en )?indvending(?:er)?|er der (?:nogen|nogle),? der er imod|nogen,? der er imod|er der nogen,? der har indvendinger))[^?]*\?\s*$/iu;
/** An objection to what was put to the meeting. */
const OBJECTS = /^(?:(?:ja|jo|nej)[,.]?\s+)?(?:jeg er imod|det er jeg (?:ikke enig i|imod)|det synes jeg ikke|ikke enig|det kan jeg ikke gå med til|det går ikke)/iu;
/** Said before a decision is stated: "Ja.", "Altså:", "Enig." */
/** "Det blev ikke vedtaget; i stedet lægges status på ...": what was decided instead. */
const REJECTED_INSTEAD = /(?:ikke (?:vedtaget|besluttet|godkendt)|blev afvist|afvist|droppet|nej til)[^;.]*[;,]\s*(?:men )?(i stedet .+)$/iu;
const REJECTION_NOTE = /(?:ikke (?:vedtaget|besluttet|godkendt)|blev afvist|droppet)[.!]?\s*$/iu;
const INSTEAD = /^(?:og |men )?(?:i stedet|til gengæld)(?![\p{L}])/iu;
const WE_DO = /^vi (\p{L}+r) (.+)$/iu;
/** Turning a proposal down: "Nej, ...", "Det synes jeg ikke, vi skal.", "Jeg er imod." */
const REJECTION = /^(?:nej(?![\p{L}])|det synes jeg ikke|jeg er imod|det er jeg ikke enig i|det går ikke)/iu;
/** "Det kan vi gøre fra kommunikation.": an answer that points back, not the matter itself. */
const POINTS_BACK = /^(?:(?:ja|jo|nej)[,.]?\s+)?(?:det|den|dem) \p{L}+ (?:vi|jeg|I|du|de)(?![\p{L}])/iu;
/** "Det er jeg enig i.", "Det giver god mening.", "Det lyder godt.": agreeing, no matter of its own. */
const AGREES = /^(?:(?:ja|jo)[,.]?\s+)?(?:det er jeg (?:helt )?enig i|det giver (?:god )?mening|det lyder (?:godt|fint|klogt)|enig|fint med mig|det er fint)/iu;
const AGREEMENT_LEAD = /^(?:(?:ja|jo|ok|okay|enig|fint|godt|altså|præcis|netop|så)[,.:!]?\s+)+/iu;

function decisionText(sentence: string): string {
  let s = sentence.trim();
  s = s.replace(/^(?:(?:okay|ok|godt|fint|perfekt|super|tak|ja|jo|og|men)[,.!]?\s+)+/iu, '');
  s = s.replace(/^(?:så )?(?:er )?det (?:er )?besluttet[,:]\s*(?:at\s+)?/iu, '');
  if (/^(?:(?:så )?er (?:vi|alle) enige om|(?:jeg|vi) har besluttet|vi (?:har )?beslutte[rt]),? at\s+/iu.test(s)) {
    s = mainClause(s.replace(/^(?:(?:så )?er (?:vi|alle) enige om|(?:jeg|vi) har besluttet|vi (?:har )?beslutte[rt]),? at\s+/iu, ''));
  }
  s = s.replace(/^(?:beslutning|besluttet|konklusion|vedtaget|aftalt|aftale|aftaler)\s*:\s*/iu, '');
  s = s.replace(/^(?:vi|jeg) har vurderet,? at\s+/iu, '');
  const summed = /^(?:(?:konklusionen|beslutningen|aftalen) er(?: altså| så| derfor)?|vi aftaler|det aftales|vi beslutter|det besluttes),? at\s+/iu;
  if (summed.test(s)) s = mainClause(s.replace(summed, '')).replace(/, og at /iu, ', og ');
  if (SAY_THAT.test(s)) s = mainClause(s.replace(SAY_THAT, (m) => m.slice(-1)).replace(/, og at /iu, ', og '));
  if (/^(?:så )?lad os sige, at\s+/iu.test(s)) {
    // A subordinate clause has "ikke" before the verb; as a sentence of its own it comes after.
    s = s.replace(/^(?:så )?lad os sige, at\s+/iu, '').replace(/^((?:\S+ ){0,3}?\S+) ikke (kan|skal|må|vil|er|har|bliver)(?![\p{L}])/iu, '$1 $2 ikke');
  }
  // A recap: "Altså, så vi forlænger med fire uger, til og med uge 14, ikke?" -> "Vi forlænger med fire uger, til og med uge 14."
  if (RECAP.test(s)) s = s.replace(/^(?:(?:ja|okay|ok|altså|godt|fint|præcis)[,.:]?\s+)*så (?:det (?:er|bliver) )?/iu, '');
  s = s.replace(/,?\s*(?:ikke|ik'|right|korrekt)\s*\?\s*$/iu, '').replace(/\?\s*$/u, '');
  // "..., og det har jeg fået ja til fra kommunen": the speaker's aside, not the decision.
  s = s.replace(/,\s*og (?:det|den) (?:har|er) jeg [^.;]*\.?$/iu, '');
  // "Så er referatet godkendt." -> "Referatet er godkendt."
  s = s.replace(/^så er ((?:\S+ ){0,3}?\S+) (godkendt|vedtaget|besluttet|aftalt)(?![\p{L}])/iu, '$1 er $2');
  s = s.replace(/^(?:og )?så (\p{L}+r) vi(?![\p{L}])/iu, (_m, v: string) => `vi ${v}`);
  s = s.replace(/^[Ss]å (får|overtager|tager|deler) ((?:\p{Lu}[\p{L}-]+|\[[A-Z_]+_\d+\])(?: og (?:\p{Lu}[\p{L}-]+|\[[A-Z_]+_\d+\]))?) /u, '$2 $1 ');
  s = s.replace(/^vi (?:er|var|blev) enige om,? at\s+/iu, '');
  s = s.replace(/^(?:så )?(?:vi )?lander (?:vi )?på,? at (\p{L}+)/iu, (_m, v: string) => `vi ${present(v)}`);
  s = s.replace(/^så (?:vi )?lander (?:vi )?på\s+/iu, 'vi lander på ');
  return cap(squash(s).replace(/[\s,;:]+$/u, '')).replace(/(?<![.!?])$/u, '.');
}

/** "at vi ikke får den repareret" -> "vi får den ikke repareret": a that-clause as a sentence of its own. */
function mainClause(s: string): string {
  return s.replace(
    /^((?:\S+ ){0,3}?\S+) (ikke|fremover|også|altid|aldrig|kun|stadig|gerne|snart|nu) (\p{L}+(?:r|es))(?: (den|det|dem))?(?![\p{L}])/iu,
    (_m, subject: string, adverb: string, verb: string, pronoun?: string) => (pronoun ? `${subject} ${verb} ${pronoun} ${adverb}` : `${subject} ${verb} ${adverb}`),
  );
}

/** A rule with its condition: "Og vi lægger ikke rigtige data ind, før den er på plads.", "Vi bestiller først, når ...". */
const RULE =
  /^(?:(?:og|så|men|nej|ja)[,]?\s+)?(?:vi|man|der) (?!(?:kan|har|er|ved|når|ser|tror|synes|mener|får|bliver|kommer)(?![\p{L}]))(?:\p{L}+r|må|skal)(?: (?:\p{L}+ ){0,2}?)? (?:ikke|kun|først) [^?]*?,?\s(?:før|indtil|inden|medmindre|så længe)(?![\p{L}])[^?]*$/iu;
/** "Sig, at testen starter i uge 41, og at vi vender tilbage med præcise tider.": the chair settles what is said. */
const SAY_THAT = /^(?:(?:ja|okay|så)[,.]?\s+)?(?:sig|skriv|meld ud)(?: til (?:dem|dem alle|foreningerne|borgerne|forældrene))?,? at\s+\S/iu;

/** A statement of something to be done ("Fremover holder vi teammødet ..."), not of how things are ("det er ikke så slemt"). */
function doesSomething(sentence: string): boolean {
  const s = sentence.toLowerCase();
  // The verb next to its subject ("holder vi", "vi holder", "klinikken lukker"), or a passive ("sendes", "laves").
  const verbs = [...s.matchAll(DOING)].map((m) => m[1] ?? m[2] ?? m[3]!);
  const passive = /(?<![\p{L}])\p{L}{3,}[^e\s]es(?![\p{L}])/u.test(s);
  return (passive || verbs.some((v) => !NOT_DECIDING_VERBS.has(v) && !NOT_ACTIONS.has(v))) && !HEDGES.test(sentence);
}
const DOING = /(?<![\p{L}])(?:vi|der|man|de|i) (\p{L}+r)(?![\p{L}])|(?<![\p{L}])(\p{L}+r) (?:vi|der|man|de|i)(?![\p{L}])|(?<![\p{L}])\p{L}+(?:en|et|erne|ne) (\p{L}+r)(?![\p{L}])/gu;

/** "Byrådet har jo besluttet, at ...": a decision made elsewhere, which the meeting is told about. */
const OTHERS_DECIDED =
  /(?:^|,\s*)(?:byrådet|kommunalbestyrelsen|politikerne|direktionen|folketinget|regionen|ministeriet|styrelsen|regeringen|staten|forvaltningen|borgmesteren|direktøren|udvalget) (?:har (?:jo |allerede |nu |også )?besluttet|besluttede|har vedtaget|vedtog)(?![\p{L}])/iu;

function isDecision(sentence: string): boolean {
  if (OTHERS_DECIDED.test(sentence) || SECTION_LABEL.test(sentence.replace(/[.]$/u, ':'))) return false;
  // "Så får Nadia og Bjørn pladserne, og de to sidste venter vi med": given out now, even if the rest waits.
  if (SO_THEY.test(sentence) && !HEDGES.test(sentence) && !/(?<![\p{L}])(?:travlt|ret|svært|problemer)(?![\p{L}])/iu.test(sentence) && !/\?\s*$/u.test(sentence)) return true;
  // What the chair says is to be told is settled, "vender tilbage med præcise tider" and all.
  if (SAY_THAT.test(sentence)) return !/\?\s*$/u.test(sentence);
  if (/\?\s*$/u.test(sentence) || POSTPONED.test(sentence) || DECISION_HEDGES.test(sentence)) return false;
  if (/(?<![\p{L}])(?:foreslog|foreslået|forslag fra)(?![\p{L}])/iu.test(sentence)) return false;
  // "Mit forslag er, at vi dropper fredagsmødet." proposes; it decides nothing yet.
  if (PROPOSAL.test(sentence) && !/(?<![\p{L}])(?:besluttet|vedtaget|enige|aftalt)(?![\p{L}])/iu.test(sentence)) return false;
  if (/(?<![\p{L}])(?:ikke|aldrig) (?:besluttet|vedtaget|enige|godkendt)/iu.test(sentence)) return false;
  if (DECISION_CUES.test(sentence) || RULE.test(sentence) || (APPROVED.test(sentence) && !APPROVED_LATER.test(sentence))) return true;
  const so = SO_WE.exec(sentence);
  // Closing or pausing the meeting itself: "Så slutter vi der.", "så stopper vi for i dag", "så holder vi pause".
  if (so && MEETING_ITSELF.test(sentence.slice(so.index + so[0].length))) return false;
  // "Så siger vi den 15. september til dialogmødet.": a date or a time chosen.
  if (so && so[1]!.toLowerCase() === 'siger' && CHOSEN_WHEN.test(sentence.slice(so.index + so[0].length))) return true;
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

/** "SB" -> "Susanne": the first names of the attendees whose initials are theirs alone. */
function byInitials(attendees: string[]): Map<string, string> {
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
  /(?<![\p{L}])(?:jeg foreslår|vi foreslår|(?:jeg|vi) (?:vil|ville|kunne|skal) (?:gerne |bare |lige )*foreslå|mit forslag er|forslaget er|vi kunne(?: jo)?|kan vi ikke|kunne vi ikke|skal vi ikke|hvad med|jeg er for,? at|foreslog|blev foreslået|forslag fra|jeg tænkte(?! på| over| det)|jeg synes,? (?:at )?vi skal(?! ikke)|så kunne vi|(?:kan|skal) vi (?:ikke )?blive enige om,? at)(?![\p{L}])/iu;
/** Proposals about the meeting itself ("skal vi ikke bare starte?") are not recorded. */
const MEETING_TALK = /(?<![\p{L}])(?:starte|begynde|gå i gang|holde pause|tage en pause|slutte|runde af)(?![\p{L}])/iu;
const PRESENT: Record<string, string> = { være: 'er', gøre: 'gør', have: 'har', se: 'ser', gå: 'går', få: 'får', stå: 'står' };
const present = (v: string) => PRESENT[v.toLowerCase()] ?? `${v.toLowerCase()}r`;

/** "Kan vi ikke søge skolebestyrelsens pulje?" -> "Vi søger skolebestyrelsens pulje." */
function proposalText(sentence: string): string {
  let t = sentence.replace(/^(?:[-*•]\s*)?(?:(?:men|og|så|ja|jo|nej|okay|hmm)[,.]?\s+)+/iu, '');
  if (PROPOSED_THAT.test(t)) t = mainClause(t.replace(PROPOSED_THAT, '')).replace(/, og at /iu, ', og ');
  t = t.replace(PROPOSED_LEAD, '');
  t = t.replace(/(^|,\s*)(?:kan|kunne|skal) vi ikke (?:også )?(?:bare )?(?:jo )?(\p{L}+)/iu, (_m, pre: string, v: string) => `${pre}vi ${present(v)}`);
  t = t.replace(/^(?:vi kunne|kunne vi|vi skal) (?:jo )?(?:bare )?(?:også )?(\p{L}+)/iu, (_m, v: string) => `vi ${present(v)}`);
  t = t.replace(/^hvad med\s+/iu, '');
  // "..., fordi han taler arabisk, og Sofie for ...": the reason given is not part of what is proposed.
  t = t.replace(/,\s*fordi .*?(?=,\s*og\s|[.!?]?$)/iu, '');
  return cap(squash(t).replace(/[\s,;:?!.]+$/u, '')).concat('.');
}
const PROPOSING = String.raw`(?:mit forslag er|forslaget er|jeg foreslår|vi foreslår|(?:jeg|vi) (?:vil|ville|kunne|skal) (?:gerne |bare |lige )*foreslå|jeg er for|jeg tænkte|jeg synes|(?:kan|skal) vi (?:ikke )?blive enige om)`;
const PROPOSED_THAT = new RegExp(String.raw`^${PROPOSING},? at\s+`, 'iu');
const PROPOSED_LEAD = new RegExp(String.raw`^${PROPOSING},?\s+`, 'iu');

function isProposal(sentence: string): boolean {
  // A request ("Bo, kan du lave et notat om ..., og hvad vi foreslår?") is not a proposal of the meeting's.
  if (ASK.test(sentence) || /(?<![\p{L}])hvad (?:vi|de|I) foreslår/iu.test(sentence)) return false;
  // "..., hvis nettet går ned" says when the proposal is for, it does not hedge it.
  const unhedged = sentence.replace(/vi kunne|kunne vi/iu, '').replace(/,\s*hvis [^,]*$/iu, '');
  return PROPOSAL.test(sentence) && !MEETING_TALK.test(sentence) && !HEDGES.test(unhedged) && contentCount(sentence) >= 3;
}

const CONTENT_STOP = new Set('og i på til af at det den de en et om for med som er har der så vi jeg du han hun dem sig skal kan vil ikke også lige bare jo ja nej okay men'.split(' '));
const contentCount = (s: string) => (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1 && !CONTENT_STOP.has(w)).length;

/** "Trivselsmålingen.", "Sidste punkt, telefonerne.", "Så er der bussen.", and headings in notes. */
const POINT_LEAD = /^(?:(?:første|andet|tredje|fjerde|næste|sidste|nyt)(?: store)? punkt(?: er)?[,.:]?\s+)(.{3,60}?)[.!]?$/iu;
const SO_THERE_IS = /^så er (?:der|det) ((?:\p{L}+ ){0,3}\p{L}+)\.$/iu;
const NOT_TOPICS = /^(?:godmorgen|goddag|hej|okay|godt|tak|super|dejligt|perfekt|fint|præcis|enig|undskyld|velkommen|hmm|nå|jamen|nemlig|selvfølgelig|klart|besluttet)/iu;

const SO_POINT = /^så (\p{Ll}[\p{L}-]*(?:et|en|erne|ne)(?: (?:om|til|for|med|af) [\p{L}-]+)?)\.$/iu;
const POINT_QUESTION = /^(?:(?:og|så)\s+)?(?:(?:noget|nyt|andet) (?:om|fra)|hvordan gik det med|hvad med) (\p{Ll}[\p{L}-]*(?:en|et|ne|erne))(?=[ ,?])[^?]*\?$/iu;
/** "Bo, økonomien.": the chair hands a point to someone; "Casper, du var på." hands over the word, not a point. */
const NAMED_POINT = /^(\[[A-Z_]+_\d+\]|\p{Lu}[\p{L}-]+), (?!(?:du|jeg|vi|I|det|den|der|han|hun|de|kan|vil|skal)(?![\p{L}]))([\p{L}'’-]+(?: [\p{L}'’-]+){0,3})\.$/u;

/** The point a sentence opens, if it opens one: said by the chair, followed by what is said about it. */
function topicIn(sentence: string, more: boolean, chair: boolean, attendees: string[]): string | null {
  const point = POINT_LEAD.exec(sentence);
  if (point && !/\?/u.test(point[1]!)) return point[1]!.replace(/[.]$/u, '');
  const there = SO_THERE_IS.exec(sentence) ?? SO_POINT.exec(sentence);
  if (there && !/besluttet|det hele|alt|os|det$/iu.test(there[1]!)) return there[1]!;
  // "Noget om lørdagsåbningen i sidste måned?", "Hvordan gik det med flytningen?": a point opened as a question.
  const asked = POINT_QUESTION.exec(sentence);
  if (asked && chair) return asked[1]!;
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
/** "Hvem vil lave ...?", "Og autosvaret, hvem skriver det?": asked of whoever answers. */
const WHO_ASKS = new RegExp(
  String.raw`^(?:(?:og|så|men)\s+)?(?:(${String.raw`(?:(?:de|den|det) )?[\p{L}-]+(?:en|et|ne|erne)`}),\s*)?hvem (?:(?:vil|kan|gider|skal) (?:gerne )?(?:lige )?(\p{L}+)|(\p{L}+r))\s*([^?]*)\?`,
  'iu',
);
/** "Kan JP tage akutvagten den 22/3?", "Vil Anna skrive til dem?": asked of someone named, not of "du". */
const THIRD_ASK = /(?:^|[,;:]\s*)(?:(?:[Oo]g|[Mm]en|[Ss]å)\s+)?(?:[Vv]il|[Kk]an|[Gg]ider|[Kk]unne) (\[[A-Z_]+_\d+\]|\p{Lu}[\p{L}-]+) (?:ikke )?(?:godt )?(?:lige )?(?:også )?(\p{L}+)\s*([^?]*)\?/u;
const SHALL_I = /^(?:(?:og|så|men)\s+)?skal jeg (?:ikke )?(?:lige )?(\p{L}+)\s*([^?]*)\?/iu;
/** "..., hvis du kan tage hendes medicinliste med til Peter på torsdag, vil det hjælpe": a task given in an answer. */
const YOU_CAN = /(?:^|[,.]\s*|(?<![\p{L}])hvis\s+)du (?:kan|vil|må|skal|gerne vil) (?:gerne |lige |også )*(\p{L}+e) ([^,.;?!]+)/iu;
const PLAIN_YES = /^(?:ja|jo|jep|yes|okay|ok|fint|gerne|klart|selvfølgelig)(?![\p{L}])/iu;
const REFUSAL = /^(?:(?:ja|jo),?\s+)?(?:nej|det kan jeg ikke|det når jeg ikke|det har jeg ikke tid)/iu;
/** Asked of someone now, in the meeting ("vil du starte med status?", "vil du vise os det?"): not a task. */
const MEETING_ACTS = new Set(['starte', 'begynde', 'fortælle', 'sige', 'dele', 'præsentere', 'gennemgå', 'høre', 'se', 'læse']);
/** Showing someone else, or taking over a shift or a thing, is a task: "vise dagholdet ...", "tage akutvagten". */
function meetingAct(verb: string, rest: string): boolean {
  if (MEETING_ACTS.has(verb)) return true;
  if (verb === 'vise') return /^(?:os|jer|mig|det|den|dem|hvad|hvordan|skærmen)(?![\p{L}])/iu.test(rest) || !rest.trim();
  if (verb === 'tage') return !/^(?:over|sig af|kontakt|(?:den|det) (?:med|op)|\p{Ll}[\p{L}-]*(?:en|et|erne|ne))(?![\p{L}])/iu.test(rest.trim());
  return false;
}
/** Verbs of a reply that say when or where the person will do what was asked, not a task of their own. */
const LOGISTICS = new Set(['komme', 'nå', 'være', 'have', 'kigge', 'møde', 'kunne', 'gå', 'køre']);
const VAGUE = /(?<![\p{L}])(?:det|den|dem|ham|hende)(?![\p{L}])/iu;

interface Ask {
  to: string | null;
  verb: string;
  rest: string;
  who: boolean;
}

function askIn(sentence: string, attendees: string[]): Ask | null {
  const who = WHO_ASKS.exec(sentence);
  if (who) {
    // "Og autosvaret, hvem skriver det?": the thing put first is what "det" stands for.
    const rest = who[1] ? who[4]!.replace(/^(?:det|den|dem)(?![\p{L}])/iu, who[1].toLowerCase()) : who[4]!;
    return { to: null, verb: who[2] ?? infinitive(who[3]!), rest, who: true };
  }
  const ask = ASK.exec(sentence) ?? presentAsk(sentence) ?? tagAsk(sentence);
  if (!ask) {
    const third = THIRD_ASK.exec(sentence);
    const to = third ? (third[1]!.startsWith('[') ? third[1]! : attendeeNamed(third[1]!, attendees)) : null;
    return third && to ? { to, verb: third[2]!, rest: third[3]!, who: false } : null;
  }
  const named = [ask[1], VOCATIVE_HEAD.exec(sentence)?.[1], VOCATIVE_TAIL.exec(sentence)?.[1]]
    .filter((n): n is string => !!n)
    .map((n) => (n.startsWith('[') ? n : attendeeNamed(n, attendees)))
    .find((n): n is string => !!n);
  return { to: named ?? null, verb: ask[2]!, rest: ask[3]!, who: false };
}

/** "Kasper, informerer du projektgruppen?": a request in the present tense, to the person named. */
const PRESENT_ASK = /(?:^|[,;]\s*)(?:(?:[Oo]g|[Mm]en|[Ss]å)\s+)?(\[[A-Z_]+_\d+\]|\p{Lu}[\p{L}-]+),\s+(\p{Ll}+r) du (?:ikke )?(?:lige )?(?:også )?([^?]*)\?/u;
function presentAsk(sentence: string): RegExpExecArray | null {
  const m = PRESENT_ASK.exec(sentence);
  if (!m || !isAction(m[2]!, m[3]!)) return null;
  m[2] = infinitive(m[2]!);
  return m;
}

/** "Omar, du sørger for at bestille stativerne, ikke?": a request said as what the person will do. */
const TAG_ASK = /(?:^|[,;]\s*)(?:(?:[Oo]g|[Mm]en|[Ss]å)\s+)?(\[[A-Z_]+_\d+\]|\p{Lu}[\p{L}-]+),\s+du (\p{Ll}+r) (?:også |lige )?([^?]*?),?\s*(?:ikke|ikke også|ik'|ikk')\?/u;
function tagAsk(sentence: string): RegExpExecArray | null {
  const m = TAG_ASK.exec(sentence);
  if (!m || !isAction(m[2]!, m[3]!)) return null;
  m[2] = infinitive(m[2]!);
  return m;
}

/** "Helst inden fredag.", "Senest på mandag.": a short sentence after a request that only gives its due. */
function dueFragment(sentence: string | undefined): string | null {
  if (!sentence || sentence.split(' ').length > 5 || /\?\s*$/u.test(sentence)) return null;
  const due = findDue(sentence, { when: false });
  if (!due) return null;
  const left = sentence.replace(due, ' ').replace(/(?<![\p{L}])(?:helst|gerne|senest|så|og|men|ja|bare|meget|gerne)(?![\p{L}])/giu, ' ');
  return /\p{L}{2,}/u.test(left) ? null : due;
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
const THING = /(?<![\p{L}])(?:skal (?:(?:vi|I|du|jeg) )?(?:have|lave|skrive|sende|bruge)|mangler|brug for|laver|lave|skriver|skrive|sender|sende|laves|skrives|sendes|holdes|bestilles|udarbejdes)\s+(?:jeg |vi |du )?(en|et)\s+((?:ny |nyt |lille )?[\p{L}-]{3,})((?:\s+(?:på|om|til|med|for|over)\s+[\p{L}\d-]+(?:\s+og\s+[\p{L}-]+)?){0,2})/giu;
const TELLING = /^(?:fortælle|orientere|informere|tale|snakke)$/iu;

/** "Fortælle det på morgenmødet" -> "Fortælle om planen med navne og tidspunkter": the pronoun's thing, said shortly before. */
function resolveThing(item: Item, turns: Turn[], ownSentence: string): string {
  const m = /^(\p{L}+(?: (?:for|af|med|om|til))?) (det|den|dem)(?![\p{L}])(.*)$/iu.exec(item.task);
  if (!m) return item.task;
  for (let t = item.turn; t >= Math.max(0, item.turn - 3); t--) {
    const text = t === item.turn ? turns[t]!.text.slice(0, Math.max(0, turns[t]!.text.indexOf(ownSentence))) : turns[t]!.text;
    const things = [...text.matchAll(THING)];
    const last = things.at(-1);
    // "SB vil gerne have tallene med. TA sender dem til SB": "dem" is the last things named just before.
    const plural = m[2]!.toLowerCase() === 'dem' && item.turn - t <= 1 ? [...text.matchAll(PLURAL_THING)].map((x) => x[1]!).filter((w) => !NOT_PLURALS.has(w)).at(-1) : undefined;
    if (!last && !plural) continue;
    const thing = last ? definite(last[1]!, last[2]!, last[3] ?? '') : plural!;
    return cap(squash(`${m[1]!.toLowerCase()} ${TELLING.test(m[1]!) ? 'om ' : ''}${thing}${m[3]!}`));
  }
  return item.task;
}
const PLURAL_THING = /(?<![\p{L}])(\p{Ll}[\p{L}-]{2,}(?:erne|ene))(?![\p{L}])/gu;
const NOT_PLURALS = new Set(['gerne', 'fjerne', 'hjerne', 'stjerne', 'lærerne']);

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
/** A section of notes: "Beslutninger:", "Aftaler:", "Opgaver:", "Aftalte opgaver:". */
const SECTION_LABEL = /^\s*(beslutninger|besluttet|aftaler|aftalt|konklusioner|opgaver|aftalte opgaver|handlinger|opfølgning|to ?do)\s*:?\s*$/iu;
const SECTION_ITEM = /^\s*[-*•]\s*(\[[A-Z_]+_\d+\]|\p{Lu}{2,3}|\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)?|[Aa]lle)\s*[:–-]\s*(\S.+)$/u;
const LABEL = String.raw`(\[[A-Z_]+_\d+\]|\p{Lu}{2,3}|\p{Lu}[\p{L}-]+)`;
const INLINE_ASK = new RegExp(String.raw`^(?:[-*•]\s*)?${LABEL}:\s*([^?]+\?)\s*${LABEL}:\s*(.+)$`, 'u');
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
  let section: 'decisions' | 'items' | null = null;
  /** "Det er vi vel enige om?", "Nogen indvendinger?": what was just said stands unless someone objects. */
  let confirming: { turn: number; at: string; matter: Said; objection: boolean } | null = null;

  /**
   * The proposal an agreement points back to: in this turn before it; else a proposal of the last five turns (the
   * chair's own too: "Mit forslag er ..." - discussion - "Så siger vi det."); else what another person just said.
   */
  const proposalBefore = (i: number, j: number): Said | null => {
    const own = said[i]!.slice(0, j).reverse().find((s) => contentCount(s.text) >= 3 && !RETROSPECTIVE.test(s.text));
    if (own && (isProposal(own.text) || !/\?\s*$/u.test(own.text))) return own;
    const taken = (s: Said) => decisions.some((d) => d.at.includes(s.text));
    for (let t = i - 1; t >= Math.max(0, i - 5); t--) {
      const p = said[t]!.find((s) => isProposal(s.text) && !taken(s));
      if (p) return p;
      // An answer that turns it down ends the search: "Nej, ..." / "Det synes jeg ikke, vi skal."
      if (t < i - 1 && said[t]!.some((s) => REJECTION.test(s.text))) break;
    }
    for (let t = i - 1; t >= Math.max(0, i - 2); t--) {
      if (turns[t]!.speaker && turns[t]!.speaker === turns[i]!.speaker) continue;
      const p = said[t]!.find((s) => contentCount(s.text) >= 3 && !/\?\s*$/u.test(s.text) && !POINTS_BACK.test(s.text) && !AGREES.test(s.text) && !/(?<![\p{L}])jeg(?![\p{L}])/iu.test(s.text));
      if (p) return p;
    }
    return null;
  };

  /** A recap next to an agreement ("Så det er fire sommerhjælpere fra uge 18 til uge 33?"): the words of the decision. */
  const recapNear = (i: number, j: number): Said | null => {
    const isRecap = (x: Said | undefined) => !!x && RECAP.test(x.text) && contentCount(x.text) >= 3 && !/(?<![\p{L}])(?:jeg|du)(?![\p{L}])/iu.test(x.text);
    const confirmed = (x: Said) => {
      // A recap asked as a question stands when the answer is not "nej".
      if (!/\?\s*$/u.test(x.text)) return true;
      const answer = said[x.turn]![x.idx + 1] ?? said[x.turn + 1]?.[0];
      return !answer || !/^nej(?![\p{L}])/iu.test(answer.text);
    };
    const after = [...said[i]!.slice(j + 1), ...(said[i + 1] ?? []).slice(0, 2), ...(said[i + 2] ?? []).slice(0, 1)];
    const before = [...said[i]!.slice(0, j).reverse(), ...(said[i - 1] ?? []).slice(-1)];
    return [...after, ...before].find((x) => isRecap(x) && confirmed(x)) ?? null;
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

    if (confirming && i > confirming.turn) settleConfirming(i);

    // Notes with a "Beslutninger:" or "Opgaver:" section: the lines under it are decisions or tasks.
    if (speaker === null) {
      const label = SECTION_LABEL.exec(turn.text);
      if (label) {
        section = /^(?:beslutning|besluttet|aftale|aftalt|konklusion)/iu.test(label[1]!) ? 'decisions' : 'items';
        continue;
      }
      if (heading || (!/^\s*[-*•]/u.test(turn.text) && /:\s*$/u.test(turn.text))) section = null;
      if (section === 'decisions' && /^\s*[-*•]/u.test(turn.text) && contentCount(turn.text) >= 2) {
        addDecision(decisionText(turn.text.replace(/^\s*[-*•]\s*/u, '')), [turn.text]);
        continue;
      }
      if (section === 'items' && sectionItem(i)) continue;
    }

    for (let j = 0; j < ss.length; j++) {
      const s = ss[j]!.text;
      if (RETROSPECTIVE.test(s)) {
        confirming = null;
        findAgreed(i, j, s);
        continue;
      }
      const asked = speaker !== null ? CONFIRMATION.exec(s) : null;
      if (asked) {
        // A decision stated in this turn is what the question confirms; else what was said before it.
        const matter = lastDecisionTurn === i ? null : proposalBefore(i, j);
        confirming = matter && (isProposal(matter.text) || doesSomething(matter.text)) ? { turn: i, at: s, matter, objection: !!asked[1] } : null;
        continue;
      }
      // "Kan vi blive enige om, at vi sender ...?" says the matter itself: a proposal, taken up by the answers.
      if (ANNOUNCEMENT.test(s) && !isProposal(s)) {
        pending = { turn: i, at: [s], proposal: proposalBefore(i, j), since: decisions.length };
        continue;
      }
      const joint = speaker === null ? JOINT.exec(s) : null;
      if (joint && attendeeNamed(joint[1]!, attendees) && attendeeNamed(joint[2]!, attendees) && !NOT_NOTE_TASKS.has(joint[3]!.toLowerCase())) {
        addDecision(decisionText(s), [s]);
        continue;
      }
      // "Og at den går til alle medarbejdere": more of the decision just made.
      const also = /^og at\s+(.+)$/iu.exec(s);
      if (also && decisions.length && i - lastDecisionTurn <= 1 && !/\?\s*$/u.test(s)) {
        const last = decisions.at(-1)!;
        last.text = `${last.text.replace(/[.!]\s*$/u, '')}, og ${mainClause(also[1]!).replace(/[.!]?\s*$/u, '')}.`;
        last.at.push(s);
        continue;
      }
      const instead = REJECTED_INSTEAD.exec(s) ?? (j > 0 && REJECTION_NOTE.test(ss[j - 1]!.text) && INSTEAD.test(s) ? [s, s] : null);
      if (instead) {
        addDecision(decisionText(cap(instead[1]!)), [s]);
        lastDecisionTurn = i;
        continue;
      }
      if (isDecision(s)) {
        // "Jeg har besluttet, at vi ikke får den repareret. I stedet lejer vi en bus ...": one decision in two sentences.
        const more = ss[j + 1] && INSTEAD.test(ss[j + 1]!.text) ? ss[j + 1]!.text : null;
        addDecision(decisionText(more ? `${s.replace(/[.!]\s*$/u, '')}; ${more.charAt(0).toLowerCase()}${more.slice(1)}` : s), more ? [s, more] : [s]);
        if (more) j++;
        lastDecisionTurn = i;
        continue;
      }
      const stated = agreedStatement(i, j);
      if (stated) {
        addDecision(decisionText(stated), [s]);
        lastDecisionTurn = i;
        continue;
      }
      if (isProposal(s)) proposals.push({ text: proposalText(s), at: [s] });
      else if ((INFORMATION.test(s) || OTHERS_DECIDED.test(s)) && !/\?\s*$/u.test(s)) information.push({ text: cap(squash(s)), at: [s] });
    }

    findItems(i, speaker);
  }

  /** The turns after a confirming question: an objection drops the matter, a yes (or silence) makes it a decision. */
  function settleConfirming(i: number): void {
    const c = confirming!;
    // "Så er det besluttet(: ...)" in this turn settles it with its own words.
    if (said[i]!.some((x) => RETROSPECTIVE.test(x.text) || isDecision(x.text))) {
      confirming = null;
      return;
    }
    const first = said[i]![0]?.text ?? '';
    const objects = c.objection ? OBJECTS.test(first) : /^nej(?![\p{L}])/iu.test(first) || OBJECTS.test(first);
    if (objects) {
      confirming = null;
      return;
    }
    // The one who asked speaking again, or three turns of answers, settle it.
    if (i - c.turn >= 3 || turns[i]!.speaker === turns[c.turn]!.speaker) {
      // A recap said after the question, in answer to it.
      const at = said[c.turn]!.findIndex((x) => x.text === c.at);
      const recap = recapNear(c.turn, at);
      const pick = recap && (recap.turn > c.turn || recap.idx > at) ? recap : c.matter;
      addDecision(pick === recap || !isProposal(pick.text) ? decisionText(pick.text) : proposalText(pick.text), [pick.text, c.at]);
      lastDecisionTurn = i;
      const p = proposals.findIndex((x) => x.at.includes(pick.text));
      if (p >= 0) proposals.splice(p, 1);
      confirming = null;
    }
  }

  function findAgreed(i: number, j: number, s: string): void {
    const ss = said[i]!;
    const next = ss[j + 1];
    const prev = j > 0 ? ss[j - 1]!.text : said[i - 1]?.at(-1)?.text;
    if (turns[i]!.speaker === null) {
      // Notes: "- sms-påmindelse sendes fremover 2 dage før ..., fra 1/4. Besluttet" marks the sentence before it;
      // "Godkendt uden bemærkninger." under "1. Godkendelse af referat" marks the point.
      const above = j === 0 ? turns[i - 1]?.text : undefined;
      const heading = above ? (/^\d+\.\s+([^.:?!]{3,60})$/u.exec(above)?.[1] ?? noteHeading(above, false)) : null;
      if (heading) addDecision(`${heading}: ${s.replace(/^(?:så |og )/iu, '').replace(/[.!]\s*$/u, '').toLowerCase()}.`, [turns[i - 1]!.text, s]);
      else if (prev && contentCount(prev) >= 3 && !/\?\s*$/u.test(prev) && !RETROSPECTIVE.test(prev)) addDecision(decisionText(prev), [prev, s]);
      return;
    }
    const recap = recapNear(i, j);
    if (POINTING.test(s)) {
      // "Er vi enige om Camillas model? Så er det besluttet.": announced; the decision is stated next.
      // A bare "Er vi enige?" asks about what was said before it, it announces nothing.
      if (!recap && prev && /\?\s*$/u.test(prev) && !/^(?:(?:og|så|okay|godt)[,]?\s+)?er (?:vi|alle|I) (?:så )?enige\?$/iu.test(prev)) {
        pending = { turn: i, at: [prev, s], proposal: proposalBefore(i, j - 1), since: decisions.length };
        return;
      }
      if (recap) return agreed(i, recap, s, decisionText(recap.text));
      // A decision stated just before is what the words confirm ("Så holder vi den lørdag ... - Så er det på plads.").
      if (i - lastDecisionTurn <= 1) return;
      const back = proposalBefore(i, j);
      if (back) agreed(i, back, s, isProposal(back.text) ? proposalText(back.text) : decisionText(back.text));
      return;
    }
    // "Så gør vi det. Han får et tryghedsopkald ...": the statement that follows; else what was just proposed.
    const forward =
      next && !/\?\s*$/u.test(next.text) && !/(?<![\p{L}])(?:jeg|du)(?![\p{L}])/iu.test(next.text) && contentCount(next.text) >= 3 && !topicIn(next.text, true, true, attendees) ? next : null;
    const back = proposalBefore(i, j);
    const pick = recap ?? (forward && (!back || /gør vi/iu.test(s) || contentCount(forward.text) >= contentCount(back.text)) ? forward : back);
    if (!pick) return;
    const text = pick === forward || pick === recap || !isProposal(pick.text) ? decisionText(pick.text) : proposalText(pick.text);
    const trial = TRY_IT.exec(s);
    agreed(i, pick, s, trial ? `${text.replace(/[.!]\s*$/u, '')}, som forsøg${trial[1] ? ` ${trial[1].trim()}` : ''}.` : text);
  }

  /**
   * "Enig. Vi tager syv.": a "vi ..." statement after a word of agreement, in answer to someone else. A bare number
   * or option ("syv", "B") is completed from what was offered ("syv skranker til 245.000 kr.").
   */
  function agreedStatement(i: number, j: number): string | null {
    const ss = said[i]!;
    const m = WE_DO.exec(ss[j]!.text);
    if (!m || j === 0 || !/^(?:enig|ja|jo|fint|godt|okay|super|perfekt)[.!]?$/iu.test(ss[0]!.text) || !turns[i - 1]?.speaker || turns[i - 1]!.speaker === turns[i]!.speaker) return null;
    const verb = m[1]!.toLowerCase();
    if (((NOT_DECIDING_VERBS.has(verb) || NOT_ACTIONS.has(verb)) && verb !== 'tager') || /^(?:lige|en pause|kaffen|den op|det op|den næste|det næste)(?![\p{L}])/iu.test(m[2]!) || DECISION_HEDGES.test(m[2]!)) return null;
    const option = /^(\p{L}{1,6}|\d+)[.!]?$/u.exec(m[2]!.trim())?.[1];
    if (!option) return ss[j]!.text;
    const offered = new RegExp(String.raw`(?<![\p{L}\d])${option} ((?:[\p{L}-]+)(?: (?:til|à|for|på) [\d.,]+ (?:kr\.|kr|kroner))?)`, 'iu');
    for (let t = i - 1; t >= Math.max(0, i - 4); t--) {
      const found = [...turns[t]!.text.matchAll(new RegExp(offered.source, 'giu'))].at(-1);
      if (found) return `Vi ${verb} ${option} ${found[1]!.replace(/\.$/u, '')}.`;
    }
    return ss[j]!.text;
  }

  /** Records what an agreement took up, and takes it off the open proposals. */
  function agreed(i: number, pick: Said, s: string, text: string): void {
    addDecision(text, [pick.text, s]);
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

    if (speaker === null && inlineAsk(i)) return;

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
      // "Skal jeg gøre noget?" - "Ja, hvis du kan tage hendes medicinliste med til Peter på torsdag, vil det hjælpe.": the answer says what.
      const told = /^(?:gøre|hjælpe|bidrage)$/iu.test(shall[1]!) ? YOU_CAN.exec(reply.text) : null;
      if (told) {
        const due = findDue(told[2]!);
        const at = [s.text, ...replySaid.map((r) => r.text)];
        for (const r of [...replySaid, ...(said[i + 2] ?? []).filter((x) => x.speaker === s.speaker && ACCEPTANCE.test(x.text))]) consumed.add(key(r));
        items.push({ owner: s.speaker, task: cleanTask(`${told[1]!} ${told[2]!}`, due), due: normaliseDue(due), verb: told[1]!.toLowerCase(), turn: i, idx: s.idx, at });
        return true;
      }
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
      // "Skal jeg tilmelde os?" - "Ja tak, gerne inden for 14 dage."
      due ??= findDue(reply.text, { when: false });
      items.push({ owner: s.speaker, task: cleanTask(`${shall[1]!} ${shall[2]!}`, null), due: normaliseDue(due), verb: infinitive(shall[1]!), turn: i, idx: s.idx, at });
      return true;
    }
    const ask = askIn(s.text, attendees);
    if (!ask) return false;
    // "Kan du ...?" without a name is said to the one who spoke last, or when no one did, to the one who takes it.
    const last = turns[i - 1]?.speaker && turns[i - 1]!.speaker !== turns[i]!.speaker ? resolveName(turns[i - 1]!.speaker!, attendees) : null;
    const taker = reply?.speaker && reply.speaker !== turns[i]!.speaker && (ACCEPTANCE.test(reply.text) || PLAIN_YES.test(reply.text)) ? resolveName(reply.speaker, attendees) : null;
    const to = ask.who ? (reply?.speaker ? resolveName(reply.speaker, attendees) : null) : (ask.to ?? last ?? taker);
    if (!to || !reply?.speaker || resolveName(reply.speaker, attendees) !== to || REFUSAL.test(reply.text)) return false;
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
    const due0 = findDue(ask.rest, { when: false }) ?? dueFragment(said[i]![s.idx + 1]?.text);
    const plain = replies.filter((x) => !x.on).map((x) => x.r.text).join(' ');
    const accepted = ACCEPTANCE.test(reply.text) || !!yes || (PLAIN_YES.test(reply.text) && !meetingAct(verb, ask.rest) && !!(due0 ?? findDue(plain)));
    // "Ja, jeg ringer til udbyderen i morgen": the reply's own words say the task.
    if (!accepted || (own && !separate)) return false;
    if (verb === 'være') {
      addDecision(cap(`${to.split(' ')[0]} er ${squash(ask.rest)}.`), [s.text, reply.text]);
      return true;
    }
    const after = said[i]![s.idx + 1];
    const fragment = after && /^(?:til|med|om|for) [\p{L}\d[\]_ -]+\.$/iu.test(after.text) && after.text.split(' ').length <= 4 ? ` ${after.text.replace(/\.$/u, '').replace(/^\p{Lu}/u, (c) => c.toLowerCase())}` : '';
    let task = resolvePerson(`${verb} ${ask.rest}${fragment}`, s.text);
    // "Og hvem taler med kantinen?" - "Det er dig, Lise. Kan du tage den?": the open question is the task.
    if (/^(?:tage|klare|gøre|ordne) (?:den|det)\s*$/iu.test(task)) {
      const open = [...said.slice(Math.max(0, i - 2), i + 1).flat()].reverse().map((x) => WHO_ASKS.exec(x.text)).find((m) => m);
      const who = open ? askIn(open[0], attendees) : null;
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
      if (x.c || x === replies[0]) consumed.add(key(x.r));
    }
    items.push({ owner: to, task: cleanTask(task, due), due: normaliseDue(due), verb, turn: i + 1, idx: 0, at });
    return true;
  }

  /** A line under "Opgaver:": "- Karin: opdatere hjemmesiden inden fredag", "- Lars: bestille nye stole (frist: 1. maj)". */
  function sectionItem(i: number): boolean {
    const text = turns[i]!.text;
    const m = SECTION_ITEM.exec(text);
    if (!m) return false;
    // "- Alle: læse den nye instruks" is everyone's: the minutes say so.
    const owner = /^(?:alle|fælles)$/iu.test(m[1]!) ? 'Alle' : attendeeNamed(m[1]!, attendees);
    if (!owner) return false;
    const dueField = DUE_FIELD.exec(m[2]!);
    let body = m[2]!.replace(DUE_FIELD, ' ');
    const due = dueField ? dueField[1]!.trim() : findDue(body);
    // "sender referatet ud" -> "sende referatet ud"
    body = body.replace(/^(\p{L}+r)(?![\p{L}])/u, (v) => (isAction(v, '') || SECOND_VERBS.has(v.toLowerCase()) ? infinitive(v) : v));
    items.push({ owner, task: cleanTask(body, due), due: normaliseDue(due), verb: body.split(' ')[0]!.toLowerCase(), turn: i, idx: 0, at: [text] });
    return true;
  }

  /** In notes, a request and its answer on one line: "AK: kan JP tage akutvagten den 22/3? JP: ja". */
  function inlineAsk(i: number): boolean {
    const m = INLINE_ASK.exec(turns[i]!.text);
    const answerer = m ? attendeeNamed(m[3]!, attendees) : null;
    const ask = m && answerer ? askIn(m[2]!, attendees) : null;
    if (!m || !ask || ask.who || (ask.to ?? answerer) !== answerer || REFUSAL.test(m[4]!) || !(PLAIN_YES.test(m[4]!) || ACCEPTANCE.test(m[4]!))) return false;
    const due = findDue(ask.rest);
    items.push({ owner: answerer, task: cleanTask(`${ask.verb} ${ask.rest}`, due), due: normaliseDue(due), verb: ask.verb, turn: i, idx: 0, at: [turns[i]!.text] });
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
    // "OB spørger, om der kan komme en ny kaffemaskine": a question put to the meeting, not a task.
    if (/^spørger$/iu.test(m[2]!) && /^,?\s*(?:om|hvor|hvad|hvordan|hvorfor|hvornår|hvem)\s/iu.test(m[3]!)) return false;
    const due = findDue(m[3]!);
    const [v, ...particle] = m[2]!.split(' ');
    items.push({ owner, task: cleanTask(`${infinitive(v!)} ${particle.join(' ')} ${m[3]!}`, due), due: normaliseDue(due), verb: infinitive(v!), turn: i, idx: s.idx, at: [s.text] });
    return true;
  }

  function commitment(i: number, s: Said, speaker: string): void {
    const c = commitmentIn(s.text) ?? (TAKE_IT.test(s.text) ? { verb: 'tager', task: 'Tage sig af det', due: null, pronoun: true, antecedent: null } : null);
    if (!c) return;
    // "Og saltlageret skal fyldes op inden den 15. november. Det sørger jeg for.": the need is the task.
    const need = c.pronoun && NEED_TAKERS.test(c.task) ? needBefore(i, s.idx) : null;
    if (need) {
      items.push({ owner: speaker, task: cleanTask(`Sørge for, at ${need.clause}`, need.due), due: normaliseDue(need.due), verb: 'sørge', turn: i, idx: s.idx, at: [need.at, s.text] });
      return;
    }
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
      const words = c.task.split(' ');
      const thing = !c.antecedent && (words.length >= 3 || FRONTED_PRONOUN.test(s.text)) && !SAYS_YES.has(verb) ? pointedAt(i, s.idx) : null;
      if (thing) {
        const due = c.due ?? thing.due ?? null;
        items.push({ owner: speaker, task: cleanTask(c.task.replace(/(?<![\p{L}])(?:det|den|dem)(?![\p{L}])/iu, thing.text.toLowerCase()), due), due: normaliseDue(due), verb, turn: i, idx: s.idx, at: [...thing.at, s.text] });
        return;
      }
      // "Det siger jeg videre." under a point: what is passed on is what the point was about.
      const point = topics[i];
      if (!c.antecedent && point && /^(?:sige|give|bringe|tage) (?:det|den) (?:videre|op)$/iu.test(c.task)) {
        items.push({ owner: speaker, task: `${c.task} om ${point.charAt(0).toLowerCase()}${point.slice(1)}`, due: normaliseDue(c.due), verb, turn: i, idx: s.idx, at: [s.text] });
        return;
      }
      // "Det gør jeg." with nothing to point back to says yes to something, but not to what.
      if (!c.antecedent && words.length < 4 && !c.due) return;
    }
    items.push({ owner: speaker, task: c.task, due: normaliseDue(c.due), verb, turn: i, idx: s.idx, at: [s.text] });
  }

  /** "X skal fyldes op inden ...", "Så skal leverandøren have besked": a need said just before, by anyone. */
  function needBefore(i: number, j: number): { clause: string; due: string | null; at: string } | null {
    const before = j > 0 ? said[i]![j - 1] : said[i - 1]?.at(-1);
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
  function pointedAt(i: number, j: number): (Found & { due?: string | null }) | null {
    for (const s of said[i]!.slice(0, j).reverse()) {
      const m = FRONTED_THING.exec(s.text);
      if (m) return { text: m[1]!, at: [s.text] };
    }
    for (let t = i - 1; t >= Math.max(0, i - 2); t--) {
      if (turns[t]!.speaker === turns[i]!.speaker) continue;
      const asked = said[t]!.map((s) => ({ s, m: ASKED_THING.exec(s.text) })).find((x) => x.m);
      if (asked) return { text: asked.m![1]!, at: [asked.s.text] };
      // "Og vi skal have en risikovurdering af det inden næste styregruppemøde." - "Den laver jeg."
      const needed = said[t]!.map((s) => ({ s, m: [...s.text.matchAll(THING)].at(-1) })).find((x) => x.m);
      if (needed) return { text: definite(needed.m![1]!, needed.m![2]!, needed.m![3] ?? ''), at: [needed.s.text], due: findDue(needed.s.text) };
      const proposal = said[t]!.find((s) => isProposal(s.text));
      if (proposal) {
        const what = proposalText(proposal.text).replace(/^vi \p{L}+r\s+/iu, '').split(/,\s/u)[0]!.replace(/[.]$/u, '');
        if (what.split(' ').length >= 2) return { text: `forslaget om ${what.charAt(0).toLowerCase()}${what.slice(1)}`, at: [proposal.text] };
      }
    }
    return null;
  }

  tidyItems(items, said, turns, topics, decisions, attendees);
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
function tidyItems(items: Item[], said: Said[][], turns: Turn[], topics: (string | null)[], decisions: Found[], attendees: string[]): void {
  const initials = byInitials(attendees);
  for (const it of items) {
    // "Så laver jeg en plan ... Du får den i morgen." / "Den kommer ud i uge 6."
    if (!it.due) {
      // Not "Det tager ledelsen op i oktober": someone else's time.
      const later = said[it.turn]!.slice(it.idx + 1).find((s) => VAGUE.test(s.text) && !commitmentIn(s.text) && findDue(s.text) && !SOMEONE_ELSE.test(s.text));
      if (later) {
        it.due = normaliseDue(findDue(later.text));
        it.at.push(later.text);
      }
    }
    // "Tage den med Rasmus" -> "Tale med Rasmus om trivselsmålingen".
    // Case matters for the name: "Tage det med og give svar" has no one to take it up with.
    const withSomeone = /^[Tt]age (?:den|det) med (\[[A-Z_]+_\d+\]|\p{Lu}[\p{L}-]+)(.*)$/u.exec(it.task);
    if (withSomeone) {
      const topic = topics[it.turn];
      it.task = topic ? cap(squash(`tale med ${withSomeone[1]!} om ${topic.toLowerCase()}${withSomeone[2]!}`)) : cap(squash(`tage det op med ${withSomeone[1]!}${withSomeone[2]!}`));
    }
    it.task = resolveThing(it, turns, it.at[0] ?? '');
    it.task = tidyTask(it.task.replace(/,\s*det er (?:fint|godt|ok|okay)(?![\p{L}]).*$/iu, ''));
    // "... så skriver jeg ud til dem alle sammen" after "Skal vi ikke sige det til foreningerne?": "dem" is those named.
    if (/(?<![\p{L}])til dem(?![\p{L}])/iu.test(it.task)) {
      const before = [...said.slice(Math.max(0, it.turn - 2), it.turn).flat(), ...said[it.turn]!.slice(0, it.idx)].map((x) => x.text).join(' ');
      const those = [...before.matchAll(PLURAL_THING)].map((x) => x[1]!).filter((w) => !NOT_PLURALS.has(w)).at(-1);
      if (those) it.task = it.task.replace(/(?<![\p{L}])til dem(?![\p{L}])/iu, `til ${those}`);
    }
    // "Den adgang bestiller jeg til dig": "dig" is the one spoken to, the last other speaker.
    const spokenTo = [...turns.slice(Math.max(0, it.turn - 2), it.turn)].reverse().find((t) => t.speaker && resolveName(t.speaker, attendees) !== it.owner)?.speaker;
    if (spokenTo && !spokenTo.startsWith('[')) it.task = it.task.replace(/(?<=(?:til|med|for) |^\p{L}+ )dig(?![\p{L},])/iu, spokenTo.split(' ')[0]!);
    // Notes name people by initials ("sende dem til SB"); the minutes name them ("til Susanne").
    it.task = it.task.replace(/(?<![\p{L}])\p{Lu}{2,3}(?![\p{L}])/gu, (w) => initials.get(w) ?? w);
  }
  reviseDues(items, said, attendees);
  dropRestated(items);
  // "Jeg kan godt tage med i stedet." - "Så gør vi det. Jens tager med i stedet for Kirsten.": a decision now.
  for (let k = items.length - 1; k >= 0; k--) {
    const it = items[k]!;
    const first = it.owner?.split(' ')[0];
    const stem = it.verb.slice(0, 4).toLowerCase();
    if (first && stem.length >= 3 && decisions.some((d) => d.text.includes(first) && d.text.toLowerCase().includes(stem))) items.splice(k, 1);
  }
}

/** "Line, overslaget skal så være klar inden styregruppemødet den 13. april.": a due moved later in the meeting. */
const REVISED_DUE = new RegExp(
  String.raw`^(?:(?:og|så|men)\s+)?(?:(\[[A-Z_]+_\d+\]|\p{Lu}[\p{L}-]+),\s+)?(?:(?:og|så)\s+)?(den|det|dem|\p{Ll}[\p{L}-]+(?:en|et|ne|erne)) skal (?:så |bare |gerne |helst |nu )*(?:være (?:klar|færdig|færdige|ude|sendt|på plads)|ligge klar|sendes|komme|ligge)(?![\p{L}])`,
  'u',
);

/**
 * "... og jeg skriver til Økonomi." in a closing round, "Ole, du sender udkastet senest den 28., ikke?": a task
 * already recorded for the same person, said again. It is the same task when its words are a part of the first one's,
 * or when it has the same due and shares a word besides the verb; the first keeps its words and gains the due.
 */
function dropRestated(items: Item[]): void {
  const stem = (w: string) => w.replace(/(?:erne|ene|en|et|ne)$/u, '');
  const words = (t: string) => contentTokens(t).map(stem);
  const within = (a: string[], b: string[]) => a.length > 0 && a.every((w) => b.some((x) => x === w || (w.length >= 5 && x.includes(w))));
  const sharesObject = (a: string[], b: string[]) => a.slice(1).some((w) => w.length >= 4 && b.slice(1).some((x) => x === w || (w.length >= 5 && x.includes(w)) || (x.length >= 5 && w.includes(x))));
  for (let k = items.length - 1; k > 0; k--) {
    const later = items[k]!;
    const b = words(later.task);
    const first = items.slice(0, k).find((it) => {
      if (it.owner !== later.owner || !it.owner) return false;
      const a = words(it.task);
      return within(b, a) || within(a, b) || (!!it.due && it.due === later.due && sharesObject(a, b));
    });
    if (!first) continue;
    if (within(words(first.task), b) && b.length > words(first.task).length) first.task = later.task;
    first.due ??= later.due;
    first.at.push(...later.at);
    items.splice(k, 1);
  }
}

function reviseDues(items: Item[], said: Said[][], attendees: string[]): void {
  for (const s of said.flat()) {
    const m = REVISED_DUE.exec(s.text);
    const due = m && !/\?\s*$/u.test(s.text) ? findDue(s.text, { when: false }) : null;
    if (!m || !due) continue;
    const owner = m[1] ? attendeeNamed(m[1], attendees) : null;
    if (m[1] && !owner) continue;
    const stem = /^(?:den|det|dem)$/u.test(m[2]!) ? null : m[2]!.toLowerCase().slice(0, 5);
    const target = [...items]
      .reverse()
      .find((it) => it.turn <= s.turn && (!owner || it.owner === owner) && (stem ? it.task.toLowerCase().split(/[^\p{L}]+/u).some((w) => w.startsWith(stem)) : !!owner));
    if (!target || target.at.includes(s.text)) continue;
    target.due = normaliseDue(due);
    target.at.push(s.text);
  }
}

/** "Det tager ledelsen op ...", "Den behandler udvalget ...": a thing, a verb, and someone else doing it. */
const SOMEONE_ELSE = /^(?:[Oo]g\s+)?(?:[Dd]et|[Dd]en|[Dd]em) \p{L}+r (?!jeg|du|I|vi|de|den|det)(?:\p{Ll}[\p{L}-]*(?:en|et|ne|erne)|\p{Lu}[\p{L}-]+)(?![\p{L}])/u;

function cleanTask(task: string, due: string | null): string {
  let t = due ? task.replace(due, ' ') : task;
  t = t.replace(FILLERS, '').replace(/[\s,.;:!?-]+$/u, '');
  return tidyTask(t);
}

/** "Tage mig af at teste siderne" -> "Teste siderne"; "sørge for at trykke" -> "Trykke"; no space before commas. */
function tidyTask(task: string): string {
  let t = squash(task).replace(/\s+,/g, ',');
  // "... og siger, at det haster" -> "og sige, at det haster": the second verb of a commitment is a task too.
  t = t.replace(/(?<=\sog\s+)(\p{L}+)(?=[\s,])/gu, (v) => (SECOND_VERBS.has(v.toLowerCase()) ? infinitive(v) : v));
  // "ringe selv til Lotte" -> "ringe til Lotte"
  t = t.replace(/^(\p{L}+) (?:(?:også|selv) )+/u, '$1 ');
  t = t.replace(/^(?:sørge for|tage (?:mig|sig) af|stå for|huske at|huske|nå at) at (\p{L}+e)(?![\p{L}])/iu, '$1').replace(/^(?:huske|nå) at (\p{L}+e)(?![\p{L}])/iu, '$1');
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
  // "lave en vagtplan, så den er klar" once the due is out: the clause said only the due.
  t = t.replace(/,?\s+så (?:den|det|de|han|hun) (?:er|bliver|kan være|ligger|står) (?:klar|klart|lavet|færdig|færdigt|færdige|ude|sendt|på plads)(?=,|$)/iu, '');
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
