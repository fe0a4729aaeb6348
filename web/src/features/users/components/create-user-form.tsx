import type { Role } from '@contracts/auth.js';
import { CreateUserRequest, type UnitList, type UserSummary } from '@contracts/users.js';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type SummaryItem, useErrorSummaryFocus } from '../../../components/error-summary';
import { useErrorMessage } from '../../../components/error-message';
import { SelectField, TextField } from '../../../components/form-fields';
import { fieldErrorsFrom, isApiError } from '../../../lib/api-client';
import { useFieldErrors } from '../../../lib/use-field-errors';
import { useCreateUser } from '../api/users';
import { RoleOptions, UnitOptions } from './role-options';
import { Button } from '../../../components/button';

const FIELDS = ['name', 'email', 'role', 'unitId', 'password'] as const;
type Field = (typeof FIELDS)[number];
const isField = (k: unknown): k is Field => (FIELDS as readonly unknown[]).includes(k);
const fieldId = (f: Field) => `create-user-${f}`;

interface Values {
  name: string;
  email: string;
  role: Role;
  unitId: string;
  password: string;
}
const EMPTY: Values = { name: '', email: '', role: 'EMPLOYEE', unitId: '', password: '' };

/**
 * The create-user form's state: values, field errors and the general error of the last attempt, checked with the
 * contract before sending and mapped back to fields from the server's answer.
 */
function useCreateUserForm(onCreated: (user: UserSummary) => void) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const create = useCreateUser();
  const [values, setValues] = useState<Values>(EMPTY);
  const { errors, setErrors, clear } = useFieldErrors<Record<Field, string>>();
  const [formError, setFormError] = useState<string | null>(null);
  const { summaryRef, failedAttempt } = useErrorSummaryFocus();

  // What the person enters takes away that field's error from the last attempt.
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    clear(key);
  };

  const fail = (fields: Partial<Record<Field, string>>, general: string | null) => {
    setErrors(fields);
    setFormError(general);
    failedAttempt();
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const parsed = CreateUserRequest.safeParse(values);
    if (!parsed.success) {
      const fields: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        if (isField(key) && !fields[key]) fields[key] = t(`users.validation.${key}`);
      }
      fail(fields, null);
      return;
    }
    create.mutate(parsed.data, {
      onSuccess: ({ user }) => {
        setValues(EMPTY);
        setErrors({});
        setFormError(null);
        onCreated(user);
      },
      onError: (error) => {
        const fromServer = fieldErrorsFrom(error);
        const fields: Partial<Record<Field, string>> = {};
        for (const [k, msg] of Object.entries(fromServer)) if (isField(k)) fields[k] = msg;
        if (isApiError(error) && error.code === 'EMAIL_TAKEN') fields.email = errorMessage(error);
        fail(fields, Object.keys(fields).length ? null : errorMessage(error));
      },
    });
  };

  const items: SummaryItem[] = [
    ...(formError ? [{ message: formError }] : []),
    ...FIELDS.flatMap((f) => (errors[f] ? [{ fieldId: fieldId(f), message: errors[f] }] : [])),
  ];

  return { values, errors, set, onSubmit, items, summaryRef, pending: create.isPending };
}

export function CreateUserForm({
  units,
  onCreated,
}: {
  units: UnitList['units'];
  onCreated: (user: UserSummary) => void;
}) {
  const { t } = useTranslation();
  const { values, errors, set, onSubmit, items, summaryRef, pending } = useCreateUserForm(onCreated);

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="create-user-heading" data-testid="create-user-form">
      <h2 id="create-user-heading">{t('users.create.heading')}</h2>
      <ErrorSummary ref={summaryRef} items={items} testId="create-user-errors" />
      <TextField
        id={fieldId('name')}
        label={t('users.create.name')}
        autoComplete="off"
        required
        value={values.name}
        error={errors.name}
        onChange={(e) => set('name', e.target.value)}
      />
      <TextField
        id={fieldId('email')}
        type="email"
        label={t('users.create.email')}
        autoComplete="off"
        spellCheck={false}
        required
        value={values.email}
        error={errors.email}
        onChange={(e) => set('email', e.target.value)}
      />
      <SelectField
        id={fieldId('role')}
        label={t('users.create.role')}
        required
        value={values.role}
        error={errors.role}
        onChange={(e) => set('role', e.target.value as Role)}
      >
        <RoleOptions />
      </SelectField>
      <SelectField
        id={fieldId('unitId')}
        label={t('users.create.unit')}
        required
        value={values.unitId}
        error={errors.unitId}
        onChange={(e) => set('unitId', e.target.value)}
      >
        <option value="">{t('users.create.chooseUnit')}</option>
        <UnitOptions units={units} />
      </SelectField>
      <TextField
        id={fieldId('password')}
        type="password"
        label={t('users.create.password')}
        hint={t('users.create.passwordHint')}
        autoComplete="new-password"
        required
        minLength={12}
        value={values.password}
        error={errors.password}
        onChange={(e) => set('password', e.target.value)}
      />
      <div className="mt-6">
        <Button variant="primary" type="submit" disabled={pending}>
          {pending ? t('users.create.submitting') : t('users.create.submit')}
        </Button>
      </div>
    </form>
  );
}
