import type { ApprovalFunction, PolicySummary } from '@contracts/policies.js';
import { usePolicyWords } from './policy-words';

/** "Godkendt" / "Afventer godkendelse" as a DKFDS badge. The text carries the meaning; colour only supports it. */
export function PolicyStatusBadge({ status }: { status: PolicySummary['status'] }) {
  const { t } = usePolicyWords();
  return (
    <span className={status === 'APPROVED' ? 'badge badge-success' : 'badge badge-warning'} data-status={status}>
      {t(`policies.status.${status}`)}
    </span>
  );
}

/** "Mangler godkendelse fra Databeskyttelsesrådgiver (DPO)." */
export function MissingApprovals({ missing }: { missing: readonly ApprovalFunction[] }) {
  const { t, list, approvalFunction } = usePolicyWords();
  if (missing.length === 0) return null;
  return (
    <span className="d-block small-text mt-2" data-testid="missing-approvals">
      {t('policies.missingShort', { functions: list(missing.map(approvalFunction)) })}
    </span>
  );
}
