import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert, AsyncErrorRegion } from '../../../components/alert';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { Loading, Page } from '../../../components/page';
import { useCurrentUser } from '../../../lib/session';
import { useTrialDetail } from '../api/trial';
import { CharterForm } from '../components/charter-form';

/** Leaders define trials for their unit; the digital unit for any unit. Employees take part only. */
export function NewTrialPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const crumbs = [{ label: t('trials.heading'), to: '/proevehandlinger' }, { label: t('trials.form.newTitle') }];
  if (user.role === 'EMPLOYEE') {
    return (
      <Page title={t('trials.form.newTitle')}>
        <Alert variant="warning">
          <p className="m-0">{t('trials.form.notAllowed')}</p>
        </Alert>
      </Page>
    );
  }
  return (
    <>
      <Breadcrumbs items={crumbs} label={t('trials.breadcrumbsLabel')} />
      <Page title={t('trials.form.newTitle')} lead={t('trials.form.newLead')} testId="new-trial-page">
        <CharterForm />
      </Page>
    </>
  );
}

export function EditTrialPage() {
  const { trialId = '' } = useParams();
  const { t } = useTranslation();
  const trial = useTrialDetail(trialId);
  if (trial.isPending) return <Loading />;
  if (trial.error || !trial.data) {
    return (
      <Page title={t('trials.form.editTitle')}>
        <AsyncErrorRegion error={trial.error} />
        <Link to="/proevehandlinger">{t('trials.detail.backToList')}</Link>
      </Page>
    );
  }
  const found = trial.data.trial;
  const crumbs = [
    { label: t('trials.heading'), to: '/proevehandlinger' },
    { label: found.title, to: `/proevehandlinger/${encodeURIComponent(found.id)}` },
    { label: t('trials.form.editTitle') },
  ];
  if (!found.canAdminister) {
    return (
      <Page title={t('trials.form.editTitle')}>
        <Alert variant="warning">
          <p className="m-0">{t('trials.form.notAllowed')}</p>
        </Alert>
      </Page>
    );
  }
  return (
    <>
      <Breadcrumbs items={crumbs} label={t('trials.breadcrumbsLabel')} />
      <Page
        title={t('trials.form.editTitle')}
        heading={t('trials.form.editHeading', { title: found.title })}
        lead={t('trials.form.editLead', { version: found.version })}
        testId="edit-trial-page"
      >
        {/* A new key after a reload starts the form afresh from the version now on the server. */}
        <CharterForm key={`${found.id}-${found.version}`} trial={found} onReload={() => void trial.refetch()} />
      </Page>
    </>
  );
}
