/**
 * LIX (læsbarhedsindeks): words per sentence + 100 × long words / words, rounded to one decimal.
 *
 * Counted exactly as the shared letter fixtures count it (fixtures/assistants/README.md), so figures compare:
 * - a word is a maximal run of letters or digits: "e-mail" is two words, "1.150" is two;
 * - a long word has more than 6 characters;
 * - a sentence ends at one or more of . ! ? : followed by whitespace or the end of the text, and at every line
 *   break (a line is a heading, a signature line or a whole paragraph); stretches without a word do not count.
 *   Abbreviations ("kr. ", "jf. ") end a sentence, as in classic LIX; "1.150", "10.30" and "koege.dk" do not.
 *
 * Placeholders ([NAVN_1], [TELEFON_2]) count as one short word. The assistant sees only the pseudonymised text,
 * so its own figures are estimates: "Lindbjergvej 10, 7400 Herning" is four words, one of them long, where its
 * placeholder is one short word, which moves LIX by up to a few points. The figures a run stores are counted
 * again on the real texts after the pipeline has restored them (letterAssistant.finish, letter.details.ts).
 */
const PLACEHOLDER = /\[[A-Z][A-Z_]*_\d+\]/g;

export interface LixCounts {
  words: number;
  longWords: number;
  sentences: number;
  lix: number;
}

export function lixCounts(text: string): LixCounts {
  const plain = text.replace(PLACEHOLDER, 'X');
  const words = plain.match(/[\p{L}\p{N}]+/gu) ?? [];
  const longWords = words.filter((w) => [...w].length > 6).length;
  const sentences = plain.split(/[.!?:]+(?=\s|$)|\n/u).filter((s) => /[\p{L}\p{N}]/u.test(s)).length;
  const lix = words.length === 0 ? 0 : Math.round((words.length / sentences + (100 * longWords) / words.length) * 10) / 10;
  return { words: words.length, longWords, sentences, lix };
}

export function lix(text: string): number {
  return lixCounts(text).lix;
}
