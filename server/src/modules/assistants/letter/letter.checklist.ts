import type { ChecklistItemId } from '../../../contracts/letters.js';
import { clausesOf, findConcept, stem, stems, type Word } from './letter.meaning.js';

/**
 * What a letter to a citizen must contain, checked by code on the letter as the caseworker wrote it (before any
 * rewriting, and the same for every provider): what is decided, why, what the citizen must do, by when, how to
 * complain, and whom to contact. A caseworker reads this list, so each item present carries a short quote as
 * evidence and an item is only "present" when the letter itself says it (a reference to an enclosure does not
 * count). The cues are general Danish phrasings, formal (De/Dem) and plain (du/dig) alike; they work on the
 * pseudonymised text too, where a phone number or an e-mail address is a placeholder ([TELEFON_1], [EMAIL_1]).
 *
 * Decisions and actions are recognised by meaning, not by a list of fixed word forms: an outcome verb in any of
 * its inflections (stemmed, letter.meaning.ts: "bevilges", "nedsættelse", "afkræves", "påbud"), an amount
 * claimed, a request in any voice ("De anmodes om at …", "Beløbet bedes indbetalt", "skal være foretaget senest
 * …"), each in a clause that is not a condition ("såfremt …", or by word order: "Betales beløbet ikke, vil …") or a
 * possible consequence ("vil kunne …"). A condition reaches its own clause and the one before it, no further:
 * "…, idet tillægget kun ydes til pensionister, hvis formue …" leaves the decision before it standing.
 */

export { CHECKLIST_ITEMS, type ChecklistItemId } from '../../../contracts/letters.js';

export interface ChecklistItem {
  item: ChecklistItemId;
  present: boolean;
  /** A short quote from the letter showing the item. */
  evidence?: string;
}

/** A pattern, or a function that finds something by meaning; either gives where in the sentence it is. */
type Rule = RegExp | ((text: string) => { index: number; 0: string } | null);

interface Sentence {
  text: string;
  /** Inside the complaint guidance (a paragraph mentioning complaints, or the one under its heading). */
  complaint: boolean;
  /** On the line right under a heading that announces the decision ("Vores afgørelse"). */
  underDecisionHeading: boolean;
  /** In a paragraph under a complaint heading ("Klagevejledning", "Hvis du vil klage"). */
  underComplaintHeading: boolean;
  /**
   * A heading or the letter's subject line: the first line of a paragraph, without a full stop, that other lines
   * follow or that opens the letter. "Svar på Deres anmodning om aktindsigt" names the letter; it asks nothing.
   */
  heading: boolean;
  /** Which paragraph of the letter it is in. */
  paragraph: number;
}

const MONTHS = 'januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december';
const WEEKDAYS = 'mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag';
const YOU = '(?:De|du|Du|dig|Dem)';
const NUMBER_WORDS = '(?:\\d+|en|et|to|tre|fire|fem|seks|syv|otte|ni|ti|fjorten)';

/** Letters include æ, ø, å: \b would treat them as word edges, so edges are Unicode lookarounds. */
const EDGE = '(?:(?<![\\p{L}\\p{N}])(?=[\\p{L}\\p{N}])|(?<=[\\p{L}\\p{N}])(?![\\p{L}\\p{N}]))';
const re = (source: string, flags = 'u') => new RegExp(source.replace(/\\b/g, EDGE), flags);

// --- decision: the outcome, the proposed decision, the summons, the amount claimed, the change in a service ---
/**
 * Outcome words: granting, refusing, ending, reducing, raising, ordering, offering, summoning, claiming back.
 * Adjective-like forms that often describe the citizen rather than a decision ("nedsat funktionsevne",
 * "tilbudt") are left out on purpose; "blive nedsat" is a pattern below.
 */
