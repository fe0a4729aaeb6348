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

/** "a, b og c" / "a, b and c", in the language the person chose. */
export function useListFormat(): (items: string[]) => string {
  const { i18n } = useTranslation();
  const format = new Intl.ListFormat(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'da-DK', {
    style: 'long',
    type: 'conjunction',
  });
  return (items) => format.format(items);
}
