import type { CurrentUser } from '@contracts/auth.js';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading, Page } from '../../../components/page';
import { useSession } from '../../../lib/session';
import { useAuthConfig } from '../api/config';
import { LoginForm } from '../components/login-form';
import { buttonClass } from '../../../components/button';

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
  const config = useAuthConfig();

  if (session.isPending || config.isPending) return <Loading />;
  if (session.data) return <Navigate to={safeReturnPath(state.from)} replace />;
  // Without the settings (an old server, a network error) the password form is shown, as it always was.
  const oidc = config.data?.oidc ?? null;
  const passwordLogin = config.data?.passwordLogin ?? true;
  const startUrl = oidc ? `${oidc.startUrl}?returnTo=${encodeURIComponent(safeReturnPath(state.from))}` : '';

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
                {oidc ? (
                  <p className="mt-3 mb-0">
                    <a href={oidc.logoutUrl} data-testid="sso-logout">
                      {t('auth.ssoLogout')}
                    </a>
                  </p>
                ) : null}
              </Alert>
            </div>
          ) : null}
          {oidc ? (
            <>
              <p>{t('auth.ssoIntro')}</p>
              {/* A navigation of the whole page: the provider's sign-in page, then back to the callback. */}
              <a className={buttonClass('primary')} href={startUrl} data-testid="sso-login">
                {oidc.label}
              </a>
            </>
          ) : null}
          {oidc && passwordLogin ? <h2 className="h3 mt-7">{t('auth.orPassword')}</h2> : null}
          {passwordLogin ? (
            <>
              <p>{t('auth.intro')}</p>
              <LoginForm onSignedIn={onSignedIn} />
            </>
          ) : (
            <details className="details mt-7" data-testid="break-glass">
              <summary className="details-summary">{t('auth.breakGlass')}</summary>
              <div className="details-text">
                <p>{t('auth.breakGlassHint')}</p>
                <LoginForm onSignedIn={onSignedIn} />
              </div>
            </details>
          )}
        </div>
      </div>
    </Page>
  );
}
