import type { Locale } from '@contracts/auth.js';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icon';
import { useSaveLocale, useSession } from '../../lib/session';
import { setLocale } from '../i18n';

/**
 * One button that switches between Danish and English. Its text is the other language's name in that
 * language (with `lang`), as on borger.dk. For signed-in people the choice is also saved on the account;
 * if that fails the switch still applies in this browser, so the failure is not shown.
 */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const save = useSaveLocale();
  const target = t('language.switchToCode') as Locale;

  const onClick = () => {
    void setLocale(target);
    if (session.data && session.data.locale !== target) save.mutate(target);
  };

  return (
    <button
      type="button"
      className={`function-link language-switch${className ? ` ${className}` : ''}`}
      lang={target}
      aria-label={t('language.switchLabel')}
      onClick={onClick}
      data-testid="language-switch"
    >
      <Icon name="language" />
      {t('language.switchTo')}
    </button>
  );
}
