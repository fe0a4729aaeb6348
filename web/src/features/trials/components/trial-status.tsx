import type { TrialStatus } from '@contracts/trials.js';
import { useTranslation } from 'react-i18next';

const BADGE: Record<TrialStatus, string> = {
  DRAFT: 'badge',
  ACTIVE: 'badge badge-success',
  PAUSED: 'badge badge-warning',
  CLOSED: 'badge badge-info',
};

export const TRIAL_STATUSES: readonly TrialStatus[] = ['DRAFT', 'ACTIVE', 'PAUSED', 'CLOSED'];

/** Status as a DKFDS badge. The text carries the meaning; colour only supports it. */
export function TrialStatusBadge({ status }: { status: TrialStatus }) {
  const { t } = useTranslation();
  return <span className={BADGE[status]}>{t(`trials.status.${status}`)}</span>;
}
