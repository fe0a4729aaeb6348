/**
 * Due dates as the meeting said them, kept whole: "efter styregruppemødet på tirsdag", "på torsdag efter
 * frokost", "senest en uge før mødet den 25. marts", "efter pårørenderådets møde i april". Cutting one short
 * ("på tirsdag", "efter mødet") changes the date the person writes in the minutes.
 */

export const WEEKDAY = 'mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag';
export const MONTH = 'januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december';
const DATE = String.raw`(?:den )?(?:\d{1,2}\. ?(?:${MONTH})(?: \d{4})?|\d{1,2}\/\d{1,2}(?:[-/]\d{2,4})?)|\d{4}-\d{2}-\d{2}`;
const NUMBER = 'en|et|\\d+|to|tre|fire|fem|seks|syv|otte|ti|fjorten';
/** What makes a day more precise: "fredag i denne uge", "torsdag efter frokost", "fredag efter vores teammøde". */
const DAY_DETAIL = String.raw`(?: i (?:denne|næste) uge| (?:efter|før) frokost| (?:formiddag|eftermiddag|aften)| om (?:formiddagen|eftermiddagen|morgenen|aftenen)| (?:efter|før) (?:vores |jeres |det |næste )?[\p{L}-]*møde(?:t)?)?`;
const DAY = String.raw`(?:${WEEKDAY})(?:en)?${DAY_DETAIL}`;
const POINT = [
  DATE,
  DAY,
  String.raw`næste (?:møde|ugemøde|styregruppemøde|uge|måned|gang)`,
  'weekenden',
  String.raw`(?:(?:denne|næste) )?uge \d{1,2}`,
  String.raw`(?:udgangen|slutningen|starten|begyndelsen) af (?:måneden|ugen|året|uge \d{1,2}|${MONTH})`,
  `(?:${MONTH})`,
  String.raw`(?:i )?morgen(?: tidlig)?`,
  'jul', 'påske', 'nytår', String.raw`(?:sommer|vinter|efterårs|påske|jule)ferien`,
  'i dag',
  String.raw`(?:hun|han|de|vi|du|jeg) \p{L}+r`,
  String.raw`[\p{L}]+(?:en|et|erne) (?:starter|begynder|går i gang|kommer|lanceres|åbner)`,
].join('|');

