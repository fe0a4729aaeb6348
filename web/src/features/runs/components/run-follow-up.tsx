import type { RunReviewState } from '@contracts/reviews.js';
import type { RunStatus, RunView } from '@contracts/runs.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { useLiveRun } from '../api/review';
import { ExperiencePanel } from './experience-form';
import { FinalText } from './final-text';
import { ReviewPanel, reviewStateOf } from './review-panel';

/**
 * What follows a draft: the review, then the approved text to copy, then the experience log. Used right after a
 * draft is written and on the run's own page, where a person comes back later or a second approver opens it.
 */
export function RunFollowUp({ run: shown, isRequester }: { run: RunView; isRequester: boolean }) {
  const { t } = useTranslation();
  // The run as the server has it now: a decision refetches it, so one made elsewhere (another tab, a colleague)
  // shows here too instead of being hidden behind the page's older copy.
  const run = useLiveRun(shown);
  // The answer to a decision, until the refetched run (newer still) arrives.
  const [decided, setDecided] = useState<{ of: RunView; status: RunStatus; state: RunReviewState } | null>(null);
  const answer = decided?.of === run ? decided : null;
  const status = answer?.status ?? run.status;
  const state = answer?.state ?? reviewStateOf(run.status, run.review);
  // A question the knowledge base does not answer leaves nothing to approve: said so, with no review buttons.
  if (status === 'NOT_ANSWERED') return <Alert variant="info" heading={t('review.notAnswered')} headingLevel={2} testId="review-not-needed" />;
  const reviewable = status === 'DRAFT' || status === 'APPROVED' || status === 'REJECTED';
  if (!reviewable || (status === 'DRAFT' && run.output === null)) return null;
  // The requester logs the experience once a person has judged the draft, also while it waits for the second
  // approver (the server's rule: experiences.service experienceOpen).
  const waitingForSecond = status === 'DRAFT' && state.awaiting === 'second_approval';
  const experienceOpen = isRequester && (status === 'APPROVED' || status === 'REJECTED' || waitingForSecond);
  return (
    <>
      <ReviewPanel
        runId={run.id}
        draft={run.output ?? ''}
        status={status}
        state={state}
        canLogExperience={experienceOpen && waitingForSecond}
        onDecided={(next) => setDecided({ of: run, ...next })}
      />
      {status === 'APPROVED' && run.output !== null ? <FinalText runId={run.id} /> : null}
      {experienceOpen ? <ExperiencePanel runId={run.id} /> : null}
    </>
  );
}
