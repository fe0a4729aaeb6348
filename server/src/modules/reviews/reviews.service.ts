import type { FinalTextView, ReviewRequest, ReviewView, RunList, RunListItem, RunListQuery, RunListSummary, RunReviewState } from '../../contracts/reviews.js';
import type { AssistantId, Decision } from '../../contracts/policies.js';
import type { Deps } from '../../deps.js';
import type { Prisma, Tx } from '../../lib/db.js';
import { danishDate, localDay } from '../../lib/dates.js';
import { AppError, conflict, notFound } from '../../lib/errors.js';
import { recordAudit, recordAuditAlone, recordRunViewed } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.types.js';
import { canAdministerTrial } from '../auth/permissions.service.js';
import { EXPERIENCE_OPEN_WHERE, experienceOpen } from '../experiences/experiences.service.js';
import { ORGANISATION } from '../insights/insights.service.js';
import { applyReview, countRuns, findRunPage, findRunUnderReview, getRunUnderReview, type ReviewedRunChange } from '../runs/run-records.service.js';
import { finalTextDocx } from './reviews.docx.js';
import { editSize as sizeOfEdit, unifiedDiff } from './reviews.diff.js';
import { awaitingOf, maySecondApprove, reviewStateFor } from './reviews.state.js';

// For other modules, which reach this one through its service (eslint.config.js, module-boundary).
export { reviewStateFor } from './reviews.state.js';

/** Shown when a policy has gone from the server since the run (the label is still owed). */
const FALLBACK_LABEL = { da: 'Udarbejdet med hjælp fra AI', en: 'Prepared with the help of AI' };

const FOUR_EYES_MESSAGE = 'Kørslen kræver en anden godkender end den, der bad om udkastet.';

/** The run as its requester or the trial's administrators see it; to anyone else it does not exist (404). */
async function visibleRun(deps: Deps, actor: Actor, runId: string) {
  const run = await findRunUnderReview(deps.db, runId);
  if (!run) throw notFound('Kørslen');
  const administers = canAdministerTrial(actor, run.trial);
  if (run.userId !== actor.id && !administers) throw notFound('Kørslen');
  return { run, administers };
}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Error && err.name === 'PrismaClientKnownRequestError' && (err as { code?: string }).code === 'P2002';
}

const alreadyDecided = () =>
  conflict('RUN_ALREADY_DECIDED', 'Udkastet er allerede godkendt eller afvist. Genindlæs siden for at se afgørelsen.');

/**
 * The decision was made on a page that showed an earlier step (another tab, or a colleague acted in between): it
 * is refused rather than taken as a decision on a text the person has not seen, above all as the second approval.
 */
const stepTaken = (status: string) =>
  conflict(
    'RUN_ALREADY_DECIDED',
    'Udkastet er blevet godkendt første gang, efter du åbnede det, og venter nu på anden godkendelse. Din afgørelse er ikke gemt. Genindlæs siden, og læs den tekst, der venter, før du tager stilling.',
    { status, awaiting: 'second_approval' },
  );

/** One status for every refusal of erased content, read or write: 409, the run's state forbids it. */
const contentPurged = () =>
  conflict('CONTENT_PURGED', 'Indholdet er slettet efter datapolitikkens opbevaringsperiode og kan ikke længere vises.');

/** A write to a run whose content is erased: refused, so no path can put text back after the retention sweep. */
const contentPurgedWrite = () =>
  conflict('CONTENT_PURGED', 'Indholdet er slettet efter datapolitikkens opbevaringsperiode, så udkastet kan ikke længere godkendes, rettes eller afvises.');

type RunUnderReview = Awaited<ReturnType<typeof visibleRun>>['run'];

/**
 * The human decision on a draft (AI Act Art. 14). Without four eyes the first approval decides. With four eyes
 * the first approval only records the (edited) text; a second person who administers the trial, is not the
 * requester and did not approve first, decides. A rejection decides at any step.
 *
 * Two people deciding at once cannot both win: each step is unique per run, and the status only changes from
 * DRAFT in a conditional update inside the same transaction as the review and its audit event.
 */
