import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

interface FieldBase {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
}

/** ids of the hint and error text, in the order a screen reader should read them after the label */
function describedBy(id: string, hint?: string, error?: string, extra?: string): string | undefined {
  const ids = [extra ?? null, hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldFrame({ id, label, hint, error, children }: FieldBase & { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="form-error-message" id={`${id}-error`}>
          <span className="sr-only">{t('errors.prefix')} </span>
          {error}
        </span>
      ) : null}
      {children}
    </div>
  );
}

/** DKFDS text input: label tied by id, hint and error tied by aria-describedby, aria-invalid on error. */
export function TextField({
  id,
  label,
  hint,
  error,
  className,
  ...input
}: FieldBase & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        className={`form-input${className ? ` ${className}` : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </FieldFrame>
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  children,
  className,
  ...select
}: FieldBase & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & { children: ReactNode }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        className={`form-select${className ? ` ${className}` : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

/**
 * DKFDS textarea, tied to its label, hint and error like TextField. `alsoDescribedBy` names other elements on
 * the page that a screen reader should read with the field (for example a note above the form).
 */
export function TextAreaField({
  id,
  label,
  hint,
  error,
  className,
  alsoDescribedBy,
  ...textarea
}: FieldBase & { alsoDescribedBy?: string } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        className={`form-input${className ? ` ${className}` : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error, alsoDescribedBy)}
        {...textarea}
      />
    </FieldFrame>
  );
}

/**
 * DKFDS checkbox with its label beside it. `.form-group-checkbox` is the positioned box the design system draws
 * the square in; without it the square lands at the corner of the nearest positioned ancestor (often the page).
 * With an error, the box sits in a `.form-group.form-error` with the message above it, tied by aria-describedby.
 */
export function CheckboxField({
  id,
  label,
  hint,
  error,
  ...input
}: { id: string; label: ReactNode; hint?: string; error?: string | undefined } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'type' | 'className'
>) {
  const { t } = useTranslation();
  const describedByIds = [input['aria-describedby'], hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  // One tree with or without an error, so that the box the person just ticked keeps its focus when the error goes.
  return (
    <div className={error ? 'form-group form-error' : undefined}>
      {error ? (
        <span className="form-error-message" id={`${id}-error`}>
          <span className="sr-only">{t('errors.prefix')} </span>
          {error}
        </span>
      ) : null}
      <div className="form-group-checkbox">
        <input
          {...input}
          id={id}
          type="checkbox"
          className="form-checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedByIds || undefined}
        />
        <label htmlFor={id}>{label}</label>
        {hint ? (
          <span className="form-hint" id={`${id}-hint`}>
            {hint}
          </span>
        ) : null}
      </div>
    </div>
  );
}
