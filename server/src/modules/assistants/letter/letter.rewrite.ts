import { splitSentences } from './letter.checklist.js';
import { OFFICIALESE } from './letter.wordlist.js';

/**
 * The offline engine for letters: plain-language rules, not a language model. The same letter always gives the
 * same draft. It splits long sentences at safe points, replaces officialese from a reviewed word list, turns a
 * few passive phrasings with a clear pattern into active ones, and addresses the reader as "du".
 *
 * What it never touches: numbers, dates, amounts, law references and placeholders ([NAVN_1] ...). Placeholders
 * are swapped for private-use characters while the rules run, so no rule can see or break them; the rules
 * themselves only ever match words, never digits.
 */
export interface Rewrite {
  text: string;
  /** What was changed, in Danish, for the caseworker ("3 lange sætninger delt"). */
  changes: string[];
}

/**
 * Above this many words a sentence is split where a safe point allows it (plain-language guides aim at 15-20
 * words a sentence). A cut that needs words of its own to stand ("Det er, fordi …") waits for a longer sentence.
 */
export const LONG_SENTENCE_WORDS = 20;
const LONG_SENTENCE_WORDS_FOR_PADDED_CUT = 25;
/** Neither part of a split may be shorter than this, or the result reads worse than the original. */
const MIN_PART_WORDS = 6;

const L = '[\\p{L}\\p{N}\\uE000-\\uF8FF]';
const EDGE = `(?:(?<!${L})(?=${L})|(?<=${L})(?!${L}))`;
const re = (source: string, flags = 'gu') => new RegExp(source.replace(/\\b/g, EDGE), flags);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (s: string) => (s.match(/[\p{L}\p{N}\uE000-\uF8FF]+/gu) ?? []).length;
/** The first letter made a capital, unless the first word is an address written in lower case (an e-mail, a web address). */
const capitalise = (s: string) => (/^[^\s@]+@|^(?:https?:\/\/|www\.)/iu.test(s) ? s : s.charAt(0).toUpperCase() + s.slice(1));
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const keepCase = (found: string, replacement: string) =>
  found.charAt(0) !== found.charAt(0).toLowerCase() ? capitalise(replacement) : replacement;

/** Finite verbs that may follow a subject: used to check that moving words keeps Danish word order. */
const FINITE = new Set(
  ('er har vil skal kan må bør bliver får modtager beder indkalder holder sender gælder mener ønsker arbejder ' +
    'kunne skulle ville havde var blev fik mangler bor betaler ændres leveres holdes gives betales stoppes sendes ' +
    'ophører vurderer planlægger overstiger berøres bevilger afslår træffer kommer mødes skriver hører tager').split(' '),
);
const PRONOUN_SUBJECT = /^(?:du|vi|jeg|han|hun|den|det|de|der|man|\uE000|[\uE001-\uF8FF]|\p{Ll}+(?:en|et|erne|ene))$/u;

// Nouns that take "dit"/"dette" (neuter) or "dine" (plural) after a possessive; everything else takes "din".
const NEUTER = new Set(
  ('hjem fleksjob job arbejde barn brev svar samtykke tilbud lejemål hus kørekort pas helbred navn nummer ' +
    'telefonnummer beløb forløb sygeforløb ophold besøg møde skema oplysningsskema bidrag tilskud lån krav udlæg ' +
    'indtægtsgrundlag grundlag ønske behov valg område ansættelsesforhold lejeforhold sted værelse køkken brevet ' +
    'projekt byggeri byggeprojekt hus sommerhus kontor opholdssted samvær').split(' '),
);
const PLURAL = /(?:inger|elser|heder|skaber|ter|rer|ner|ler|ver|mer|børn|forældre|forhold|penge|midler|bilag|papirer|oplysninger)$/u;
/** Singular nouns that look plural by their ending. */
const SINGULAR_ER = /(?:giver|nummer|sommer|leder|læser|lejer|ejer|borger|rådgiver|sagsbehandler|ansøger|modtager|pensionister?|datter|søster|moster|faster|mester|center)$/u;
const isPlural = (word: string) => PLURAL.test(word.toLowerCase()) && !SINGULAR_ER.test(word.toLowerCase());
const isNeuter = (word: string): boolean =>
  NEUTER.has(word) ||
  [...NEUTER].some((n) => n.length > 3 && word.endsWith(n) && !isPlural(word)) ||
  // A genitive takes the gender of its noun: "dit barns plads".
  (word.endsWith('s') && word.length > 3 && NEUTER.has(word.slice(0, -1)));
/** Nouns in -else (afgørelse, udtalelse, ydelse) end in -e like an adjective but are nouns of common gender. */
const NOUN_IN_E = /(?:else|ning|pleje|støtte|periode|skole|side)$/u;

