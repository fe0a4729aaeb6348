/**
 * What a question asks about, as far as words tell: the sentence that asks (a question often starts with the
 * situation, "Jeg fylder 63 i år …", and asks after it), its main clause (before "hvis", "når", a comma …: where
 * the question words stand), and the things the asking sentence names: the words after an article, a possessive
 * or a preposition ("en julegave", "min kone", "i kantinen", "for briller"), and names. A knowledge base that has
 * none of those words, nor anything standing in for them, does not speak of the thing asked about.
 */

/** Where the main clause of an asking sentence ends. */
const SUBORDINATE = /,|\b(?:hvis|når|fordi|så|selvom|selv om|uden at|efter at|mens|som|eller om)\b/iu;

/** Pronouns: never the name of a thing, even with a capital letter ("I"). */
const PRONOUNS = new Set('jeg du han hun vi i de man den det der dem mig dig os jer ham hende'.split(' '));

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'-]*/gu;

/** The sentence that asks: the last one ending in a question mark, else the last one. */
export function askingSentence(question: string): string {
  const sentences = question.split(/(?<=[.!?])\s+/u).filter((s) => s.trim());
  return [...sentences].reverse().find((s) => s.trim().endsWith('?')) ?? sentences.at(-1) ?? '';
}

/** The main clause of the asking sentence: up to "hvis", "når", a comma …. */
export function askingClause(question: string): string {
  const asking = askingSentence(question);
  const cut = SUBORDINATE.exec(asking.slice(1));
  return cut ? asking.slice(0, cut.index + 1) : asking;
}

/**
 * Words after which the next word (or the one after an adjective) names a thing. "de" as an article ("de
 * feriedage"): a question seldom has "de" (they) as its subject.
 */
const DETERMINERS = new Set('de en et min mit mine din dit dine sin sit sine hans hendes vores jeres deres denne dette disse nogle ingen hver'.split(' '));
const PREPOSITIONS = new Set('i på til for om af med fra hos ved over under efter uden mod gennem'.split(' '));
/** Words that may stand between a determiner and the thing: adjectives a question uses, or a genitive ("fars"). */
export const ADJECTIVES: ReadonlySet<string> = new Set('ny nyt nye gammel gammelt gamle fast faste egen eget egne anden andet andre lille små stor stort store privat private ekstra hel helt hele'.split(' '));
/**
 * Words that never name the thing asked about, even after a determiner: pronouns, and nouns too general to name
 * anything ("for folk", "i stykker", "i orden", "på den måde", "en gang", "et par", "selve dagen").
 */
const NOT_THINGS = new Set(
  (
    'det den de dem der her man jeg du han hun vi sig mig dig os jer noget nogen alt andet anden egen eget egne selv selve ' +
    'folk ting tingene gang gange måde måden orden stykker slags del delen par sted stedet'
  ).split(' '),
);

/**
 * Words that cannot be the noun an adjective stands before: "de flade batterier" names batteries, but in "en
 * nikotinpose under læben" and "en smøg i den" the word after the determiner is the thing itself.
 */
const NOT_NOUNS = new Set(
  (
    'og eller men om at som der her nu så da igen også stadig altid aldrig bare kun lige jo vel nok ikke ' +
    'er var har havde kan kunne skal skulle må måtte vil ville bliver blev får fik gør gjorde'
  ).split(' '),
);
/** Endings of an adjective before its noun: "flade", "særlig", "elektronisk", "brugte". */
const ADJECTIVE_ENDING = /(?:e|ig|lig|isk|sk)$/u;

/**
 * Everyday words for when something happens: "om morgenen", "i formiddag", "over nytår", "på et tidspunkt". They
 * say when, never what, so a rule need not have the word to answer ("inden den 31. december" answers "over
 * nytår"). Whole words with their endings only: a compound built on one ("mødetid", "morgenmad") may name a thing.
 */
const WHEN_WORDS = new Set(
  (
    'morgen formiddag middag eftermiddag aften nat natt døgn weekend ' +
    'mandag tirsdag onsdag torsdag fredag lørdag søndag ' +
    'januar februar marts april maj juni juli august september oktober november december ' +
    'forår sommer somr efterår vinter vintr nytår tidspunkt øjeblik stund'
  ).split(' '),
);
/** Definite, plural and genitive endings ("morgenen", "natten", "eftermiddags", "somrene"). */
const WHEN_ENDING = /^(?:e|en|et|n|t|s|ne|ene|er|erne|ens|ets|ers)?$/u;

/** Whether a word says only when: a time of day, a day, a month, a season or a word like "tidspunkt". */
export function isWhenWord(word: string): boolean {
  const w = word.toLowerCase();
  for (let cut = w.length; cut >= Math.max(3, w.length - 4); cut--) {
    if (WHEN_WORDS.has(w.slice(0, cut)) && WHEN_ENDING.test(w.slice(cut))) return true;
  }
  return false;
}

/**
 * The words of the asking sentence that name a thing (lower-case, as written): the word after an article, a
 * possessive or a preposition, or after one adjective following an article or a possessive ("en julegave", "min
 * egen elcykel", "i kantinen", "for briller"), and names ("Berlin").
 */
export function namedThings(question: string): string[] {
  const sentence = askingSentence(question);
  const words = [...sentence.matchAll(WORD)].map((m) => ({ text: m[0], at: m.index }));
  const out: string[] = [];
  const attributive = (i: number): boolean => {
    // An adjective between a determiner and its noun: lower-case, an adjective's ending, and a noun after it.
    const w = words[i]?.text ?? '';
    const next = words[i + 1]?.text ?? '';
    const between = sentence.slice((words[i]?.at ?? 0) + w.length, words[i + 1]?.at ?? 0);
    return (
      i >= 1 &&
      DETERMINERS.has(words[i - 1]!.text.toLowerCase()) &&
      /^\p{Ll}/u.test(w) &&
      ADJECTIVE_ENDING.test(w) &&
      /^\s+$/u.test(between) &&
      /^\p{Ll}{3,}$/u.test(next) &&
      !NOT_NOUNS.has(next) &&
      !PREPOSITIONS.has(next) &&
      !DETERMINERS.has(next) &&
      !PRONOUNS.has(next)
    );
  };
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!.text;
    const lower = w.toLowerCase();
    if (NOT_THINGS.has(lower) || DETERMINERS.has(lower) || PREPOSITIONS.has(lower) || ADJECTIVES.has(lower) || /\d/.test(w) || isWhenWord(lower)) continue;
    if (attributive(i)) continue;
    const before = words[i - 1]!.text.toLowerCase();
    const twoBefore = i >= 2 ? words[i - 2]!.text.toLowerCase() : '';
    const adjective = ADJECTIVES.has(before) || attributive(i - 1) || (/s$/u.test(before) && before.length > 3);
    const afterDeterminer = DETERMINERS.has(before) || PREPOSITIONS.has(before) || (DETERMINERS.has(twoBefore) && adjective);
    const name = /^\p{Lu}/u.test(w) && !PRONOUNS.has(lower);
    if (afterDeterminer || name) out.push(lower);
  }
  return out;
}
