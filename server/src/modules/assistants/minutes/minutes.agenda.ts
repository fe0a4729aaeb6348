import { attendeeNamed, type Findings, type Meeting } from './minutes.meeting.js';

/** The points on the agenda: the chair naming the next point ("Sidste punkt, telefonerne."), or a heading in notes. */

/** "Trivselsmålingen.", "Sidste punkt, telefonerne.", "Så er der bussen.", and headings in notes. */
const POINT_LEAD = /^(?:(?:første|andet|tredje|fjerde|næste|sidste|nyt)(?: store)? punkt(?: er)?[,.:]?\s+)(.{3,60}?)[.!]?$/iu;
const SO_THERE_IS = /^så er (?:der|det) ((?:\p{L}+ ){0,3}\p{L}+)\.$/iu;
const NOT_TOPICS = /^(?:godmorgen|goddag|hej|okay|godt|tak|super|dejligt|perfekt|fint|præcis|enig|undskyld|velkommen|hmm|nå|jamen|nemlig|selvfølgelig|klart|besluttet)/iu;

const SO_POINT = /^så (\p{Ll}[\p{L}-]*(?:et|en|erne|ne)(?: (?:om|til|for|med|af) [\p{L}-]+)?)\.$/iu;
const POINT_QUESTION = /^(?:(?:og|så)\s+)?(?:(?:noget|nyt|andet) (?:om|fra)|hvordan gik det med|hvad med) (\p{Ll}[\p{L}-]*(?:en|et|ne|erne))(?=[ ,?])[^?]*\?$/iu;
/** "Bo, økonomien.": the chair hands a point to someone; "Casper, du var på." hands over the word, not a point. */
const NAMED_POINT = /^(\[[A-Z_]+_\d+\]|\p{Lu}[\p{L}-]+), (?!(?:du|jeg|vi|I|det|den|der|han|hun|de|kan|vil|skal)(?![\p{L}]))([\p{L}'’-]+(?: [\p{L}'’-]+){0,3})\.$/u;

/** The point a sentence opens, if it opens one: said by the chair, followed by what is said about it. */
export function topicIn(sentence: string, more: boolean, chair: boolean, attendees: string[]): string | null {
  const point = POINT_LEAD.exec(sentence);
  if (point && !/\?/u.test(point[1]!)) return point[1]!.replace(/[.]$/u, '');
  const there = SO_THERE_IS.exec(sentence) ?? SO_POINT.exec(sentence);
  if (there && !/besluttet|det hele|alt|os|det$/iu.test(there[1]!)) return there[1]!;
  // "Noget om lørdagsåbningen i sidste måned?", "Hvordan gik det med flytningen?": a point opened as a question.
  const asked = POINT_QUESTION.exec(sentence);
  if (asked && chair) return asked[1]!;
  const named = NAMED_POINT.exec(sentence);
  if (named && chair && attendeeNamed(named[1]!, attendees)) return named[2]!;
  const short = /^\p{Lu}[\p{L}'’-]{2,}(?: [\p{L}\d'’-]+){0,3}\.$/u.test(sentence) && (/^\S{5,}/u.test(sentence) || sentence.includes(' '));
  if (more && chair && short && !NOT_TOPICS.test(sentence) && !/(?<![\p{L}])(?:er|har|var|kan|vil|skal|tak|jeg|vi|du|det)(?![\p{L}])/iu.test(sentence)) return sentence.slice(0, -1);
  return null;
}

/** A heading line in notes: "1. Sagsbehandlingstider", "APV 2026", "Vold og trusler". */
export function noteHeading(line: string, first: boolean): string | null {
  if (first || /[.:?!]$/u.test(line) || /^[-*•]/u.test(line) || line.includes(':') || /\d{1,2}[./]\d/u.test(line)) return null;
  const t = line.replace(/^\d+\.\s*/u, '');
  return t.split(/\s+/).length <= 6 && /^\p{Lu}/u.test(t) && !/referat|noter fra|dagsorden/iu.test(t) ? t : null;
}

/**
 * Agenda points: the chair naming the next point, or a heading in notes. The point carries on from the turn before
 * until another is opened. Returns the heading when the turn is one.
 */
export function followAgenda(st: Meeting & Findings, i: number, speaker: string | null): string | null {
  const turn = st.turns[i]!;
  const ss = st.said[i]!;
  let topic = st.topics[i - 1] ?? null;
  const heading = speaker === null ? noteHeading(turn.text, i === 0) : null;
  if (heading) topic = heading;
  ss.forEach((s, j) => {
    const t = speaker === null ? null : topicIn(s.text, j < ss.length - 1, turn.speaker === st.chair, st.attendees);
    if (t) topic = t;
  });
  if (topic && !st.agenda.includes(topic)) st.agenda.push(topic);
  st.topics[i] = topic;
  return heading;
}
