import type {
  BaselineRequest,
  BaselineView,
  ExperienceLogRequest,
  ExperienceLogView,
  ExperienceState,
  FailureType,
  ReflectionRequest,
  ReflectionView,
} from '../../contracts/experiences.js';
import type { Deps } from '../../deps.js';
import type { Db, ExperienceLog, Prisma, Tx } from '../../lib/db.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../lib/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.types.js';
import { canAdministerTrial } from '../auth/permissions.service.js';
import { findRunForExperience } from '../runs/run-records.service.js';
import { assistantsOfTrial, findTrialWithMembership } from '../trials/trials.service.js';

type Question = { id: string; text: string };

/**
 * The leader's own questions from the charter: [{ id, text }]. Older charters stored plain strings; those get
 * the ids q1, q2, ... by position, so their answers still have a stable key.
 */
export function questionsOf(raw: string): Question[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((q, i): Question[] => {
    if (typeof q === 'string') return [{ id: `q${i + 1}`, text: q }];
    if (q && typeof q === 'object' && typeof (q as Question).id === 'string' && typeof (q as Question).text === 'string') {
      return [{ id: (q as Question).id, text: (q as Question).text }];
    }
    return [];
  });
}

function toView(log: ExperienceLog): ExperienceLogView {
  return {
    id: log.id,
    runId: log.runId,
    userId: log.userId,
    usefulness: log.usefulness,
    minutesSaved: log.minutesSaved,
    failureTypes: JSON.parse(log.failureTypes) as FailureType[],
    wouldUseAgain: log.wouldUseAgain,
    reflection: log.reflection,
    answers: JSON.parse(log.answers) as Record<string, string>,
    createdAt: log.createdAt.toISOString(),
  };
}

/**
 * When the requester can write the experience log: once a person has judged the draft. That is when the run is
 * approved or rejected, and also (four eyes) when the first approval is given and the run waits only for the
 * second approver. The log is about the requester's own use of the assistant, which is over by then; making them
 * wait for a colleague, perhaps for days, would lose what they remember of it. The second approval still decides
 * whether the text may be used.
 */
export function experienceOpen(run: { status: string; reviews: { step: number }[] }): boolean {
  return run.status === 'APPROVED' || run.status === 'REJECTED' || (run.status === 'DRAFT' && run.reviews.some((r) => r.step === 1));
}

/** experienceOpen as a query, for lists and counts. */
export const EXPERIENCE_OPEN_WHERE = {
  OR: [{ status: { in: ['APPROVED', 'REJECTED'] } }, { status: 'DRAFT', reviews: { some: { step: 1 } } }],
} satisfies Prisma.RunWhereInput;

async function visibleRun(deps: Deps, actor: Actor, runId: string) {
  const run = await findRunForExperience(deps.db, runId);
  if (!run || (run.userId !== actor.id && !canAdministerTrial(actor, run.trial))) throw notFound('Kørslen');
  return run;
}

/**
 * The requester's own account of a reviewed run (see experienceOpen): ratings, failure types and answers to the
 * leader's questions.
 */