export async function reviewRun(
  deps: Deps,
  actor: Actor,
  runId: string,
  req: ReviewRequest,
): Promise<{ review: ReviewView; state: RunReviewState; status: string }> {
  const { run, administers } = await visibleRun(deps, actor, runId);
  requireReviewableDraft(run);
  const step = awaitingOf(run) === 'second_approval' ? 2 : 1;
  if (req.step !== undefined && req.step !== step) throw step === 2 ? stepTaken(run.status) : alreadyDecided();
  if (step === 2 && !maySecondApprove(actor.id, administers, run)) await refuseSecondApproval(deps, actor, run, req, step);

  await storeReview(deps, actor, run, req, step);
  deps.logger.info({ runId: run.id, decision: req.decision, step, fourEyes: run.fourEyes }, 'run reviewed');

  const fresh = await getRunUnderReview(deps.db, run.id);
  const state = reviewStateFor(fresh, actor.id, administers);
  const review = state.reviews.find((r) => r.step === step)!;
  return { review, state, status: fresh.status };
}

/** Only a draft whose content is still there can be approved, edited or rejected. */
function requireReviewableDraft(run: RunUnderReview): void {
  if (run.status !== 'DRAFT') {
    if (run.status === 'APPROVED' || run.status === 'REJECTED') throw alreadyDecided();
    if (run.status === 'NOT_ANSWERED') {
      throw conflict('RUN_ALREADY_DECIDED', 'Kørslen fandt intet svar i dokumenterne, så der er intet at godkende. Stil spørgsmålet på en anden måde, eller spørg lederen af prøvehandlingen.', {
        status: run.status,
      });
    }
    throw conflict('RUN_ALREADY_DECIDED', 'Kørslen har intet udkast at godkende, fordi den blev afvist af datapolitikken eller fejlede.', {
      status: run.status,
    });
  }
  if (run.contentPurgedAt !== null || run.output === null) throw contentPurgedWrite();
}

/** A refused attempt at approving one's own sensitive output is worth knowing about: it goes in the trail. */
async function refuseSecondApproval(deps: Deps, actor: Actor, run: RunUnderReview, req: ReviewRequest, step: number): Promise<never> {
  await recordAuditAlone(deps.db, deps.provider, {
    actor,
    action: 'run.review_refused',
    resourceType: 'run',
    resourceId: run.id,
    unitId: run.trial.unitId,
    details: { reason: 'FOUR_EYES_REQUIRED', step, decision: req.decision, policyId: run.policyId, policyVersion: run.policyVersion },
  });
  throw new AppError('FOUR_EYES_REQUIRED', FOUR_EYES_MESSAGE, 403);
}

/** The review, the run's new status and text, and the audit event, in one transaction. */
async function storeReview(deps: Deps, actor: Actor, run: RunUnderReview, req: ReviewRequest, step: number): Promise<void> {
  // The text under review: the draft at step 1, the first reviewer's text at step 2 (requireReviewableDraft: there is one).
  const before = step === 2 ? (run.finalText ?? run.output!) : run.output!;
  const after = req.decision === 'EDIT_AND_APPROVE' ? req.finalText : before;
  const diff = req.decision === 'EDIT_AND_APPROVE' ? unifiedDiff(before, after) : '';
  const size = req.decision === 'EDIT_AND_APPROVE' ? sizeOfEdit(before, after) : 0;
  const decides = req.decision === 'REJECT' || !run.fourEyes || step === 2;
  const now = deps.now();
  const change: ReviewedRunChange =
    req.decision === 'REJECT' ? { status: 'REJECTED', finalText: null } : decides ? { status: 'APPROVED', finalText: after } : { finalText: after };

  try {
    await deps.db.$transaction(async (tx) => {
      await tx.review.create({
        data: {
          runId: run.id,
          reviewerId: actor.id,
          decision: req.decision,
          step,
          reason: req.decision === 'REJECT' ? req.reason : null,
          editDiff: diff || null,
          editSize: size,
          createdAt: now,
        },
      });
      const applied = await applyReview(tx, run.id, change);
      if (applied !== 'applied') throw applied === 'content_purged' ? contentPurgedWrite() : alreadyDecided();
      await recordAudit(tx, deps.provider, {
        actor,
        action: 'run.reviewed',
        resourceType: 'run',
        resourceId: run.id,
        unitId: run.trial.unitId,
        // Decision and sizes only: never the text, the diff or the reason.
        details: { decision: req.decision, step, policyId: run.policyId, policyVersion: run.policyVersion, editSize: size, fourEyes: run.fourEyes },
      });
    });
  } catch (err) {
    // Someone else's review of the same step got there first.
    if (isUniqueViolation(err)) throw alreadyDecided();
    throw err;
  }
}

