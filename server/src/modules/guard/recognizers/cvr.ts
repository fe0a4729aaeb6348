import { cvrMod11 } from './checksums.js';
import { codeAt } from '../text/chars.js';
import { isDigit, isWordCode, labelBefore } from './context.js';
import { type Match } from './cpr.js';
import { type PhoneBody } from './phone.js';

/**
 * CVR numbers: 8 digits (spaces allowed, "76 12 25 47") after a CVR label, valid under modulus 11 with
 * weights 2,7,6,5,4,3,2,1. The digits were read by the phone reader (same shapes); a labelled number that
 * fails the check is not reported as CVR, and the caller must not report it as a phone number either.
 */
export function matchCvr(text: string, at: number, body: PhoneBody): Match | null {
  if (!cvrMod11(text, body.digits)) return null;
  return { start: at, end: body.end, confidence: 0.97 };
}

const CVR_SHAPES = new Set(['8', '44', '2222']);

/**
 * A CVR number the phone reader cannot read because it starts with 1 (phone numbers start with 2-9):
 * "cvr: 17639005", "CVR 1784 9379", "CVR-nr. 17 84 93 79". Needs the CVR label and modulus 11.
 */
export function matchLabelledCvr(text: string, at: number): Match | null {
  const digits: number[] = [];
  let shape = '';
  let i = at;
  for (;;) {
    const groupStart = i;
    while (isDigit(codeAt(text, i)) && digits.length < 9) digits.push(i++);
    shape += String(i - groupStart);
    if (digits.length >= 8 || shape.length >= 4) break;
    const c = codeAt(text, i);
    if ((c !== 0x20 && c !== 0xa0) || !isDigit(codeAt(text, i + 1))) return null;
    i++;
  }
  if (digits.length !== 8 || !CVR_SHAPES.has(shape)) return null;
  const next = codeAt(text, i);
  if (isWordCode(next) || ((next === 0x20 || next === 0x2d || next === 0x2e) && isDigit(codeAt(text, i + 1)))) return null;
  if (labelBefore(text, at) !== 'cvr' || !cvrMod11(text, digits)) return null;
  return { start: at, end: i, confidence: 0.97 };
}
