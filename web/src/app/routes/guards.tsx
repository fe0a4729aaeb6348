import type { Role } from '@contracts/auth.js';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { AsyncErrorRegion } from '../../components/alert';
import { Loading } from '../../components/page';
import type { LoginLocationState } from '../../features/auth/routes/login-page';
import { sessionEndReason, useSession } from '../../lib/session';
import { ForbiddenPage } from './forbidden-page';

/** Pages below need a signed-in person; anyone else is sent to sign in and brought back afterwards. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <AsyncErrorRegion error={session.error} />;
  if (!session.data) {
    const reason = sessionEndReason();
    // After sign-out the next person starts on the front page; otherwise come back to where you were.
    const from = reason === 'loggedOut' ? undefined : `${location.pathname}${location.search}`;
    const state: LoginLocationState = { ...(from ? { from } : {}), ...(reason ? { reason } : {}) };
    return <Navigate to="/log-ind" replace state={state} />;
  }
  return <Outlet />;
}

/**
 * Shows the page only to the listed roles; others get "Du har ikke adgang til denne side" at the same address.
 * The server enforces the same rule; this only spares people a page of errors.
 */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const session = useSession();
  if (!session.data || !roles.includes(session.data.role)) return <ForbiddenPage />;
  return <>{children}</>;
}