/** "Deres" and "nærværende" agree with their noun: din/dit/dine, denne/dette/disse. Unknown nouns take common gender. */
function possessive(nextWords: string[], forms: { common: string; neuter: string; plural: string }): string {
  for (let i = 0; i < Math.min(3, nextWords.length); i++) {
    const word = nextWords[i]!.toLowerCase();
    if (word === 'egen') return forms.common;
    if (word === 'eget') return forms.neuter;
    if (word === 'egne') return forms.plural;
    // Adjectives after a possessive end in -e ("dine økonomiske forhold", "din digitale postkasse"): skip them.
    const following = nextWords[i + 1];
    if (word.endsWith('e') && !NOUN_IN_E.test(word) && !isNeuter(word) && !isPlural(word) && following && /^\p{Ll}/u.test(following)) continue;
    if (isPlural(word)) return forms.plural;
    if (isNeuter(word)) return forms.neuter;
    return forms.common;
  }
  return forms.common;
}

const nextWordsAt = (text: string, from: number) => text.slice(from).match(/[\p{L}\p{N}-]+/gu)?.slice(0, 4) ?? [];

interface Counter {
  announcements: number;
  passives: number;
  pronouns: number;
  officialese: number;
  undertegnede: number;
  splits: number;
}

// --- announcements: "Det skal hermed meddeles, at …" says nothing; the news it announces comes first. ---
const ANNOUNCE = re(
  '^Det (?:skal |kan )?(?:hermed |herved )?(meddeles|oplyses|bemærkes|præciseres|understreges|skal bemærkes)(?: (?:Dem|dig))?(?: hermed| herved)?(?: i (?:den|denne) forbindelse)?,? at ',
  'u',
);
const ANNOUNCE_MID = re('^(.*?),? skal det (?:hermed |herved )?(?:meddeles|oplyses), at ', 'u');

/**
 * An "at"-clause can stand as a main clause when a short subject is followed directly by its verb. Danish main
 * clauses put the finite verb second (V2): a pronoun subject ("der", "du") is followed by the verb at once, and
 * a sentence adverb ("ikke", "også") between subject and verb is the word order of a subordinate clause
 * ("at beløbet ikke har kunnet …"), so such a clause does not stand alone as it is (see mainClause).
 */
function standsAlone(clause: string): boolean {
  const tokens = clause.split(/\s+/);
  if (SUBORDINATOR.test(tokens[0] ?? '')) return false;
  // After a personal pronoun the next word is the verb or the clause is no main clause; a verb outside the
  // list is known by its form there ("du pålægges", "vi vurderer").
  if (PERSONAL_PRONOUN.test(tokens[0] ?? '')) return FINITE.has(tokens[1]?.toLowerCase() ?? '') || verbByForm(tokens[1] ?? '');
  for (let i = 1; i <= 5 && i < tokens.length; i++) {
    const subject = tokens.slice(0, i);
    if (/[,;]/.test(subject.join(' '))) return false;
    if (subject.some((t) => SENTENCE_ADVERB.test(t))) return false;
    if (i <= 4 && FINITE.has(tokens[i]!.toLowerCase())) return true;
    // A passive after a subject of ordinary words: "en lukning i tre uger vurderes at være …".
    if (PASSIVE.test(tokens[i]!) && subject.every((t) => /^[\p{Ll}\p{N}]/u.test(t) || t === subject[0])) return true;
  }
  return false;
}

/** A finite verb by its form: a present in -er, a passive in -es, a past in -ede or -te; plural nouns and prepositions are none. */
const verbByForm = (w: string) =>
  /^\p{Ll}{3,}(?:er|es|ede|te)$/u.test(w) && !/(?:inger|elser|heder|skaber|tioner)$/u.test(w) && !NOT_VERB.has(w);
const PASSIVE = /^\p{Ll}{4,}es$/u;
const NOT_VERB = new Set(['efter', 'under', 'over', 'eller', 'hver', 'sammen', 'siden', 'senere', 'tidligere', 'andre', 'flere', 'mere', 'bagefter', 'derefter', 'heller', 'uger', 'timer', 'kroner']);

/** Words that open a subordinate clause: a clause opening with one is no sentence on its own. */
const SUBORDINATOR = /^(?:at|uden|som|hvis|når|fordi|om|da|mens|selvom|idet|inden|indtil|før|hvorved|hvilket|hvor|såfremt|dersom|medmindre)$/iu;
/** Pronouns that are always a subject, never an article ("det", "den", "de" can be "the"). */
const PERSONAL_PRONOUN = /^(?:du|vi|jeg|han|hun|der|man)$/iu;
const SENTENCE_ADVERB = /^(?:ikke|også|altid|aldrig|kun|allerede|derfor|nu|fortsat|endnu|dog|heller|gerne|måske|snart)$/iu;

/**
 * "beløbet ikke har kunnet opkræves" -> "beløbet har ikke kunnet opkræves": a short subject, sentence adverbs,
 * then the finite verb is a subordinate clause's order; moving the verb before the adverbs makes it a main
 * clause. Null when the clause is not of that shape.
 */
