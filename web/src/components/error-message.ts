import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client';

/**
 * Turns any thrown value into the sentence a person reads. The server's messages are Danish and say what to
 * do next; in English the same code is looked up instead, falling back to the server's Danish text.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error: unknown) => {
    if (isApiError(error)) {
      if (error.code === 'NETWORK_ERROR') return t('errors.network');
      if (error.code === 'INVALID_RESPONSE') return t('errors.invalidResponse');
      if (i18n.resolvedLanguage !== 'da') {
        const key = `apiErrors.${error.code}`;
        if (i18n.exists(key)) return t(key as 'apiErrors.INTERNAL');
      }
      return error.message;
    }
    return t('errors.invalidResponse');
  };
}
