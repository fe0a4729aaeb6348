import { type DataClass } from './guard.types.js';
import { AMBIGUOUS_FIRST_NAMES, FIRST_NAMES } from './gazetteer/first-names.js';
import {
  BODY_PARTS,
  CHRONIC_WORDS,
  CRIMINAL_PHRASES,
  CRIMINAL_TRIGGERS,
  CRIMINAL_TRIGGERS_FOR,
  ETHNIC_GROUPS,
  ETHNIC_HEADS,
  ETHNIC_NAMES,
  ENGLISH_HEALTH_TERMS,
  ETHNIC_SUFFIXES,
  HEALTH_ACRONYMS,
  HEALTH_PHRASES,
  HEALTH_SUFFIXES,
  HEALTH_TERMS,
  MEDICATION_SUFFIXES,
  MEDICATIONS,
  NOT_HEALTH,
  OFFENCE_STOP,
  PROBLEM_PREFIXES,
  PROBLEM_SUFFIXES,
  ORIENTATION_TERMS,
  RELIGION_PHRASES,
  RELIGION_NAMES,
  RELIGION_TERMS,
  TREATMENT_CUES,
  TREATMENT_SUFFIXES,
  UNION_NAMES,
  UNION_PHRASES,
  UNION_WORDS,
  inflect,
} from './gazetteer/special.js';
import { CONDITIONAL_OPENERS, INVERTED_VERBS } from './gazetteer/words.js';
import { AIDS, BODY_WORDS, CASE_WORDS, CRIMINAL_ACT_VERBS, FALL_WORDS, FINDINGS, SUBSTANCES } from './gazetteer/findings.js';
import { SURNAMES } from './gazetteer/surnames.js';
import { POSTAL_TOWN_WORDS } from './gazetteer/postcodes.js';
import { POST_DISTRICTS, TOWN_PREFIXES, TOWNS } from './gazetteer/towns.js';
import {
  CUE_LABELS,
  GENERIC_WORDS,
  GREETINGS,
  LIST_HEADERS,
  NEGATIONS,
  NOT_STREETS,
  ORG_SUFFIXES,
  ORG_WORDS,
  ROLE_SUFFIXES,
  ROLE_WORDS,
  SIGNOFFS,
  STOP_WORDS,
  STREET_SUFFIXES,
  STREET_WORDS,
  STREET_WORDS_NAMELIKE,
} from './gazetteer/words.js';
import {
  MORE_AIDS,
  MORE_ENGLISH_ETHNIC_TERMS,
  MORE_ENGLISH_HEALTH_PHRASES,
  MORE_ENGLISH_HEALTH_TERMS,
  MORE_ENGLISH_RELIGION_TERMS,
  MORE_ETHNIC_NOUNS,
  MORE_HEALTH_ACRONYMS,
  MORE_HEALTH_PHRASES,
  MORE_HEALTH_TERMS,
  MORE_MEDICATIONS,
  MORE_ORIENTATION_TERMS,
  MORE_PROCEDURES,
  MORE_RELIGION_TERMS,
} from './gazetteer/health-lexicon.js';
import { SuffixTable, WordTable } from './text/word-table.js';

/** Word flags (one lookup gives all of them). */
export const W = {
  FIRST: 1 << 0,
  AMBIGUOUS: 1 << 1,
  SURNAME: 1 << 2,
  STOP: 1 << 3,
  ORG: 1 << 4,
  ROLE: 1 << 5,
  CUE_LABEL: 1 << 6,
  GREETING: 1 << 7,
  LIST_HEADER: 1 << 8,
  SIGNOFF: 1 << 9,
  STREET_WORD: 1 << 10,
  NOT_STREET: 1 << 11,
  TOWN: 1 << 12,
  SPECIAL: 1 << 13,
  NEGATION: 1 << 14,
  GENERIC: 1 << 15,
  PHRASE_HEAD: 1 << 16,
  TOWN_PREFIX: 1 << 17,
  DISTRICT: 1 << 18,
  NOT_HEALTH: 1 << 19,
  BODY_PART: 1 << 20,
  OFFENCE_STOP: 1 << 21,
  ETHNIC_HEAD: 1 << 22,
  /** "etnisk", "etniske": the next word is an ethnic origin. */
  ETHNIC_MARK: 1 << 23,
  /** A street word that is never a surname ("Vej", "Plads"). */
  STREET_ONLY: 1 << 24,
  /** Body part or function that makes "-problemer" a health problem ("søvnproblemer"). */
  PROBLEM_PREFIX: 1 << 25,
  /** "kronisk": the next word is a chronic condition. */
  CHRONIC: 1 << 26,
  /** Starts a treatment phrase or is a dose unit ("behandling for", "startet på", "får", "mg"). */
  TREAT_CUE: 1 << 27,
  /** May open a conditional clause ("hvis", "om du har", "Har du ..., kan du"); see recognizers/conditional.ts. */
  CONDITIONAL: 1 << 28,
  /**
   * A verb that opens a conditional clause when it starts a sentence before "du" ("Har du ..."). Read on
   * capitalised words only, so it stays out of the lower-case table that every running word is looked up in.
   */
  INVERTED: 1 << 29,
} as const;

