import { PROBLEM_SUFFIXES, TREATMENT_SUFFIXES } from '../gazetteer/special.js';
import { S, SpecialKind, W, lexicon } from '../lexicon.js';
import { LETTER, UPPER, charClass, lowerCode } from '../text/chars.js';
import { type ScanState, isSentenceInitial } from '../scan-state.js';

const { words, phrases } = lexicon;

/**
 * Special categories (GDPR Art. 9) and criminal offences (Art. 10), called by the scan loop for each word.
 * The key phrase is the span ("demens", "Downs syndrom", "sigtet for knivbæring", "3F Kolding"). Skipped
 * when one of the three words before negates it ("ingen tegn på infektion") or makes it general ("borgere med
 * demens", "kursus om stress", "hvis du har diabetes"). Whether the text is about a person at all is decided
 * after the scan (scan.ts keeps these only when a person or CPR number was found).
 */
export function specialAtWord(st: ScanState, s: number, e: number, id: number, upper: boolean, termSuffixFlags: number): void {
  const text = st.text;
  const flags = id >= 0 ? words.flags[id]! : 0;
  // A negating or generic word among the three words before (wordCount is not yet counting this word).
  const blocked = st.wordCount - st.blockerAt < 3;
  if (flags & W.PHRASE_HEAD && matchPhrase(st, s, e, id, upper, blocked) > 0) return;
  // "kronisk træthed": the qualified condition, when it is not a known term anyway.
  if (st.chronicEnd === s - 1 && text.charCodeAt(s - 1) === 0x20 && !(flags & W.SPECIAL) && termSuffixFlags === 0 && !upper) {
    if (!(st.wordCount - st.blockerAt < 4)) emit(st, 'HEALTH', st.chronicStart, e);
    return;
  }
  if (flags & W.SPECIAL) {
    const info = words.payload[id]!;
    const capOk = !upper || capitalisedTermOk(text, s);
    switch (info.kind) {
      case SpecialKind.Term:
        if (capOk && !blocked) emit(st, info.cls, s, e);
        break;
      case SpecialKind.Medication:
        if (!blocked) emit(st, info.cls, s, e);
        break;
      case SpecialKind.Acronym:
        if (!blocked && text.startsWith(info.exact!, s) && e - s === info.exact!.length) emit(st, 'HEALTH', s, e);
        break;
      case SpecialKind.Union:
        if (!blocked && text.startsWith(info.exact!, s) && e - s === info.exact!.length) emit(st, 'UNION', s, unionEnd(text, e));
        break;
      case SpecialKind.Criminal:
        if (capOk && !blocked) emit(st, 'CRIMINAL', s, offenceEnd(text, e, false));
        break;
      case SpecialKind.CriminalFor: {
        const oe = capOk && !blocked ? offenceEnd(text, e, true) : -1;
        if (oe > e) emit(st, 'CRIMINAL', s, oe);
        break;
      }
    }
  } else if (termSuffixFlags !== 0) {
    const sf = termSuffixFlags;
    if (!blocked) {
      const termOk = !upper || capitalisedTermOk(text, s);
      if (sf & S.MEDICATION && e - s >= 7 && isPlainWord(text, s, e)) emit(st, 'HEALTH', s, e);
      else if (sf & S.HEALTH && termOk) emit(st, 'HEALTH', s, e);
      else if (sf & S.UNION && upper) emit(st, 'UNION', s, unionEnd(text, e));
      else if (sf & S.ETHNIC && termOk) emit(st, 'ETHNICITY', s, e);
      else if (sf & (S.TREATMENT | S.PROBLEM) && termOk && healthCompound(text, s, e, sf)) emit(st, 'HEALTH', s, e);
    }
  }
  // Ethnic origin: "etnisk dansker", "af somalisk oprindelse".
  if (!blocked && text.charCodeAt(s - 1) === 0x20) {
    const ps = prevWordStart(text, s - 1);
    if (ps >= 0 && st.ethnicMarkEnd === s - 1) emit(st, 'ETHNICITY', ps, e);
    else if (ps >= 0 && flags & W.ETHNIC_HEAD && endsWithSk(text, ps, s - 1)) emit(st, 'ETHNICITY', ps, e);
  }
}

/**
 * "metadonbehandling" (a known diagnosis or medication + -behandling/-forløb) and "søvnproblemer" (a body part
 * or function + -problemer). The stem may carry a linking s ("depressionsbehandling").
 */
function healthCompound(text: string, s: number, e: number, sf: number): boolean {
  const list = sf & S.TREATMENT ? TREATMENT_SUFFIXES : PROBLEM_SUFFIXES;
  const need = sf & S.TREATMENT ? W.SPECIAL : W.PROBLEM_PREFIX;
  for (const suffix of list) {
    if (e - s - suffix.length < 3 || !endsWithWord(text, e, suffix)) continue;
    let pe = e - suffix.length;
    if (text.charCodeAt(pe - 1) === 0x2d) pe--;
    for (const stemEnd of [pe, pe - 1]) {
      if (stemEnd < pe && lowerCode(text.charCodeAt(stemEnd)) !== 0x73) continue;
      const id = words.lookup(text, s, stemEnd);
      if (id < 0 || !(words.flags[id]! & need)) continue;
      if (need === W.SPECIAL && words.payload[id]?.cls !== 'HEALTH') continue;
      return true;
    }
  }
  return false;
}

