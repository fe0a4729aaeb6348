import type { CurrentUser } from '@contracts/auth.js';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading, Page } from '../../../components/page';
import { useSession } from '../../../lib/session';
import { LoginForm } from '../components/login-form';

export interface LoginLocationState {
  from?: string;
  reason?: 'expired' | 'loggedOut';
}

/** Only same-app paths are followed after sign-in, so a crafted link cannot send the person elsewhere. */
function safeReturnPath(from: unknown): string {
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/log-ind'
    ? from
    : '/';
}

export function LoginPage({ onSignedIn }: { onSignedIn?: (user: CurrentUser) => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginLocationState;
  const session = useSession();

  if (session.isPending) return <Loading />;
  if (session.data) return <Navigate to={safeReturnPath(state.from)} replace />;

  return (
    <Page title={t('auth.pageTitle')} heading={t('auth.heading')} testId="login-page">
      <div className="row">
        <div className="col-12 col-md-8 col-lg-6">
          {state.reason === 'expired' ? (
            <Alert variant="info">
              <p className="m-0">{t('errors.sessionExpired')}</p>
            </Alert>
          ) : null}
          {state.reason === 'loggedOut' ? (
            <div role="status">
              <Alert variant="success">
                <p className="m-0">{t('auth.loggedOut')}</p>
              </Alert>
            </div>
          ) : null}
          <p>{t('auth.intro')}</p>
          <LoginForm onSignedIn={onSignedIn} />
        </div>
      </div>
    </Page>
  );
}
