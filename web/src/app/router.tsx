import type { RouteObject } from 'react-router';
import { AuditPage } from '../features/audit/routes/audit-page';
import { CHANGE_PASSWORD_PATH, ChangePasswordPage } from '../features/auth/routes/change-password-page';
import { BoardPage, PublicRegisterPage, TrialInsightsPage } from '../features/insights';
import { PoliciesPage } from '../features/policies/routes/policies-page';
import { PolicyPage } from '../features/policies/routes/policy-page';
import { RetentionPage } from '../features/retention';
import { RunDetailPage, RunsListPage } from '../features/runs';
import { TrialsPage } from '../features/trials/routes/trials-page';
import { BriefingPage } from '../features/trials/routes/briefing-page';
import { EditTrialPage, NewTrialPage } from '../features/trials/routes/trial-form-page';
import { TrialPage } from '../features/trials/routes/trial-page';
import { UsersPage } from '../features/users/routes/users-page';
import { AppLayout } from './layout/app-layout';
import { ROUTE_ROLES } from './layout/nav-items';
import { ErrorPage } from './routes/error-page';
import { RequireAuth, RequireRole } from './routes/guards';
import { RunRoute } from './routes/run-route';
import { HomePage } from './routes/home-page';
import { LoginRoute } from './routes/login-route';
import { NotFoundPage } from './routes/not-found-page';

/**
 * Danish paths, as the addresses are part of the interface. Unknown addresses show "Siden findes ikke" only to
 * signed-in people, so the sign-in wall does not reveal which pages exist.
 */
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <ErrorPage />,
    children: [
      { path: '/log-ind', element: <LoginRoute /> },
      // The public AI register is for everyone, signed in or not (AI Act transparency).
      { path: '/ai-register', element: <PublicRegisterPage /> },
      {
        element: <RequireAuth />,
        children: [
          { path: '/', element: <HomePage /> },
          { path: CHANGE_PASSWORD_PATH, element: <ChangePasswordPage /> },
          { path: '/proevehandlinger', element: <TrialsPage /> },
          { path: '/proevehandlinger/ny', element: <NewTrialPage /> },
          { path: '/proevehandlinger/:trialId', element: <TrialPage /> },
          { path: '/proevehandlinger/:trialId/rediger', element: <EditTrialPage /> },
          { path: '/proevehandlinger/:trialId/introduktion', element: <BriefingPage /> },
          { path: '/proevehandlinger/:trialId/indsigt', element: <TrialInsightsPage /> },
          { path: '/proevehandlinger/:trialId/assistent/:assistant', element: <RunRoute /> },
          { path: '/koersler', element: <RunsListPage /> },
          { path: '/koersler/:runId', element: <RunDetailPage /> },
          { path: '/datapolitikker', element: <PoliciesPage /> },
          { path: '/datapolitikker/:id', element: <PolicyPage /> },
          {
            path: '/brugere',
            element: (
              <RequireRole roles={ROUTE_ROLES.users}>
                <UsersPage />
              </RequireRole>
            ),
          },
          {
            path: '/opbevaring',
            element: (
              <RequireRole roles={ROUTE_ROLES.retention}>
                <RetentionPage />
              </RequireRole>
            ),
          },
          {
            path: '/indsigt',
            element: (
              <RequireRole roles={ROUTE_ROLES.insights}>
                <BoardPage />
              </RequireRole>
            ),
          },
          {
            path: '/revisionsspor',
            element: (
              <RequireRole roles={ROUTE_ROLES.audit}>
                <AuditPage />
              </RequireRole>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