/** Suffix flags. */
export const S = {
  STREET: 1 << 0,
  ORG: 1 << 1,
  ROLE: 1 << 2,
  HEALTH: 1 << 3,
  MEDICATION: 1 << 4,
  SURNAME_LIKE: 1 << 5,
  UNION: 1 << 6,
  ETHNIC: 1 << 7,
  TREATMENT: 1 << 8,
  PROBLEM: 1 << 9,
} as const;

export const enum SpecialKind {
  /** Lower-case term (capitalised only at the start of a sentence). */
  Term,
  /** Medication or proper name (brands, churches): may be capitalised anywhere. */
  Medication,
  /** Counts only in capitals (KOL, ADHD). */
  Acronym,
  /** Criminal-law word that stands on its own; extended over "for <offence>". */
  Criminal,
  /** Criminal-law word that needs "for <offence>". */
  CriminalFor,
  /** Union name, compared case-sensitively. */
  Union,
  /** An aid: health information only where the person uses it ("går med rollator"). */
  Aid,
  /** A finding that counts with the body part it is on ("hævelse i anklen"). */
  Finding,
  /** A drug of abuse: use is health ("ryger hash"), sale is an offence ("solgt hash"). */
  Substance,
  /** A verb of a criminal act with its subject ("har stjålet", "begået indbrud"). */
  CriminalAct,
  /** A word for a case, criminal when about an offence ("en verserende sag om vold"). */
  CaseWord,
}

/** Phrase heads whose rest is read by a rule rather than a fixed list of words. */
export const enum CustomHead {
  /** "ondt i ryggen" */
  Ondt = 1,
  /** "faldet i nat", "faldet fire gange" */
  Fall,
  /** "nedsat reaktionsevne" */
  Reduced,
  /** "dårlige knæ", "dårlig ryg" */
  Poor,
  /** "kom til skade med hånden" */
  Injury,
  /** "ca. 15 genstande" (read backwards from the unit) */
  Units,
  /** "scorer 14 på EPDS" */
  Score,
}

export interface SpecialInfo {
  cls: DataClass;
  kind: SpecialKind;
  /** Exact spelling for case-sensitive entries. */
  exact?: string;
}

export interface Phrase {
  /** Lower-case words after the head word. */
  rest: string[];
  cls: DataClass;
  /** Whether the phrase may be capitalised (proper names: "Jehovas Vidner", "Dansk Metal"). */
  proper: boolean;
}

export interface Lexicon {
  words: WordTable<SpecialInfo>;
  /** All endings (street, organisation, role, surname-like, union); used at candidates only. */
  suffixes: SuffixTable;
  /** Diagnosis, medication and union endings; checked for every unknown long word in the scan loop. */
  termSuffixes: SuffixTable;
  /**
   * The words the scan loop acts on when they are written in lower case (terms, phrase heads, negation,
   * generic wording, sign-offs, list headers), mapped to their id in `words`. Most running text is common
   * words that are not in here, and a miss is cheaper than a hit.
   */
  passWords: WordTable<number>;
  /** Multi-word phrases by the word id of their first word. */
  phrases: Map<number, Phrase[]>;
  /** Phrase heads read by a rule ("ondt i ...", "faldet i nat"), by word id. */
  custom: Map<number, CustomHead>;
}

/**
 * The lexicon, built once at start: the word table (every word of the lists with its flags, special-category words
 * with what they are), the phrases and rule-read heads, the words the scan loop must see, and the suffix tables.
 * The order of the steps is the order words get their ids in.
 */