function mainClause(clause: string): string | null {
  const m = /^((?:\p{L}+ ){1,3}?)((?:(?:ikke|også|altid|aldrig|kun|allerede|fortsat|endnu) )+)(\p{Ll}+)\b/u.exec(clause);
  if (!m || SUBORDINATOR.test(m[1]!.trim().split(' ')[0]!)) return null;
  if (!FINITE.has(m[3]!)) return null;
  return `${m[1]}${m[3]} ${m[2]!.trim()}${clause.slice(m[0].length)}`;
}

/**
 * The "at"-clause as a main clause, or null. Not when a second "at"-clause follows (", og at …"): that one
 * hangs on the announcement that would be gone.
 */
function asMainClause(tail: string): string | null {
  if (/,\s+(?:og|eller) at\s/u.test(tail)) return null;
  if (standsAlone(tail)) return tail;
  const reordered = mainClause(tail);
  return reordered && standsAlone(reordered) ? reordered : null;
}

function announcements(s: string, c: Counter): string {
  const mid = ANNOUNCE_MID.exec(s);
  if (mid) {
    c.announcements++;
    let head = mid[1]!.replace(re('^Med henvisning til ', 'u'), 'Det drejer sig om ');
    head = head.replace(/[,\s]+$/u, '');
    const tail = s.slice(mid[0].length);
    const main = asMainClause(tail);
    return `${head}. ${main ? capitalise(main) : `Vi kan oplyse, at ${tail}`}`;
  }
  const m = ANNOUNCE.exec(s);
  if (!m) return s;
  c.announcements++;
  const tail = s.slice(m[0].length);
  const main = asMainClause(tail);
  if (main) return capitalise(main);
  return m[1] === 'meddeles' || m[1] === 'oplyses' ? `Vi kan oplyse, at ${tail}` : `Bemærk, at ${tail}`;
}

// --- a law reference after "jf." at the end of a sentence becomes a sentence of its own ---
/** "vejlovens § 73", "§ 21, stk. 1, nr. 1, i lov om sygedagpenge", "§ 70 i affaldsbekendtgørelsen". */
const REFERENCE =
  '(?:[\\p{L}-]+s\\s+)?§+\\s*\\d+(?:\\s?\\p{Ll}(?!\\p{L}))?(?:,?\\s*(?:stk|nr|litra|pkt)\\.\\s*\\d+(?:\\s?\\p{Ll}(?!\\p{L}))?)*' +
  '(?:,?\\s+i\\s+(?:lov om [^,;.]+|[\\p{L}-]+(?:loven|bekendtgørelsen|bekendtgørelse|reglementet)))?';
const REFERENCE_AT_END = re(`,\\s+(?:jf\\.|jævnfør)\\s+(${REFERENCE})\\.?$`, 'u');

/**
 * "…, jf. vejlovens § 73." -> "…. Se vejlovens § 73.": "jf." is officialese, and where it closes a sentence the
 * reference reads best as a sentence of its own. (LIX counts "jf. " as a sentence end, as it counts every
 * abbreviation, so replacing it inside the sentence with "se" would make the letter score as harder to read.)
 */
function references(s: string, c: Counter): string {
  const m = REFERENCE_AT_END.exec(s);
  if (!m || words(s.slice(0, m.index)) < MIN_PART_WORDS) return s;
  c.officialese++;
  return `${s.slice(0, m.index)}. Se ${m[1]}.`;
}

// --- passive to active, only where the pattern is unambiguous ---
const YOU = '(?:De|du|Du)';
const PASSIVES: [RegExp, string | ((...m: string[]) => string)][] = [
  [re(`\\b${YOU} indkaldes (?:hermed |herved )?til\\b`), 'vi indkalder dig til'],
  [re(`\\bindkaldes ${YOU} (?:hermed |herved )?til\\b`), 'indkalder vi dig til'],
  [re(`\\b${YOU} anmodes (?:hermed )?om\\b`), 'vi beder dig om'],
  [re(`\\banmodes ${YOU} (?:hermed )?om\\b`), 'beder vi dig om'],
  [re(`\\b${YOU} bedes\\b`), 'vi beder dig'],
  [re(`\\bbedes ${YOU}\\b`), 'beder vi dig'],
  [re(`\\b${YOU} opfordres (?:hermed )?til\\b`), 'vi opfordrer dig til'],
  [re(`\\bopfordres ${YOU} til\\b`), 'opfordrer vi dig til'],
  [re('\\b[Dd]et er (?:blevet )?besluttet\\b'), 'vi har besluttet'],
  [re('\\b[Dd]er er (?:blevet )?truffet afgørelse om\\b'), 'vi har truffet afgørelse om'],
  [re('^(Afgørelsen|Beslutningen) er truffet\\b', 'u'), (_m, noun) => `Vi har truffet ${lower(noun!)}`],
  [
    re('^((?:(?:Din|Dit|Dine|Deres) )?\\p{L}+) er blevet (bevilget|godkendt|modtaget|afslået|behandlet|registreret|ændret)\\b', 'u'),
    (_m, subject, verb) => `Vi har ${verb} ${lower(subject!)}`,
  ],
  [re('\\b(afgørelsen|beslutningen) fastholdes\\b'), (_m, noun) => `vi holder fast i ${noun}`],
];

