import type { Role } from '@contracts/auth.js';
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { CHANGE_PASSWORD_PATH, ChangePasswordPage } from '../features/auth/routes/change-password-page';
import { TrialsPage } from '../features/trials/routes/trials-page';
import { AppLayout } from './layout/app-layout';
import { ROUTE_ROLES } from './layout/nav-items';
import { ErrorPage } from './routes/error-page';
import { RequireAuth, RequireRole } from './routes/guards';
import { HomePage } from './routes/home-page';
import { LoginRoute } from './routes/login-route';
import { NotFoundPage } from './routes/not-found-page';

/**
 * The sign-in page, the front page and the list of trials it leads to (under 1 KB compressed, and built from the
 * front page's components) come with the app; every other page is its own chunk, which the router loads when a
 * person first goes there (the previous page stays until it has arrived). The charts library is needed only by the two
 * insights pages that draw charts, so nobody else downloads it (web/vite.config.ts keeps it in a chunk of its own).
 */
const pageLoaders: (() => Promise<unknown>)[] = [];

/** A route's `lazy`: the page's module, shown only to `roles` when given (RequireRole). */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K, roles?: readonly Role[]) {
  pageLoaders.push(load);
  return async (): Promise<Pick<RouteObject, 'element'>> => {
    const Page: ComponentType = (await load())[name];
    return {
      element: roles ? (
        <RequireRole roles={roles}>
          <Page />
        </RequireRole>
      ) : (
        <Page />
      ),
    };
  };
}

/** Fetches every page's code at once: web tests call it, so that a page's first visit does not wait for a transform. */
export function preloadPages(): Promise<unknown> {
  return Promise.all(pageLoaders.map((load) => load()));
}

const AuditPage = page(() => import('../features/audit/routes/audit-page'), 'AuditPage', ROUTE_ROLES.audit);
const BoardPage = page(() => import('../features/insights/routes/board-page'), 'BoardPage', ROUTE_ROLES.insights);
const PublicRegisterPage = page(() => import('../features/insights/routes/public-register-page'), 'PublicRegisterPage');
const TrialInsightsPage = page(() => import('../features/insights/routes/trial-insights-page'), 'TrialInsightsPage');
const CompliancePage = page(() => import('../features/compliance/routes/compliance-page'), 'CompliancePage');
const PoliciesPage = page(() => import('../features/policies/routes/policies-page'), 'PoliciesPage');
const PolicyPage = page(() => import('../features/policies/routes/policy-page'), 'PolicyPage');
const JobsPage = page(() => import('../features/jobs/routes/jobs-page'), 'JobsPage', ROUTE_ROLES.jobs);
const RetentionPage = page(() => import('../features/retention/routes/retention-page'), 'RetentionPage', ROUTE_ROLES.retention);
const RunDetailPage = page(() => import('../features/runs/routes/run-detail-page'), 'RunDetailPage');
const RunsListPage = page(() => import('../features/runs/routes/runs-list-page'), 'RunsListPage');
const BriefingPage = page(() => import('../features/trials/routes/briefing-page'), 'BriefingPage');
const NewTrialPage = page(() => import('../features/trials/routes/trial-form-page'), 'NewTrialPage');
const EditTrialPage = page(() => import('../features/trials/routes/trial-form-page'), 'EditTrialPage');
const TrialPage = page(() => import('../features/trials/routes/trial-page'), 'TrialPage');
const UsersPage = page(() => import('../features/users/routes/users-page'), 'UsersPage', ROUTE_ROLES.users);
const RunRoute = page(() => import('./routes/run-route'), 'RunRoute');

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
      { path: '/ai-register', lazy: PublicRegisterPage },
      {
        element: <RequireAuth />,
        children: [
          { path: '/', element: <HomePage /> },
          { path: CHANGE_PASSWORD_PATH, element: <ChangePasswordPage /> },
          { path: '/proevehandlinger', element: <TrialsPage /> },
          { path: '/proevehandlinger/ny', lazy: NewTrialPage },
          { path: '/proevehandlinger/:trialId', lazy: TrialPage },
          { path: '/proevehandlinger/:trialId/rediger', lazy: EditTrialPage },
          { path: '/proevehandlinger/:trialId/introduktion', lazy: BriefingPage },
          { path: '/proevehandlinger/:trialId/indsigt', lazy: TrialInsightsPage },
          { path: '/proevehandlinger/:trialId/dokumentation', lazy: CompliancePage },
          { path: '/proevehandlinger/:trialId/assistent/:assistant', lazy: RunRoute },
          { path: '/koersler', lazy: RunsListPage },
          { path: '/koersler/:runId', lazy: RunDetailPage },
          { path: '/datapolitikker', lazy: PoliciesPage },
          { path: '/datapolitikker/:id', lazy: PolicyPage },
          { path: '/brugere', lazy: UsersPage },
          { path: '/opbevaring', lazy: RetentionPage },
          { path: '/baggrundsjob', lazy: JobsPage },
          { path: '/indsigt', lazy: BoardPage },
          { path: '/revisionsspor', lazy: AuditPage },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
