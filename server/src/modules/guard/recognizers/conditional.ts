import { CONDITIONAL_VERBS } from '../gazetteer/words.js';
import { type ScanState, isSentenceInitial } from '../scan-state.js';
import * as chars from '../text/chars.js';
import * as nearby from '../text/nearby-words.js';

const codeAt = chars.codeAt;
const { RangeSet, nextWord, wordIs } = nearby;

/**
 * Conditional wording says what may be true of someone, not what is: "oplys, om du har haft
 * føleforstyrrelser eller lavt blodsukker", "Har du et handicap eller en kronisk lidelse, kan din
 * arbejdsgiver ...". Such a clause, to its comma or full stop, holds no special-category term. Called by the
 * scan loop for the words that may open one (W.CONDITIONAL, W.INVERTED); sets ScanState.conditionalEnd.
 */

const PERSON_AFTER_OM = new RangeSet(['du', 'i', 'han', 'hun', 'de', 'man', 'borgeren', 'vedkommende', 'barnet', 'you']);
const VERB = new RangeSet(CONDITIONAL_VERBS);
const ADDRESSED = new RangeSet(['du', 'i', 'man']);
/** Groups of people that open a general sentence ("Borgere med ...", "Personer, der ..."). */
const GENERIC_PEOPLE = new RangeSet(['borgere', 'personer', 'patienter', 'ældre', 'familier', 'beboere', 'brugere', 'elever', 'mennesker', 'folk', 'voksne', 'unge', 'børn']);
const GROUP_LINK = new RangeSet(['med', 'der', 'som', 'i', 'over', 'under', 'uden']);

export function conditionalAt(st: ScanState, s: number, e: number, upper: boolean): void {
  // Already inside a conditional clause: it ends where it ends.
  if (s < st.conditionalEnd) return;
  const text = st.text;
  const w = [s, e] as [number, number];
  const next = nextWord(text, e);
  if (!next) return;
  let opens = false;
  if (wordIs(text, w, 'om')) {
    const verb = PERSON_AFTER_OM.has(text, next[0], next[1]) ? nextWord(text, next[1]) : null;
    opens = !!verb && VERB.has(text, verb[0], verb[1]);
  } else {
    // An inverted verb opening a sentence before "du": "Har du ..., kan du", "Er du sygemeldt, skal du".
    opens = upper && isSentenceInitial(text, s) && ADDRESSED.has(text, next[0], next[1]);
  }
  if (opens) st.conditionalEnd = clauseEnd(text, e);
}

/**
 * "Borgere med KOL kan få en badebænk.": a sentence that opens with a group of people speaks of the group, not
 * of someone, to its end. Called by the scan loop for a capitalised generic word; sets conditionalEnd.
 */
export function genericSentenceAt(st: ScanState, s: number, e: number): void {
  if (s < st.conditionalEnd || !GENERIC_PEOPLE.has(st.text, s, e) || !isSentenceInitial(st.text, s)) return;
  const next = nextWord(st.text, e);
  if (next && GROUP_LINK.has(st.text, next[0], next[1])) st.conditionalEnd = clauseEnd(st.text, e, true);
}

/**
 * Where the clause from `pos` ends: the next comma, semicolon, sentence punctuation or line end, within 200
 * characters; with `sentence`, the sentence's end instead (no comma or semicolon; an ellipsis goes on), within 300.
 */
function clauseEnd(text: string, pos: number, sentence = false): number {
  const limit = Math.min(text.length, pos + (sentence ? 300 : 200));
  for (let i = pos; i < limit; i++) {
    const c = codeAt(text, i);
    if (c === 0x3f || c === 0x21 || c === 0x0a) return i;
    if (c === 0x2e && !(sentence && codeAt(text, i + 1) === 0x2e)) return i;
    if (!sentence && (c === 0x2c || c === 0x3b)) return i;
  }
  return limit;
}
