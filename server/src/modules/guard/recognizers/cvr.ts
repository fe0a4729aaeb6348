import { cvrMod11 } from './checksums.js';
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