const OUTCOME = stems(
  'bevilge bevilges bevilget godkende godkendes godkendt tildele tildeles tildelt imødekomme imødekommes afslå afslås afslået ' +
    'afslag ophøre ophører ophør standse standses stoppe stoppes nedsætte nedsættes nedsættelse forhøje forhøjes forhøjelse ' +
    'tilbagebetale tilbagebetales tilbagebetaling afkræve afkræves opkræve opkræves opkrævning tilbyde tilbydes indkalde ' +
    'indkaldes indkaldelse fratage fratages tilbagekalde tilbagekaldes påbud påbyde påbydes fradrag ' +
    // Being ordered (pålægge), a benefit that lapses (bortfalde), a place or lease ended (opsige, ophæve), a claim refused.
    'pålægge pålægges pålagt bortfalde bortfalder bortfaldet opsige opsiges opsagt opsigelse ophæve ophæves ophævet ' +
    'afvise afvises afvist tilbagebetalt',
);
/** Words of paying and owing: with an amount in kroner they are the amount claimed. */
const PAYMENT = stems('betale betales betaling indbetale indbetales tilbagebetale tilbagebetaling opkræve opkrævning skylder skyldige afkræve restance');
const AMOUNT = /\d[\d.]*(?:,\d+)?\s*kr\./u;
/** What the citizen applied for is no outcome: "Deres ansøgning om (at få) nedsættelse …", "søgt om at få bevilget …". */
const APPLIED = stems('ansøgning ansøge ansøgt søge søgt anmodning');
function appliedFor(words: readonly Word[], at: number): boolean {
  const before = words.slice(Math.max(0, at - 4), at).map((w) => w.text.toLowerCase());
  const om = before.lastIndexOf('om');
  return om > 0 && APPLIED.has(stem(before[om - 1]!)) && before.slice(om + 1).every((w) => w === 'at' || w === 'få');
}

/** Visits the municipality announces, like a summons: an inspection, a survey of the site, a home visit. */
const VISIT = 'tilsyn|tilsynet|besigtigelse|besigtigelsen|inspektion|kontrolbesøg|hjemmebesøg|besøg';

const DECISION: Rule[] = [
  re(`\\b(?:har|vi|kommunen|jobcentret)\\s+(?:\\S+\\s+){0,2}?(?:truffet afgørelse om,? (?!at træffe)\\p{L}+|besluttet|givet (?:${YOU} )?(?:afslag|tilladelse|ret))`, 'iu'),
  re(`\\b(?:afgørelse|beslutning)(?:en)? om,? at (?!træffe)\\p{L}+`, 'iu'),
  re(`\\b(?:det er|der er) (?:blevet )?(?:besluttet|truffet afgørelse om)\\b`, 'iu'),
  re(`\\binviterer ${YOU} til (?:et )?(?:møde|samtale)\\b`, 'iu'),
  re(`\\b(?:får|har fået|fået) (?:ikke )?(?:\\S+ ){0,2}?(?:afslag|tilladelse|ret til|bevilget|hjælp|tilskud|støtte|friplads|\\d[\\d.]*(?:,\\d+)? kr\\.)`, 'iu'),
  re(`\\b(?:ansøgning|anmodning|ansøgningen|anmodningen|sagen|klagen)\\s+(?:\\S+\\s+){0,4}?er (?:blevet )?(?:godkendt|bevilget|afslået|imødekommet|afvist)\\b`, 'iu'),
  re(`\\b(?:${YOU}) skal møde\\b`, 'iu'),
  // A plain yes or no: "Det har vi sagt ja til", "Vi siger nej til din ansøgning", "Svaret er ja".
  re(`\\b(?:sagt|siger|sige|svarer|svaret) (?:ja|nej) til\\b|\\b(?:svaret|vores svar) (?:\\S+ ){0,4}?er (?:ja|nej)\\b`, 'iu'),
  // What is granted or refused, given or conveyed ("meddeles"): "De meddeles hermed delvis aktindsigt",
  // "Kommunen meddeler hermed firmaet tilladelse til …", "Der gives afslag på …".
  re(
    `\\b(?:meddeler|meddeles|meddelt|give|giver|gives|givet|tildeler|tildeles)\\s+(?:\\S+\\s+){0,4}?(?:delvis |endelig |midlertidig |fornyet )?(?:afslag|tilladelse|dispensation|aktindsigt|påbud|forbud|bevilling|tilsagn)\\b`,
    'iu',
  ),
  // Notice of a visit at a stated time: "Der vil blive foretaget tilsyn på ejendommen tirsdag den 9. marts 2027 kl. 10".
  re(`\\b(?:vil blive|bliver|vil|skal) (?:\\S+ ){0,2}?(?:foretaget|gennemført|aflagt|foretage|gennemføre|aflægge|komme på) (?:et |en )?(?:${VISIT})\\b(?=.*\\bkl\\.\\s*\\d)`, 'iu'),
  re(`\\b(?:vil blive|bliver|er blevet|blev) (?:\\S+ ){0,3}?nedsat\\b`, 'iu'),
  re(`\\b(?:vil blive|bliver|ændres|ændrer vi)\\b(?:\\s+\\S+){0,4}\\s+(?:i stedet for|fra\\s+\\S+\\s+(?:\\S+\\s+)?til)\\b`, 'iu'),
  // An outcome word, in any inflection, that is not what the citizen applied for.
  (text) => findConcept(text, OUTCOME, (w, c, i) => !appliedFor(c.words, i) && decidedAt(text, w.index)),
  // The conclusion of an assessment: "…, findes behovet ikke længere at være til stede, hvorfor aflastningen afsluttes …".
  re(`,\\s*hvorfor (?:\\S+\\s+){0,3}?\\p{Ll}{3,}[^e\\s]es\\b`, 'u'),
  // The amount claimed: a word of paying or owing and an amount in kroner in the same sentence.
  (text) => (AMOUNT.test(text) ? findConcept(text, PAYMENT, (w) => decidedAt(text, w.index)) : null),
];
// "The decision is enclosed", conditions and possible consequences decide nothing.
const ENCLOSURE = re(`\\b(?:vedlagt|vedlagte|bilag|bilaget)\\b`, 'iu');
/** A possible consequence, or one that refers back to a condition ("i så fald"), anywhere in the sentence. */
const CONSEQUENCE = re(`\\b(?:i modsat fald|i så fald|vil kunne|kan medføre|kan betyde|risikerer)\\b`, 'iu');
/** A condition that opens the sentence, by a word ("Hvis …", "Ved manglende …") or by the verb first (below). */
const OPENS_WITH_CONDITION = re(`^(?:hvis|såfremt|dersom|medmindre)\\b|^(?:Ved|Hvis) (?:for sen|manglende|gentagne|fortsat)\\b`, 'iu');
/**
 * A condition by word order: the verb first, then its subject, then the main clause after a comma: "Betales
 * beløbet ikke rettidigt, vil kravet …", "Er forholdet ikke bragt i orden, vil kommunen …", "Ønsker De at klage, skal …".
 */
