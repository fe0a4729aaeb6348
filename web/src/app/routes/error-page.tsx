import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';

/**
 * Shown when a page fails while rendering (a bug, not an API error: those are shown on the page itself).
 * Stands alone, because the layout may be what failed; it tells the person what to do, never the internals.
 */
export function ErrorPage() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t('errorPage.pageTitle')} – ${t('app.titleSuffix')}`;
  }, [t]);
  return (
    <main id="main-content" className="container page-container" data-testid="error-page">
      <h1>{t('errorPage.heading')}</h1>
      <p>{t('errorPage.text')}</p>
      <p>
        <Button variant="primary" type="button" onClick={() => window.location.reload()}>
          {t('errorPage.reload')}
        </Button>
      </p>
    </main>
  );
}
