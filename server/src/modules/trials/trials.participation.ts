import { conflict, forbidden, notFound } from '../../lib/errors.js';
import type { Actor } from '../auth/auth.types.js';
import { canAdministerTrial } from '../auth/permissions.service.js';

export interface Participation {
  briefingVersion: number | null;
}

/**
 * The participant has acknowledged the briefing as it is now (AI Act art. 4). A changed briefing, policy or set
 * of assistants moves the trial's briefingRevision up, so everyone reads the new terms again.
 */
export function hasCurrentBriefing(p: Participation, trial: { briefingRevision: number }): boolean {
  return (p.briefingVersion ?? 0) >= trial.briefingRevision;
}

/**
 * Before anything of a person's leaves the server through an assistant (a run, a recording), they take part in
 * the trial. Those who administer the trial know it exists and are told how to take part; to everyone else it
 * does not exist.
 */
export function requireParticipant<P extends Participation>(
  actor: Pick<Actor, 'role' | 'unitId'>,
  trial: { unitId: string },
  participant: P | null | undefined,
): P {
  if (participant) return participant;
  if (canAdministerTrial(actor, trial)) {
    throw forbidden('Du deltager ikke selv i denne prøvehandling. Tilføj dig som deltager, hvis du vil bruge assistenten.');
  }
  throw notFound('Prøvehandlingen');
}

/** ... and have read the trial's current briefing. */
export function requireCurrentBriefing(participant: Participation, trial: { briefingRevision: number }): void {
  if (!hasCurrentBriefing(participant, trial)) {
    throw conflict('BRIEFING_REQUIRED', 'Du skal læse og bekræfte introduktionen til prøvehandlingen, før du bruger assistenten.', {
      briefingRevision: trial.briefingRevision,
    });
  }
}
