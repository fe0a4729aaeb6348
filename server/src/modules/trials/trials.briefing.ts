import type { AssistantId } from '../../contracts/policies.js';
import { type AcknowledgeBriefingRequest, type BriefingView } from '../../contracts/trials.js';
import type { Deps } from '../../deps.js';
import type { Trial } from '../../lib/db.js';
import { conflict, notFound } from '../../lib/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.types.js';
import { ASSISTANT_NAMES } from '../policies/policy-rules.service.js';
import { plainLanguage } from '../policies/policy-rules.service.js';
import { hasCurrentBriefing } from './trials.participation.js';
import { TRIAL, loadAccess } from './trials.access.js';

/**
 * What each assistant is and how it goes wrong, for the briefing every participant acknowledges before their
 * first run (AI Act Art. 4, AI literacy). Written for a colleague who has not used AI at work before: the point
 * is that they know what to check, not how the technology works.
 */
export const ASSISTANT_BRIEFING: Record<AssistantId, { whatItIs: string; failureModes: string[] }> = {
  letter: {
    whatItIs:
      'Brevassistenten omskriver et brev til borgeren til klarsprog og tjekker, om de faste dele (fx klagevejledning og frister) er med. Den laver et udkast; du afgør, hvad der sendes.',
    failureModes: [
      'Den kan finde på fakta, fx datoer, beløb, paragraffer eller frister, som ikke stod i dit brev. Tjek dem mod sagen.',
      'Den kan ændre meningen, så en afgørelse lyder mildere eller skarpere, end den er.',
      'Den kan ramme en forkert tone: for uformel i en afgørelse eller for bureaukratisk i et venligt svar.',
      'Den kan udelade oplysninger, som borgeren har krav på, fx klagevejledningen eller en partshøring.',
      'Dens viden om regler kan være forældet. Den kender ikke jeres lokale praksis.',
    ],
  },
  minutes: {
    whatItIs:
      'Referatassistenten laver et udkast til referat ud fra en udskrift eller noter fra et møde: beslutninger, opgaver med ansvarlig og frist samt deltagere.',
    failureModes: [
      'Den kan misse en beslutning eller en opgave, især når den kun blev nævnt kort.',
      'Den kan tillægge en forkert person en udtalelse eller en opgave, eller gætte en frist.',
      'Den kan finde på noget, der ikke blev sagt, eller gøre en drøftelse til en beslutning.',
      'Fejl i udskriften (navne, fagord, dialekt) går videre til referatet.',
    ],
  },
  documents: {
    whatItIs:
      'Dokumentassistenten svarer på spørgsmål ud fra de dokumenter, lederen har lagt i prøvehandlingens vidensbase, og viser, hvilke passager svaret bygger på.',
    failureModes: [
      'Den kan give et svar, som kilderne ikke bærer. Læs altid de viste henvisninger.',
      'Den kan overse det afsnit, der betyder noget, hvis spørgsmålet er formuleret anderledes end dokumentet.',
      'Den kender kun dokumenterne i vidensbasen: står reglen ikke dér, eller er dokumentet forældet, er svaret det også.',
      'Den kan sammenblande regler fra to dokumenter, der handler om noget forskelligt.',
    ],
  },
};

/** Said once in every briefing: the offline engine is not what people imagine when they hear "AI". */
export const OFFLINE_ENGINE_NOTE =
  'Kører platformen uden en sprogmodel, laver den offline regelmotor udkastene. Den er ikke en sprogmodel, men faste regler: den finder ikke på noget, men den forstår heller ikke teksten, så udkastene kan være mekaniske og overse meningen.';

// ---------------------------------------------------------------------------------------------------------
// Briefing (AI Act Art. 4: participants know what they are using before they use it)

async function requireBriefingAccess(deps: Deps, actor: Actor, id: string) {
  const a = await loadAccess(deps, actor, id);
  // Only those who take part read and acknowledge; a draft is shown to its administrators only.
  if (!a.participant || (a.trial.status === 'DRAFT' && !a.admin)) throw notFound(TRIAL);
  return { trial: a.trial, participant: a.participant };
}

function briefingOf(deps: Deps, trial: Trial, participant: { briefedAt: Date | null; briefingVersion: number | null }): BriefingView {
  const loaded = deps.policies.get(trial.policyId);
  const offline = loaded?.policy.providers.some((p) => p.provider === 'offline') ?? false;
  const acknowledged = hasCurrentBriefing(participant, trial);
  return {
    trialId: trial.id,
    trialTitle: trial.title,
    briefing: trial.briefing,
    assistants: (JSON.parse(trial.assistants) as AssistantId[]).map((id) => ({
      id,
      name: ASSISTANT_NAMES[id].da,
      whatItIs: ASSISTANT_BRIEFING[id].whatItIs,
      failureModes: [...ASSISTANT_BRIEFING[id].failureModes, ...(offline ? [OFFLINE_ENGINE_NOTE] : [])],
    })),
    policy: {
      id: trial.policyId,
      title: loaded?.policy.title.da ?? trial.policyId,
      plain: loaded ? plainLanguage(loaded.policy) : { may: [], mayNot: [], must: [] },
    },
    briefingRevision: trial.briefingRevision,
    acknowledged,
    briefedAt: acknowledged ? (participant.briefedAt?.toISOString() ?? null) : null,
  };
}

export async function getBriefing(deps: Deps, actor: Actor, id: string): Promise<BriefingView> {
  const { trial, participant } = await requireBriefingAccess(deps, actor, id);
  return briefingOf(deps, trial, participant);
}

export async function acknowledgeBriefing(
  deps: Deps,
  actor: Actor,
  id: string,
  input: AcknowledgeBriefingRequest,
): Promise<BriefingView> {
  const { trial } = await requireBriefingAccess(deps, actor, id);
  if (input.briefingRevision !== trial.briefingRevision) {
    throw conflict('BRIEFING_OUTDATED', 'Introduktionen er blevet ændret, siden du åbnede den. Læs den nye udgave, og bekræft igen.', {
      briefingRevision: trial.briefingRevision,
    });
  }
  const now = deps.now();
  await deps.db.$transaction(async (tx) => {
    // Guarded on the revision just checked: a briefing changed meanwhile is not acknowledged unread.
    const { count } = await tx.trialParticipant.updateMany({
      where: { trialId: id, userId: actor.id, trial: { briefingRevision: input.briefingRevision } },
      data: { briefedAt: now, briefingVersion: input.briefingRevision },
    });
    if (count === 0) {
      throw conflict('BRIEFING_OUTDATED', 'Introduktionen er blevet ændret, siden du åbnede den. Læs den nye udgave, og bekræft igen.');
    }
    await recordAudit(tx, deps.provider, {
      actor,
      action: 'trial.briefing_acknowledged',
      resourceType: 'trial',
      resourceId: id,
      unitId: trial.unitId,
      details: { briefingRevision: input.briefingRevision },
    });
  });
  return getBriefing(deps, actor, id);
}
