import type { CurrentUser } from '@contracts/auth.js';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, AsyncErrorRegion } from '../../components/alert';
import { Icon } from '../../components/icon';
import { Loading, Page } from '../../components/page';
import { useTrials } from '../../features/trials/api/get-trials';
import { StatusCards, UnitStatusTable } from '../../features/trials/components/status-overview';
import { TrialsTable } from '../../features/trials/components/trials-table';
import { useCurrentUser } from '../../lib/session';

/** The front page is composed here from features; each role gets its own heading and content. */
function TrialsSection({ user, empty }: { user: CurrentUser; empty: string }) {
  const trials = useTrials();
  return (
    <>
      <AsyncErrorRegion error={trials.error} />
      {trials.isPending ? <Loading /> : null}
      {trials.data ? (
        trials.data.trials.length ? (
          <TrialsTable trials={trials.data.trials} showUnit={user.role !== 'LEADER'} />
        ) : (
          <p data-testid="trials-empty">{empty}</p>
        )
      ) : null}
    </>
  );
}

function EmployeeHome({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  return (
    <Page
      title={t('home.pageTitle')}
      heading={t('home.employee.heading')}
      lead={t('home.greeting', { name: user.name })}
      testId="home-employee"
      headingProps={{ 'data-role': user.role }}
    >
      <div className="mb-6" data-testid="ai-literacy-note">
        <Alert variant="info" heading={t('home.aiNote.heading')}>
          <p className="m-0">{t('home.aiNote.text')}</p>
        </Alert>
      </div>
      <p>{t('home.employee.intro')}</p>
      <TrialsSection user={user} empty={t('home.employee.empty')} />
    </Page>
  );
}

function LeaderHome({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  return (
    <Page
      title={t('home.pageTitle')}
      heading={t('home.leader.heading')}
      lead={t('home.greeting', { name: user.name })}
      testId="home-leader"
      headingProps={{ 'data-role': user.role }}
    >
      <p>{t('home.leader.intro', { unit: user.unit.name })}</p>
      <TrialsSection user={user} empty={t('home.leader.empty')} />
    </Page>
  );
}

function DigitalUnitHome({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const trials = useTrials();
  return (
    <Page
      title={t('home.pageTitle')}
      heading={t('home.digital.heading')}
      lead={t('home.greeting', { name: user.name })}
      testId="home-digital-unit"
      headingProps={{ 'data-role': user.role }}
    >
      <p>{t('home.digital.intro')}</p>
      <AsyncErrorRegion error={trials.error} />
      {trials.isPending ? <Loading /> : null}
      {trials.data ? (
        <>
          <section aria-labelledby="status-heading">
            <h2 id="status-heading">{t('home.digital.statusHeading')}</h2>
            <StatusCards trials={trials.data.trials} />
          </section>
          <section aria-labelledby="units-heading">
            <h2 id="units-heading">{t('home.digital.unitsHeading')}</h2>
            {trials.data.trials.length ? (
              <UnitStatusTable trials={trials.data.trials} />
            ) : (
              <p>{t('home.digital.empty')}</p>
            )}
          </section>
        </>
      ) : null}
      <section aria-labelledby="admin-heading">
        <h2 id="admin-heading">{t('home.digital.adminHeading')}</h2>
        <ul className="admin-cards nobullet-list no-max-width">
          <li>
            <Link to="/brugere" className="card admin-card" data-testid="home-users-link">
              <div className="card-content">
                <span className="card-heading d-block">{t('home.digital.usersLink')}</span>
                <span className="d-block mt-3">{t('home.digital.usersText')}</span>
              </div>
              <Icon name="arrow-forward" className="card-icon" />
            </Link>
          </li>
          <li>
            <Link to="/revisionsspor" className="card admin-card" data-testid="home-audit-link">
              <div className="card-content">
                <span className="card-heading d-block">{t('home.digital.auditLink')}</span>
                <span className="d-block mt-3">{t('home.digital.auditText')}</span>
              </div>
              <Icon name="arrow-forward" className="card-icon" />
            </Link>
          </li>
        </ul>
      </section>
    </Page>
  );
}

export function HomePage() {
  const user = useCurrentUser();
  switch (user.role) {
    case 'EMPLOYEE':
      return <EmployeeHome user={user} />;
    case 'LEADER':
      return <LeaderHome user={user} />;
    case 'DIGITAL_UNIT':
      return <DigitalUnitHome user={user} />;
  }
}