/** The approved run and its final text as shown, copied or exported, with the policy's disclosure label (AI Act Art. 50). */
async function approvedFinal(deps: Deps, actor: Actor, runId: string) {
  const { run } = await visibleRun(deps, actor, runId);
  if (run.status !== 'APPROVED') {
    throw conflict(
      'RUN_NOT_APPROVED',
      'Udkastet er ikke godkendt endnu. Det kan først kopieres eller eksporteres, når en person har godkendt det.',
      { status: run.status },
    );
  }
  if (run.contentPurgedAt !== null || run.finalText === null) throw contentPurged();
  const approval = [...run.reviews].sort((a, b) => b.step - a.step)[0];
  const final: FinalTextView = {
    runId: run.id,
    text: run.finalText,
    disclosureLabel: deps.policies.get(run.policyId)?.policy.disclosureLabel ?? FALLBACK_LABEL,
    approvedAt: (approval?.createdAt ?? run.completedAt ?? run.createdAt).toISOString(),
    policyId: run.policyId,
    policyVersion: run.policyVersion,
  };
  return { run, final };
}

/**
 * The approved text, to show. Reading it is not exporting it: someone else's text is audited as a view
 * (`run.viewed`, once per look, the same event as the run's own page), the owner's own reading not at all.
 */
export async function getFinalText(deps: Deps, actor: Actor, runId: string): Promise<FinalTextView> {
  const { run, final } = await approvedFinal(deps, actor, runId);
  if (run.userId !== actor.id) {
    await recordRunViewed(deps.db, deps.provider, actor, { id: run.id, status: run.status, unitId: run.trial.unitId });
  }
  return final;
}

/**
 * A person copies (or downloads) the approved text: the explicit request the web makes when the copy button is
 * pressed, before it writes to the clipboard. Each one is an export in the audit trail; the text returned is the
 * text recorded as exported.
 */
export async function exportFinalText(deps: Deps, actor: Actor, runId: string): Promise<FinalTextView> {
  const { run, final } = await approvedFinal(deps, actor, runId);
  await recordExport(deps, actor, run, final);
  return final;
}

/** One export in the audit trail: which policy the text was made under and how long it is, never the text. */
async function recordExport(
  deps: Deps,
  actor: Actor,
  run: { id: string; policyId: string; policyVersion: string; trial: { unitId: string } },
  final: FinalTextView,
  format?: 'docx',
) {
  await recordAuditAlone(deps.db, deps.provider, {
    actor,
    action: 'run.exported',
    resourceType: 'run',
    resourceId: run.id,
    unitId: run.trial.unitId,
    details: { policyId: run.policyId, policyVersion: run.policyVersion, chars: final.text.length, ...(format ? { format } : {}) },
  });
}

/** What the Word file is called and titled, per assistant. File names hold no personal data: kind and day only. */
const DOCUMENT_KINDS: Record<string, { title: string; file: string; markdown: boolean }> = {
  letter: { title: 'Brev', file: 'brev', markdown: false },
  minutes: { title: 'Referat', file: 'referat', markdown: true },
  documents: { title: 'Svar', file: 'svar', markdown: false },
};
const OTHER_KIND = { title: 'Tekst', file: 'tekst', markdown: false };

/**
 * The approved text downloaded as a Word document, with the organisation's name and the disclosure label. The
 * same export as copying (run.exported, with the format): the file is built first, so a download that fails is
 * not recorded, and one that is sent always is.
 */