function passives(s: string, c: Counter): string {
  let out = s;
  for (const [pattern, to] of PASSIVES) {
    out = out.replace(pattern, (...args: unknown[]) => {
      c.passives++;
      const offset = args[args.length - 2] as number;
      const replacement = typeof to === 'string' ? to : to(...(args.slice(0, -2) as string[]));
      // Only the start of the sentence takes a capital: a polite "De" mid-sentence becomes "vi beder dig".
      return offset === 0 ? capitalise(replacement) : replacement;
    });
  }
  return out;
}

// --- De/Dem/Deres to du/dig/din/dit/dine ---
/** Words after which a sentence-initial "De" is the polite "you", not "they". */
const AFTER_YOU = new Set([...FINITE, 'ikke', 'også', 'bedes', 'anmodes', 'indkaldes', 'modtog', 'søgte', 'ansøgte', 'oplyste', 'skrev']);

function pronouns(s: string, previous: string | undefined, formal: boolean, c: Counter): string {
  let out = s.replace(re('\\bDem selv\\b'), () => (c.pronouns++, 'dig selv')).replace(re('\\bDem\\b'), () => (c.pronouns++, 'dig'));
  out = out.replace(re('\\bDeres vedkommende\\b'), () => (c.pronouns++, 'dig'));
  out = out.replace(re('\\bDeres\\b'), (found, offset: number) => {
    c.pronouns++;
    const form = possessive(nextWordsAt(out, offset + found.length), { common: 'din', neuter: 'dit', plural: 'dine' });
    return offset === 0 ? capitalise(form) : form;
  });
  out = out.replace(re('\\bDe\\b'), (found, offset: number) => {
    if (offset > 0) {
      c.pronouns++;
      return 'du';
    }
    // At the start of a sentence "De" can be "they" (or "the" before a noun). It is "you" only in a letter
    // written to "De", before a verb, and when the sentence before does not open with a plural subject.
    const next = (nextWordsAt(out, found.length)[0] ?? '').toLowerCase();
    // "Vi har modtaget tegningerne. De viser …": a plural noun opening or closing the sentence before.
    const pluralBefore =
      previous !== undefined &&
      (/^(?:De|Disse|Alle|Begge|\p{Lu}\p{Ll}+(?:erne|ene))(?!\p{L})/u.test(previous) ||
        /(?:\p{Ll}+(?:erne|ene)|(?<!\p{L})de(?: \p{Ll}+)+)[.!?]*$/u.test(previous.trim()));
    const endsPlural = previous !== undefined && isPlural(/(\p{L}+)[.!?]*$/u.exec(previous.trim())?.[1] ?? '');
    // "De skal sendes", "De kan hentes": a passive infinitive after the modal speaks of things, not of you.
    const passiveAfter = /^\S+\s+\p{Ll}+es(?!\p{L})/u.test(out.slice(found.length).trim()) && /^(?:skal|kan|må|vil|bør)$/u.test(next);
    if (formal && AFTER_YOU.has(next) && !pluralBefore && !endsPlural && !passiveAfter) {
      c.pronouns++;
      return 'Du';
    }
    return found;
  });
  return out;
}

// --- the word list ---
const WORDLIST = [...OFFICIALESE]
  .sort((a, b) => b[0].length - a[0].length)
  .map(([from, to]) => ({ pattern: re(`\\b${escape(from)}${/\.$/.test(from) ? '' : '\\b'}`, 'giu'), to }));

