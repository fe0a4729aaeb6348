import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/** Sets the browser tab's title: the page first, then the service, so tabs and history read well. */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  const suffix = t('app.titleSuffix');
  useEffect(() => {
    document.title = `${title} – ${suffix}`;
  }, [title, suffix]);
}

/**
 * Every page: one `<h1>`, the document title, and focus on the heading after client-side navigation so that
 * screen-reader and keyboard users start at the new content (the first page load keeps the browser's default).
 */
export function Page({
  title,
  heading,
  lead,
  children,
  testId,
  headingProps,
}: {
  title: string;
  heading?: string;
  lead?: ReactNode;
  children?: ReactNode;
  testId?: string;
  headingProps?: Record<`data-${string}`, string>;
}) {
  useDocumentTitle(title);
  const ref = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  useEffect(() => {
    if (location.key !== 'default') ref.current?.focus();
  }, [location.key]);
  return (
    <div className="page" data-testid={testId}>
      <h1 ref={ref} tabIndex={-1} className="page-heading" data-testid="page-heading" {...headingProps}>
        {heading ?? title}
      </h1>
      {lead ? <p className="font-lead">{lead}</p> : null}
      {children}
    </div>
  );
}

/** DKFDS spinner with a status text that screen readers announce. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="spinner-box my-5">
      <div className="spinner" aria-hidden="true" />
      <div className="spinner-status" role="status">
        {label ?? t('app.loading')}
      </div>
    </div>
  );
}