const INVERTED_CONDITION = re(
  `^(?:Er|Har|Får|Skulle|Bliver|\\p{Lu}\\p{Ll}+(?:es|er))\\s+(?:du|De|I|vi|man|han|hun|der|det|den|de|kommunen|\\p{Ll}+(?:en|et|ne))\\b[^,]*,\\s+(?:vil|kan|skal|må|bør|er|har|bliver|\\p{Ll}+(?:es|er))\\b`,
  'u',
);
/** A condition inside the sentence: it conditions its own clause and the one it follows. */
const CONDITION_WORD = re(`\\b(?:hvis|såfremt|dersom|medmindre)\\b`, 'iu');
const NOT_DECISION = (text: string) => ENCLOSURE.test(text) || CONSEQUENCE.test(text) || OPENS_WITH_CONDITION.test(text) || INVERTED_CONDITION.test(text);
/**
 * Whether what was found at `at` is decided rather than conditioned: a condition in its own clause or in the
 * clause right after it ("Hjælpen stoppes, hvis du ikke møder op") makes it a possibility; one further on hangs
 * on another clause ("…, idet tillæg kun kan ydes til pensionister, hvis formue …" is about those pensioners).
 */
function decidedAt(text: string, at: number): boolean {
  if (NOT_DECISION(text)) return false;
  const clauses = clausesOf(text);
  const k = clauses.findLastIndex((c) => c.index <= at);
  return ![clauses[k], clauses[k + 1]].some((c) => c && CONDITION_WORD.test(c.text));
}
/** A plain letter may state its decision under a heading that says so: "Vores afgørelse", "Det har vi besluttet". */
const DECISION_HEADING = re(`^(?:(?:(?:vores|kommunens|vi har truffet denne) )?afgørelse|(?:det har vi|vi har) (?:besluttet|afgjort))$`, 'iu');
/**
 * A letter that asks for papers on an application still being handled decides nothing yet, and what it is about
 * is that application: "Kommunen har modtaget Deres ansøgning om hjælp til flytning" followed by a request to
 * send documents. A letter about an application already decided ("har afsluttet behandlingen") is not this kind.
 */
const PENDING_APPLICATION = re(
  `\\b(?:modtaget|behandler|er ved at behandle)\\s+(?:Deres|din|jeres)\\s+(?:ansøgning|anmodning)\\p{L}*\\s+(?:\\S+\\s+){0,4}?om\\s+\\p{L}`,
  'iu',
);
const SENDING = stems('fremsende fremsendes indsende indsendes sende sendes send eftersende aflevere afleveres returnere returneres dokumentation dokumentere oplyse oplysninger');

