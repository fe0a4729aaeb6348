import type { Turn } from '../../transcripts/transcripts.service.js';
import { findDue, normaliseDue } from './minutes.due.js';
import { contentTokens } from './minutes.score.js';
import { VAGUE } from './minutes.asks.js';
import { commitmentIn } from './minutes.commitments.js';
import { attendeeNamed, byInitials, resolveName, type Findings, type Item, type Meeting, type Said } from './minutes.meeting.js';
import { cap, definite, NOT_PLURALS, PLURAL_THING, squash, THING, tidyTask } from './minutes.wording.js';

const TELLING = /^(?:fortælle|orientere|informere|tale|snakke)$/iu;

/** "Fortælle det på morgenmødet" -> "Fortælle om planen med navne og tidspunkter": the pronoun's thing, said shortly before. */
function resolveThing(item: Item, turns: Turn[], ownSentence: string): string {
  const m = /^(\p{L}+(?: (?:for|af|med|om|til))?) (det|den|dem)(?![\p{L}])(.*)$/iu.exec(item.task);
  if (!m) return item.task;
  for (let t = item.turn; t >= Math.max(0, item.turn - 3); t--) {
    const text = t === item.turn ? turns[t]!.text.slice(0, Math.max(0, turns[t]!.text.indexOf(ownSentence))) : turns[t]!.text;
    const things = [...text.matchAll(THING)];
    const last = things.at(-1);
    // "SB vil gerne have tallene med. TA sender dem til SB": "dem" is the last things named just before.
    const plural = m[2]!.toLowerCase() === 'dem' && item.turn - t <= 1 ? [...text.matchAll(PLURAL_THING)].map((x) => x[1]!).filter((w) => !NOT_PLURALS.has(w)).at(-1) : undefined;
    if (!last && !plural) continue;
    const thing = last ? definite(last[1]!, last[2]!, last[3] ?? '') : plural!;
    return cap(squash(`${m[1]!.toLowerCase()} ${TELLING.test(m[1]!) ? 'om ' : ''}${thing}${m[3]!}`));
  }
  return item.task;
}

/** The finishing steps: a due said after the task, pronouns resolved, and tasks that the meeting made decisions. */
export function tidyItems(st: Meeting & Findings): void {
  const { items, said, turns, topics, decisions, attendees } = st;
  const initials = byInitials(attendees);
  for (const it of items) {
    // "Så laver jeg en plan ... Du får den i morgen." / "Den kommer ud i uge 6."
    if (!it.due) {
      // Not "Det tager ledelsen op i oktober": someone else's time.
      const later = said[it.turn]!.slice(it.idx + 1).find((s) => VAGUE.test(s.text) && !commitmentIn(s.text) && findDue(s.text) && !SOMEONE_ELSE.test(s.text));
      if (later) {
        it.due = normaliseDue(findDue(later.text));
        it.at.push(later.text);
      }
    }
    // "Tage den med Rasmus" -> "Tale med Rasmus om trivselsmålingen".
    // Case matters for the name: "Tage det med og give svar" has no one to take it up with.
    const withSomeone = /^[Tt]age (?:den|det) med (\[[A-Z_]+_\d+\]|\p{Lu}[\p{L}-]+)(.*)$/u.exec(it.task);
    if (withSomeone) {
      const topic = topics[it.turn];
      it.task = topic ? cap(squash(`tale med ${withSomeone[1]!} om ${topic.toLowerCase()}${withSomeone[2]!}`)) : cap(squash(`tage det op med ${withSomeone[1]!}${withSomeone[2]!}`));
    }
    it.task = resolveThing(it, turns, it.at[0] ?? '');
    it.task = tidyTask(it.task.replace(/,\s*det er (?:fint|godt|ok|okay)(?![\p{L}]).*$/iu, ''));
    // "... så skriver jeg ud til dem alle sammen" after "Skal vi ikke sige det til foreningerne?": "dem" is those named.
    if (/(?<![\p{L}])til dem(?![\p{L}])/iu.test(it.task)) {
      const before = [...said.slice(Math.max(0, it.turn - 2), it.turn).flat(), ...said[it.turn]!.slice(0, it.idx)].map((x) => x.text).join(' ');
      const those = [...before.matchAll(PLURAL_THING)].map((x) => x[1]!).filter((w) => !NOT_PLURALS.has(w)).at(-1);
      if (those) it.task = it.task.replace(/(?<![\p{L}])til dem(?![\p{L}])/iu, `til ${those}`);
    }
    // "Den adgang bestiller jeg til dig": "dig" is the one spoken to, the last other speaker.
    const spokenTo = [...turns.slice(Math.max(0, it.turn - 2), it.turn)].reverse().find((t) => t.speaker && resolveName(t.speaker, attendees) !== it.owner)?.speaker;
    if (spokenTo && !spokenTo.startsWith('[')) it.task = it.task.replace(/(?<=(?:til|med|for) |^\p{L}+ )dig(?![\p{L},])/iu, spokenTo.split(' ')[0]!);
    // Notes name people by initials ("sende dem til SB"); the minutes name them ("til Susanne").
    it.task = it.task.replace(/(?<![\p{L}])\p{Lu}{2,3}(?![\p{L}])/gu, (w) => initials.get(w) ?? w);
  }
  reviseDues(items, said, attendees);
  dropRestated(items);
  // "Jeg kan godt tage med i stedet." - "Så gør vi det. Jens tager med i stedet for Kirsten.": a decision now.
  for (let k = items.length - 1; k >= 0; k--) {
    const it = items[k]!;
    const first = it.owner?.split(' ')[0];
    const stem = it.verb.slice(0, 4).toLowerCase();
    if (first && stem.length >= 3 && decisions.some((d) => d.text.includes(first) && d.text.toLowerCase().includes(stem))) items.splice(k, 1);
  }
}