/** Due phrases with a deadline word come first: "til næste ugemøde" is the due, "i uge 41" may be the task. */
const MARKED_DUE = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:senest|inden|før|til) (?:på |i |den )?(?:${POINT})|senere (?:i dag|på dagen|i ugen|på ugen)|i løbet af (?:dagen|ugen|weekenden|i dag|i morgen|næste uge)|inden for (?:de næste )?(?:${NUMBER}) (?:dage|hverdage|uger|måneder))(?![\p{L}])`,
  'giu',
);
const PLAIN_DUE = new RegExp(
  String.raw`(?<![\p{L}])(?:i dag|i morgen(?: tidlig| formiddag| eftermiddag| aften| efter frokost)?|i overmorgen|i (?:denne|næste) uge|i uge \d{1,2}|på ${DAY}|i weekenden|i eftermiddag|i aften|senest ${DATE}|${DATE}|i (?:${MONTH})|(?:i )?de (?:første|næste) (?:${NUMBER}) (?:dage|uger|måneder)|med det samme|hurtigst muligt|så hurtigt som muligt|(?:efter|før) frokost|i frokostpausen|om (?:${NUMBER}) (?:dage|uger|måneder)|(?:sidst|først) (?:på|i) (?:måneden|ugen|året|${MONTH})|i (?:slutningen|starten|begyndelsen) af (?:måneden|ugen|året|${MONTH})|(?:primo|medio|ultimo) (?:${MONTH})|${DAY})(?![\p{L}])`,
  'giu',
);

/** Events a due is tied to: meetings (also "MED-mødet", "pårørenderådets møde"), a newsletter, holidays. */
const EVENT = String.raw`(?:[\p{L}-]*møde(?:t)?|[\p{L}-]*nyhedsbrev(?:et)?|generalforsamling(?:en)?|[\p{L}-]*seminar(?:et)?|temadag(?:en)?|(?:sommer|vinter|efterårs|påske|jule)ferien|jul|påske|nytår)`;
/** "... den 13. april", "... i april", "... i dag", "... om indretningen af forhallen": said of the event, part of the due. */
const EVENT_TAIL = String.raw`(?: (?:på (?:${WEEKDAY})|i (?:denne |næste )?uge(?: \d{1,2})?|den ${DATE}|i (?:${MONTH})|i dag|i morgen))?(?: om (?!(?:(?:det|den|de|dem) (?:er|kan|skal|bliver|har|var|vil)|vi|jeg|hvad|hvordan|hvornår|at)(?![\p{L}]))(?:den |det |de )?(?:(?:ny|nye|gamle|store|lille|faste) )?[\p{L}-]{3,}(?: (?:af|for|til|på|i|med) (?:den |det |de )?[\p{L}-]{3,})?)?`;
/**
 * A due tied to an event: "efter styregruppemødet på tirsdag", "på morgenmødet på torsdag", "på næste
 * personalemøde", "inden jul", "efter juleferien", "efter dagtilbudschefens ledermøde den 9. marts".
 */
const EVENT_DUE = new RegExp(
  String.raw`(?<![\p{L}])(?:efter|på|inden|før|senest|i)(?: (?:det|den|næste|vores|jeres|deres|[\p{L}-]+s))? (?:næste )?${EVENT}${EVENT_TAIL}(?![\p{L}])`,
  'giu',
);
/** "en uge før", "senest en uge før mødet den 25. marts": a lead time, with the event when it is named. */
const LEAD_DUE = new RegExp(
  String.raw`(?<![\p{L}])(?:senest )?(?:${NUMBER}) (?:dag|dage|hverdage|uge|uger) (?:før|inden)(?: (?:det |den |næste )?[\p{L}-]*møde(?:t)?(?: (?:på (?:${WEEKDAY})|den ${DATE}))?)?(?![\p{L}])`,
  'giu',
);
/** Only when nothing else is said: the condition is the due ("når vi kender antallet", "så snart de har fået CPR-nummer"). */
const WHEN_DUE = /(?<![\p{L}])(?:når|så snart) (?:vi|de|I|jeg|du|han|hun|man|(?:den |det )?\p{Ll}[\p{L}-]+(?:en|et|ne|erne)) (?!nu )[^,.;!?]{3,40}/u;
/** "... i dag og beder dem sende deres ønsker senest onsdag": a due inside the request to others is theirs. */
const ASKS_OTHERS = /(?<![\p{L}])(?:og )?(?:beder|bede) (?:dem|ham|hende|\p{Lu}[\p{L}-]+)(?![\p{L}])/u;
/**
 * What a sentence says besides the task: why ("så vi kan få rådets hilsen med"), on what condition ("hvis ..."),
 * and indirect questions ("om systemet kan sende to dage før"). A time there belongs to that clause.
 */
const SIDE_CLAUSES =
  /,?\s+(?:så|sådan) (?:at )?(?:de|vi|hun|han|den|det|man|I|du|alle|der|folk|jeg) (?:kan|ikke|har|er|får|skal|ved|bliver|når|kommer|slipper|kender|må)(?![\p{L}])[^,]*|,\s*(?:fordi|hvis|mens|selvom|om|hvordan|hvad|hvornår|hvorvidt)\s[^,]*/giu;
/** A second verb of the same commitment: "tager det med på personalemødet og giver jer svar i nyhedsbrevet i maj". */
const NEXT_VERB = /\s+og (?:så )?(?=\p{L}{2,}(?:er|r)\s)/giu;

interface Found {
  text: string;
  index: number;
}

function all(re: RegExp, t: string): Found[] {
  return [...t.matchAll(re)].map((m) => ({ text: m[0], index: m.index }));
}

/** The due in one stretch of text: a lead time, a deadline word, a day, or an event due, kept whole. */
function pick(t: string): string | null {
  const lists = [all(LEAD_DUE, t), all(MARKED_DUE, t), all(PLAIN_DUE, t), all(EVENT_DUE, t)];
  const everything = lists.flat();
  // A due inside a longer one is part of it ("på tirsdag" in "efter styregruppemødet på tirsdag").
  const inside = (f: Found) => everything.some((g) => g !== f && g.text.length > f.text.length && f.index >= g.index && f.index + f.text.length <= g.index + g.text.length);
  const [lead, marked, plain, events] = lists.map((l) => l.filter((f) => !inside(f)));
  const m = lead![0] ?? marked![0] ?? plain![0];
  const event = events![0];
  // The event due holds the other when they overlap, or comes first.
  if (event && (!m || (m.index >= event.index && m.index < event.index + event.text.length) || m.index > event.index)) return event.text;
  return m ? m.text : null;
}

/** Blanks what `re` matches, keeping the positions of the rest. */
const mask = (t: string, re: RegExp) => t.replace(re, (s) => ' '.repeat(s.length));

/** The due of the task said in `text`; of its last step when each step has one. */
function dueIn(text: string): string | null {
  const main = mask(text, SIDE_CLAUSES);
  const steps: string[] = [];
  let from = 0;
  for (const m of main.matchAll(NEXT_VERB)) {
    steps.push(main.slice(from, m.index));
    from = m.index;
  }
  steps.push(main.slice(from));
  for (const step of steps.reverse()) {
    const due = pick(step);
    if (due) return due;
  }
  return pick(text);
}

export interface DueOptions {
  /** A condition ("når vi kender antallet") counts as the due when nothing else is said (default true). */
  when?: boolean;
}

export function findDue(text: string, options: DueOptions = {}): string | null {
  const others = ASKS_OTHERS.exec(text);
  const own = others && others.index > 0 ? text.slice(0, others.index) : text;
  const due = dueIn(own) ?? (own !== text ? dueIn(text) : null) ?? (options.when === false ? null : (WHEN_DUE.exec(text)?.[0] ?? null));
  // "På fredag ringer jeg ...": the due as it reads inside a sentence.
  return due && /^\p{Lu}\p{Ll}/u.test(due) ? due.charAt(0).toLowerCase() + due.slice(1) : due;
}

const MONTHS = MONTH.split('|');
/** A due date with a year becomes ISO (2027-03-01); anything else stays as it was said. */
export function normaliseDue(due: string | null): string | null {
  if (!due) return null;
  const m = new RegExp(String.raw`(\d{1,2})\. ?(${MONTH}) (\d{4})`, 'iu').exec(due);
  if (m) return `${m[3]}-${String(MONTHS.indexOf(m[2]!.toLowerCase()) + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  const iso = /\d{4}-\d{2}-\d{2}/.exec(due);
  return iso ? iso[0] : due;
}