// --- reason: the facts or the legal basis; for a summons, the purpose of the meeting ---
const REASON = [
  /§\s*\d+/u,
  re(`\\b(?:lov om|loven|lovens|bekendtgørelse om|bekendtgørelsens)\\b`, 'iu'),
  re(`\\b\\p{L}+(?:loven|lovens)\\b`, 'iu'),
  re(`,\\s+da (?:du|De|din|dit|dine|Deres|vi|kommunen|det|der)\\b`, 'u'),
  re(`\\b(?:fordi|på grund af|begrundelse|begrundet|skyldes|vi har lagt vægt på|lagt til grund|vi vurderer|vi har vurderet)\\b`, 'iu'),
  re(`\\b(?:formålet med|med henblik på|handler om at|skal handle om)\\b`, 'iu'),
  // A plain letter names its rules in few words: "Det står i vores regler."
  re(`\\bstår i (?:vores |kommunens |de )?(?:\\S+ )?(?:regler|reglerne|loven|lovgivningen)\\b`, 'iu'),
  // A rule that is no law is a legal basis too: a lending regulation, a service standard, the council's rates.
  re(
    `\\b(?:i overensstemmelse med|i henhold til|ifølge|i medfør af|efter|jf\\.|med hjemmel i)\\s+(?:\\S+\\s+){0,3}?\\p{L}*(?:reglement|regulativ|vedtægt|kvalitetsstandard|retningslinje|takstblad|regler)\\p{L}*`,
    'iu',
  ),
];

// --- action: something the citizen must or is asked to do ---
/**
 * A request in any voice: to the reader ("De anmodes om at …", "vi beder dig …"), or passive with the thing
 * asked for as its subject ("Beløbet bedes indbetalt", "Samtykke og tilbud anmodes fremsendt"): in a letter
 * both ask the citizen. The forms are finite and passive verbs only; the noun "anmodning" asks nothing.
 */
