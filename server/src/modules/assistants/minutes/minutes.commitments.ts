import { findDue } from './minutes.due.js';
import { cap, definite, FILLERS, HEDGES, infinitive, isAction, squash, tidyTask } from './minutes.wording.js';

/** First-person commitments in one sentence: "jeg sender ... senest fredag", "så laver jeg ...", "teksten skriver jeg". */

/** Verbs that, after "jeg kan", are perceptions or opinions, not offers. */
const NOT_OFFERS = new Set(['se', 'høre', 'mærke', 'forstå', 'huske', 'godt', 'ikke', 'jo', 'også', 'nok', 'måske', 'lide', 'leve', 'sagtens', 'bare']);

/** Cuts the clauses that explain or condition a task rather than state it, and removes the due phrase. */
function taskText(verb: string, rest: string, due: string | null): string {
  let t = rest;
  if (due) t = t.replace(due, ' ');
  // "..., vi har dem fra Aula": a remark after the task, not part of it.
  t = t.split(/,\s*(?:så|når|hvis|fordi|men|mens|og så|inden|sådan at)\s|\s+så (?:de|kan|har|er|vi)\s|,\s*(?:vi|de|jeg) (?:har|er|ved|kan) /iu)[0]!;
  t = squash(`${infinitive(verb)} ${t.replace(FILLERS, '')}`).replace(/[\s,.;:!?]+$/u, '');
  return tidyTask(t);
}

const PRONOUN_OBJECT = /^(?:det|den|dem)$/iu;
/** The thing a fronted pronoun points back to: "Der skal laves en ny velkomstbesked, den indtaler jeg". */
function antecedent(before: string): string | null {
  const clause = before.replace(/[,\s]+$/u, '');
  const np = /(?:en|et|nogle|ny|nye|de|det|den) ((?:ny|nye|lille|kort|fast|faste) )?([\p{L}-]{4,})$/iu.exec(clause);
  if (np) return squash(clause.slice(clause.lastIndexOf(np[0]))).toLowerCase();
  const first = /^([\p{L}-]{4,})\s/u.exec(clause);
  return first ? first[1]!.toLowerCase() : null;
}

export interface Commitment {
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
