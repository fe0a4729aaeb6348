/**
 * Check-digit and date arithmetic for Danish identifiers. Pure functions over code units so the scanner can
 * call them on the text in place, without building substrings.
 */

function digitAt(text: string, i: number): number {
  return text.charCodeAt(i) - 0x30;
}

/**
 * The CPR century table (CPR-kontoret): the 7th digit together with the two-digit year gives the century.
 * 0-3: 1900-1999; 4 and 9: 2000-2036 when YY <= 36, else 1937-1999; 5-8: 2000-2057 when YY <= 57, else
 * 1858-1899.
 */
export function cprYear(seventhDigit: number, yy: number): number {
  if (seventhDigit <= 3) return 1900 + yy;
  if (seventhDigit === 4 || seventhDigit === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Whether the ten CPR digits at `digits` (positions of DDMMYY and the 4-digit serial, which may be split by a
 * separator: `serialAt` is where the serial starts) form a valid birth date under the century table.
 */
export function isValidCprDate(text: string, at: number, serialAt: number): boolean {
  const dd = digitAt(text, at) * 10 + digitAt(text, at + 1);
  const mm = digitAt(text, at + 2) * 10 + digitAt(text, at + 3);
  const yy = digitAt(text, at + 4) * 10 + digitAt(text, at + 5);
  if (mm < 1 || mm > 12 || dd < 1) return false;
  const year = cprYear(digitAt(text, serialAt), yy);
  return dd <= daysInMonth(year, mm);
}

const CPR_WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];

/** Modulus 11 over the ten digits. Only raises confidence: numbers issued since 2007 may fail it. */
export function cprMod11(text: string, at: number, serialAt: number): boolean {
  let sum = 0;
  for (let k = 0; k < 6; k++) sum += digitAt(text, at + k) * CPR_WEIGHTS[k]!;
  for (let k = 0; k < 4; k++) sum += digitAt(text, serialAt + k) * CPR_WEIGHTS[6 + k]!;
  return sum % 11 === 0;
}

const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];

/** CVR modulus 11 over eight digits given as their positions in the text (they may be grouped by spaces). */
export function cvrMod11(text: string, positions: readonly number[]): boolean {
  if (positions.length !== 8 || text.charCodeAt(positions[0]!) === 0x30) return false;
  let sum = 0;
  for (let k = 0; k < 8; k++) sum += digitAt(text, positions[k]!) * CVR_WEIGHTS[k]!;
  return sum % 11 === 0;
}

/**
 * IBAN check (ISO 13616) for a Danish IBAN: `digits` are the 16 digits after "DK" (2 check digits, 4 reg.nr.,
 * 10 account). Moves "DK" + check digits to the end, maps D=13 K=20 and tests mod 97 == 1.
 */
export function danishIbanValid(digits: string): boolean {
  if (digits.length !== 16) return false;
  const rearranged = digits.slice(2) + '1320' + digits.slice(0, 2);
  let rem = 0;
  for (let i = 0; i < rearranged.length; i++) rem = (rem * 10 + (rearranged.charCodeAt(i) - 0x30)) % 97;
  return rem === 1;
}

/** IBAN lengths by country (ISO 13616 registry), letters included. */
export const IBAN_LENGTHS: ReadonlyMap<string, number> = new Map(
  `AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 EE20 EG29 ES24 FI18 FO18
  FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20
  LV21 MC27 MD24 ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 PL28 PS29 PT25 QA29 RO24 RS22 SA24 SC31 SE24 SI19 SK24
  SM27 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20`
    .split(/\s+/)
    .map((e): [string, number] => [e.slice(0, 2), Number(e.slice(2))]),
);

/**
 * IBAN check (ISO 13616) for any country: `iban` is the whole IBAN without spaces, capitals only. Moves the
 * first four characters to the end, maps A=10 ... Z=35 and tests mod 97 == 1.
 */
export function ibanValid(iban: string): boolean {
  if (IBAN_LENGTHS.get(iban.slice(0, 2)) !== iban.length) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const c = rearranged.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) rem = (rem * 10 + (c - 0x30)) % 97;
    else if (c >= 0x41 && c <= 0x5a) rem = (rem * 100 + (c - 0x37)) % 97;
    else return false;
  }
  return rem === 1;
}
