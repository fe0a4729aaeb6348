import type { RunReviewState } from '@contracts/reviews.js';
import type { RunStatus, RunView } from '@contracts/runs.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { ExperiencePanel } from './experience-form';
import { FinalText } from './final-text';
import { ReviewPanel, reviewStateOf } from './review-panel';

/**
 * What follows a draft: the review, then the approved text to copy, then the experience log. Used right after a
 * draft is written and on the run's own page, where a person comes back later or a second approver opens it.
 */
export function RunFollowUp({ run, isRequester }: { run: RunView; isRequester: boolean }) {
  const { t } = useTranslation();
  // The answer to a decision is newer than the run the page loaded.
  const [decided, setDecided] = useState<{ status: RunStatus; state: RunReviewState } | null>(null);
  const status = decided?.status ?? run.status;
  const state = decided?.state ?? reviewStateOf(run.status, run.review);
  // A question the knowledge base does not answer leaves nothing to approve: said so, with no review buttons.
  if (status === 'NOT_ANSWERED') return <Alert variant="info" heading={t('review.notAnswered')} headingLevel={2} testId="review-not-needed" />;
  const reviewable = status === 'DRAFT' || status === 'APPROVED' || status === 'REJECTED';
  if (!reviewable || (status === 'DRAFT' && run.output === null)) return null;
  return (
    <>
      <ReviewPanel runId={run.id} draft={run.output ?? ''} status={status} state={state} onDecided={setDecided} />
      {status === 'APPROVED' && run.output !== null ? <FinalText runId={run.id} /> : null}
      {(status === 'APPROVED' || status === 'REJECTED') && isRequester ? <ExperiencePanel runId={run.id} /> : null}
    </>
  );
}
