import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';

/** The board's one decimal, for a number that a translation formats (`{{count, number}}`). */
export const round1 = (x: number) => Math.round(x * 10) / 10;

/** Numbers as people read them on the board: whole numbers as they are, others with one decimal, shares in %. */
export function useNumbers() {
  const { i18n } = useTranslation();
  const locale = i18n.language.startsWith('en') ? 'en-GB' : 'da-DK';
  return {
    n: (x: number) => formatNumber(round1(x), i18n.language),
    share: (x: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(x),
  };
}
