import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/page';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('forbidden.pageTitle')} heading={t('forbidden.heading')} testId="forbidden-page">
      <p>{t('forbidden.text')}</p>
      <p>
        <Link to="/">{t('forbidden.home')}</Link>
      </p>
    </Page>
  );
}
