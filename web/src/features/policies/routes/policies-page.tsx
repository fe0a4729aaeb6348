import { useTranslation } from 'react-i18next';
import { AsyncErrorRegion } from '../../../components/alert';
import { Loading, Page } from '../../../components/page';
import { usePolicies } from '../api/policies';
import { PoliciesTable } from '../components/policies-table';

/** "Datapolitikker": every declared policy, for everyone signed in. */
export function PoliciesPage() {
  const { t } = useTranslation();
  const policies = usePolicies();

  return (
    <Page title={t('policies.pageTitle')} heading={t('policies.heading')} lead={t('policies.intro')} testId="policies-page">
      <AsyncErrorRegion error={policies.error} testId="policies-error" />
      {policies.isPending ? <Loading /> : null}
      {policies.data ? (
        policies.data.policies.length ? (
          <PoliciesTable policies={policies.data.policies} />
        ) : (
          <p data-testid="policies-empty">{t('policies.empty')}</p>
        )
      ) : null}
    </Page>
  );
}
