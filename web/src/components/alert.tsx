import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client';
import { useErrorMessage } from './error-message';
import { Icon } from './icon';

type Variant = 'info' | 'success' | 'warning' | 'error';

const ICONS: Record<Variant, string> = { info: 'info', success: 'success', warning: 'warning', error: 'error' };

/** DKFDS alert. The icon is decorative: the heading or text says what kind of message it is. */
export function Alert({
  variant,
  heading,
  headingLevel = 2,
  children,
  id,
  testId,
}: {
  variant: Variant;
  heading?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  children?: ReactNode;
  id?: string;
  testId?: string;
}) {
  const H = (['h2', 'h3', 'h4'] as const)[headingLevel - 2] ?? 'h2';
  return (
    <div className={`alert alert-${variant}`} id={id} data-testid={testId}>
      <Icon name={ICONS[variant]} className="alert-icon" />
      <div className="alert-body">
        {heading ? <H className="alert-heading">{heading}</H> : null}
        {children ? <div className="alert-text">{children}</div> : null}
      </div>
    </div>
  );
}

/**
 * A live region that is always in the page, so screen readers announce an error the moment it appears
 * (a region inserted together with its text is often not announced).
 */
export function AsyncErrorRegion({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <div aria-live="assertive" aria-atomic="true" data-testid={testId}>
      {error ? (
        <Alert variant="error" heading={t('errors.summaryHeading')} headingLevel={2}>
          <p className="m-0">{message(error)}</p>
          {isApiError(error) && error.requestId ? (
            <p className="mt-2 mb-0 small-text">{t('errors.requestId', { id: error.requestId })}</p>
          ) : null}
        </Alert>
      ) : null}
    </div>
  );
}

/** Polite live region for confirmations ("Brugeren er oprettet"). */
export function StatusRegion({ message, testId }: { message: string | null; testId?: string }) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true" data-testid={testId}>
      {message ? (
        <Alert variant="success">
          <p className="m-0">{message}</p>
        </Alert>
      ) : null}
    </div>
  );
}
