/**
 * What a letter to a citizen must contain, checked by code on the letter as the caseworker wrote it (before any
 * rewriting, and the same for every provider): what is decided, why, what the citizen must do, by when, how to
 * complain, and whom to contact. A caseworker reads this list, so each item present carries a short quote as
 * evidence and an item is only "present" when the letter itself says it (a reference to an enclosure does not
 * count). The cues are general Danish phrasings, formal (De/Dem) and plain (du/dig) alike; they work on the
 * pseudonymised text too, where a phone number or an e-mail address is a placeholder ([TELEFON_1], [EMAIL_1]).
 */

export const CHECKLIST_ITEMS = ['decision', 'reason', 'action', 'deadline', 'complaint', 'contact'] as const;
export type ChecklistItemId = (typeof CHECKLIST_ITEMS)[number];

export interface ChecklistItem {
  item: ChecklistItemId;
  present: boolean;
  /** A short quote from the letter showing the item. */
  evidence?: string;
}

interface Sentence {
  text: string;
  /** Inside the complaint guidance (a paragraph mentioning complaints, or the one under its heading). */
  complaint: boolean;
}

const MONTHS = 'januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december';
const WEEKDAYS = 'mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag';
const YOU = '(?:De|du|Du|dig|Dem)';
const NUMBER_WORDS = '(?:\\d+|en|et|to|tre|fire|fem|seks|syv|otte|ni|ti|fjorten)';

/** Letters include æ, ø, å: \b would treat them as word edges, so edges are Unicode lookarounds. */
const EDGE = '(?:(?<![\\p{L}\\p{N}])(?=[\\p{L}\\p{N}])|(?<=[\\p{L}\\p{N}])(?![\\p{L}\\p{N}]))';
const re = (source: string, flags = 'u') => new RegExp(source.replace(/\\b/g, EDGE), flags);

// --- decision: the outcome, the proposed decision, the summons, the amount claimed, the change in a service ---
const DECISION = [
  re(`\\b(?:har|vi|kommunen|jobcentret)\\s+(?:\\S+\\s+){0,2}?(?:truffet afgørelse om at \\p{L}+|besluttet|bevilget|bevilge\\b|godkendt|afslået|givet (?:${YOU} )?(?:afslag|tilladelse|ret)|tildelt|imødekommet)`, 'iu'),
  re(`\\b(?:afgørelse|beslutning)(?:en)? om at (?!træffe)\\p{L}+`, 'iu'),
  re(`\\b(?:bevilges|afslås|godkendes|tildeles|imødekommes|indkaldes|indkalder|inviterer ${YOU} til (?:et )?(?:møde|samtale)|nedsættes|forhøjes|ophører)\\b`, 'iu'),
  re(`\\b(?:får|har|har fået|fået) (?:ikke )?(?:afslag|tilladelse|ret til|bevilget)\\b`, 'iu'),
  re(`\\b(?:ansøgning|anmodning|ansøgningen|anmodningen|sagen|klagen)\\s+(?:\\S+\\s+){0,4}?er (?:blevet )?(?:godkendt|bevilget|afslået|imødekommet|afvist)\\b`, 'iu'),
  re(`\\b(?:${YOU}) skal møde\\b`, 'iu'),
  re(`\\b(?:påtænker|planlægger|overvejer) (?:\\S+ ){0,6}?at (?!træffe\\b)(?:give|standse|stoppe|nedsætte|ophøre|afslå|tilbagekalde|kræve|fratage|ændre|afslutte|bevilge)\\b`, 'iu'),
  re(`\\b(?:vil blive|bliver|ændres|ændrer vi)\\b(?:\\s+\\S+){0,4}\\s+(?:i stedet for|fra\\s+\\S+\\s+(?:\\S+\\s+)?til)\\b`, 'iu'),
  re(`\\b(?:skal (?:betale|tilbagebetale|betale tilbage)|skylder|opkræver|opkræves|kræver .{0,60}tilbage)\\b.{0,80}\\d[\\d.]*(?:,\\d+)? kr\\.`, 'iu'),
];
// "The decision is enclosed" and conditional consequences decide nothing.
const ENCLOSURE = re(`\\b(?:vedlagt|vedlagte|bilag|bilaget)\\b`, 'iu');
const NOT_DECISION = re(`\\b(?:vedlagt|vedlagte|bilag)\\b|\\b(?:vil kunne medføre|kan medføre|i modsat fald)\\b`, 'iu');