const REQUEST = re(`\\b(?:bedes|anmodes|opfordres|beder|anmoder|opfordrer|bede|anmode)\\b`, 'iu');
const ACTION: Rule[] = [
  (text) => REQUEST.exec(text),
  // A summons: the reader is to be there at a stated time ("Sprogvurderingen foregår onsdag … kl. 9.30 …, mens du er med").
  re(`\\b(?:foregår|finder sted|afholdes)\\b.*\\bkl\\.\\s*\\d.*\\b(?:du|De|dig|Dem)\\b`, 'u'),
  re(`\\b(?:du|Du|De) skal (?!ikke\\b|intet\\b|være\\b|have\\b|kunne\\b|modtage\\b|regne\\b|vide\\b|kende\\b|få\\b)(?:\\S+ ){0,2}?\\p{Ll}+e\\b`, 'u'),
  re(`(?:^|[.!?:]\\s+)(?:Send|Indsend|Betal|Udfyld|Medbring|Ring|Husk|Mød|Svar|Aflever|Underskriv|Book|Bestil|Log|Vælg|Fortæl|Returnér|Returner|Giv|Kom)\\b`, 'u'),
  re(`\\b(?:vil gerne have|vi skal have|vi mangler|vi skal bruge|vi har brug for) (?:\\S+ ){0,3}?(?:fra ${YOU}|dine|din|dit|Deres|dokumentation|kopi|dine bemærkninger)\\b`, 'iu'),
  // What the municipality needs the reader to do: "Vi har brug for, at du sender …", "Det er vigtigt, at De kontakter …".
  re(`\\b(?:vi har brug for|vi mangler|det er vigtigt|det er nødvendigt|vi skal bede om),? at (?:du|De) (?:\\S+ )?\\p{Ll}+(?:er|r)\\b`, 'iu'),
  // Being ordered to do something (a påbud) or given the chance to comment before a decision (partshøring).
  re(`\\b(?:påbud|påbuddet) om,? at\\b|\\b(?:påbydes|pålægges) (?:${YOU} )?at\\b`, 'iu'),
  re(`\\b(?:lejlighed|mulighed|ret) (?:til|for) at (?:udtale|fremkomme med|komme med|give) (?:\\S+ ){0,2}?(?:bemærkninger|${YOU}|dig|Dem)\\b`, 'iu'),
  // A duty stated in the passive, tied to a date or a period: "Ansøgningen skal være indsendt senest …".
  (text) => (DEADLINE.some((d) => d.test(text)) ? PASSIVE_DUTY.exec(text) : null),
  // An obligation with a date is this letter's task: "De er forpligtet til at indbetale beløbet … senest den 15. februar".
  (text) => (DEADLINE.some((d) => d.test(text)) ? DUTY_TO.exec(text) : null),
];
const DUTY_TO = re(`\\b(?:forpligtet|forpligtiget|pligt) til at \\p{L}+`, 'iu');
// The municipality's own duty ("Kommunen skal som myndighed påse, at …") asks nothing of the citizen, and "at" is no participle.
const PASSIVE_DUTY = re(
  `(?<!\\b(?:[Kk]ommunen|[Vv]i|[Jj]obcentret|[Ff]orvaltningen|[Mm]yndigheden)\\s)\\bskal (?:være )?(?:\\S+ ){0,4}?(?:(?!senest|mindst|højst|inden|at\\b)\\p{Ll}+(?:es|et|t)|i hænde)\\b`,
  'u',
);
const NOT_ACTION = re(
  `\\b(?:behøver ikke|skal ikke gøre|skal du ikke gøre)\\b` +
    // Nothing to do, in so many words: "giver ikke anledning til, at De skal …", "der er ikke behov for, at du …",
    // "De skal intet foretage Dem", "der skal ikke foretages yderligere fra Deres side".
    `|\\bikke (?:\\S+ ){0,2}?(?:anledning|behov|nødvendigt|påkrævet)\\b` +
    // Only with what is (not) to be done, so "ellers kan kommunen ikke foretage en beregning" still asks.
    `|\\b(?:intet|ikke noget|ikke yderligere)\\s+(?:\\S+\\s+){0,3}?(?:foretage|foretages|gøre|gøres)\\b` +
    `|\\b(?:ikke|intet)\\s+(?:\\S+\\s+){0,3}?(?:foretage (?:Dem|dig|sig)|foretages (?:yderligere|mere|noget)|gøre (?:noget|mere|yderligere))\\b` +
    `|\\b(?:hvis|såfremt|dersom|har|ønsker) (?:${YOU} )?(?:har |skulle have |allerede )?(?:spørgsmål|er forhindret|ikke er enig|vil klage|ønsker at klage|at indgå|at klage)\\b` +
    // A condition opens the sentence: "Såfremt beløbet allerede er indbetalt, bedes De se bort fra …".
    `|^(?:Hvis|Såfremt|Dersom|Medmindre)\\b` +
    // Where to write with questions is contact, not a task: "Henvendelser vedrørende sagen bedes rettet til …".
    `|^(?:Eventuelle )?(?:henvendelse|spørgsmål)\\p{L}*\\b` +
    `|\\baltid\\b|\\btil enhver tid\\b`,
  'iu',
);
// A general duty is no action tied to this letter ("De er forpligtet til at underrette kommunen om ændringer"),
// unless it comes with a date, and a condition by word order ("Er De forhindret, skal De …") asks nothing yet.
const GENERAL_DUTY = re(`\\b(?:forpligtet|forpligtiget|forpligtelse|pligt|oplysningspligt)\\b`, 'iu');
const notAction = (text: string) =>
  NOT_ACTION.test(text) || INVERTED_CONDITION.test(text) || (GENERAL_DUTY.test(text) && !DEADLINE.some((d) => d.test(text)));

// --- deadline: a date, a time, or a period counted from an event, for the action ---
// "den 5. marts 2027", "fredag d. 5. marts", "den 15.03.2027", "15/3-2027", "udgangen af marts 2027".
const DATE =
  `(?:(?:(?:${WEEKDAYS})(?: den| d\\.)? )?(?:den |d\\. )?(?:\\d{1,2}\\. (?:${MONTHS})(?: \\d{4})?|\\d{1,2}[./]\\d{1,2}[./-](?:\\d{4}|\\d{2})(?!\\d))` +
  `|(?:udgangen|slutningen) af (?:${MONTHS})(?: \\d{4})?)`;
