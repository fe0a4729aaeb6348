import type { Locale } from '@contracts/auth.js';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { da } from './da';

export const LOCALE_STORAGE_KEY = 'pw.locale';
export const SUPPORTED_LOCALES: readonly Locale[] = ['da', 'en'];
export const resources = { da: { translation: da } } as const;

const isLocale = (v: unknown): v is Locale => v === 'da' || v === 'en';

export function storedLocale(): Locale | undefined {
  try {
    const v = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(v) ? v : undefined;
  } catch {
    // Storage can be blocked (private mode, strict settings); Danish is then the default.
    return undefined;
  }
}

function reflectLocale(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

/** The app's one i18next instance: Danish unless the person chose English in this browser. */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  // English comes when it is chosen (loadEnglish): most people never do, and it would be a tenth of the first
  // page's code (docs/decisions/0014).
  lng: 'da',
  fallbackLng: 'da',
  supportedLngs: [...SUPPORTED_LOCALES],
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
});
reflectLocale(i18n.language);
i18n.on('languageChanged', reflectLocale);

let english: Promise<void> | null = null;
/** Loads the English texts once; a failed load (offline) is tried again at the next choice. */
export function loadEnglish(): Promise<void> {
  english ??= import('./en').then(
    ({ en }) => {
      i18n.addResourceBundle('en', 'translation', en, true, true);
    },
    (e: unknown) => {
      english = null;
      throw e;
    },
  );
  return english;
}

/** Resolves when the language chosen in this browser is ready: at once for Danish, after loading for English. */
export const i18nReady: Promise<void> =
  storedLocale() === 'en' ? loadEnglish().then(() => i18n.changeLanguage('en').then(() => undefined), () => undefined) : Promise.resolve();

export function currentLocale(): Locale {
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'da';
}

/** Changes the language, remembers it in this browser and updates `<html lang>`. */
export async function setLocale(locale: Locale): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not fatal: the choice then lasts until the page is reloaded.
  }
  if (locale === 'en') await loadEnglish();
  await i18n.changeLanguage(locale);
}
