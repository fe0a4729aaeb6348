import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration } from 'react-router';
import { useSession } from '../../lib/session';
import { UnsavedChangesBoundary } from '../../lib/use-unsaved-changes';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

/** Skip link, header, main and footer landmarks around every page, signed in or not. */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <>
      <a className="skipnav" href="#main-content">
        {t('app.skipLink')}
      </a>
      <SiteHeader user={session.data ?? null} />
      <main id="main-content" className="container page-container" tabIndex={-1}>
        <UnsavedChangesBoundary>
          <Outlet />
        </UnsavedChangesBoundary>
      </main>
      <SiteFooter />
      <ScrollRestoration />
    </>
  );
}
