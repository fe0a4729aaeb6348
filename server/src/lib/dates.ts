/**
 * The municipality's calendar. Trials run "from 1 November to 31 January" and limits are "per day" in Danish
 * time, whatever the server's own time zone.
 */
export const TIME_ZONE = 'Europe/Copenhagen';

const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const danishDay = new Intl.DateTimeFormat('da-DK', { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' });

/** The calendar day in Denmark, as YYYY-MM-DD (sorts and compares as a string). */
export function localDay(d: Date): string {
  return isoDay.format(d);
}

/** "1. december 2026" */
export function danishDate(d: Date): string {
  return danishDay.format(d);
}

/** Midnight in Denmark at the start of the day that contains `d`. */
export function startOfLocalDay(d: Date): Date {
  const name = offsetFormat.formatToParts(d).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const offset = name === 'GMT' ? 'Z' : name.slice(3);
  return new Date(`${localDay(d)}T00:00:00${offset}`);
}
