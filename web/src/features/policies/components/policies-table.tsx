import type { PolicySummary } from '@contracts/policies.js';
import { Link } from 'react-router';
import { useLocalized } from '../../../lib/localized';
import { MissingApprovals, PolicyStatusBadge } from './policy-status';
import { usePolicyWords } from './policy-words';

/**
 * All policies: title (a link to the policy), what it is for, status with the missing approvals, and which
 * assistants and language models it allows.
 */
export function PoliciesTable({
  policies,
}: {
  policies: readonly PolicySummary[];
}) {
  const { t, assistant, provider } = usePolicyWords();
  const pick = useLocalized();
  return (
    <div className="table--responsive-scroll" tabIndex={0} role="region" aria-label={t('policies.caption')}>
      <table className="table table--zebra policies-table" data-testid="policies-table">
        <caption className="sr-only">{t('policies.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('policies.columns.title')}</th>
            <th scope="col">{t('policies.columns.status')}</th>
            <th scope="col">{t('policies.columns.assistants')}</th>
            <th scope="col">{t('policies.columns.providers')}</th>
          </tr>
        </thead>
        <tbody>
          {policies.map((policy) => (
            <tr key={policy.id} data-testid="policy-row" data-policy-id={policy.id}>
              <th scope="row" className="weight-semibold">
                <Link to={`/datapolitikker/${encodeURIComponent(policy.id)}`}>{pick(policy.title)}</Link>
                <span className="d-block small-text weight-normal mt-2">{pick(policy.explanation)}</span>
              </th>
              <td>
                <PolicyStatusBadge status={policy.status} />
                {policy.status === 'AWAITING_APPROVAL' ? <MissingApprovals missing={policy.missingApprovals} /> : null}
              </td>
              <td>
                <ul className="nobullet-list compact-list">
                  {policy.assistants.map((a) => (
                    <li key={a}>{assistant(a)}</li>
                  ))}
                </ul>
              </td>
              <td>
                <ul className="nobullet-list compact-list">
                  {policy.providers.map((p) => (
                    <li key={p.provider}>{provider(p.provider)}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
