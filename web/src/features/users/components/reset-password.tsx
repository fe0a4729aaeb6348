import type { UserSummary } from '@contracts/users.js';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';

/** Asks before resetting: the person is signed out everywhere at once. */
export function ResetPasswordRow({
  user,
  colSpan,
  pending,
  onConfirm,
  onCancel,
}: {
  user: UserSummary;
  colSpan: number;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const id = `reset-${user.id}`;
  return (
    <tr className="edit-row">
      <td colSpan={colSpan}>
        <div role="group" aria-labelledby={`${id}-heading`} data-testid="reset-password-confirm">
          <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1} className="h4 mt-0">
            {t('users.reset.confirmHeading', { name: user.name })}
          </h3>
          <p>{t('users.reset.confirmText', { name: user.name })}</p>
          <div className="button-group mt-5">
            <button type="button" className="button button-primary" disabled={pending} onClick={onConfirm}>
              {pending ? t('users.reset.resetting') : t('users.reset.confirm')}
            </button>
            <button type="button" className="button button-secondary" onClick={onCancel}>
              {t('users.reset.cancel')}
            </button>
          </div>
        </div>
      </td>
    </tr>
  );
}

/**
 * The temporary password, shown this once (the server keeps only its hash) with a copy button. Closing it
 * forgets it: there is no way to show it again, only to reset once more.
 */
export function TemporaryPassword({
  name,
  password,
  onClose,
}: {
  name: string;
  password: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copyStatus, setCopyStatus] = useState<string | null>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(password);
      setCopyStatus(t('users.reset.copied'));
    } catch {
      setCopyStatus(t('users.reset.copyFailed'));
    }
  };

  return (
    <section className="mb-6" aria-labelledby="temporary-password-heading" data-testid="temporary-password">
      <Alert variant="warning">
        <h2 id="temporary-password-heading" ref={headingRef} tabIndex={-1} className="alert-heading">
          {t('users.reset.resultHeading', { name })}
        </h2>
        <p>{t('users.reset.resultText')}</p>
        <p>
          <span className="sr-only">{t('users.reset.passwordLabel')}: </span>
          <code className="temporary-password" data-testid="temporary-password-value" translate="no">
            {password}
          </code>
        </p>
        <div className="button-group">
          <button type="button" className="button button-secondary" onClick={() => void copy()}>
            {t('users.reset.copy')}
          </button>
          <button type="button" className="button button-tertiary" onClick={onClose}>
            {t('users.reset.close')}
          </button>
        </div>
        <p role="status" aria-live="polite" className="mt-3 mb-0" data-testid="temporary-password-copy-status">
          {copyStatus}
        </p>
      </Alert>
    </section>
  );
}