function build(): Lexicon {
  const words = new WordTable<SpecialInfo>();
  addWordClasses(words);
  addSpecialWords(words);
  const pending = addPhraseHeads(words);
  const custom = addCustomHeads(words);
  words.freeze();
  const passWords = passWordsOf(words);
  const phrases = phrasesByHead(words, pending);
  const { suffixes, termSuffixes } = buildSuffixes();
  return { words, suffixes, termSuffixes, passWords, phrases, custom };
}

/** The lists of words by what they are: names, stop words, organisations, roles, cues, streets, towns and the like. */
function addWordClasses(words: WordTable<SpecialInfo>): void {
  const ambiguous = new Set(AMBIGUOUS_FIRST_NAMES.map((n) => n.toLowerCase()));
  for (const n of FIRST_NAMES) words.add(n, W.FIRST | (ambiguous.has(n.toLowerCase()) ? W.AMBIGUOUS : 0));
  for (const n of SURNAMES) words.add(n, W.SURNAME);
  for (const w of STOP_WORDS) words.add(w, W.STOP);
  for (const w of ORG_WORDS) words.add(w, W.ORG);
  for (const w of ROLE_WORDS) words.add(w, W.ROLE);
  for (const w of CUE_LABELS) words.add(w, W.CUE_LABEL);
  for (const w of GREETINGS) words.add(w, W.GREETING | W.STOP);
  for (const w of LIST_HEADERS) words.add(w, W.LIST_HEADER | W.STOP);
  for (const w of SIGNOFFS) words.add(w, W.SIGNOFF);
  for (const w of STREET_WORDS) words.add(w, W.STREET_WORD | W.STREET_ONLY);
  for (const w of STREET_WORDS_NAMELIKE) words.add(w, W.STREET_WORD);
  for (const w of NOT_STREETS) words.add(w, W.NOT_STREET);
  for (const w of TOWNS) words.add(w, W.TOWN);
  for (const w of POSTAL_TOWN_WORDS) if (!TOWN_PREFIXES.includes(w)) words.add(w, W.TOWN);
  for (const w of TOWN_PREFIXES) words.add(w, W.TOWN_PREFIX);
  for (const w of POST_DISTRICTS) words.add(w, W.DISTRICT);
  for (const w of NEGATIONS) words.add(w, W.NEGATION);
  for (const w of GENERIC_WORDS) words.add(w, W.GENERIC);
  for (const w of NOT_HEALTH) words.add(w, W.NOT_HEALTH);
  for (const w of BODY_PARTS) words.add(w, W.BODY_PART);
  for (const w of BODY_WORDS) words.add(w, W.BODY_PART);
  for (const w of OFFENCE_STOP) words.add(w, W.OFFENCE_STOP);
  for (const w of ETHNIC_HEADS) words.add(w, W.ETHNIC_HEAD);
  for (const w of ['etnisk', 'etniske']) words.add(w, W.ETHNIC_MARK);
  for (const w of PROBLEM_PREFIXES) words.add(w, W.PROBLEM_PREFIX);
  for (const w of CHRONIC_WORDS) words.add(w, W.CHRONIC);
  for (const w of TREATMENT_CUES) words.add(w, W.TREAT_CUE);
  for (const w of CONDITIONAL_OPENERS) words.add(w, W.CONDITIONAL);
  for (const w of INVERTED_VERBS) words.add(w, W.INVERTED);
}