export async function logExperience(deps: Deps, actor: Actor, runId: string, req: ExperienceLogRequest): Promise<ExperienceLogView> {
  const run = await visibleRun(deps, actor, runId);
  if (run.userId !== actor.id) throw forbidden('Kun den, der brugte assistenten, kan skrive erfaringsloggen.');
  if (!experienceOpen(run)) {
    throw conflict('RUN_NOT_REVIEWED', 'Godkend eller afvis udkastet først. Derefter kan du skrive erfaringsloggen.', { status: run.status });
  }
  if (run.experienceLog) throw alreadyLogged();
  const known = new Set(questionsOf(run.trial.questions).map((q) => q.id));
  const unknown = Object.keys(req.answers).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new AppError('UNKNOWN_QUESTION', 'Nogle svar hører ikke til prøvehandlingens spørgsmål. Genindlæs siden, og prøv igen.', 422, {
      questionIds: unknown,
    });
  }
  const answers = Object.fromEntries(Object.entries(req.answers).filter(([, v]) => v.trim() !== ''));
  try {
    const log = await deps.db.$transaction(async (tx) => {
      const created = await tx.experienceLog.create({
        data: {
          runId: run.id,
          userId: actor.id,
          usefulness: req.usefulness,
          minutesSaved: req.minutesSaved,
          failureTypes: JSON.stringify(req.failureTypes),
          wouldUseAgain: req.wouldUseAgain,
          reflection: req.reflection ? req.reflection : null,
          answers: JSON.stringify(answers),
          createdAt: deps.now(),
        },
      });
      await recordAudit(tx, deps.provider, {
        actor,
        action: 'experience.logged',
        resourceType: 'run',
        resourceId: run.id,
        unitId: run.trial.unitId,
        // Ratings are not content; the reflection and the answers are, so only whether they were given.
        details: {
          trialId: run.trial.id,
          usefulness: req.usefulness,
          minutesSaved: req.minutesSaved,
          failureTypes: req.failureTypes,
          wouldUseAgain: req.wouldUseAgain,
          answered: Object.keys(answers).length,
          reflection: !!req.reflection,
        },
      });
      return created;
    });
    return toView(log);
  } catch (err) {
    if (err instanceof Error && err.name === 'PrismaClientKnownRequestError' && (err as { code?: string }).code === 'P2002') throw alreadyLogged();
    throw err;
  }
}

const alreadyLogged = () => conflict('EXPERIENCE_ALREADY_LOGGED', 'Du har allerede skrevet erfaringsloggen for denne kørsel.');

export async function getExperience(deps: Deps, actor: Actor, runId: string): Promise<ExperienceState> {
  const run = await visibleRun(deps, actor, runId);
  return { experience: run.experienceLog ? toView(run.experienceLog) : null, questions: questionsOf(run.trial.questions) };
}

async function trialForReflections(deps: Deps, actor: Actor, trialId: string) {
  const trial = await findTrialWithMembership(deps.db, trialId, actor.id);
  if (!trial) throw notFound('Prøvehandlingen');
  const administers = canAdministerTrial(actor, trial);
  const participates = trial.participants.length > 0;
  if (!participates && !administers) throw notFound('Prøvehandlingen');
  return { trial, administers, participates };
}

const reflectionView = (r: { id: string; trialId: string; text: string; createdAt: Date; user: { id: string; name: string } }): ReflectionView => ({
  id: r.id,
  trialId: r.trialId,
  author: { id: r.user.id, name: r.user.name },
  text: r.text,
  createdAt: r.createdAt.toISOString(),
});

/** A participant's free-text thoughts on the trial, once it has started (and after it has closed). */
export async function createReflection(deps: Deps, actor: Actor, trialId: string, req: ReflectionRequest): Promise<ReflectionView> {
  const { trial, participates } = await trialForReflections(deps, actor, trialId);
  if (!participates) throw forbidden('Kun deltagere i prøvehandlingen kan skrive refleksioner.');
  if (trial.status === 'DRAFT') {
    throw conflict('TRIAL_NOT_ACTIVE', 'Prøvehandlingen er ikke startet endnu. Du kan skrive refleksioner, når lederen har sat den i gang.', {
      status: trial.status,
    });
  }
  const created = await deps.db.$transaction(async (tx) => {
    const row = await tx.reflection.create({
      data: { trialId: trial.id, userId: actor.id, text: req.text, createdAt: deps.now() },
      include: { user: { select: { id: true, name: true } } },
    });
    await recordAudit(tx, deps.provider, {
      actor,
      action: 'reflection.created',
      resourceType: 'reflection',
      resourceId: row.id,
      unitId: trial.unitId,
      details: { trialId: trial.id, chars: req.text.length },
    });
    return row;
  });
  return reflectionView(created);
}