const DEADLINE = [
  re(`\\b(?:senest|inden|før|frist(?:en)?(?: er)?|til og med)\\s+(?:${DATE}|${NUMBER_WORDS} (?:dage|dag|uger|uge|måneder|måned|hverdage)|(?:${WEEKDAYS}) den \\d{1,2}\\.)`, 'iu'),
  re(`\\binden for\\s+(?:de (?:næste|kommende) )?${NUMBER_WORDS} (?:dage|uger|måneder|hverdage)\\b`, 'iu'),
  // "Fristen for at sende dokumentationen er den 3. maj 2027."
  re(`\\bfrist(?:en)? (?:\\S+ ){1,6}?er (?:${DATE}|${NUMBER_WORDS} (?:dage|uger|måneder|hverdage))`, 'iu'),
  // An appointment, also as a time window: "torsdag den 22. april 2027 mellem kl. 8.00 og 12.00".
  re(`\\b(?:${WEEKDAYS}) den \\d{1,2}\\. (?:${MONTHS})(?: \\d{4})? (?:mellem |fra )?kl\\. \\d`, 'iu'),
  // A time of day, alone or counted back from an event: "senest kl. 12", "senest kl. 16 dagen før".
  re(`\\b(?:senest|inden)\\s+kl\\.\\s*\\d{1,2}(?:[.:]\\d{2})?`, 'iu'),
  // A date that recurs: "senest den 10. i den efterfølgende måned", "inden den 1. hver måned".
  re(`\\b(?:senest|inden|før)\\s+(?:den )?\\d{1,2}\\. (?:i|hver) (?:\\S+ ){0,2}?(?:måned|måneden|kvartal|kvartalet)\\b`, 'iu'),
];

// --- complaint guidance: where or how to complain, and the time limit ---
const COMPLAINT_WHERE = re(`\\b(?:på)?klage\\p{L}*\\s+(?:\\S+\\s+){0,4}?(?:til|hos|via|på|skriftligt|mundtligt)\\s+\\S|\\b(?:Ankestyrelsen|Klagenævnet|Planklagenævnet|Miljø- og Fødevareklagenævnet|klageportalen)\\b`, 'iu');
const COMPLAINT_WHEN = re(`\\b(?:${NUMBER_WORDS} (?:uger|dage|måneder)|klagefrist(?:en)?|senest den \\d)`, 'iu');
// "Afgørelsen kan påklages" is complaint guidance too, so its time limit is no deadline for acting.
const COMPLAINT_WORD = re(`\\b(?:på)?klag\\p{L}*`, 'iu');
/** In complaint guidance, how to complain may be said plainly: "Skriv til os, eller ring til os …", "Du kan ringe eller skrive". */
const COMPLAINT_HOW = re(
  `^(?:Skriv|Ring|Send|Kontakt|Giv)\\b.*\\b(?:til|os|på)\\b|\\b(?:du|De) kan (?:også )?(?:ringe|skrive|sende|give|aflevere|kontakte)\\b`,
  'u',
);
const COMPLAINT_HEADING = re(`^(?:klagevejledning|klageadgang|sådan klager du|hvis du vil klage|hvis du ikke er enig|er du (?:ikke enig|uenig)|vil du klage|klage)\\b`, 'iu');

// --- contact: a person or unit with a phone number or an e-mail address ---
const PHONE = re(`(?:\\[TELEFON_\\d+\\]|\\b(?:telefon|tlf\\.?|ring(?:e)?|mobil|telefonnummer|kontakt\\p{L}*|træffes|sms|direkte|dir\\.)\\b\\D{0,20}(?:\\+45\\s?)?\\d{2}(?:\\s?\\d{2}){3}(?!\\d))`, 'iu');
const EMAIL = /\[EMAIL_\d+\]|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u;

const LIST_ITEM = /^[–•*-]\s/u;

/**
 * Abbreviations after which a capital or a digit does not start a new sentence ("kl. 9.15", "jf. § 34"), and
 * initials and the abbreviations of place names ("Nykøbing F. Håndboldklub", "H.C. Andersen", "Kgs. Lyngby").
 */
const ABBREVIATION_WORDS = /(?:^|[^\p{L}])(?:d|kl|kr|\p{L}*nr|jf|pr|ca|tlf|evt|mht|vedr|bl\.a|f\.eks|dvs|mv|stk|nb|att|ang|kgs|gl|sdr|st|ll|sct|skt|hr|dr)\.$/iu;
const INITIAL = /(?:^|[^\p{L}])\p{Lu}\.$/u;
const ABBREVIATIONS = { test: (s: string) => ABBREVIATION_WORDS.test(s) || INITIAL.test(s) };

/** Splits a line into sentences: at . ! ? followed by space and a capital, a digit or a placeholder. */
export function splitSentences(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of line.matchAll(/[.!?]+\s+(?=[\p{Lu}\d[\uE000-\uF8FF§])/gu)) {
    const end = m.index + m[0].trimEnd().length;
    if (ABBREVIATIONS.test(line.slice(start, end))) continue;
    out.push(line.slice(start, end));
    start = m.index + m[0].length;
  }
  out.push(line.slice(start));
  return out.filter((s) => s.trim().length > 0);
}

