import { ChangePasswordRequest, type CurrentUser } from '@contracts/auth.js';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type SummaryItem, useErrorSummaryFocus } from '../../../components/error-summary';
import { useErrorMessage } from '../../../components/error-message';
import { TextField } from '../../../components/form-fields';
import { fieldErrorsFrom, isApiError } from '../../../lib/api-client';
import { useFieldErrors } from '../../../lib/use-field-errors';
import { useChangePassword } from '../api/password';
import { Button } from '../../../components/button';

const FIELDS = ['currentPassword', 'newPassword', 'repeat'] as const;
type Field = (typeof FIELDS)[number];
const fieldId = (f: Field) => `change-password-${f}`;

/**
 * The change-password form's state: values, field errors and the general error of the last attempt, checked with
 * the contract (and the repeat against the new password) before sending, and the server's answer at its field.
 */
function useChangePasswordForm(onChanged: (user: CurrentUser) => void) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const change = useChangePassword();
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', repeat: '' });
  const { errors, setErrors, clear } = useFieldErrors<Record<Field, string>>();
  const [formError, setFormError] = useState<string | null>(null);
  const { summaryRef, failedAttempt } = useErrorSummaryFocus();

  const set = (key: Field, value: string) => setValues((v) => ({ ...v, [key]: value }));
  // What the person types takes away that field's error; "repeat" is judged against the new password too.
  const edit = (key: Field, value: string) => {
    set(key, value);
    if (key === 'newPassword') clear('newPassword', 'repeat');
    else clear(key);
  };

  const fail = (fields: Partial<Record<Field, string>>, general: string | null) => {
    setErrors(fields);
    setFormError(general);
    failedAttempt();
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const parsed = ChangePasswordRequest.safeParse({ currentPassword: values.currentPassword, newPassword: values.newPassword });
    const fields: Partial<Record<Field, string>> = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        if (key === 'currentPassword') fields.currentPassword ??= t('auth.changePassword.validation.currentPassword');
        if (key === 'newPassword') {
          fields.newPassword ??= issue.code === 'custom' ? t('auth.changePassword.validation.same') : t('auth.changePassword.validation.newPassword');
        }
      }
    }
    if (!fields.newPassword && values.repeat !== values.newPassword) fields.repeat = t('auth.changePassword.validation.repeat');
    if (!parsed.success || Object.keys(fields).length > 0) {
      fail(fields, null);
      return;
    }
    change.mutate(parsed.data, {
      onSuccess: ({ user }) => {
        setValues({ currentPassword: '', newPassword: '', repeat: '' });
        setErrors({});
        setFormError(null);
        onChanged(user);
      },
      onError: (error) => {
        const fromServer = fieldErrorsFrom(error);
        const found: Partial<Record<Field, string>> = {};
        if (fromServer.currentPassword) found.currentPassword = fromServer.currentPassword;
        if (fromServer.newPassword) found.newPassword = fromServer.newPassword;
        if (isApiError(error) && error.code === 'WRONG_CURRENT_PASSWORD') found.currentPassword = errorMessage(error);
        fail(found, Object.keys(found).length ? null : errorMessage(error));
        // A rejected current password is not kept in the field.
        if (found.currentPassword) set('currentPassword', '');
      },
    });
  };

  const items: SummaryItem[] = [
    ...(formError ? [{ message: formError }] : []),
    ...FIELDS.flatMap((f) => (errors[f] ? [{ fieldId: fieldId(f), message: errors[f] }] : [])),
  ];

  return { values, errors, edit, onSubmit, items, summaryRef, pending: change.isPending };
}

/**
 * The person's own new password, confirmed with the current one (after a reset: the temporary one). Checked
 * with the server's contract first; the server's Danish message is shown at the field it concerns.
 */
export function ChangePasswordForm({ forced, onChanged }: { forced: boolean; onChanged: (user: CurrentUser) => void }) {
  const { t } = useTranslation();
  const { values, errors, edit, onSubmit, items, summaryRef, pending } = useChangePasswordForm(onChanged);

  return (
    <form onSubmit={onSubmit} noValidate data-testid="change-password-form">
      <ErrorSummary ref={summaryRef} items={items} testId="change-password-errors" />
      <TextField
        id={fieldId('currentPassword')}
        type="password"
        label={forced ? t('auth.changePassword.currentForced') : t('auth.changePassword.current')}
        autoComplete="current-password"
        required
        value={values.currentPassword}
        error={errors.currentPassword}
        onChange={(e) => edit('currentPassword', e.target.value)}
      />
      <TextField
        id={fieldId('newPassword')}
        type="password"
        label={t('auth.changePassword.next')}
        hint={t('auth.changePassword.nextHint')}
        autoComplete="new-password"
        required
        minLength={12}
        value={values.newPassword}
        error={errors.newPassword}
        onChange={(e) => edit('newPassword', e.target.value)}
      />
      <TextField
        id={fieldId('repeat')}
        type="password"
        label={t('auth.changePassword.repeat')}
        autoComplete="new-password"
        required
        value={values.repeat}
        error={errors.repeat}
        onChange={(e) => edit('repeat', e.target.value)}
      />
      <div className="mt-6">
        <Button variant="primary" type="submit" disabled={pending}>
          {pending ? t('auth.changePassword.submitting') : t('auth.changePassword.submit')}
        </Button>
      </div>
    </form>
  );
}
