import { findDue } from './minutes.due.js';
import { attendeeNamed } from './minutes.meeting.js';
import { infinitive, isAction } from './minutes.wording.js';

/** Requests put to someone in the meeting ("Louise, kan du ...?", "Hvem vil ...?") and the answers that take them on. */

export const ACCEPTANCE = /(?<![\p{L}])(?:det vil jeg gerne|det gør jeg|de[nt] tager jeg|det kan jeg godt|det skal jeg nok|det klarer jeg|klart|selvfølgelig|det er fint,? jeg|ja,? det vil jeg|ja,? gerne)(?![\p{L}])/iu;

/** "Louise, ...", "Og Lars, ...", "..., Nadia?": the person a sentence is said to. */
const VOCATIVE_HEAD = /^(?:(?:[Oo]g|[Mm]en|[Ss]å)\s+)?(\[[A-Z_]+_\d+\]|\p{Lu}[\p{L}-]+),\s/u;
const VOCATIVE_TAIL = /,\s*(\[[A-Z_]+_\d+\]|\p{Lu}[\p{L}-]+)\s*\?\s*$/u;
export const ASK = /(?:^|[,;]\s*)(?:(?:[Oo]g|[Mm]en|[Ss]å)\s+)?(?:(\[[A-Z_]+_\d+\]|\p{Lu}[\p{L}-]+),\s+)?(?:[Vv]il|[Kk]an|[Gg]ider|[Kk]unne) du (?:ikke )?(?:godt )?(?:lige )?(?:også )?(\p{L}+)\s*([^?]*)\?/u;
/** "Hvem vil lave ...?", "Og autosvaret, hvem skriver det?": asked of whoever answers. */
export const WHO_ASKS = new RegExp(
  String.raw`^(?:(?:og|så|men)\s+)?(?:(${String.raw`(?:(?:de|den|det) )?[\p{L}-]+(?:en|et|ne|erne)`}),\s*)?hvem (?:(?:vil|kan|gider|skal) (?:gerne )?(?:lige )?(\p{L}+)|(\p{L}+r))\s*([^?]*)\?`,
  'iu',
);
/** "Kan JP tage akutvagten den 22/3?", "Vil Anna skrive til dem?": asked of someone named, not of "du". */
const THIRD_ASK = /(?:^|[,;:]\s*)(?:(?:[Oo]g|[Mm]en|[Ss]å)\s+)?(?:[Vv]il|[Kk]an|[Gg]ider|[Kk]unne) (\[[A-Z_]+_\d+\]|\p{Lu}[\p{L}-]+) (?:ikke )?(?:godt )?(?:lige )?(?:også )?(\p{L}+)\s*([^?]*)\?/u;
export const SHALL_I = /^(?:(?:og|så|men)\s+)?skal jeg (?:ikke )?(?:lige )?(\p{L}+)\s*([^?]*)\?/iu;
/** "..., hvis du kan tage hendes medicinliste med til Peter på torsdag, vil det hjælpe": a task given in an answer. */
export const YOU_CAN = /(?:^|[,.]\s*|(?<![\p{L}])hvis\s+)du (?:kan|vil|må|skal|gerne vil) (?:gerne |lige |også )*(\p{L}+e) ([^,.;?!]+)/iu;
export const PLAIN_YES = /^(?:ja|jo|jep|yes|okay|ok|fint|gerne|klart|selvfølgelig)(?![\p{L}])/iu;
export const REFUSAL = /^(?:(?:ja|jo),?\s+)?(?:nej|det kan jeg ikke|det når jeg ikke|det har jeg ikke tid)/iu;
/** Asked of someone now, in the meeting ("vil du starte med status?", "vil du vise os det?"): not a task. */
const MEETING_ACTS = new Set(['starte', 'begynde', 'fortælle', 'sige', 'dele', 'præsentere', 'gennemgå', 'høre', 'se', 'læse']);
/** Showing someone else, or taking over a shift or a thing, is a task: "vise dagholdet ...", "tage akutvagten". */
export function meetingAct(verb: string, rest: string): boolean {
  if (MEETING_ACTS.has(verb)) return true;
  if (verb === 'vise') return /^(?:os|jer|mig|det|den|dem|hvad|hvordan|skærmen)(?![\p{L}])/iu.test(rest) || !rest.trim();
  if (verb === 'tage') return !/^(?:over|sig af|kontakt|(?:den|det) (?:med|op)|\p{Ll}[\p{L}-]*(?:en|et|erne|ne))(?![\p{L}])/iu.test(rest.trim());
  return false;
}
/** Verbs of a reply that say when or where the person will do what was asked, not a task of their own. */
export const LOGISTICS = new Set(['komme', 'nå', 'være', 'have', 'kigge', 'møde', 'kunne', 'gå', 'køre']);
export const VAGUE = /(?<![\p{L}])(?:det|den|dem|ham|hende)(?![\p{L}])/iu;

interface Ask {
  to: string | null;
  verb: string;
  rest: string;
  who: boolean;
}

export function askIn(sentence: string, attendees: string[]): Ask | null {
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
export function dueFragment(sentence: string | undefined): string | null {
  if (!sentence || sentence.split(' ').length > 5 || /\?\s*$/u.test(sentence)) return null;
  const due = findDue(sentence, { when: false });
  if (!due) return null;
  const left = sentence.replace(due, ' ').replace(/(?<![\p{L}])(?:helst|gerne|senest|så|og|men|ja|bare|meget|gerne)(?![\p{L}])/giu, ' ');
  return /\p{L}{2,}/u.test(left) ? null : due;
}

/** "ringe til ham" in "du kender viceværten, kan du ringe til ham?" -> "ringe til viceværten". */
export function resolvePerson(task: string, context: string): string {
  if (!/(?<![\p{L}])(?:ham|hende)(?![\p{L}])/iu.test(task)) return task;
  const before = context.split(/(?<![\p{L}])(?:ham|hende)(?![\p{L}])/iu)[0] ?? '';
  const nouns = [...before.matchAll(/(?<![\p{L}])(\p{Ll}[\p{L}-]{3,}en)(?![\p{L}])/gu)].map((m) => m[1]!).filter((w) => !/^(?:men|igen|sammen|hinanden)$/u.test(w));
  const noun = nouns.at(-1);
  return noun ? task.replace(/(?<![\p{L}])(?:ham|hende)(?![\p{L}])/iu, noun) : task;
}