export async function exportFinalDocx(deps: Deps, actor: Actor, runId: string): Promise<{ file: Buffer; fileName: string }> {
  const { run, final } = await approvedFinal(deps, actor, runId);
  const kind = DOCUMENT_KINDS[run.assistant] ?? OTHER_KIND;
  const approvedAt = new Date(final.approvedAt);
  const file = await finalTextDocx({
    organisation: ORGANISATION,
    title: kind.title,
    approvedOn: danishDate(approvedAt),
    text: final.text,
    markdown: kind.markdown,
    label: final.disclosureLabel.da,
  });
  await recordExport(deps, actor, run, final, 'docx');
  return { file, fileName: `${kind.file}-${localDay(approvedAt)}.docx` };
}

/**
 * Runs without content. Employees see their own; leaders also the runs of their unit's trials; the digital unit
 * all. `awaiting=second_approval` keeps the runs the viewer may approve as the second person.
 */
export async function listRuns(deps: Deps, actor: Actor, query: RunListQuery): Promise<RunList> {
  const visible: Prisma.RunWhereInput =
    actor.role === 'DIGITAL_UNIT' ? {} : actor.role === 'LEADER' ? { OR: [{ userId: actor.id }, { trial: { unitId: actor.unitId } }] } : { userId: actor.id };
  const scope: Prisma.RunWhereInput = { AND: [visible, query.trialId ? { trialId: query.trialId } : {}] };
  const awaiting: Prisma.RunWhereInput =
    query.awaiting === 'review'
      ? { status: 'DRAFT', reviews: { none: {} } }
      : query.awaiting === 'second_approval'
        ? secondApprovalFor(actor)
        : {};
  const where: Prisma.RunWhereInput = {
    AND: [scope, awaiting, query.mine ? { userId: actor.id } : {}, query.status ? { status: query.status } : {}],
  };
  const [rows, summary] = await Promise.all([findRunPage(deps.db, where, query), summaryOf(deps, actor, scope)]);
  const page = rows.slice(0, query.limit);
  const runs: RunListItem[] = page.map((r) => ({
    id: r.id,
    trialId: r.trialId,
    trialTitle: r.trial.title,
    assistant: r.assistant as AssistantId,
    status: r.status,
    guardDecision: (r.guardDecision as Decision | null) ?? null,
    fourEyes: r.fourEyes,
    createdAt: r.createdAt.toISOString(),
    requester: { id: r.user.id, name: r.user.name },
    awaiting: awaitingOf(r),
    experienceLogged: r.experienceLog !== null,
    experienceDue: r.user.id === actor.id && r.experienceLog === null && experienceOpen(r),
  }));
  return { runs, summary, nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null };
}

/** Runs the actor may approve as the second person (four eyes): see maySecondApprove. */
function secondApprovalFor(actor: Actor): Prisma.RunWhereInput {
  const administered: Prisma.RunWhereInput =
    actor.role === 'DIGITAL_UNIT' ? {} : actor.role === 'LEADER' ? { trial: { unitId: actor.unitId } } : { id: { in: [] } };
  return {
    AND: [
      administered,
      { status: 'DRAFT', fourEyes: true, userId: { not: actor.id }, reviews: { some: { step: 1 }, none: { reviewerId: actor.id } } },
    ],
  };
}

/** What still waits among the runs in scope, whatever the view and page (three counts, no content). */
async function summaryOf(deps: Deps, actor: Actor, scope: Prisma.RunWhereInput): Promise<RunListSummary> {
  const count = (where: Prisma.RunWhereInput) => countRuns(deps.db, { AND: [scope, where] });
  const [experienceDue, waitingForColleague, waitingForYou] = await Promise.all([
    count({ userId: actor.id, experienceLog: { is: null }, ...EXPERIENCE_OPEN_WHERE }),
    count({ userId: actor.id, status: 'DRAFT', fourEyes: true, reviews: { some: { step: 1 } } }),
    count(secondApprovalFor(actor)),
  ]);
  return { experienceDue, waitingForColleague, waitingForYou };
}

/**
 * Erases the reason and the edit's diff of a run's reviews, in the retention sweep's transaction: both can quote
 * the run's text. The decisions and edit sizes stay for the evaluation.
 */
export async function eraseReviewText(tx: Tx, runId: string): Promise<void> {
  await tx.review.updateMany({ where: { runId }, data: { editDiff: null, reason: null } });
}

/** The Word file of a text, for other modules that hand out a document (the compliance drafts). */
export { finalTextDocx } from './reviews.docx.js';