function officialese(s: string, c: Counter): string {
  let out = s;
  // "idet … dog" is "although", not "because": "idet den tid … dog forbliver uændret" becomes "men den tid …".
  out = out.replace(re(',\\s+idet\\b([^.;]*?)\\s+dog\\b'), (_m, middle: string) => (c.officialese++, `, men${middle}`));
  // "i forbindelse hermed", "sammen hermed": after a noun "hermed" is "med dette" and cannot simply go.
  out = out.replace(re('\\b(forbindelse|sammen|overensstemmelse|samtidig|tråd) (hermed|herved)\\b'), (_m, noun: string, word: string) => {
    c.officialese++;
    return `${noun} ${word === 'hermed' ? 'med' : 'ved'} dette`;
  });
  // "Jf. § 5 skal du …" would read "Se § 5 skal du …"; at the start of a sentence the reference is the basis.
  out = out.replace(re('^(?:Jf\\.|Jævnfør)\\s+(?=§)', 'u'), () => (c.officialese++, 'Ifølge '));
  // "Hermed sendes …" would lose its first word with "hermed" gone; "Her sendes …" keeps the order.
  out = out.replace(re('^Hermed\\b(?! fremsendes)', 'u'), () => (c.officialese++, 'Her'));
  for (const { pattern, to } of WORDLIST) {
    out = out.replace(pattern, (found) => {
      c.officialese++;
      return keepCase(found, to);
    });
  }
  out = give(out, c);
  out = out.replace(re('\\b(være|er) (\\S+) i hænde\\b'), (_m, verb: string, who: string) => (c.officialese++, `${verb} nået frem til ${who}`));
  out = out.replace(re('\\bnærværende\\b', 'giu'), (found, offset: number) => {
    c.officialese++;
    return keepCase(found, possessive(nextWordsAt(out, offset + found.length), { common: 'denne', neuter: 'dette', plural: 'disse' }));
  });
  return undersigned(out, c);
}

/**
 * "meddele tilladelse/afslag/påbud" is to give it: "Kommunen meddeler firmaet tilladelse" -> "giver firmaet
 * tilladelse", "Påbuddet meddeles efter § 14" -> "Påbuddet gives efter § 14", "dispensation kan ikke meddeles" ->
 * "gives". Without such a noun nearby "meddele" is left alone ("Det meddeles, at …" is an announcement).
 */
const GIVE: Record<string, string> = { meddele: 'give', meddeler: 'giver', meddeles: 'gives', meddelt: 'givet' };
const GRANT = '(?:tilladelse|tilladelsen|afslag|afslaget|dispensation|dispensationen|påbud|påbuddet|aktindsigt|forbud|forbuddet)';
const GIVE_BEFORE = re(`\\b(meddele|meddeler|meddeles|meddelt)\\b(?=(?:\\s+[\\p{L}\\uE000-\\uF8FF]+){0,4}?\\s+(?:delvis\\s+)?${GRANT}\\b)`, 'giu');
const GIVE_AFTER = re(`(?<=\\b${GRANT}\\b(?:\\s+\\p{L}+){0,3}?\\s+)(meddeles|meddelt|meddele)\\b`, 'giu');
function give(s: string, c: Counter): string {
  const to = (found: string) => (c.officialese++, keepCase(found, GIVE[found.toLowerCase()]!));
  return s.replace(GIVE_BEFORE, to).replace(GIVE_AFTER, to);
}

/**
 * "undertegnede" is "jeg" as the subject of its clause ("den revurdering, som undertegnede foretog" -> "som jeg
 * foretog"; "Undertegnede kan træffes …"), else "mig" ("Henvendelse kan ske til undertegnede" -> "til mig").
 */
const UNDERSIGNED = re('(?<=(\\p{L}+)\\s+|^)undertegnede(?: (?:visitator|sagsbehandler|\\p{L}*rådgiver|konsulent|medarbejder))?\\b(?=\\s*(\\p{Ll}*))', 'gu');
function undersigned(s: string, c: Counter): string {
  return s
    .replace(re('^Undertegnede\\b', 'u'), () => (c.undertegnede++, 'Jeg'))
    .replace(UNDERSIGNED, (_m, before: string | undefined, next: string) => {
      c.undertegnede++;
      return SUBORDINATOR.test(before ?? '') || FINITE.has(next) || verbByForm(next) ? 'jeg' : 'mig';
    });
}

// --- splitting long sentences at safe points ---
interface Cut {
  at: number;
  /** Length of the text replaced at the cut. */
  length: number;
  /** What starts the second sentence. */
  next: string;
  /** Only in a sentence longer than this. */
  over?: number;
}

const SUBORDINATE_START = /^(?:Hvis|Når|Selvom|Såfremt|Dersom|Fordi|Da|Mens|Inden|Før|Efter at|At|Om)\b/u;
const NOT_MAIN_AFTER_OG = /^(?:at|uden|som|der|hvis|hvor|fordi|om|når|så|da|og|eller|i|på|til|med|for|af|ikke)\b/u;

/**
 * A main clause that opens with an adverbial, so its verb comes before its subject: "ved kommunens besigtigelse
 * den 8. februar 2027 blev det konstateret …", "derfor har vi …". The subject must be a pronoun (or "kommunen"),
 * which a list continued after "og" ("til A, og i B") does not have.
 */
function invertedMain(tail: string): boolean {
  const m = /^((?:ved|efter|i|på|under|før|siden|derfor|desuden|samtidig|dermed|derefter)\b[^,;]{0,60}?)\s(\p{Ll}+)\s(der|det|du|vi|jeg|han|hun|man|kommunen)(?!\p{L})/u.exec(tail);
  return !!m && FINITE.has(m[2]!) && !/(?<!\p{L})(?:at|som|der|hvis|når|fordi|og|eller)(?!\p{L})/u.test(m[1]!);
}

