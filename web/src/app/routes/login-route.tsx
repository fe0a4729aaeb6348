import type { CurrentUser } from '@contracts/auth.js';
import { LoginPage } from '../../features/auth/routes/login-page';
import { useSaveLocale } from '../../lib/session';
import { currentLocale, setLocale, storedLocale } from '../i18n';

/**
 * Sign-in plus the language rule: a language chosen in this browser wins and is saved on the account;
 * otherwise the account's saved language is used.
 */
export function LoginRoute() {
  const save = useSaveLocale();
  const onSignedIn = (user: CurrentUser) => {
    const chosen = storedLocale();
    if (chosen && chosen !== user.locale) save.mutate(chosen);
    else if (!chosen && user.locale !== currentLocale()) void setLocale(user.locale);
  };
  return <LoginPage onSignedIn={onSignedIn} />;
}
