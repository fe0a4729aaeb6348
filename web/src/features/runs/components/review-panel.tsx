import type { ReviewAwaiting, ReviewRequest, ReviewView, RunReviewState } from '@contracts/reviews.js';
import type { RunStatus } from '@contracts/runs.js';
import { type FormEvent, type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, AsyncErrorRegion } from '../../../components/alert';
import { ErrorSummary, type SummaryItem, useErrorSummaryFocus } from '../../../components/error-summary';
import { TextAreaField } from '../../../components/form-fields';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useReviewRun } from '../api/review';
import { Button } from '../../../components/button';

type Mode = 'choose' | 'edit' | 'reject';

/** The review state when the server sent none (an older server): the run is the viewer's own draft. */
export function reviewStateOf(status: RunStatus, review: RunReviewState | undefined): RunReviewState {
  return (
    review ?? {
      fourEyes: false,
      reviews: [],
      awaiting: status === 'DRAFT' ? 'review' : null,
      canReview: status === 'DRAFT',
      pendingText: null,
      experienceLogged: false,
    }
  );
}

/**
 * The human decision on a draft (AI Act Art. 14): approve, edit and approve, or reject with a reason. With four
 * eyes the first approval only hands the text on; a second person who administers the trial decides, on the text
 * the first person approved (shown to everyone with who approved it and what they changed).
 *
 * Each decision names the step the page showed. When the run has moved on (another tab, a colleague), the server
 * answers 409 and the page shows the run as it now is, with what the person wrote kept in view: nothing is taken
 * as a decision on a text the person did not see, and nothing flips silently.
 */
export function ReviewPanel({
  runId,
  draft,
  status,
  state,
  canLogExperience = false,
  onDecided,
}: {
  runId: string;
  draft: string;
  status: RunStatus;
  state: RunReviewState;
  /** The requester may write the experience log while the run waits for the second approver. */
  canLogExperience?: boolean;
  onDecided: (next: { status: RunStatus; state: RunReviewState }) => void;
}) {
  const { t } = useTranslation();
  const decision = useReviewDecision(runId, draft, state, onDecided);
  const { review, mode } = decision;
  const mayDecide = status === 'DRAFT' && state.canReview && state.awaiting !== null;
  const overtaken = isApiError(review.error) && review.error.code === 'RUN_ALREADY_DECIDED' ? decision.attempted : null;

  return (
    <section className="review-panel mt-6" aria-labelledby="review-heading" data-testid="review-panel">
      <h2 id="review-heading">{t('review.heading')}</h2>
      <Decisions reviews={state.reviews} />
      <ReviewStage status={status} state={state} mayDecide={mayDecide} canLogExperience={canLogExperience} />

      <AsyncErrorRegion error={review.error} testId="review-error" />
      {overtaken ? <Unsaved attempted={overtaken} /> : null}

      {mayDecide && mode === 'choose' ? (
        <div className="run-actions mt-4" data-testid="review-actions">
          <Button variant="primary" type="button" onClick={() => decision.decide({ decision: 'APPROVE', step: decision.step })} disabled={review.isPending}>
            {t('review.approve')}
          </Button>
          <Button variant="secondary" type="button" onClick={() => decision.open('edit')} disabled={review.isPending}>
            {t('review.editAndApprove')}
          </Button>
          <Button variant="secondary" type="button" onClick={() => decision.open('reject')} disabled={review.isPending}>
            {t('review.reject')}
          </Button>
        </div>
      ) : null}

      {mayDecide && mode !== 'choose' ? <OpenDecisionForm key={mode} decision={decision} mode={mode} /> : null}
    </section>
  );
}

/**
 * The decision being made: which form is open (approve, edit or reject), what the person wrote, its error, and the
 * request sent. The run's step is named with each decision, so a run that moved on is refused, not decided.
 */