// --- reason: the facts or the legal basis; for a summons, the purpose of the meeting ---
const REASON = [
  /§\s*\d+/u,
  re(`\\b(?:lov om|loven|lovens|bekendtgørelse om|bekendtgørelsens)\\b`, 'iu'),
  re(`\\b\\p{L}+(?:loven|lovens)\\b`, 'iu'),
  re(`,\\s+da (?:du|De|din|dit|dine|Deres|vi|kommunen|det|der)\\b`, 'u'),
  re(`\\b(?:fordi|på grund af|begrundelse|begrundet|skyldes|vi har lagt vægt på|lagt til grund|vi vurderer|vi har vurderet)\\b`, 'iu'),
  re(`\\b(?:formålet med|med henblik på|handler om at|skal handle om)\\b`, 'iu'),
];

// --- action: something the citizen must or is asked to do ---
const ACTION = [
  re(`\\b(?:${YOU}|vi)\\s+(?:\\S+\\s+){0,3}?(?:bedes|anmodes om|opfordres til|beder ${YOU}|skal huske)\\b`, 'iu'),
  re(`\\b(?:beder|bede) (?:dig|Dem) om\\b`, 'iu'),
  re(`\\b(?:bedes|anmodes) ${YOU}\\b|\\b(?:beder|opfordrer) vi (?:dig|Dem)\\b`, 'iu'),
  re(`\\b(?:du|De) skal (?!ikke\\b)(?:\\S+ ){0,2}?(?:sende|indsende|betale|udfylde|møde|komme|medbringe|kontakte|ringe|svare|aflevere|oplyse|give|søge|tilmelde|underskrive|dokumentere|bestille|booke|aftale|logge)\\b`, 'iu'),
  re(`(?:^|[.!?:]\\s+)(?:Send|Indsend|Betal|Udfyld|Medbring|Ring|Husk|Mød|Svar|Aflever|Underskriv|Book|Bestil|Log)\\b`, 'u'),
  re(`\\b(?:vil gerne have|vi skal have) (?:\\S+ ){0,3}?(?:fra ${YOU}|dine|din|dit|dokumentation|kopi|dine bemærkninger)\\b`, 'iu'),
];
const NOT_ACTION = re(`\\b(?:behøver ikke|skal ikke gøre|skal du ikke gøre)\\b|\\b(?:hvis|såfremt|dersom|har) (?:${YOU} )?(?:har |skulle have )?(?:spørgsmål|er forhindret|ikke er enig|vil klage|ønsker at klage)\\b`, 'iu');

// --- deadline: a date, a time, or a period counted from an event, for the action ---
const DATE = `(?:(?:${WEEKDAYS})(?: den)? )?(?:den )?\\d{1,2}\\. (?:${MONTHS})(?: \\d{4})?`;
const DEADLINE = [
  re(`\\b(?:senest|inden|før|frist(?:en)?(?: er)?|til og med)\\s+(?:${DATE}|${NUMBER_WORDS} (?:dage|uger|måneder|hverdage)|(?:${WEEKDAYS}) den \\d{1,2}\\.)`, 'iu'),
  re(`\\binden for\\s+(?:de (?:næste|kommende) )?${NUMBER_WORDS} (?:dage|uger|måneder|hverdage)\\b`, 'iu'),
  re(`\\b(?:${WEEKDAYS}) den \\d{1,2}\\. (?:${MONTHS})(?: \\d{4})? kl\\. \\d`, 'iu'),
];

