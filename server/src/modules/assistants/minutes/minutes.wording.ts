/**
 * The words the offline minutes engine works with: verbs that do or only state, sentences, and a task put in the
 * words of the minutes ("Tage mig af at teste siderne" -> "Teste siderne").
 */

/** Present-tense verbs that state what is, not what someone will do. */
export const NOT_ACTIONS = new Set([
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
export const DECISION_HEDGES = /(?<![\p{L}])(?:måske|muligvis|eventuelt|evt\.|vist|overvejer|foreslår)(?![\p{L}])/iu;
export const HEDGES = /(?<![\p{L}])(?:måske|muligvis|eventuelt|evt\.|nok|hvis|prøve at se)(?![\p{L}])/iu;

const IRREGULAR: Record<string, string> = { gør: 'gøre', får: 'få', går: 'gå', ser: 'se', står: 'stå', ber: 'bede', dør: 'dø' };

/** "ringer" -> "ringe", "inviterer" -> "invitere", "gør" -> "gøre". */
export function infinitive(verb: string): string {
  const v = verb.toLowerCase();
  if (IRREGULAR[v]) return IRREGULAR[v];
  return v.endsWith('er') ? v.slice(0, -1) : v.endsWith('r') ? v.slice(0, -1) : v;
}

export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
export const FILLERS = /(?<![\p{L}])(?:øh|øhm|altså|lige|bare|jo)(?![\p{L}])\s*/giu;

export function sentences(text: string): string[] {
  return text
    .split(/(?<!(?<![\p{L}])(?:nr|kl|ca|evt|pkt|jf|bl\.a|f\.eks|mht|vedr)\.)(?<=[.!?])\s+(?=[\p{Lu}\p{N}[])/u)
    .map((s) => s.trim())
    .filter(Boolean);
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
export const SECOND_VERBS = new Set(
  [
    'siger får tager gør sender ringer skriver laver giver beder sætter lægger kontakter tjekker følger sørger booker retter opdaterer',
    'informerer spørger finder henter fortæller aftaler bestiller melder viser afleverer opretter printer hænger skaffer gennemgår',
    'undersøger inviterer indkalder orienterer tilføjer deler',
  ]
    .join(' ')
    .split(' '),
);

export function isAction(verb: string, rest: string): boolean {
  const v = verb.toLowerCase();
  if (!/r$/u.test(v) || v.length < 3) return false;
  // "Men jeg taler jo ikke tigrinya": what the speaker does not do is no task.
  if (/^(?:(?:jo|nu|altså|bare|heller) )*(?:ikke|aldrig)(?![\p{L}])/iu.test(rest)) return false;
  if (NOT_ACTIONS.has(v)) return ACTION_PHRASES.test(`${v} ${rest}`);
  return true;
}

/** "at vi ikke får den repareret" -> "vi får den ikke repareret": a that-clause as a sentence of its own. */
export function mainClause(s: string): string {
  return s.replace(
    /^((?:\S+ ){0,3}?\S+) (ikke|fremover|også|altid|aldrig|kun|stadig|gerne|snart|nu) (\p{L}+(?:r|es))(?: (den|det|dem))?(?![\p{L}])/iu,
    (_m, subject: string, adverb: string, verb: string, pronoun?: string) => (pronoun ? `${subject} ${verb} ${pronoun} ${adverb}` : `${subject} ${verb} ${adverb}`),
  );
}

const PRESENT: Record<string, string> = { være: 'er', gøre: 'gør', have: 'har', se: 'ser', gå: 'går', få: 'får', stå: 'står' };
export const present = (v: string) => PRESENT[v.toLowerCase()] ?? `${v.toLowerCase()}r`;

const CONTENT_STOP = new Set('og i på til af at det den de en et om for med som er har der så vi jeg du han hun dem sig skal kan vil ikke også lige bare jo ja nej okay men'.split(' '));
export const contentCount = (s: string) => (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1 && !CONTENT_STOP.has(w)).length;

/** "en plan med navne" -> "planen med navne": the thing already mentioned. */
export function definite(article: string, noun: string, rest: string): string {
  const n = noun.toLowerCase();
  const end = article.toLowerCase() === 'et' ? (n.endsWith('e') ? 't' : 'et') : n.endsWith('e') ? 'n' : 'en';
  return squash(`${n}${end}${rest}`);
}
export const THING = /(?<![\p{L}])(?:skal (?:(?:vi|I|du|jeg) )?(?:have|lave|skrive|sende|bruge)|mangler|brug for|laver|lave|skriver|skrive|sender|sende|laves|skrives|sendes|holdes|bestilles|udarbejdes)\s+(?:jeg |vi |du )?(en|et)\s+((?:ny |nyt |lille )?[\p{L}-]{3,})((?:\s+(?:på|om|til|med|for|over)\s+[\p{L}\d-]+(?:\s+og\s+[\p{L}-]+)?){0,2})/giu;
export const PLURAL_THING = /(?<![\p{L}])(\p{Ll}[\p{L}-]{2,}(?:erne|ene))(?![\p{L}])/gu;
export const NOT_PLURALS = new Set(['gerne', 'fjerne', 'hjerne', 'stjerne', 'lærerne']);

/** Verbs that in notes report or describe rather than assign. */
export const NOT_NOTE_TASKS = new Set([
  'er', 'har', 'kan', 'vil', 'skal', 'må', 'bør', 'synes', 'mener', 'ved', 'tror', 'mangler', 'kommer', 'bliver', 'var', 'nævner', 'foreslår',
  'ønsker', 'håber', 'oplyser', 'fortæller', 'siger', 'spørger om', 'lover', 'savner', 'finder', 'ser', 'hører', 'deltager', 'mødte',
]);

export function cleanTask(task: string, due: string | null): string {
  let t = due ? task.replace(due, ' ') : task;
  t = t.replace(FILLERS, '').replace(/[\s,.;:!?-]+$/u, '');
  return tidyTask(t);
}

/** "Tage mig af at teste siderne" -> "Teste siderne"; "sørge for at trykke" -> "Trykke"; no space before commas. */
export function tidyTask(task: string): string {
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