function useReviewDecision(
  runId: string,
  draft: string,
  state: RunReviewState,
  onDecided: (next: { status: RunStatus; state: RunReviewState }) => void,
) {
  const { t } = useTranslation();
  const review = useReviewRun(runId);
  // A form opened at one step is closed when the run moves on: its text was written against what was shown then.
  const [opened, setOpened] = useState<{ mode: Mode; at: ReviewAwaiting | null }>({ mode: 'choose', at: state.awaiting });
  const mode: Mode = opened.at === state.awaiting ? opened.mode : 'choose';
  const setMode = (next: Mode) => setOpened({ mode: next, at: state.awaiting });
  const [attempted, setAttempted] = useState<ReviewRequest | null>(null);
  // The text under review: the draft, or with four eyes the text the first person approved.
  const base = state.awaiting === 'second_approval' ? (state.pendingText ?? draft) : draft;
  const [edited, setEdited] = useState(base);
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<{ fieldId: string; message: string } | null>(null);
  const { summaryRef, failedAttempt } = useErrorSummaryFocus();

  const step = state.awaiting === 'second_approval' ? 2 : 1;
  const decide = (req: ReviewRequest) => {
    setAttempted(req);
    review.mutate(req, {
      onSuccess: (res) => {
        setMode('choose');
        onDecided({ status: res.status as RunStatus, state: res.state });
      },
      // The run was decided (or approved once) elsewhere: the form goes, the refetched run shows what happened.
      onError: (err) => {
        if (isApiError(err) && err.code === 'RUN_ALREADY_DECIDED') setMode('choose');
      },
    });
  };

  const fail = (fieldId: string, message: string) => {
    setFieldError({ fieldId, message });
    failedAttempt();
  };

  const onEditSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (edited.trim() === '') return fail('review-edit', t('review.editEmpty'));
    setFieldError(null);
    decide({ decision: 'EDIT_AND_APPROVE', finalText: edited, step });
  };

  const onRejectSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) return fail('review-reason', t('review.reasonMissing'));
    setFieldError(null);
    decide({ decision: 'REJECT', reason: reason.trim(), step });
  };

  const open = (next: Mode) => {
    setFieldError(null);
    review.reset();
    if (next === 'edit') setEdited(base);
    setMode(next);
  };

  /** What the person types takes the field's error away. */
  const typed = (set: (value: string) => void) => (value: string) => {
    set(value);
    setFieldError(null);
  };

  return {
    review,
    mode,
    step,
    attempted,
    decide,
    open,
    summaryRef,
    fieldError,
    edited,
    onEdited: typed(setEdited),
    onEditSubmit,
    reason,
    onReason: typed(setReason),
    onRejectSubmit,
  };
}

type ReviewDecision = ReturnType<typeof useReviewDecision>;

/** Where the run stands: four eyes ahead, waiting for the second approver, someone else's to review, or decided. */
function ReviewStage({
  status,
  state,
  mayDecide,
  canLogExperience,
}: {
  status: RunStatus;
  state: RunReviewState;
  mayDecide: boolean;
  canLogExperience: boolean;
}) {
  const { t } = useTranslation();
  const waitingForOther = status === 'DRAFT' && state.awaiting === 'second_approval' && !state.canReview;
  const pending = status === 'DRAFT' && state.awaiting === 'second_approval' && state.pendingText !== null ? state.pendingText : null;
  return (
    <>
      {status === 'DRAFT' && state.fourEyes && state.awaiting === 'review' ? (
        <p data-testid="review-four-eyes-note">{t('review.fourEyesNote')}</p>
      ) : null}

      {waitingForOther ? (
        <Alert variant="info" heading={t('review.awaitingSecond')} headingLevel={3} testId="review-awaiting-second">
          <p className="mt-0">{t('review.awaitingSecondWhy')}</p>
          <p className={canLogExperience ? 'mt-0' : 'm-0'}>{t('review.awaitingSecondNext')}</p>
          {canLogExperience ? (
            <p className="m-0" data-testid="experience-waiting-note">
              {t('review.experienceWhileWaiting')}
            </p>
          ) : null}
        </Alert>
      ) : null}

      {status === 'DRAFT' && !state.canReview && state.awaiting === 'review' ? (
        <p data-testid="review-not-yours">{t('review.notYours')}</p>
      ) : null}

      {mayDecide && state.awaiting === 'second_approval' ? <p data-testid="review-second-intro">{t('review.secondIntro')}</p> : null}
      {pending !== null ? <PendingText text={pending} first={state.reviews.find((r) => r.step === 1)} /> : null}

      {status === 'APPROVED' ? (
        <Alert variant="success" heading={t('review.approved')} headingLevel={3} testId="review-approved" />
      ) : null}
      {status === 'REJECTED' ? <Alert variant="warning" heading={t('review.rejected')} headingLevel={3} testId="review-rejected" /> : null}
    </>
  );
}

/** What sets the edit form and the rejection form apart. */
const DECISION_FORMS = {
  edit: {
    testId: 'review-edit-form',
    fieldId: 'review-edit',
    label: 'review.editLabel',
    hint: 'review.editHint',
    rows: 14,
    submitLabel: 'review.saveAndApprove',
  },
  reject: {
    testId: 'review-reject-form',
    fieldId: 'review-reason',
    label: 'review.reasonLabel',
    hint: 'review.reasonHint',
    rows: 4,
    submitLabel: 'review.confirmReject',
  },
} as const;

/** The form the person opened: "Ret og godkend" with the text to approve, or "Afvis" with the reason. */
function OpenDecisionForm({ decision, mode }: { decision: ReviewDecision; mode: 'edit' | 'reject' }) {
  const { t } = useTranslation();
  const { fieldError } = decision;
  const form = DECISION_FORMS[mode];
  return (
    <DecisionForm
      testId={form.testId}
      fieldId={form.fieldId}
      summaryRef={decision.summaryRef}
      summaryItems={fieldError ? [fieldError] : []}
      error={fieldError?.fieldId === form.fieldId ? fieldError.message : undefined}
      pending={decision.review.isPending}
      onCancel={() => decision.open('choose')}
      cancelLabel={t('review.cancel')}
      label={t(form.label)}
      hint={t(form.hint)}
      rows={form.rows}
      value={mode === 'edit' ? decision.edited : decision.reason}
      onChange={mode === 'edit' ? decision.onEdited : decision.onReason}
      submitLabel={t(form.submitLabel)}
      onSubmit={mode === 'edit' ? decision.onEditSubmit : decision.onRejectSubmit}
    />
  );
}

