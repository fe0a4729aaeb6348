import { cprMod11, isValidCprDate } from './checksums.js';
import { codeAt } from '../text/chars.js';
import { amountAfter, cprLabelBeforeVerb, isDigit, labelBefore, listLabelBefore, numberOfAThing, personNumberContext, standsAlone, tableColumnLabel } from './context.js';

export interface Match {
  start: number;
  end: number;
  confidence: number;
}

/**
 * CPR numbers: DDMMYY-SSSS, DDMMYYSSSS or "DDMMYY SSSS", at a digit run starting at `start` that is 6 or 10
 * digits long (`runEnd`). The date must exist under the century table; modulus 11 only raises confidence
 * (numbers issued since 2007 may fail it). Numbers labelled as something else (case, invoice, policy,
 * account, phone) are not CPR numbers, but a generic "nr." or "nummer" not tied to such a word is; numbers glued into longer digit runs or amounts are not CPR numbers.
 */
export function matchCpr(text: string, start: number, runEnd: number): Match | null {
  let serialAt: number;
  let end: number;
  const len = runEnd - start;
  if (len === 10) {
    serialAt = start + 6;
    end = runEnd;
  } else if (len === 6) {
    const sep = codeAt(text, runEnd);
    if (sep !== 0x2d && sep !== 0x20 && sep !== 0x2011 && sep !== 0x2013) return null;
    serialAt = runEnd + 1;
    end = serialAt + 4;
    for (let k = serialAt; k < end; k++) if (!isDigit(codeAt(text, k))) return null;
    // "DDMMYY SSSS" with a space is only a CPR number when the serial stands alone.
    if (isDigit(codeAt(text, end))) return null;
  } else {
    return null;
  }
  if (!standsAlone(text, start, end)) return null;
  if (codeAt(text, start - 1) === 0x2b) return null; // +4512... is a phone number
  if (!isValidCprDate(text, start, serialAt)) return null;
  // In a table the column's header says what the number is; in a list the first number's label does.
  const column = tableColumnLabel(text, start);
  let label = column && column !== 'none' ? column : labelBefore(text, start);
  if (label === 'none') label = listLabelBefore(text, start) ?? 'none';
  // "barnets nr.", "med nummer", "Nr.:", "16 år, ...": a generic label or an age is a person's number.
  if (label !== 'cpr' && label !== 'none') {
    if (column && column !== 'none') return null;
    if (!personNumberContext(text, start) && !cprLabelBeforeVerb(text, start)) return null;
    label = 'cpr';
  }
  if (amountAfter(text, end) || (label === 'none' && numberOfAThing(text, start))) return null;
  const mod11 = cprMod11(text, start, serialAt);
  const confidence = mod11 ? 0.98 : label === 'cpr' ? 0.95 : 0.85;
  return { start, end, confidence };
}