/** What a relative adverb becomes when its clause is a sentence of its own. */
/** A time that "hvor" may follow as "when": "den dag, hvor …", "i perioden, hvor …". */
const TIME_NOUN = /(?<![\p{L}])(?:dag|dage|dagen|dagene|periode|perioden|perioder|tidspunkt|tidspunktet|uge|ugen|uger|måned|måneden|måneder|år|året|gang|gange|tid|tiden|aften|morgen)$/iu;
const RELATIVE_ADVERB: Record<string, string> = {
  hvorfor: 'Derfor',
  hvor: 'Der',
  hvorunder: 'Her',
  hvorved: 'Derved',
  hvormed: 'Dermed',
  hvorigennem: 'Derigennem',
};

/**
 * The main clause an "at"-clause hangs on, with "også" in the place Danish gives it: after the verb, or after a
 * pronoun subject that follows the verb ("Vi har lagt vægt på" -> "Vi har også lagt vægt på", "Ved vurderingen er
 * der lagt vægt på" -> "Ved vurderingen er der også lagt vægt på"). Null when the clause is not of that shape.
 */
function withAlso(head: string): string | null {
  const tokens = head.split(/\s+/u);
  if (SUBORDINATOR.test(tokens[0]!) || SUBORDINATE_START.test(head) || tokens.some((t) => SENTENCE_ADVERB.test(t) || /^(?:desuden|heller)$/iu.test(t))) return null;
  if (tokens[0] === 'Bemærk') return ['Bemærk', 'også', ...tokens.slice(1)].join(' ');
  const verb = tokens.findIndex((t, i) => i > 0 && i <= 3 && FINITE.has(t.toLowerCase()));
  if (verb < 0) return null;
  // With words before the verb other than its subject ("Ved vurderingen er der", "Der blev det"), the subject
  // follows the verb and "også" comes after it.
  const adverbFirst = verb > 1 || /^(?:Der|Her|Så|Nu|Da)$/u.test(tokens[0]!);
  const subjectAfter = (verb > 1 ? /^(?:der|det|du|vi|jeg|han|hun|man|kommunen|jobcentret)$/u : /^(?:det|du|vi|jeg|han|hun|man)$/u).test(tokens[verb + 1] ?? '');
  const inverted = adverbFirst && subjectAfter;
  const after = inverted ? verb + 1 : verb;
  return [...tokens.slice(0, after + 1), 'også', ...tokens.slice(after + 1)].join(' ');
}

/**
 * "Vi har lagt vægt på, at A, og at B." -> "… at A. Vi har også lagt vægt på, at B.": the main clause the
 * "at"-clauses hang on is said again. Only for one "at"-clause before the ", og at" (in a list or a nested clause
 * it is not clear which one it continues) and a short main clause.
 */
function repeatedHeadCuts(s: string): Cut[] {
  const first = s.indexOf(', at ');
  const head = first > 0 ? s.slice(0, first) : '';
  const again = head && !/[,;]/u.test(head) && words(head) <= 8 ? withAlso(head) : null;
  if (!again) return [];
  return [...s.matchAll(/,\s+og at\s+/gu)]
    .filter((m) => !s.slice(first + 2, m.index).includes(', at '))
    .map((m) => ({ at: m.index, length: m[0].length, next: `${again}, at ` }));
}

/**
 * "Klagen sendes til …, eller via Digital Post og skal være modtaget senest …" -> "…. Klagen skal være modtaget
 * senest …": two verbs of the subject that opens the sentence; the new sentence names the subject again. A clause
 * between them must be closed by a comma, or the second verb may be that clause's ("…, som genvurderer sagen og
 * skal svare …").
 */
function sharedSubjectCuts(s: string): Cut[] {
  const subject = /^((?:(?:Din|Dit|Dine|Jeres) )?\p{Lu}?\p{Ll}+(?:en|et|ne|erne)|Du|Vi|Jeg)\s+(\p{Ll}+)\s/u.exec(s);
  if (!subject || !(FINITE.has(subject[2]!) || PASSIVE.test(subject[2]!) || verbByForm(subject[2]!))) return [];
  return [...s.matchAll(re(',?\\s+og\\s+(?=(?:skal|kan|må|vil|bør|er|har|bliver)\\s)'))]
    .filter((m) => m[0].startsWith(',') || !OPENS_CLAUSE.test(s.slice(subject[0].length, m.index)))
    .map((m) => ({ at: m.index, length: m[0].length, next: `${subject[1]} ` }));
}
const OPENS_CLAUSE = re('\\b(?:som|der|at|hvis|når|fordi|da|hvor|hvilket|hvilken)\\b', 'u');

