import type { Actor } from '../modules/auth/auth.types.js';

declare global {
  namespace Express {
    interface Request {
      /** Set for every request by the request-id middleware. */
      id: string;
      /** The signed-in person, when the session cookie is valid. */
      actor?: Actor;
      /** Whether a session cookie came with the request but no longer names a live session. */
      sessionExpired?: boolean;
    }
  }
}

export {};
