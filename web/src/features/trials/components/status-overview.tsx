import type { TrialStatus, TrialSummary } from '@contracts/trials.js';
import { useTranslation } from 'react-i18next';
import { TRIAL_STATUSES } from './trial-status';

type Counts = Record<TrialStatus, number>;
const zero = (): Counts => ({ DRAFT: 0, ACTIVE: 0, PAUSED: 0, CLOSED: 0 });

export function countByStatus(trials: TrialSummary[]): Counts {
  const counts = zero();
  for (const trial of trials) counts[trial.status] += 1;
  return counts;
}

export function countByUnit(trials: TrialSummary[]): { unitId: string; unitName: string; counts: Counts; total: number }[] {
  const byUnit = new Map<string, { unitId: string; unitName: string; counts: Counts; total: number }>();
  for (const trial of trials) {
    const row = byUnit.get(trial.unit.id) ?? { unitId: trial.unit.id, unitName: trial.unit.name, counts: zero(), total: 0 };
    row.counts[trial.status] += 1;
    row.total += 1;
    byUnit.set(trial.unit.id, row);
  }
  return [...byUnit.values()].sort((a, b) => a.unitName.localeCompare(b.unitName, 'da'));
}

/** Counts by status as DKFDS cards: the number large, the status under it. */
export function StatusCards({ trials }: { trials: TrialSummary[] }) {
  const { t } = useTranslation();
  const counts = countByStatus(trials);
  return (
    <ul className="status-cards nobullet-list no-max-width" data-testid="status-counts">
      {TRIAL_STATUSES.map((status) => (
        <li key={status} data-status={status}>
          <div className="card status-card">
            <div className="card-content">
              <span className="status-count" data-testid={`status-count-${status}`}>
                {counts[status]}
              </span>
              <span className="status-label">{t(`trials.status.${status}`)}</span>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Counts per unit and status as a table; the last row sums the columns. */
export function UnitStatusTable({ trials }: { trials: TrialSummary[] }) {
  const { t } = useTranslation();
  const rows = countByUnit(trials);
  const totals = countByStatus(trials);
  return (
    <div className="table--responsive-scroll" tabIndex={0} role="region" aria-label={t('home.digital.unitsHeading')}>
      <table className="table table--compact" data-testid="unit-status-table">
        <caption className="sr-only">{t('home.digital.unitsHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('home.digital.unit')}</th>
            {TRIAL_STATUSES.map((s) => (
              <th scope="col" key={s} className="align-text-right">
                {t(`trials.status.${s}`)}
              </th>
            ))}
            <th scope="col" className="align-text-right">
              {t('home.digital.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.unitId}>
              <th scope="row">{row.unitName}</th>
              {TRIAL_STATUSES.map((s) => (
                <td key={s} className="align-text-right">
                  {row.counts[s]}
                </td>
              ))}
              <td className="align-text-right weight-semibold">{row.total}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('home.digital.total')}</th>
            {TRIAL_STATUSES.map((s) => (
              <td key={s} className="align-text-right weight-semibold">
                {totals[s]}
              </td>
            ))}
            <td className="align-text-right weight-semibold">{trials.length}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
