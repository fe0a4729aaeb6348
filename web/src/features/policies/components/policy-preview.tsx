import type { AssistantId, PreviewResponse } from '@contracts/policies.js';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type SummaryItem, useErrorSummaryFocus } from '../../../components/error-summary';
import { useErrorMessage } from '../../../components/error-message';
import { TextAreaField } from '../../../components/form-fields';
import { Icon } from '../../../components/icon';
import { isApiError } from '../../../lib/api-client';
import { formatNumber } from '../../../lib/format';
import { usePreviewPolicy } from '../api/policies';
import { PreviewResult } from './preview-result';
import { Button } from '../../../components/button';

interface Shown {
  text: string;
  result: PreviewResponse;
  id: number;
}

/**
 * The preview form's state: the text, its error and the general error of the last attempt, and the answer shown
 * with the text it was given for (numbered, so the same decision twice is announced twice).
 */
function usePolicyPreviewForm(policyId: string, assistant: AssistantId | undefined, fieldId: string) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const preview = usePreviewPolicy(policyId);
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const { summaryRef, failedAttempt } = useErrorSummaryFocus();
  const answers = useRef(0);

  const fail = (field: string | null, general: string | null) => {
    setFieldError(field);
    setFormError(general);
    failedAttempt();
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setShown(null);
    if (text.trim() === '') {
      fail(t('policies.preview.empty'), null);
      return;
    }
    const checked = text;
    preview.mutate(assistant ? { text: checked, assistant } : { text: checked }, {
      onSuccess: (result) => {
        setFieldError(null);
        setFormError(null);
        answers.current += 1;
        setShown({ text: checked, result, id: answers.current });
      },
      onError: (error) => {
        if (isApiError(error) && error.code === 'VALIDATION_FAILED') fail(t('policies.preview.invalid'), null);
        else if (isApiError(error) && error.code === 'PAYLOAD_TOO_LARGE') fail(t('policies.preview.tooLarge'), null);
        else fail(null, errorMessage(error));
      },
    });
  };

  const items: SummaryItem[] = [
    ...(formError ? [{ message: formError }] : []),
    ...(fieldError ? [{ fieldId, message: fieldError }] : []),
  ];

  return { text, setText, fieldError, items, summaryRef, onSubmit, shown, pending: preview.isPending };
}

/**
 * "Prøv teksten af før du sender": a person pastes a text and sees what the policy would do with it, before
 * anything is sent to a language model. The text lives only in this component's state and in the one request;
 * nothing is saved. Reusable: the run page can put it next to its own form (`assistant` narrows the check to
 * that assistant, `headingLevel` fits it under the page's headings).
 */
export function PolicyPreview({
  policyId,
  assistant,
  maxChars,
  headingLevel = 2,
  idPrefix = 'policy-preview',
}: {
  policyId: string;
  assistant?: AssistantId;
  /** The policy's limit, shown in the hint; the server still decides. */
  maxChars?: number;
  headingLevel?: 2 | 3;
  idPrefix?: string;
}) {
  const { t, i18n } = useTranslation();
  const fieldId = `${idPrefix}-text`;
  const { text, setText, fieldError, items, summaryRef, onSubmit, shown, pending } = usePolicyPreviewForm(
    policyId,
    assistant,
    fieldId,
  );
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const noteId = `${idPrefix}-not-saved`;

  return (
    <section className="policy-preview" aria-labelledby={`${idPrefix}-heading`} data-testid="policy-preview">
      <H id={`${idPrefix}-heading`}>{t('policies.preview.heading')}</H>
      <p>{t('policies.preview.intro')}</p>
      <p className="not-saved-note" id={noteId} data-testid="preview-not-saved">
        <Icon name="lock" className="not-saved-icon" />
        <span>
          <strong>{t('policies.preview.notSaved')}</strong> {t('policies.preview.notSavedText')}
        </span>
      </p>
      <form onSubmit={onSubmit} noValidate data-testid="preview-form">
        <ErrorSummary ref={summaryRef} items={items} testId="preview-errors" />
        <TextAreaField
          id={fieldId}
          name="text"
          label={t('policies.preview.label')}
          hint={maxChars ? t('policies.preview.hintMax', { max: formatNumber(maxChars, i18n.language) }) : undefined}
          alsoDescribedBy={noteId}
          className="preview-textarea"
          rows={10}
          spellCheck={false}
          autoComplete="off"
          value={text}
          error={fieldError ?? undefined}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="mt-5 mb-6">
          <Button variant="primary" type="submit" disabled={pending}>
            {pending ? t('policies.preview.submitting') : t('policies.preview.submit')}
          </Button>
        </div>
      </form>
      <PreviewResult
        text={shown?.text ?? ''}
        result={shown?.result ?? null}
        resultId={shown?.id ?? 0}
        headingLevel={headingLevel === 2 ? 3 : 4}
        idPrefix={idPrefix}
      />
    </section>
  );
}