// --- complaint guidance: where or how to complain, and the time limit ---
const COMPLAINT_WHERE = re(`\\bklage\\p{L}*\\s+(?:\\S+\\s+){0,4}?(?:til|hos|via|på|skriftligt|mundtligt)\\s+\\S|\\b(?:Ankestyrelsen|Klagenævnet|Planklagenævnet|Miljø- og Fødevareklagenævnet|klageportalen)\\b`, 'iu');
const COMPLAINT_WHEN = re(`\\b(?:${NUMBER_WORDS} (?:uger|dage|måneder)|klagefrist(?:en)?|senest den \\d)`, 'iu');
const COMPLAINT_WORD = re(`\\bklag\\p{L}*`, 'iu');
const COMPLAINT_HEADING = re(`^(?:klagevejledning|klageadgang|sådan klager du|hvis du vil klage|hvis du ikke er enig|klage)\\b`, 'iu');

// --- contact: a person or unit with a phone number or an e-mail address ---
const PHONE = re(`(?:\\[TELEFON_\\d+\\]|\\b(?:telefon|tlf\\.?|ring(?:e)?|mobil|telefonnummer)\\b\\D{0,20}(?:\\+45\\s?)?\\d{2}(?:\\s?\\d{2}){3}(?!\\d))`, 'iu');
const EMAIL = /\[EMAIL_\d+\]|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u;

/** Abbreviations after which a capital or a digit does not start a new sentence ("kl. 9.15", "jf. § 34"). */
const ABBREVIATIONS = /(?:^|[^\p{L}])(?:kl|kr|nr|jf|pr|ca|tlf|evt|mht|vedr|bl\.a|f\.eks|dvs|mv|stk|nb|att|ang)\.$/iu;

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
  for (const paragraph of paragraphs) {
    const lines = paragraph.split('\n').map((l) => l.trim()).filter(Boolean);
    const complaint = lines.some((l) => COMPLAINT_HEADING.test(l)) || COMPLAINT_WORD.test(paragraph);
    for (const line of lines) {
      for (const s of splitSentences(line)) out.push({ text: s.trim(), complaint });
    }
  }
  return out;
}

/** A quote around the match: the whole sentence when short, else a window cut at word edges. */
function quote(sentence: string, match: RegExpExecArray, max = 180): string {
  if (sentence.length <= max) return sentence;
  const centre = match.index + match[0].length / 2;
  let start = Math.max(0, Math.round(centre - max / 2));
  let end = Math.min(sentence.length, start + max);
  start = Math.max(0, end - max);
  if (start > 0) start = sentence.indexOf(' ', start) + 1 || start;
  if (end < sentence.length) end = sentence.lastIndexOf(' ', end) > start ? sentence.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '…' : ''}${sentence.slice(start, end).trim()}${end < sentence.length ? '…' : ''}`;
}

function find(sentences: Sentence[], patterns: RegExp[], accept: (s: Sentence) => boolean): string | undefined {
  for (const s of sentences) {
    if (!accept(s)) continue;
    for (const p of patterns) {
      const m = p.exec(s.text);
      if (m) return quote(s.text, m);
    }
  }
  return undefined;
}

const item = (id: ChecklistItemId, evidence: string | undefined): ChecklistItem =>
  evidence ? { item: id, present: true, evidence } : { item: id, present: false };

export function checkLetter(letter: string): ChecklistItem[] {
  const sentences = sentencesOf(letter);
  const body = (s: Sentence) => !s.complaint;

  const decision = find(sentences, DECISION, (s) => body(s) && !NOT_DECISION.test(s.text));
  // "The reasons are in the enclosure" gives no reason in the letter itself.
  const reason = find(sentences, REASON, (s) => body(s) && !ENCLOSURE.test(s.text));
  const action = find(sentences, ACTION, (s) => body(s) && !NOT_ACTION.test(s.text));
  // A deadline belongs to something the citizen must do (or to the meeting they are summoned to), never to
  // the complaint, and "snarest" or "hurtigst muligt" are no deadline at all.
  const deadline = find(sentences, DEADLINE, body);

  const guidance = sentences.filter((s) => s.complaint);
  const where = guidance.map((s) => ({ s, m: COMPLAINT_WHERE.exec(s.text) })).find((x) => x.m);
  const when = guidance.map((s) => ({ s, m: COMPLAINT_WHEN.exec(s.text) })).find((x) => x.m && COMPLAINT_WORD.test(x.s.text));
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
