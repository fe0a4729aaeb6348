import type { Role } from '../../contracts/auth.js';

/** The signed-in person acting on a request. Services receive this, never the HTTP request. */
export interface Actor {
  id: string;
  role: Role;
  unitId: string;
  sessionId: string;
  /**
   * The session's person must choose a new password (after a reset by the digital unit) before anything else;
   * passwordChangeGate refuses every other call.
   */
  mustChangePassword?: boolean;
}