/** Words of the special categories (GDPR Art. 9 and 10) with their class and how the scan reads them. */
function addSpecialWords(words: WordTable<SpecialInfo>): void {
  const special = (w: string, info: SpecialInfo): void => {
    words.add(w, W.SPECIAL, info);
  };
  for (const t of HEALTH_TERMS) for (const f of inflect(t)) special(f, { cls: 'HEALTH', kind: SpecialKind.Term });
  for (const t of ENGLISH_HEALTH_TERMS) special(t, { cls: 'HEALTH', kind: SpecialKind.Term });
  for (const t of MEDICATIONS) special(t, { cls: 'HEALTH', kind: SpecialKind.Medication });
  for (const t of HEALTH_ACRONYMS) special(t, { cls: 'HEALTH', kind: SpecialKind.Acronym, exact: t });
  for (const t of ETHNIC_GROUPS) special(t, { cls: 'ETHNICITY', kind: SpecialKind.Term });
  for (const t of ETHNIC_NAMES) special(t, { cls: 'ETHNICITY', kind: SpecialKind.Medication });
  for (const t of RELIGION_TERMS) special(t, { cls: 'RELIGION', kind: SpecialKind.Term });
  for (const t of RELIGION_NAMES) special(t, { cls: 'RELIGION', kind: SpecialKind.Medication });
  for (const t of ORIENTATION_TERMS) special(t, { cls: 'SEXUAL_ORIENTATION', kind: SpecialKind.Term });
  for (const t of UNION_WORDS) special(t, { cls: 'UNION', kind: SpecialKind.Term });
  for (const t of UNION_NAMES) special(t, { cls: 'UNION', kind: SpecialKind.Union, exact: t });
  for (const t of CRIMINAL_TRIGGERS) special(t, { cls: 'CRIMINAL', kind: SpecialKind.Criminal });
  for (const t of CRIMINAL_TRIGGERS_FOR) special(t, { cls: 'CRIMINAL', kind: SpecialKind.CriminalFor });
  for (const t of AIDS) special(t, { cls: 'HEALTH', kind: SpecialKind.Aid });
  for (const t of FINDINGS) special(t, { cls: 'HEALTH', kind: SpecialKind.Finding });
  for (const t of SUBSTANCES) special(t, { cls: 'HEALTH', kind: SpecialKind.Substance });
  for (const t of CRIMINAL_ACT_VERBS) special(t, { cls: 'CRIMINAL', kind: SpecialKind.CriminalAct });
  for (const t of CASE_WORDS) special(t, { cls: 'CRIMINAL', kind: SpecialKind.CaseWord });
  // The larger vocabulary (gazetteer/health-lexicon.ts) never overrides how a word above is read.
  const more = (w: string, info: SpecialInfo): void => {
    const id = words.idOf(w);
    if (id < 0 || !(words.flags[id]! & W.SPECIAL)) special(w, info);
  };
  for (const t of MORE_HEALTH_TERMS) for (const f of inflect(t)) more(f, { cls: 'HEALTH', kind: SpecialKind.Term });
  for (const t of [...MORE_ENGLISH_HEALTH_TERMS, ...MORE_PROCEDURES]) more(t, { cls: 'HEALTH', kind: SpecialKind.Term });
  for (const t of MORE_MEDICATIONS) more(t, { cls: 'HEALTH', kind: SpecialKind.Medication });
  for (const t of MORE_HEALTH_ACRONYMS) more(t, { cls: 'HEALTH', kind: SpecialKind.Acronym, exact: t });
  for (const t of MORE_AIDS) more(t, { cls: 'HEALTH', kind: SpecialKind.Aid });
  for (const t of MORE_ETHNIC_NOUNS) more(t, { cls: 'ETHNICITY', kind: SpecialKind.Term });
  for (const t of MORE_ENGLISH_ETHNIC_TERMS) more(t, { cls: 'ETHNICITY', kind: SpecialKind.Medication });
  for (const t of MORE_RELIGION_TERMS) more(t, { cls: 'RELIGION', kind: SpecialKind.Term });
  for (const t of MORE_ENGLISH_RELIGION_TERMS) more(t, { cls: 'RELIGION', kind: SpecialKind.Medication });
  for (const t of MORE_ORIENTATION_TERMS) more(t, { cls: 'SEXUAL_ORIENTATION', kind: SpecialKind.Term });
}

/** The first word of each multi-word phrase, marked as a phrase head; returns the phrases by that word. */
function addPhraseHeads(words: WordTable<SpecialInfo>): [string, Phrase][] {
  const pending: [string, Phrase][] = [];
  const phrase = (p: string, cls: DataClass, proper: boolean): void => {
    const [head, ...rest] = p.split(' ');
    words.add(head!, W.PHRASE_HEAD);
    pending.push([head!, { rest, cls, proper }]);
  };
  for (const p of [...HEALTH_PHRASES, ...MORE_HEALTH_PHRASES, ...MORE_ENGLISH_HEALTH_PHRASES]) phrase(p, 'HEALTH', /(?:syndrom|sygdom|syndrome|disease)$/.test(p));
  for (const p of RELIGION_PHRASES) phrase(p, 'RELIGION', true);
  for (const p of UNION_PHRASES) phrase(p, 'UNION', true);
  for (const p of CRIMINAL_PHRASES) phrase(p, 'CRIMINAL', false);
  return pending;
}

