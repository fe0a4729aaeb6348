import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signed double-submit token tied to the session (OWASP): a random value and its HMAC under the server secret
 * over that value and the session's id, `nonce.HMAC(secret, session id, nonce)`. The browser keeps it in a
 * readable cookie and echoes it in a header; another site can neither read the cookie nor forge a signed value.
 * Because the session id is part of what is signed, a token is good only with the session it was issued for: a
 * token taken from one session (the attacker's own, say) and planted through a sibling domain fails in another.
 *
 * Before sign-in there is no session: the token is then a pre-session token, signed for "no session", which is
 * good only for requests without one (sign-in itself). Signing in replaces it with the session's token.
 *
 * `sessionId` is the session's id as stored (the SHA-256 of the cookie), never the cookie itself.
 */
export function issueCsrfToken(secret: string, sessionId: string | undefined): string {
  const nonce = randomBytes(18).toString('base64url');
  return `${nonce}.${sign(secret, sessionId, nonce)}`;
}

export function isValidCsrfToken(secret: string, token: string | undefined, sessionId: string | undefined): boolean {
  if (!token || token.length > 200) return false;
  const [nonce, mac, extra] = token.split('.');
  if (!nonce || !mac || extra !== undefined) return false;
  return safeEqual(mac, sign(secret, sessionId, nonce));
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

function sign(secret: string, sessionId: string | undefined, nonce: string): string {
  const binding = sessionId === undefined ? 'pre-session' : `session:${sessionId}`;
  return createHmac('sha256', secret).update(`csrf\n${binding}\n${nonce}`).digest('base64url');
}
