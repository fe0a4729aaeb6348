import type { ReviewDecision, ReviewView, RunReviewState } from '../../contracts/reviews.js';

/** What the review state needs of a run: no content but the text waiting for a second approver. */
export interface RunForReview {
  status: string;
  fourEyes: boolean;
  userId: string;
  finalText: string | null;
  contentPurgedAt: Date | null;
  reviews: ReviewRow[];
  experienceLog: { id: string } | null;
}

export interface ReviewRow {
  id: string;
  step: number;
  decision: string;
  reviewerId: string;
  reviewer: { id: string; name: string };
  reason: string | null;
  editSize: number;
  editDiff: string | null;
  createdAt: Date;
}

/** Who acts next on a run: nobody once it is decided (or never was a draft). */
export function awaitingOf(run: { status: string; reviews: { step: number }[] }): RunReviewState['awaiting'] {
  if (run.status !== 'DRAFT') return null;
  return run.reviews.some((r) => r.step === 1) ? 'second_approval' : 'review';
}

/**
 * Four eyes: the second approver administers the trial and is neither the person who asked for the draft nor
 * the one who approved it first. Otherwise one person could approve their own sensitive output.
 */
export function maySecondApprove(viewerId: string, administers: boolean, run: { userId: string; reviews: { step: number; reviewerId: string }[] }): boolean {
  const first = run.reviews.find((r) => r.step === 1);
  return administers && viewerId !== run.userId && !!first && viewerId !== first.reviewerId;
}

/** Whoever sees a run sees its content (the requester and the trial's administrators), so the diff goes with it. */
export function toReviewView(r: ReviewRow, purged: boolean): ReviewView {
  return {
    id: r.id,
    step: r.step,
    decision: r.decision as ReviewDecision,
    reviewer: { id: r.reviewer.id, name: r.reviewer.name },
    reason: r.reason,
    editSize: r.editSize,
    editDiff: purged ? null : r.editDiff,
    createdAt: r.createdAt.toISOString(),
  };
}

export function reviewStateFor(run: RunForReview, viewerId: string, administers: boolean): RunReviewState {
  const purged = run.contentPurgedAt !== null;
  const awaiting = awaitingOf(run);
  const canReview =
    awaiting === 'review' ? run.userId === viewerId || administers : awaiting === 'second_approval' ? maySecondApprove(viewerId, administers, run) : false;
  return {
    fourEyes: run.fourEyes,
    reviews: [...run.reviews].sort((a, b) => a.step - b.step).map((r) => toReviewView(r, purged)),
    awaiting,
    canReview,
    pendingText: awaiting === 'second_approval' && !purged ? run.finalText : null,
    experienceLogged: run.experienceLog !== null,
  };
}