/** The edit and the rejection forms: one text field, a submit and a way back, with the error summary on top. */
function DecisionForm(props: {
  testId: string;
  fieldId: string;
  summaryRef: RefObject<HTMLDivElement | null>;
  summaryItems: SummaryItem[];
  error: string | undefined;
  label: string;
  hint: string;
  rows: number;
  value: string;
  onChange: (value: string) => void;
  pending: boolean;
  submitLabel: string;
  onSubmit: (e: FormEvent) => void;
  cancelLabel: string;
  onCancel: () => void;
}) {
  return (
    <form onSubmit={props.onSubmit} noValidate data-testid={props.testId} className="mt-4">
      <ErrorSummary ref={props.summaryRef} items={props.summaryItems} testId="review-errors" />
      <TextAreaField
        id={props.fieldId}
        label={props.label}
        hint={props.hint}
        rows={props.rows}
        value={props.value}
        error={props.error}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <div className="run-actions mt-4">
        <Button variant="primary" type="submit" disabled={props.pending}>
          {props.submitLabel}
        </Button>
        <Button variant="tertiary" type="button" onClick={props.onCancel}>
          {props.cancelLabel}
        </Button>
      </div>
    </form>
  );
}

/**
 * With four eyes, the text the first person approved, which is what the second approval is for: who approved it,
 * and what they changed from the AI draft. Shown to everyone who sees the run, so no one is left looking at the
 * AI draft alone while an edit waits.
 */
function PendingText({ text, first }: { text: string; first: ReviewView | undefined }) {
  const { t, i18n } = useTranslation();
  const edited = first?.decision === 'EDIT_AND_APPROVE';
  const heading = edited ? t('review.pendingEditedHeading') : t('review.pendingHeading');
  const by = first ? { name: first.reviewer.name, at: formatDateTime(first.createdAt, i18n.language) } : null;
  return (
    <section className="mt-4" aria-labelledby="review-pending-heading" data-testid="review-pending">
      <h3 id="review-pending-heading">{heading}</h3>
      {by ? <p data-testid="review-pending-by">{edited ? t('review.pendingEditedBy', by) : t('review.pendingApprovedBy', by)}</p> : null}
      <div className="run-draft-text" role="region" aria-label={heading} tabIndex={0} data-testid="review-pending-text">
        {text}
      </div>
      {edited && first ? <EditChanges review={first} /> : null}
    </section>
  );
}

/** The lines an edit added and deleted, from the review's line diff (its size is in the list of decisions above). */
function EditChanges({ review }: { review: ReviewView }) {
  const { t } = useTranslation();
  const changes = (review.editDiff ?? '')
    .split('\n')
    .filter((line) => !line.startsWith('+++') && !line.startsWith('---') && (line.startsWith('+') || line.startsWith('-')))
    .map((line) => ({ added: line.startsWith('+'), text: line.slice(1) }));
  if (changes.length === 0) return null;
  return (
    <div className="mt-4" data-testid="review-changes">
      <h4>{t('review.changesHeading')}</h4>
      <ul className="nobullet-list">
        {changes.map((c, i) => (
          <li key={i} className="mb-2">
            <strong>{c.added ? t('review.changeAdded') : t('review.changeRemoved')}</strong>{' '}
            {c.added ? <ins>{c.text || t('review.changeEmptyLine')}</ins> : <del>{c.text || t('review.changeEmptyLine')}</del>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A decision the server refused because the run had moved on: said so, with what the person wrote kept in view. */
function Unsaved({ attempted }: { attempted: ReviewRequest }) {
  const { t } = useTranslation();
  const text = attempted.decision === 'REJECT' ? attempted.reason : attempted.decision === 'EDIT_AND_APPROVE' ? attempted.finalText : null;
  return (
    <div className="mt-4" data-testid="review-unsaved">
      <p>{t(`review.unsaved.${attempted.decision}`)}</p>
      {text ? (
        <div className="run-draft-text" role="region" aria-label={t(`review.unsaved.${attempted.decision}`)} tabIndex={0}>
          {text}
        </div>
      ) : null}
    </div>
  );
}

/** Who decided what, and how much an edit changed: the record a person can come back to. */
function Decisions({ reviews }: { reviews: ReviewView[] }) {
  const { t, i18n } = useTranslation();
  if (reviews.length === 0) return null;
  return (
    <ul className="nobullet-list" data-testid="review-decisions">
      {reviews.map((r) => (
        <li key={r.id} className="mb-3">
          <strong>{t(`review.decision.${r.decision}`)}</strong>{' '}
          {t('review.by', { name: r.reviewer.name, at: formatDateTime(r.createdAt, i18n.language) })}
          {r.decision === 'EDIT_AND_APPROVE' ? (
            <span className="d-block" data-testid="review-edit-size">
              {t('review.editSize', { chars: formatNumber(r.editSize, i18n.language) })}
            </span>
          ) : null}
          {r.reason ? (
            <span className="d-block" data-testid="review-reason-shown">
              {t('review.reasonShown', { reason: r.reason })}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
