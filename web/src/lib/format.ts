/** Dates are shown in Danish time whatever the computer's zone, so everyone reads the same times. */
const TIME_ZONE = 'Europe/Copenhagen';

const intlLocale = (lng: string) => (lng.startsWith('en') ? 'en-GB' : 'da-DK');

export function formatDate(iso: string, lng: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(lng), { dateStyle: 'medium', timeZone: TIME_ZONE }).format(d);
}

/** `precise` adds seconds, for the audit trail where order within a minute matters. */
export function formatDateTime(iso: string, lng: string, { precise = false } = {}): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(lng), {
    dateStyle: 'short',
    timeStyle: precise ? 'medium' : 'short',
    timeZone: TIME_ZONE,
  }).format(d);
}

export function formatNumber(n: number, lng: string): string {
  return new Intl.NumberFormat(intlLocale(lng)).format(n);
}
