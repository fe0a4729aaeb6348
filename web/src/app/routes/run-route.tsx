import { PreviewResult } from '../../features/policies';
import { RunPage } from '../../features/runs';

/**
 * The run page with the policies feature's view of "what is sent": composed here, as features do not import
 * each other.
 */
export function RunRoute() {
  return <RunPage PreviewResult={PreviewResult} />;
}
