import { MIN_PEOPLE, SUPPRESSED_REASON, type Measure } from '../../contracts/insights.js';

const TZ = 'Europe/Copenhagen';

/**
 * Whether a value must be withheld: 1-2 people are behind it, or it is about a group of 1-2 people (`groups`,
 * e.g. everyone who ran something) even when none of them is behind it: "nobody edited a draft" among one
 * person's drafts is that person's figure.
 */
export function withheld(people: number, ...groups: number[]): boolean {
  return [people, ...groups].some((n) => n > 0 && n < MIN_PEOPLE);
}

/**
 * The suppression rule (docs/decisions/0008): a value is shown only when at least 3 distinct people are behind
 * it; 1-2 people are suppressed with a reason; 0 people is empty with its own Danish reason, unless a group the
 * measure is about (`groups`) has 1-2 people, when the empty measure is suppressed too.
 */
export function measure<T>(people: number, emptyReason: string, value: () => T, ...groups: number[]): Measure<T> {
  if (withheld(people, ...groups)) {
    return { status: 'suppressed', people: [people, ...groups].find((n) => n > 0)!, reason: SUPPRESSED_REASON };
  }
  if (people <= 0) return { status: 'empty', reason: emptyReason };
  return { status: 'ok', value: value(), people };
}

export const distinct = (ids: Iterable<string>): number => new Set(ids).size;

/** Rounded to two decimals, so the same figure reads the same on the board, in exports and in tests. */
export const round2 = (x: number): number => Math.round(x * 100) / 100;

export function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return round2(s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2);
}

export const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
export const mean = (xs: number[]): number => (xs.length ? round2(sum(xs) / xs.length) : 0);

/** The calendar date (YYYY-MM-DD) of an instant in Copenhagen. */
export function copenhagenDate(d: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** "2026-11-03 09:15" in Copenhagen time: a form Danish Excel reads as a date and time. */
export function copenhagenDateTime(d: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}`;
}

/** Minutes Copenhagen is ahead of UTC at this instant (60 in winter, 120 in summer). */
function offsetMinutes(d: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: TZ, timeZoneName: 'longOffset' })
    .formatToParts(d)
    .find((x) => x.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** Midnight at the start of a Copenhagen calendar day, as an instant. */
export function copenhagenMidnight(date: string): Date {
  const utc = new Date(`${date}T00:00:00Z`);
  const first = new Date(utc.getTime() - offsetMinutes(utc) * 60_000);
  // Near a DST change the offset at the guess may differ from the offset at the answer.
  return new Date(utc.getTime() - offsetMinutes(first) * 60_000);
}

/**
 * The period of a query as instants: a date `from` starts at that day's Copenhagen midnight; a date `to`
 * includes its whole day. Date-times are taken as given.
 */
export function periodOf(q: { from?: string; to?: string }): { from: Date | null; to: Date | null } {
  const from = q.from ? (q.from.length === 10 ? copenhagenMidnight(q.from) : new Date(q.from)) : null;
  let to: Date | null = null;
  if (q.to) {
    if (q.to.length === 10) {
      const next = new Date(`${q.to}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      to = new Date(copenhagenMidnight(next.toISOString().slice(0, 10)).getTime() - 1);
    } else {
      to = new Date(q.to);
    }
  }
  return { from, to };
}


/** The ISO week (Monday start) of the Copenhagen calendar day of an instant: { week: '2026-W48', weekStart }. */
export function isoWeek(d: Date): { week: string; weekStart: string } {
  const day = new Date(`${copenhagenDate(d)}T00:00:00Z`);
  const dow = (day.getUTCDay() + 6) % 7; // Monday 0 .. Sunday 6
  const monday = new Date(day.getTime() - dow * 86_400_000);
  const thursday = new Date(monday.getTime() + 3 * 86_400_000);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const n = Math.floor((thursday.getTime() - jan1) / 86_400_000 / 7) + 1;
  return { week: `${year}-W${String(n).padStart(2, '0')}`, weekStart: monday.toISOString().slice(0, 10) };
}

/** Every week from the first to the last, so quiet weeks show as quiet instead of disappearing. */
export function weeksBetween(first: Date, last: Date): { week: string; weekStart: string }[] {
  const out: { week: string; weekStart: string }[] = [];
  const end = isoWeek(last).weekStart;
  let cur = new Date(`${isoWeek(first).weekStart}T12:00:00Z`);
  for (let i = 0; i < 600; i++) {
    const w = isoWeek(cur);
    out.push(w);
    if (w.weekStart >= end) break;
    cur = new Date(cur.getTime() + 7 * 86_400_000);
  }
  return out;
}
