import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AsyncErrorRegion } from '../../../components/alert';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { Loading, Page } from '../../../components/page';
import { isApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { useLocalized } from '../../../lib/localized';
import { usePolicy } from '../api/policies';
import { DataClassesTable } from '../components/data-classes-table';
import { PlainRules } from '../components/plain-rules';
import {
  AwaitingApprovalAlert,
  PolicyApprovals,
  PolicyDisclosure,
  PolicyOversight,
  PolicyStorage,
  PolicyUse,
} from '../components/policy-facts';
import { PolicyPreview } from '../components/policy-preview';
import { PolicyStatusBadge } from '../components/policy-status';

/**
 * One policy in plain language: what you may, may not and must do; what happens to each kind of data; human
 * oversight, retention, limits, the AI label and who approved it; and a place to try a text against it.
 */
export function PolicyPage() {
  const { t, i18n } = useTranslation();
  const pick = useLocalized();
  const { id = '' } = useParams();
  const query = usePolicy(id);
  const crumbs = (current: string) => [
    { label: t('policies.detail.home'), to: '/' },
    { label: t('policies.heading'), to: '/datapolitikker' },
    { label: current },
  ];

  if (query.isPending) {
    return <Loading />;
  }
  if (isApiError(query.error) && query.error.status === 404) {
    return (
      <>
        <Breadcrumbs label={t('policies.detail.breadcrumbs')} items={crumbs(t('policies.detail.notFoundTitle'))} />
        <Page title={t('policies.detail.notFoundTitle')} testId="policy-not-found">
          <p>{t('policies.detail.notFoundText')}</p>
          <p>
            <Link to="/datapolitikker">{t('policies.detail.backToList')}</Link>
          </p>
        </Page>
      </>
    );
  }
  if (!query.data) {
    return (
      <Page title={t('policies.heading')} testId="policy-page">
        <AsyncErrorRegion error={query.error} testId="policy-error" />
      </Page>
    );
  }

  const policy = query.data.policy;
  const title = pick(policy.title);
  return (
    <>
      <Breadcrumbs label={t('policies.detail.breadcrumbs')} items={crumbs(title)} />
      <Page title={title} testId="policy-page" headingProps={{ 'data-policy-id': policy.id }}>
        <p className="policy-meta" data-testid="policy-meta">
          {policy.approvedOn ? <span>{t('policies.detail.approvedOn', { date: formatDate(policy.approvedOn, i18n.language) })}</span> : null}
          <PolicyStatusBadge status={policy.status} />
        </p>
        <p className="font-lead">{pick(policy.explanation)}</p>
        <AwaitingApprovalAlert policy={policy} />
        <PlainRules plain={policy.plain} />
        <section aria-labelledby="policy-data-heading">
          <h2 id="policy-data-heading">{t('policies.detail.dataHeading')}</h2>
          <p>{t('policies.detail.dataIntro')}</p>
          <DataClassesTable dataClasses={policy.dataClasses} />
        </section>
        <div className="row">
          <div className="col-12 col-lg-6">
            <PolicyOversight policy={policy} />
          </div>
          <div className="col-12 col-lg-6">
            <PolicyStorage policy={policy} />
          </div>
        </div>
        <PolicyUse policy={policy} />
        <PolicyDisclosure policy={policy} />
        <PolicyApprovals policy={policy} />
        <hr className="my-8" />
        <PolicyPreview key={policy.id} policyId={policy.id} maxChars={policy.limits.maxInputChars} />
      </Page>
    </>
  );
}
