import type { Role } from '@contracts/auth.js';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { AsyncErrorRegion } from '../../components/alert';
import { Loading, Page } from '../../components/page';
import { CHANGE_PASSWORD_PATH, type ChangePasswordLocationState } from '../../features/auth/routes/change-password-page';
import type { LoginLocationState } from '../../features/auth/routes/login-page';
import { CurrentUserContext, sessionEndReason, useCurrentUser, useSession } from '../../lib/session';
import { ForbiddenPage } from './forbidden-page';
import { Button } from '../../components/button';

/** The server could not say who is signed in (network down, server error): say so and offer to try again. */
function SessionUnavailable({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <Page title={t('errorPage.pageTitle')} heading={t('errorPage.heading')}>
      <AsyncErrorRegion error={error} />
      <Button variant="primary" type="button" onClick={retry}>
        {t('errors.retry')}
      </Button>
    </Page>
  );
}

/** Pages below need a signed-in person; anyone else is sent to sign in and brought back afterwards. */
export function RequireAuth() {
  const session = useSession();
  const queryClient = useQueryClient();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <SessionUnavailable retry={() => void session.refetch()} error={session.error} />;
  if (!session.data) {
    const reason = sessionEndReason(queryClient);
    // After sign-out the next person starts on the front page; otherwise come back to where you were.
    const from = reason === 'loggedOut' ? undefined : `${location.pathname}${location.search}`;
    const state: LoginLocationState = { ...(from ? { from } : {}), ...(reason ? { reason } : {}) };
    return <Navigate to="/log-ind" replace state={state} />;
  }
  // After a reset the server answers nothing but the password change: hold the person there, then go on.
  if (session.data.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    const state: ChangePasswordLocationState = { from: `${location.pathname}${location.search}` };
    return <Navigate to={CHANGE_PASSWORD_PATH} replace state={state} />;
  }
  return (
    <CurrentUserContext.Provider value={session.data}>
      <Outlet />
    </CurrentUserContext.Provider>
  );
}

/**
 * Shows the page only to the listed roles; others get "Du har ikke adgang til denne side" at the same address.
 * The server enforces the same rule; this only spares people a page of errors.
 */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const user = useCurrentUser();
  if (!roles.includes(user.role)) return <ForbiddenPage />;
  return <>{children}</>;
}
