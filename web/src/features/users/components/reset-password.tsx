import type { UserSummary } from '@contracts/users.js';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';

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
            <Button variant="primary" type="button" disabled={pending} onClick={onConfirm}>
              {pending ? t('users.reset.resetting') : t('users.reset.confirm')}
            </Button>
            <Button variant="secondary" type="button" onClick={onCancel}>
              {t('users.reset.cancel')}
            </Button>
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
          <Button variant="secondary" type="button" onClick={() => void copy()}>
            {t('users.reset.copy')}
          </Button>
          <Button variant="tertiary" type="button" onClick={onClose}>
            {t('users.reset.close')}
          </Button>
        </div>
        <p role="status" aria-live="polite" className="mt-3 mb-0" data-testid="temporary-password-copy-status">
          {copyStatus}
        </p>
      </Alert>
    </section>
  );
}
