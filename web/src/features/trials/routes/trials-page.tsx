import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AsyncErrorRegion } from '../../../components/alert';
import { Loading, Page } from '../../../components/page';
import { useCurrentUser } from '../../../lib/session';
import { useTrials } from '../api/get-trials';
import { TrialsTable } from '../components/trials-table';
import { buttonClass } from '../../../components/button';

export function TrialsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const trials = useTrials();
  return (
    <Page title={t('trials.pageTitle')} heading={t('trials.heading')} lead={t(`trials.intro.${user.role}`)}>
      {user.role !== 'EMPLOYEE' ? (
        <p>
          <Link to="/proevehandlinger/ny" className={buttonClass('primary')} data-testid="create-trial">
            {t('trials.create')}
          </Link>
        </p>
      ) : null}
      <AsyncErrorRegion error={trials.error} />
      {trials.isPending ? <Loading /> : null}
      {trials.data ? (
        trials.data.trials.length ? (
          <TrialsTable trials={trials.data.trials} showUnit={user.role !== 'LEADER'} />
        ) : (
          <p data-testid="trials-empty">{t('trials.empty')}</p>
        )
      ) : null}
    </Page>
  );
}