/** Participants see their own reflections; those who administer the trial see everyone's. */
export async function listReflections(deps: Deps, actor: Actor, trialId: string): Promise<ReflectionView[]> {
  const { trial, administers } = await trialForReflections(deps, actor, trialId);
  const rows = await deps.db.reflection.findMany({
    where: { trialId: trial.id, ...(administers ? {} : { userId: actor.id }) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    include: { user: { select: { id: true, name: true } } },
    take: 1000,
  });
  return rows.map(reflectionView);
}

/** The participant's own no-AI baselines in a trial (one per assistant they have estimated). */
export async function listBaselines(deps: Deps, actor: Actor, trialId: string): Promise<BaselineView[]> {
  const { trial } = await trialForReflections(deps, actor, trialId);
  const rows = await deps.db.taskBaseline.findMany({ where: { trialId: trial.id, userId: actor.id }, orderBy: { assistant: 'asc' } });
  return rows.map((b) => ({ assistant: b.assistant as BaselineView['assistant'], minutes: b.minutes, updatedAt: b.updatedAt.toISOString() }));
}

/**
 * A participant says how long one task of an assistant of the trial takes them without it; a new estimate replaces
 * the old one. The board compares the median with the minutes saved (docs/decisions/0017).
 */
export async function setBaseline(deps: Deps, actor: Actor, trialId: string, req: BaselineRequest): Promise<BaselineView> {
  const { trial, participates } = await trialForReflections(deps, actor, trialId);
  if (!participates) throw forbidden('Kun deltagere i prøvehandlingen kan angive, hvor lang tid opgaven tager uden assistenten.');
  if (!(await assistantsOfTrial(deps.db, trial.id)).includes(req.assistant)) {
    throw badRequest('VALIDATION_FAILED', 'Prøvehandlingen bruger ikke den assistent.', [{ path: ['assistant'], message: 'Prøvehandlingen bruger ikke den assistent.', code: 'custom' }]);
  }
  const row = await deps.db.$transaction(async (tx) => {
    const saved = await tx.taskBaseline.upsert({
      where: { trialId_userId_assistant: { trialId: trial.id, userId: actor.id, assistant: req.assistant } },
      create: { trialId: trial.id, userId: actor.id, assistant: req.assistant, minutes: req.minutes },
      update: { minutes: req.minutes },
    });
    await recordAudit(tx, deps.provider, {
      actor,
      action: 'experience.baseline_set',
      resourceType: 'trial',
      resourceId: trial.id,
      unitId: trial.unitId,
      details: { assistant: req.assistant },
    });
    return saved;
  });
  return { assistant: req.assistant, minutes: row.minutes, updatedAt: row.updatedAt.toISOString() };
}

// ---------------------------------------------------------------------------------------------------------
// The experience tables as other modules read and change them (STYLE.md: queries stay inside the owning module)

/** The trial's reflections written in a period (either end open), newest first, without their authors' names. */
export function findReflectionsOfTrial(db: Db, trialId: string, period: { from: Date | null; to: Date | null }) {
  return db.reflection.findMany({
    where: {
      trialId,
      createdAt: { ...(period.from ? { gte: period.from } : {}), ...(period.to ? { lte: period.to } : {}) },
    },
    select: { id: true, userId: true, text: true, createdAt: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
}

/** Every participant's no-AI estimate in the trial. */
export function findBaselinesOfTrial(db: Db, trialId: string) {
  return db.taskBaseline.findMany({ where: { trialId }, select: { userId: true, minutes: true } });
}

/**
 * Erases the free text of a run's experience log, in the retention sweep's transaction. The ratings stay for the
 * evaluation; the reflection and the answers beside them can quote the case, so they go with the run's content.
 */
export async function eraseExperienceFreeText(tx: Tx, runId: string): Promise<void> {
  await tx.experienceLog.updateMany({ where: { runId }, data: { reflection: null, answers: '{}' } });
}
