import { EMPTY_REASONS, type Measure } from '@contracts/insights.js';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';

type EmptyKey = keyof typeof EMPTY_REASONS;
const EMPTY_KEYS = Object.keys(EMPTY_REASONS) as EmptyKey[];

/**
 * The server's reason for a measure it does not show. Danish readers get the server's words as they are; in
 * English the known reasons are translated and anything else falls back to the Danish text.
 */
export function useReasonText(): (reason: string, suppressed?: boolean) => string {
  const { t, i18n } = useTranslation();
  return (reason, suppressed = false) => {
    if (i18n.resolvedLanguage === 'da') return reason;
    if (suppressed) return t('insights.suppressed');
    const key = EMPTY_KEYS.find((k) => EMPTY_REASONS[k] === reason);
    return key ? t(`insights.empty.${key}`) : reason;
  };
}

/**
 * One measure in its state: the value when at least 3 people are behind it, otherwise the reason in plain words.
 * Zeros are never drawn for a measure without data, so nobody reads "0 minutes saved" as a result.
 */
export function MeasureView<T>({
  measure,
  testId,
  children,
}: {
  measure: Measure<T>;
  testId: string;
  children: (value: T) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const reasonText = useReasonText();
  if (measure.status === 'ok') {
    return (
      <div data-testid={testId} data-status="ok">
        {children(measure.value)}
        <p className="small-text">{t('insights.basedOn', { count: measure.people, n: formatNumber(measure.people, i18n.language) })}</p>
      </div>
    );
  }
  return (
    <div data-testid={testId} data-status={measure.status}>
      <p className={measure.status === 'suppressed' ? 'weight-semibold' : undefined}>
        {reasonText(measure.reason, measure.status === 'suppressed')}
      </p>
    </div>
  );
}