function endsWithWord(text: string, e: number, suffix: string): boolean {
  for (let k = 0; k < suffix.length; k++) if (lowerCode(text.charCodeAt(e - suffix.length + k)) !== suffix.charCodeAt(k)) return false;
  return true;
}

function emit(st: ScanState, type: ScanState['special'][number]['type'], start: number, end: number): void {
  st.special.push({ type, start, end, confidence: 0.8 });
}

/** A capitalised term counts when the capital comes from the sentence start, not from a heading or a name. */
function capitalisedTermOk(text: string, s: number): boolean {
  if (!isSentenceInitial(text, s)) return false;
  // At a line start it must be running text ("Demens er ..."), not a heading line ("Handicap").
  let i = s;
  while ((charClass(text.charCodeAt(i)) & LETTER) !== 0) i++;
  return text.charCodeAt(i) === 0x20 && (charClass(text.charCodeAt(i + 1)) & UPPER) === 0 && (charClass(text.charCodeAt(i + 1)) & LETTER) !== 0;
}

function isPlainWord(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if ((charClass(text.charCodeAt(i)) & LETTER) === 0) return false;
  return true;
}

/** Start of the word ending at `end` (exclusive), or -1 when there is none. */
function prevWordStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && (charClass(text.charCodeAt(i - 1)) & LETTER) !== 0) i--;
  return i < end ? i : -1;
}

function endsWithSk(text: string, s: number, e: number): boolean {
  if (e - s < 4 || (charClass(text.charCodeAt(s)) & UPPER) !== 0) return false;
  const last = lowerCode(text.charCodeAt(e - 1));
  const end = last === 0x65 ? e - 1 : e; // -ske
  return lowerCode(text.charCodeAt(end - 2)) === 0x73 && lowerCode(text.charCodeAt(end - 1)) === 0x6b;
}

/** Next word after `pos` on the same clause: [start, end], or null at punctuation or line end. */
function nextWord(text: string, pos: number): [number, number] | null {
  let i = pos;
  if (text.charCodeAt(i) !== 0x20 && text.charCodeAt(i) !== 0x2d) return null;
  while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x2d) i++;
  const s = i;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if ((charClass(c) & LETTER) !== 0 || (c >= 0x30 && c <= 0x39) || (c === 0x2d && i > s)) i++;
    else break;
  }
  return i > s ? [s, i] : null;
}

function wordIs(text: string, [s, e]: [number, number], word: string): boolean {
  if (e - s !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (lowerCode(text.charCodeAt(s + k)) !== word.charCodeAt(k)) return false;
  return true;
}

function matchPhrase(st: ScanState, s: number, e: number, id: number, upper: boolean, blocked: boolean): number {
  const text = st.text;
  // "ondt i <kropsdel>"
  if (id === lexicon.ondt) {
    const w1 = nextWord(text, e);
    const w2 = w1 && wordIs(text, w1, 'i') ? nextWord(text, w1[1]) : null;
    if (w2 && words.flagsOf(text, w2[0], w2[1]) & W.BODY_PART) {
      if (!blocked) emit(st, 'HEALTH', s, w2[1]);
      return w2[1];
    }
    return -1;
  }
  const list = phrases.get(id);
  if (!list) return -1;
  let best = -1;
  let bestCls: ScanState['special'][number]['type'] = 'HEALTH';
  for (const p of list) {
    if (upper && !p.proper && !capitalisedTermOk(text, s)) continue;
    let pos = e;
    let ok = true;
    for (const w of p.rest) {
      const nw = nextWord(text, pos);
      if (!nw || !wordIs(text, nw, w)) {
        ok = false;
        break;
      }
      pos = nw[1];
    }
    if (ok && pos > best) {
      best = pos;
      bestCls = p.cls;
    }
  }
  if (best > 0) {
    if (!blocked) emit(st, bestCls, s, bestCls === 'UNION' ? unionEnd(text, best) : best);
    return best;
  }
  return -1;
}

/** "3F Kolding", "FOA Aarhus": a union name takes a following town. */
export function unionEnd(text: string, e: number): number {
  if (text.charCodeAt(e) !== 0x20 || (charClass(text.charCodeAt(e + 1)) & UPPER) === 0) return e;
  let i = e + 1;
  while ((charClass(text.charCodeAt(i)) & LETTER) !== 0) i++;
  return words.flagsOf(text, e + 1, i) & W.TOWN ? i : e;
}

/**
 * Extends a criminal-law word over "for <offence>" ("dømt for vold", "bøde for besiddelse af hash"), looking
 * at most four words ahead for "for" (one for the words that need it). With `needFor`, returns -1 when there is no "for".
 */
function offenceEnd(text: string, e: number, needFor: boolean): number {
  let pos = e;
  for (let k = 0; k < (needFor ? 2 : 5); k++) {
    const w = nextWord(text, pos);
    if (!w || words.flagsOf(text, w[0], w[1]) & W.NEGATION) break;
    pos = w[1];
    if (wordIs(text, w, 'for')) {
      let end = -1;
      for (let m = 0; m < 5; m++) {
        const o = nextWord(text, pos);
        if (!o || words.flagsOf(text, o[0], o[1]) & W.OFFENCE_STOP) break;
        end = pos = o[1];
      }
      return end > 0 ? end : needFor ? -1 : e;
    }
  }
  return needFor ? -1 : e;
}
