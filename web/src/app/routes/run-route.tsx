import { useParams } from 'react-router';
import { Loading } from '../../components/page';
import { PreviewResult } from '../../features/policies';
import { RunPage } from '../../features/runs';
import { BriefingRequiredNotice, useBriefingRequired } from '../../features/trials';

/**
 * The run page with the policies feature's view of "what is sent": composed here, as features do not import
 * each other. A participant who has not acknowledged the trial's current briefing is sent to it first; the
 * server refuses such runs with 409 BRIEFING_REQUIRED, so showing the assistant would only lead to that error.
 */
export function RunRoute() {
  const { trialId = '' } = useParams();
  const gate = useBriefingRequired(trialId);
  if (gate.pending) return <Loading />;
  if (gate.required) return <BriefingRequiredNotice trialId={trialId} title={gate.title} />;
  return <RunPage PreviewResult={PreviewResult} />;
}