function cuts(s: string): Cut[] {
  const out: Cut[] = [...repeatedHeadCuts(s), ...sharedSubjectCuts(s)];
  for (const m of s.matchAll(/;\s+/gu)) out.push({ at: m.index, length: m[0].length, next: '' });
  for (const m of s.matchAll(re(',\\s+(og|men)\\s+(?=\\S)'))) {
    const tail = s.slice(m.index + m[0].length);
    if (m[1] === 'og' && SUBORDINATE_START.test(s)) continue;
    if (m[1] === 'og' && !invertedMain(tail) && (NOT_MAIN_AFTER_OG.test(tail) || !standsAlone(tail))) continue;
    out.push({ at: m.index, length: m[0].length, next: m[1] === 'men' ? 'Men ' : '' });
  }
  // ", og fordi X, skal kommunen …" -> ". Fordi X, skal kommunen …": the clause keeps its own main clause.
  for (const m of s.matchAll(re(',\\s+og\\s+(fordi|da|når|hvis|indtil)\\s+'))) {
    // "Fordi A, og fordi B, er det besluttet …": the part before the cut would be a clause without its main clause.
    if (SUBORDINATE_START.test(s)) continue;
    const tail = s.slice(m.index + m[0].length);
    const main = /,\s+(\p{L}+)\s/u.exec(tail);
    if (main && FINITE.has(main[1]!.toLowerCase())) out.push({ at: m.index, length: m[0].length, next: `${capitalise(m[1]!)} ` });
  }
  for (const m of s.matchAll(re(',\\s+fordi\\s+'))) out.push({ at: m.index, length: m[0].length, next: 'Det er, fordi ', over: LONG_SENTENCE_WORDS_FOR_PADDED_CUT });
  // ", hvorfor du skal …" -> ". Derfor skal du …" (the verb moves before a short subject); ", hvorunder det blev
  // oplyst …" -> ". Her blev det oplyst …"; ", hvorved der kan …" -> ". Derved kan der …".
  for (const m of s.matchAll(re(',\\s+(hvorfor|hvorefter|hvor|hvorunder|hvorved|hvormed|hvorigennem)\\s+(\\S+)\\s+(\\S+)\\s+'))) {
    const [, word, subject, verb] = m as unknown as [string, string, string, string];
    // After a law or a rule "hvorefter" means "according to which", not "after which".
    const rule = /§|\blov|regl|bekendtgørelse/u.test(s.slice(0, m.index));
    // "de dage, hvor standsningen har været i kraft": "hvor" after a time means "when"; the clause stays.
    if (word === 'hvor' && TIME_NOUN.test(s.slice(0, m.index))) continue;
    const adverb =
      word === 'hvorefter' ? (rule ? 'Ifølge reglerne' : 'Derefter') : word === 'hvor' && subject.toLowerCase() === 'der' ? 'Her' : RELATIVE_ADVERB[word]!;
    if (PRONOUN_SUBJECT.test(subject) && FINITE.has(verb.toLowerCase())) {
      out.push({ at: m.index, length: m[0].length, next: `${adverb} ${verb} ${subject} ` });
    } else if (word === 'hvorfor' || word === 'hvorefter') {
      out.push({ at: m.index, length: m[0].length, next: `Det betyder, at ${subject} ${verb} ` });
    }
  }
  // ", hvilken samtale vil …" -> ". Samtalen vil …"; ", hvilket betyder …" -> ". Det betyder …".
  for (const m of s.matchAll(re(',\\s+(hvilken|hvilket)\\s+(\\p{Ll}+)\\s+(\\p{Ll}+)\\s+'))) {
    const [, word, next, after] = m as unknown as [string, string, string, string];
    const verb = (w: string) => FINITE.has(w) || /\p{Ll}{3}(?:er|es)$/u.test(w);
    const rest = (n: number) => ({ at: m.index, length: m[0].length - n });
    if (FINITE.has(next) || /(?:er|es)$/u.test(next)) {
      // ", hvilket betyder …" -> ". Det betyder …"
      if (word === 'hvilket') out.push({ ...rest(after.length + 1), next: `Det ${next} ` });
    } else if (word === 'hvilket' && SENTENCE_ADVERB.test(next) && verb(after)) {
      // ", hvilket ikke lever op til …" -> ". Det lever ikke op til …" (the verb comes second in a main clause).
      out.push({ ...rest(0), next: `Det ${after} ${next} ` });
    } else if (verb(after) && !SENTENCE_ADVERB.test(next)) {
      // ", hvilken samtale vil …" -> ". Samtalen vil …"; only before a verb, so "hvilket i givet fald …" stays.
      const definite = word === 'hvilken' ? (next.endsWith('e') ? 'n' : 'en') : next.endsWith('e') ? 't' : 'et';
      out.push({ ...rest(after.length + 1), next: `${capitalise(next)}${definite} ` });
    }
  }

  for (const m of s.matchAll(re(',\\s+ligesom\\s+'))) out.push({ at: m.index, length: m[0].length, next: 'Det gælder også, at ' });
  // ", herunder …" (now ", blandt andet …") adds examples: ". Det gælder blandt andet …" says the same.
  // Only when the examples run to the end of the sentence: ", herunder X, ikke findes godtgjort, at …" is an
  // insertion inside a clause, and cutting there leaves both halves without their verb.
  for (const m of s.matchAll(re(',\\s+blandt andet\\s+'))) {
    const tail = s.slice(m.index + m[0].length);
    if (/,\s+(?!og\b|eller\b|samt\b|som\b|der\b|hvor\b)/u.test(tail)) continue;
    const question = /^(?:om|hvordan|hvilke|hvad|hvornår|hvor)\b/u.test(tail);
    out.push({ at: m.index, length: m[0].length, next: question ? 'Det gælder blandt andet, ' : 'Det gælder blandt andet ' });
  }
  return out;
}