function sentencesOf(letter: string): Sentence[] {
  const out: Sentence[] = [];
  // Paragraphs are separated by a blank line; a line that is a heading opens its paragraph.
  const paragraphs = letter.split(/\n\s*\n/);
  paragraphs.forEach((paragraph, p) => {
    const lines = paragraph.split('\n').map((l) => l.trim()).filter(Boolean);
    const underComplaintHeading = lines.some((l) => COMPLAINT_HEADING.test(l));
    const complaint = underComplaintHeading || COMPLAINT_WORD.test(paragraph);
    lines.forEach((line, i) => {
      const underDecisionHeading = i > 0 && DECISION_HEADING.test(lines[i - 1]!.replace(/:$/u, ''));
      const heading = i === 0 && (lines.length > 1 || p === 0) && !/[.!?:,;]$/u.test(line) && !LIST_ITEM.test(line);
      for (const s of splitSentences(line)) out.push({ text: s.trim(), complaint, underDecisionHeading, underComplaintHeading, heading, paragraph: p });
    });
  });
  return out;
}

/** A quote around the match: the whole sentence when short, else a window cut at word edges. */
function quote(sentence: string, match: { index: number; 0: string }, max = 180): string {
  if (sentence.length <= max) return sentence;
  const centre = match.index + match[0].length / 2;
  let start = Math.max(0, Math.round(centre - max / 2));
  let end = Math.min(sentence.length, start + max);
  start = Math.max(0, end - max);
  if (start > 0) start = sentence.indexOf(' ', start) + 1 || start;
  if (end < sentence.length) end = sentence.lastIndexOf(' ', end) > start ? sentence.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '…' : ''}${sentence.slice(start, end).trim()}${end < sentence.length ? '…' : ''}`;
}

/** A global copy of each pattern, made once: the checklist runs on every letter, input and draft alike. */
const globalCopies = new WeakMap<RegExp, RegExp>();

/** The matches of a rule in a sentence, one at a time: all of a pattern's, or the one a function finds. */
function* matchesOf(rule: Rule, text: string): Generator<{ index: number; 0: string }> {
  if (typeof rule === 'function') {
    const m = rule(text);
    if (m) yield m;
    return;
  }
  let g = globalCopies.get(rule);
  if (!g) {
    g = new RegExp(rule.source, rule.flags.includes('g') ? rule.flags : `${rule.flags}g`);
    globalCopies.set(rule, g);
  }
  // A fresh start for each sentence; the loop is synchronous, so no other caller shares `lastIndex` meanwhile.
  g.lastIndex = 0;
  for (let m = g.exec(text); m; m = g.exec(text)) {
    const at = g.lastIndex;
    yield m;
    g.lastIndex = m[0].length === 0 ? at + 1 : at;
  }
}

function find(
  sentences: Sentence[],
  rules: Rule[],
  accept: (s: Sentence) => boolean,
  keep: (text: string, at: number) => boolean = () => true,
): string | undefined {
  for (const s of sentences) {
    if (!accept(s)) continue;
    for (const rule of rules) {
      for (const m of matchesOf(rule, s.text)) {
        if (keep(s.text, m.index)) return quote(s.text, m);
      }
    }
  }
  return undefined;
}

const isAction = (text: string) => !notAction(text) && ACTION.some((rule) => (typeof rule === 'function' ? rule(text) : rule.test(text)));
/**
 * A date is a deadline only when something is to be done by it: the sentence asks the citizen to act, names a
 * time limit ("fristen er …"), or summons to a meeting at a time. "Du får svar senest den 1. marts" is the
 * municipality's promise, not the citizen's deadline.
 */
const tiedToAction = (text: string) =>
  !PAST_APPOINTMENT.test(text) && (isAction(text.replace(ALWAYS, '')) || TIED.test(text) || (CONDITION_BY.test(text) && !MUNICIPALITY_PROMISES.test(text)));
const TIED = re(
  `\\bfrist\\p{L}*|\\b(?:møde|mødet|mødes|samtale|samtalen|netværksmøde|${VISIT}|foregår|finder sted|afholdes)\\b.*\\bkl\\.\\s*\\d` +
    // "Vi skal have det senest fredag den 3. september": what the municipality must receive, by a date.
    `|\\bvi skal have (?:\\S+ ){0,3}?(?:senest|inden)\\b`,
  'iu',
);
// "Flugtvejen skal holdes fri straks og til enhver tid, mens ... inden 3 uger": the standing duty does not hide the dated one.
const ALWAYS = re(`\\b(?:straks og )?til enhver tid\\b|\\baltid\\b`, 'giu');
// A condition the reader meets by a date: "Opsigelsen bortfalder, såfremt restancen er indbetalt ... senest 10 dage efter".
const CONDITION_BY = re(`\\b(?:såfremt|hvis|medmindre|dersom)\\b[^.]*?\\b(?:senest|inden)\\s`, 'iu');
const MUNICIPALITY_PROMISES = re(`\\b(?:du|De) (?:får|modtager|vil få|vil modtage) (?:\\S+ ){0,3}?(?:svar|besked|afgørelse)`, 'iu');
// A meeting that was missed or held is no deadline: "De er ikke mødt til den aftalte samtale mandag … kl. 10.00".
const PAST_APPOINTMENT = re(`\\bikke (?:er |var )?mødt\\b|\\budeblev(?:et)?\\b|\\b(?:blev|er) afholdt\\b|\\bfandt sted\\b`, 'iu');

/** The application a request for papers is about, when the letter asks for papers and no decision is enclosed. */
function pendingApplication(sentences: Sentence[]): string | undefined {
  if (sentences.some((s) => ENCLOSURE.test(s.text) && /afgørelse/iu.test(s.text))) return undefined;
  const asksForPapers = sentences.some((s) => !s.complaint && isAction(s.text) && findConcept(s.text, SENDING));
  return asksForPapers ? find(sentences, [PENDING_APPLICATION], (s) => !s.complaint && !NOT_DECISION(s.text)) : undefined;
}

const item = (id: ChecklistItemId, evidence: string | undefined): ChecklistItem =>
  evidence ? { item: id, present: true, evidence } : { item: id, present: false };

export function checkLetter(letter: string): ChecklistItem[] {
  const sentences = sentencesOf(letter);
  const body = (s: Sentence) => !s.complaint;

  const decision =
    find(sentences, DECISION, body, decidedAt) ??
    find(sentences, [/^.+/su], (s) => s.underDecisionHeading && body(s) && !NOT_DECISION(s.text)) ??
    pendingApplication(sentences);
  // "The reasons are in the enclosure" gives no reason in the letter itself.
  const reason = find(sentences, REASON, (s) => body(s) && !ENCLOSURE.test(s.text));
  const action = find(sentences, ACTION, (s) => body(s) && !s.heading && !notAction(s.text));
  // A deadline belongs to something the citizen must do (or to the meeting they are summoned to), never to
  // the complaint, and "snarest" or "hurtigst muligt" are no deadline at all.
  const deadline = find(sentences, DEADLINE, (s) => body(s) && tiedToAction(s.text));

  const guidance = sentences.filter((s) => s.complaint);
  const where = guidance.map((s) => ({ s, m: COMPLAINT_WHERE.exec(s.text) ?? COMPLAINT_HOW.exec(s.text) })).find((x) => x.m);
  // The time limit is the complaint's when the sentence speaks of complaining, or stands under a complaint heading.
  // The time limit is the complaint's when the sentence speaks of complaining, stands under a complaint heading,
  // or refers back to the sentence before it that does ("Du kan klage til … . Det skal ske senest 4 uger efter …").
  const refersBack = (s: Sentence, i: number) =>
    /^(?:Det|Den|Dette|Fristen)\b/u.test(s.text) && guidance[i - 1]?.paragraph === s.paragraph && COMPLAINT_WORD.test(guidance[i - 1]!.text);
  const when = guidance
    .map((s, i) => ({ s, i, m: COMPLAINT_WHEN.exec(s.text) }))
    .find((x) => x.m && (COMPLAINT_WORD.test(x.s.text) || x.s.underComplaintHeading || refersBack(x.s, x.i)));
  const complaint =
    where?.m && when?.m
      ? where.s === when.s
        ? quote(where.s.text, where.m, 220)
        : `${quote(where.s.text, where.m, 110)} … ${quote(when.s.text, when.m, 110)}`
      : undefined;

  const contact = find(sentences, [PHONE, EMAIL], (s) => !s.complaint || !COMPLAINT_WORD.test(s.text));

  return [
    item('decision', decision),
    item('reason', reason),
    item('action', action),
    item('deadline', deadline),
    item('complaint', complaint),
    item('contact', contact),
  ];
}