/** "Line, overslaget skal så være klar inden styregruppemødet den 13. april.": a due moved later in the meeting. */
const REVISED_DUE = new RegExp(
  String.raw`^(?:(?:og|så|men)\s+)?(?:(\[[A-Z_]+_\d+\]|\p{Lu}[\p{L}-]+),\s+)?(?:(?:og|så)\s+)?(den|det|dem|\p{Ll}[\p{L}-]+(?:en|et|ne|erne)) skal (?:så |bare |gerne |helst |nu )*(?:være (?:klar|færdig|færdige|ude|sendt|på plads)|ligge klar|sendes|komme|ligge)(?![\p{L}])`,
  'u',
);

/**
 * "... og jeg skriver til Økonomi." in a closing round, "Ole, du sender udkastet senest den 28., ikke?": a task
 * already recorded for the same person, said again. It is the same task when its words are a part of the first one's,
 * or when it has the same due and shares a word besides the verb; the first keeps its words and gains the due.
 */
function dropRestated(items: Item[]): void {
  const stem = (w: string) => w.replace(/(?:erne|ene|en|et|ne)$/u, '');
  const words = (t: string) => contentTokens(t).map(stem);
  const within = (a: string[], b: string[]) => a.length > 0 && a.every((w) => b.some((x) => x === w || (w.length >= 5 && x.includes(w))));
  const sharesObject = (a: string[], b: string[]) => a.slice(1).some((w) => w.length >= 4 && b.slice(1).some((x) => x === w || (w.length >= 5 && x.includes(w)) || (x.length >= 5 && w.includes(x))));
  for (let k = items.length - 1; k > 0; k--) {
    const later = items[k]!;
    const b = words(later.task);
    const first = items.slice(0, k).find((it) => {
      if (it.owner !== later.owner || !it.owner) return false;
      const a = words(it.task);
      return within(b, a) || within(a, b) || (!!it.due && it.due === later.due && sharesObject(a, b));
    });
    if (!first) continue;
    if (within(words(first.task), b) && b.length > words(first.task).length) first.task = later.task;
    first.due ??= later.due;
    first.at.push(...later.at);
    items.splice(k, 1);
  }
}

function reviseDues(items: Item[], said: Said[][], attendees: string[]): void {
  for (const s of said.flat()) {
    const m = REVISED_DUE.exec(s.text);
    const due = m && !/\?\s*$/u.test(s.text) ? findDue(s.text, { when: false }) : null;
    if (!m || !due) continue;
    const owner = m[1] ? attendeeNamed(m[1], attendees) : null;
    if (m[1] && !owner) continue;
    const stem = /^(?:den|det|dem)$/u.test(m[2]!) ? null : m[2]!.toLowerCase().slice(0, 5);
    const target = [...items]
      .reverse()
      .find((it) => it.turn <= s.turn && (!owner || it.owner === owner) && (stem ? it.task.toLowerCase().split(/[^\p{L}]+/u).some((w) => w.startsWith(stem)) : !!owner));
    if (!target || target.at.includes(s.text)) continue;
    target.due = normaliseDue(due);
    target.at.push(s.text);
  }
}

/** "Det tager ledelsen op ...", "Den behandler udvalget ...": a thing, a verb, and someone else doing it. */
const SOMEONE_ELSE = /^(?:[Oo]g\s+)?(?:[Dd]et|[Dd]en|[Dd]em) \p{L}+r (?!jeg|du|I|vi|de|den|det)(?:\p{Ll}[\p{L}-]*(?:en|et|ne|erne)|\p{Lu}[\p{L}-]+)(?![\p{L}])/u;
