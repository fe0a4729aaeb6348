import { useTranslation } from 'react-i18next';

/** Text the server sends in both languages, such as a policy's title or a plain-language rule. */
export interface Localized {
  da: string;
  en: string;
}

/** Picks the text in the language the person chose; Danish unless English is chosen. */
export function useLocalized(): (value: Localized) => string {
  const { i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';
  return (value) => (english ? value.en : value.da);
}

/** "a, b og c" / "a, b and c" (or with `disjunction`: "a, b eller c" / "a, b or c"), in the language the person chose. */
export function useListFormat(type: 'conjunction' | 'disjunction' = 'conjunction'): (items: string[]) => string {
  const { i18n } = useTranslation();
  const format = new Intl.ListFormat(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'da-DK', {
    style: 'long',
    type,
  });
  return (items) => format.format(items);
}