/** Phrase heads that a rule reads ("ondt i ...", "faldet i nat"), by word id. */
function addCustomHeads(words: WordTable<SpecialInfo>): Map<number, CustomHead> {
  const custom = new Map<number, CustomHead>();
  const head = (w: string, kind: CustomHead): void => {
    custom.set(words.add(w, W.PHRASE_HEAD), kind);
  };
  head('ondt', CustomHead.Ondt);
  for (const w of FALL_WORDS) head(w, CustomHead.Fall);
  for (const w of ['nedsat', 'nedsatte']) head(w, CustomHead.Reduced);
  for (const w of ['dårlig', 'dårlige', 'dårligt', 'hævede', 'hævet', 'ømme', 'øm', 'ømt', 'stive', 'stiv', 'stivt', 'spastisk', 'spastiske', 'deform', 'deforme', 'hængende', 'lammet', 'lammede', 'følelsesløse', 'følelsesløs', 'betændte', 'rystende', 'rystede']) head(w, CustomHead.Poor);
  for (const w of ['kom', 'kommet']) head(w, CustomHead.Injury);
  head('genstande', CustomHead.Units);
  for (const w of ['scorer', 'scorede', 'scoret', 'score']) head(w, CustomHead.Score);
  return custom;
}

/** `passWords`: the words the scan loop acts on in lower case, and the first names that are no Danish word. */
function passWordsOf(words: WordTable<SpecialInfo>): WordTable<number> {
  const passWords = new WordTable<number>();
  const PASS =
    W.SPECIAL | W.PHRASE_HEAD | W.NEGATION | W.GENERIC | W.SIGNOFF | W.LIST_HEADER | W.ETHNIC_HEAD | W.ETHNIC_MARK | W.NOT_HEALTH | W.CHRONIC | W.TREAT_CUE | W.CONDITIONAL;
  // First names that are no Danish word also, so that a name written in lower case can be found again.
  const lowerName = (f: number): boolean => (f & (W.FIRST | W.AMBIGUOUS | W.STOP)) === W.FIRST;
  for (let id = 0; id < words.size; id++) if (words.flags[id]! & PASS || lowerName(words.flags[id]!)) passWords.add(words.word(id), words.flags[id]!, id);
  passWords.freeze();
  return passWords;
}

/** The phrases by the word id of their first word. */
function phrasesByHead(words: WordTable<SpecialInfo>, pending: [string, Phrase][]): Map<number, Phrase[]> {
  const phrases = new Map<number, Phrase[]>();
  for (const [head, p] of pending) {
    const id = words.lookup(head, 0, head.length);
    const list = phrases.get(id) ?? [];
    list.push(p);
    phrases.set(id, list);
  }
  return phrases;
}

/** `suffixes` (all endings) and `termSuffixes` (the endings of the special categories alone). */
function buildSuffixes(): { suffixes: SuffixTable; termSuffixes: SuffixTable } {
  const suffixes = new SuffixTable();
  const termSuffixes = new SuffixTable();
  for (const s of STREET_SUFFIXES) suffixes.add(s, S.STREET, 2);
  for (const s of ORG_SUFFIXES) suffixes.add(s, S.ORG, 3);
  for (const s of ROLE_SUFFIXES) suffixes.add(s, S.ROLE, 3);
  for (const s of ['sen', 'ssen', 'søn', 'gaard', 'gård', 'strup', 'holt']) suffixes.add(s, S.SURNAME_LIKE, 2);
  for (const t of [suffixes, termSuffixes]) {
    for (const s of HEALTH_SUFFIXES) t.add(s, S.HEALTH, 3);
    // "ørebetændelser", "rygskaderne": the plural and definite forms of the longer endings too.
    for (const s of HEALTH_SUFFIXES) if (s.length >= 6 && /[^n]$/.test(s)) for (const f of inflect(s).slice(1, 4)) t.add(f, S.HEALTH, 3);
    for (const s of MEDICATION_SUFFIXES) t.add(s, S.MEDICATION, 3);
    t.add('forbundet', S.UNION, 3);
    t.add('lærerforening', S.UNION, 3);
    for (const s of ETHNIC_SUFFIXES) t.add(s, S.ETHNIC, 3);
    for (const s of TREATMENT_SUFFIXES) t.add(s, S.TREATMENT, 3);
    for (const s of PROBLEM_SUFFIXES) t.add(s, S.PROBLEM, 3);
    t.freeze();
  }
  return { suffixes, termSuffixes };
}

export const lexicon: Lexicon = build();
