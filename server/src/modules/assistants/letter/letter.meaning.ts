import { newStemmer } from 'snowball-stemmers';

/**
 * Words by what they mean rather than how they are spelt, for the letter checklist: a Danish Snowball stemmer
 * folds "bevilge", "bevilges" and "bevilget" (and "nedsætte", "nedsættes", "nedsættelse") into one stem, so a
 * concept is written once as a few of its forms and every inflection the stemmer folds with them matches too.
 * The stemmer is not perfect ("godkende" → "godk", "godkendt" → "godkend"), which is why a concept lists more
 * than one form: each form's stem joins the set.
 */
const danish = newStemmer('danish');

export const stem = (word: string): string => danish.stem(word.toLowerCase());

/** The stems of the given forms (space-separated), one set per concept. */
export const stems = (forms: string): ReadonlySet<string> => new Set(forms.split(/\s+/).filter(Boolean).map(stem));

export interface Word {
  text: string;
  stem: string;
  /** Offset in the sentence. */
  index: number;
}

/** The words of a sentence (runs of letters or digits; a placeholder such as [NAVN_1] is one word). */
export function wordsOf(sentence: string): Word[] {
  return [...sentence.matchAll(/\[[A-Z][A-Z_]*_\d+\]|[\p{L}\p{N}]+/gu)].map((m) => ({ text: m[0], stem: stem(m[0]), index: m.index }));
}

/**
 * The clauses of a sentence: it is cut at commas, semicolons and dashes, the places where Danish officialese
 * joins a main clause to its subordinate ones. Not a parser, but enough to ask "does the clause that holds
 * this word open with 'hvis'?".
 */
export interface Clause {
  text: string;
  index: number;
  words: Word[];
}

export function clausesOf(sentence: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  for (const m of sentence.matchAll(/\s*(?:[,;]|\s[–-]\s)\s*/gu)) {
    out.push(clause(sentence, start, m.index));
    start = m.index + m[0].length;
  }
  out.push(clause(sentence, start, sentence.length));
  return out.filter((c) => c.words.length > 0);
}

function clause(sentence: string, start: number, end: number): Clause {
  const text = sentence.slice(start, end);
  return { text, index: start, words: wordsOf(text).map((w) => ({ ...w, index: w.index + start })) };
}

/** The first word of the sentence whose stem is in the concept, where `accept` allows it. */
export function findConcept(
  sentence: string,
  concept: ReadonlySet<string>,
  accept: (word: Word, clause: Clause, position: number) => boolean = () => true,
): { index: number; 0: string } | null {
  for (const c of clausesOf(sentence)) {
    for (const [i, w] of c.words.entries()) {
      if (concept.has(w.stem) && accept(w, c, i)) return { index: w.index, 0: w.text };
    }
  }
  return null;
}
