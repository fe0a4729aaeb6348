import { type Ref, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './icon';

export interface SummaryItem {
  /** id of the field the message belongs to; the link moves focus there */
  fieldId?: string;
  message: string;
}

/**
 * DKFDS error summary: an error alert listing every problem, each linked to its field. The caller moves focus
 * here after a failed submit (tabIndex -1), which also makes screen readers read it.
 */
export function ErrorSummary({
  items,
  lead,
  testId,
  ref,
}: {
  items: SummaryItem[];
  /** A sentence above the list, when the items are the parts of one refusal (each said once, in the list). */
  lead?: string | undefined;
  testId?: string;
  ref?: Ref<HTMLDivElement>;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <div
      ref={ref}
      className="alert alert-error error-summary"
      tabIndex={-1}
      aria-labelledby="error-summary-heading"
      data-testid={testId}
    >
      <Icon name="error" className="alert-icon" />
      <div className="alert-body">
        <h2 className="alert-heading" id="error-summary-heading">
          {t('errors.summaryHeading')}
        </h2>
        {lead ? <p className="alert-text">{lead}</p> : null}
        <ul className="alert-text nobullet-list">
          {items.map((item, i) => (
            <li key={`${item.fieldId ?? 'general'}-${i}`}>
              {item.fieldId ? (
                <a
                  className="function-link"
                  href={`#${item.fieldId}`}
                  onClick={(e) => {
                    const el = item.fieldId ? document.getElementById(item.fieldId) : null;
                    if (el) {
                      e.preventDefault();
                      el.focus();
                    }
                  }}
                >
                  {item.message}
                </a>
              ) : (
                item.message
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/**
 * Focus for a form's error summary: call `failedAttempt()` after every failed submit, and focus moves to the
 * summary (rendered with `ref={summaryRef}`), also when its message is the same as last time, so that a screen
 * reader reads it out again.
 */
export function useErrorSummaryFocus() {
  const summaryRef = useRef<HTMLDivElement>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt > 0) summaryRef.current?.focus();
  }, [attempt]);
  const failedAttempt = useCallback(() => setAttempt((n) => n + 1), []);
  return { summaryRef, failedAttempt };
}