function splitSentence(s: string, c: Counter): string[] {
  if (words(s) <= LONG_SENTENCE_WORDS) return [s];
  const total = words(s);
  const usable = cuts(s)
    .filter((cut) => total > (cut.over ?? LONG_SENTENCE_WORDS))
    .map((cut) => ({ cut, head: s.slice(0, cut.at), tail: cut.next + s.slice(cut.at + cut.length) }))
    .filter(({ head, tail }) => words(head) >= MIN_PART_WORDS && words(tail) >= MIN_PART_WORDS)
    .sort((a, b) => Math.abs(words(a.head) - total / 2) - Math.abs(words(b.head) - total / 2) || a.cut.at - b.cut.at);
  const best = usable[0];
  if (!best) return [s];
  c.splits++;
  const head = best.head.replace(/[\s,]+$/u, '');
  // A head that ends in an abbreviation ("… 131.560 kr.") has its full stop already.
  return [...splitSentence(/\.$/u.test(head) ? head : `${head}.`, c), ...splitSentence(capitalise(best.tail), c)];
}

const PLACEHOLDER = /\[[A-Z][A-Z_]*_\d+\]/g;

export function rewriteLetter(letter: string): Rewrite {
  // Placeholders become private-use characters (one per distinct placeholder) while the rules run.
  const placeholders: string[] = [];
  const protectedText = letter.replace(PLACEHOLDER, (p) => {
    let i = placeholders.indexOf(p);
    if (i < 0) i = placeholders.push(p) - 1;
    return String.fromCharCode(0xe000 + i);
  });
  const formal = /(?<![\p{L}])(?:Dem|Deres)(?![\p{L}])|[\p{Ll},]\s+De(?![\p{L}])/u.test(protectedText);
  const c: Counter = { announcements: 0, passives: 0, pronouns: 0, officialese: 0, undertegnede: 0, splits: 0 };

  const lines = protectedText.split('\n').map((line) => {
    let previous: string | undefined;
    const leading = /^\s*/u.exec(line)![0];
    const sentences = splitSentences(line.trim()).flatMap((original) => {
      let s = references(announcements(original.trim(), c), c);
      // An announcement may already have split the sentence in two; each part goes through the rest.
      return splitSentences(s).flatMap((part) => {
        s = passives(part, c);
        s = pronouns(s, previous, formal, c);
        s = officialese(s, c);
        s = tidy(s);
        previous = original;
        return splitSentence(s, c);
      });
    });
    return leading + sentences.join(' ');
  });

  const text = lines.join('\n').replace(/[\uE000-\uF8FF]/gu, (ch) => placeholders[ch.charCodeAt(0) - 0xe000] ?? ch);
  return { text, changes: describe(c) };
}

function tidy(s: string): string {
  return capitalise(
    s
      .replace(/[ \t]{2,}/gu, ' ')
      .replace(/\s+([,.;:!?])/gu, '$1')
      .replace(/,\s*,/gu, ',')
      .trim(),
  );
}

function describe(c: Counter): string[] {
  const out: string[] = [];
  if (c.splits) out.push(`${c.splits} ${c.splits === 1 ? 'lang sætning' : 'lange sætninger'} delt`);
  if (c.pronouns) out.push(`'De/Dem/Deres' erstattet med 'du/dig/din/dit/dine' (${c.pronouns} steder)`);
  if (c.announcements) out.push(`${c.announcements} indledende ${c.announcements === 1 ? 'vending' : 'vendinger'} som 'Det skal hermed meddeles, at' fjernet`);
  if (c.passives) out.push(`${c.passives} passive ${c.passives === 1 ? 'vending' : 'vendinger'} gjort aktive ('vi beder dig', 'vi har besluttet')`);
  if (c.officialese) out.push(`${c.officialese} kancelliudtryk erstattet med almindelige ord (fx 'såfremt' → 'hvis')`);
  if (c.undertegnede) out.push(`'undertegnede' erstattet med 'jeg/mig'`);
  return out;
}
