import { MinutesTemplateId } from '@contracts/minutes.js';
import type { AssistantId } from '@contracts/policies.js';
import { type ChangeEvent, type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button';
import { useErrorMessage } from '../../../components/error-message';
import { ErrorSummary, type SummaryItem, useErrorSummaryFocus } from '../../../components/error-summary';
import { SelectField, TextAreaField } from '../../../components/form-fields';
import { isApiError } from '../../../lib/api-client';
import { formatNumber } from '../../../lib/format';
import { useUnsavedChanges } from '../../../lib/use-unsaved-changes';
import { useExtractText } from '../api/trial-context';

const INPUT_ID = 'run-input';

/** The person's text for the assistant, its error, and whether it is unsaved work. */
export function useRunInput(assistant: AssistantId) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  // The text a finished run was made from: that text is no longer unsaved work, a change to it is.
  const [usedText, setUsedText] = useState<string | null>(null);
  useUnsavedChanges(text.trim() !== '' && text !== usedText);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const { summaryRef, failedAttempt } = useErrorSummaryFocus();

  const requireText = (): boolean => {
    if (text.trim() !== '') {
      setFieldError(null);
      return true;
    }
    setFieldError(t(`runs.${assistant}.empty`));
    failedAttempt();
    return false;
  };

  /** Typed or read from a file. The "paste the letter" error is about the empty field; once there is text it would be stale. */
  const replace = (next: string) => {
    setText(next);
    setFieldError(null);
  };

  return { text, replace, markUsed: setUsedText, fieldError, summaryRef, requireText };
}

type RunInput = ReturnType<typeof useRunInput>;

/** The text, the minutes' template, a file to read the text from, and the buttons to preview, run and stop. */
export function RunForm({
  assistant,
  maxChars,
  input,
  template,
  onTemplate,
  streaming,
  previewing,
  onPreview,
  onSubmit,
  onStop,
}: {
  assistant: AssistantId;
  maxChars: number | undefined;
  input: RunInput;
  template: MinutesTemplateId;
  onTemplate: (template: MinutesTemplateId) => void;
  streaming: boolean;
  previewing: boolean;
  onPreview: () => void;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  onStop: () => void;
}) {
  const { t, i18n } = useTranslation();
  const items: SummaryItem[] = input.fieldError ? [{ fieldId: INPUT_ID, message: input.fieldError }] : [];
  return (
    <form onSubmit={onSubmit} noValidate data-testid="run-form">
      <ErrorSummary ref={input.summaryRef} items={items} testId="run-errors" />
      <TextAreaField
        id={INPUT_ID}
        name="input"
        label={t(`runs.${assistant}.label`)}
        hint={maxChars ? t('runs.hintMax', { max: formatNumber(maxChars, i18n.language) }) : undefined}
        rows={12}
        spellCheck={false}
        autoComplete="off"
        value={input.text}
        error={input.fieldError ?? undefined}
        readOnly={streaming}
        onChange={(e) => input.replace(e.target.value)}
      />
      {assistant === 'minutes' ? <TemplateField value={template} onChange={onTemplate} disabled={streaming} /> : null}
      <FileLoader disabled={streaming} onLoaded={input.replace} />
      <RunActions previewing={previewing} streaming={streaming} onPreview={onPreview} onStop={onStop} />
    </form>
  );
}

/** The minutes' template (which headings the minutes get). */
function TemplateField({ value, onChange, disabled }: { value: MinutesTemplateId; onChange: (template: MinutesTemplateId) => void; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <SelectField
      id="run-template"
      name="template"
      label={t('runs.minutes.template')}
      hint={t('runs.minutes.templateHint')}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(MinutesTemplateId.parse(e.target.value))}
      data-testid="run-template"
    >
      {MinutesTemplateId.options.map((id) => (
        <option key={id} value={id}>
          {t(`runs.minutes.templates.${id}`)}
        </option>
      ))}
    </SelectField>
  );
}

/** "Hent tekst fra fil": the server reads the file's text, which replaces the field's; a note says how it went. */
function FileLoader({ disabled, onLoaded }: { disabled: boolean; onLoaded: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const extract = useExtractText();
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileNote, setFileNote] = useState<{ variant: 'info' | 'success' | 'error'; text: string } | null>(null);

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setFileNote(null);
    extract.mutate(file, {
      onSuccess: (r) => {
        onLoaded(r.text);
        setFileNote({ variant: 'success', text: t('runs.file.loaded', { filename: r.filename, chars: formatNumber(r.chars, i18n.language) }) });
      },
      onError: (err) =>
        setFileNote(
          isApiError(err) && (err.status === 404 || err.status === 405)
            ? { variant: 'info', text: t('runs.file.unavailable') }
            : { variant: 'error', text: errorMessage(err) },
        ),
    });
  };

  return (
    <div className="run-file mt-3">
      {/* Hidden from everyone, not only from sight: the button below is the one control people use, so a
          screen reader meets no second, unlabelled file field. */}
      <input ref={fileRef} type="file" id="run-file" hidden accept=".txt,.docx,.pdf,.vtt,text/plain" onChange={onFile} data-testid="run-file-input" />
      <Button variant="tertiary" type="button" onClick={() => fileRef.current?.click()} disabled={extract.isPending || disabled}>
        {extract.isPending ? t('runs.file.loading') : t('runs.file.button')}
      </Button>
      <div aria-live="polite" data-testid="run-file-note">
        {fileNote ? (
          <p className={`mt-2 mb-0 small-text${fileNote.variant === 'error' ? ' form-error-message' : ''}`}>{fileNote.text}</p>
        ) : null}
      </div>
    </div>
  );
}

/** Preview what would be sent, run the assistant, and while it writes, stop it. */
function RunActions({ previewing, streaming, onPreview, onStop }: { previewing: boolean; streaming: boolean; onPreview: () => void; onStop: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="run-actions mt-5 mb-6">
      <Button variant="secondary" type="button" onClick={onPreview} disabled={previewing || streaming}>
        {previewing ? t('runs.previewing') : t('runs.preview')}
      </Button>
      <Button variant="primary" type="submit" disabled={streaming}>
        {t('runs.submit')}
      </Button>
      {streaming ? (
        <Button variant="secondary" type="button" onClick={onStop} data-testid="run-stop">
          {t('runs.stop')}
        </Button>
      ) : null}
    </div>
  );
}
