import type { CurrentUser } from '@contracts/auth.js';
import { LoginRequest } from '@contracts/auth.js';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type SummaryItem, useErrorSummaryFocus } from '../../../components/error-summary';
import { useErrorMessage } from '../../../components/error-message';
import { TextField } from '../../../components/form-fields';
import { fieldErrorsFrom } from '../../../lib/api-client';
import { useFieldErrors } from '../../../lib/use-field-errors';
import { useLogin } from '../api/login';
import { Button } from '../../../components/button';

type Field = 'email' | 'password';

/**
 * The sign-in form's state: the two fields, their errors and the general error of the last attempt, checked with
 * the contract before sending; a rejected password is emptied.
 */
function useLoginForm(onSignedIn: ((user: CurrentUser) => void) | undefined) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const login = useLogin(onSignedIn);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { errors: fieldErrors, setErrors: setFieldErrors, clear } = useFieldErrors<Record<Field, string>>();
  const [formError, setFormError] = useState<string | null>(null);
  const { summaryRef, failedAttempt } = useErrorSummaryFocus();

  const fail = (fields: Partial<Record<Field, string>>, general: string | null) => {
    setFieldErrors(fields);
    setFormError(general);
    failedAttempt();
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const parsed = LoginRequest.safeParse({ email, password });
    if (!parsed.success) {
      const fields: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        if (key === 'email' && !fields.email) {
          fields.email = email.trim() === '' ? t('auth.emailMissing') : t('auth.emailInvalid');
        }
        if (key === 'password' && !fields.password) fields.password = t('auth.passwordMissing');
      }
      fail(fields, null);
      return;
    }
    // On success the session is set and the sign-in page sends the person on.
    login.mutate(parsed.data, {
      onError: (error) => {
        const fromServer = fieldErrorsFrom(error);
        const fields: Partial<Record<Field, string>> = {};
        if (fromServer.email) fields.email = fromServer.email;
        if (fromServer.password) fields.password = fromServer.password;
        fail(fields, Object.keys(fields).length ? null : errorMessage(error));
        // Never keep a rejected password in the field.
        setPassword('');
      },
    });
  };

  const items: SummaryItem[] = [
    ...(formError ? [{ message: formError }] : []),
    ...(fieldErrors.email ? [{ fieldId: 'login-email', message: fieldErrors.email }] : []),
    ...(fieldErrors.password ? [{ fieldId: 'login-password', message: fieldErrors.password }] : []),
  ];

  return { email, setEmail, password, setPassword, fieldErrors, clear, onSubmit, items, summaryRef, pending: login.isPending };
}

/**
 * Sign-in form. Checks the fields with the same contract the server uses, then shows the server's own
 * (Danish) message on failure in an error summary that receives focus.
 */
export function LoginForm({ onSignedIn }: { onSignedIn?: (user: CurrentUser) => void }) {
  const { t } = useTranslation();
  const { email, setEmail, password, setPassword, fieldErrors, clear, onSubmit, items, summaryRef, pending } =
    useLoginForm(onSignedIn);

  return (
    <form onSubmit={onSubmit} noValidate data-testid="login-form">
      <ErrorSummary ref={summaryRef} items={items} testId="login-error-summary" />
      <TextField
        id="login-email"
        name="email"
        type="email"
        label={t('auth.email')}
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        required
        value={email}
        error={fieldErrors.email}
        onChange={(e) => {
          setEmail(e.target.value);
          clear('email');
        }}
      />
      <TextField
        id="login-password"
        name="password"
        type="password"
        label={t('auth.password')}
        autoComplete="current-password"
        required
        value={password}
        error={fieldErrors.password}
        onChange={(e) => {
          setPassword(e.target.value);
          clear('password');
        }}
      />
      <div className="mt-6">
        <Button variant="primary" type="submit" disabled={pending}>
          {pending ? t('auth.submitting') : t('auth.submit')}
        </Button>
      </div>
    </form>
  );
}
