import type { DocumentView } from '@contracts/documents.js';
import type { TrialDetail } from '@contracts/trials.js';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, AsyncErrorRegion } from '../../../components/alert';
import { ErrorSummary, type SummaryItem, useErrorSummaryFocus } from '../../../components/error-summary';
import { useErrorMessage } from '../../../components/error-message';
import { formatNumber } from '../../../lib/format';
import { useDeleteDocument, useDocuments, useUploadDocument } from '../api/documents';
import { Button } from '../../../components/button';

/** What the server reads (server/src/modules/files/files.extract.ts); the server still decides. */
const ACCEPT = '.pdf,.docx,.md,.markdown,.txt,application/pdf,text/markdown,text/plain';
/** The server's default upload limit (UPLOAD_MAX_MB); a larger file is refused with PAYLOAD_TOO_LARGE. */
const MAX_MB = 10;
const FILE_ID = 'document-file';

/** The "Vidensbase" of a trial that uses the documents assistant: participants see it, administrators keep it. */
export function KnowledgeBase({ trial }: { trial: TrialDetail }) {
  const { t } = useTranslation();
  const documents = useDocuments(trial.id);
  const [status, setStatus] = useState<string | null>(null);
  const [followId, setFollowId] = useState<string | null>(null);
  const errorText = useDocumentErrorText();

  // After an upload the list is polled; tell the person when their document has arrived at its end state.
  const followed = followId ? documents.data?.documents.find((d) => d.id === followId) : undefined;
  useEffect(() => {
    if (!followed) return;
    if (followed.status === 'READY') {
      setStatus(t('trials.documents.ready', { name: followed.filename }));
      setFollowId(null);
    } else if (followed.status === 'FAILED') {
      setStatus(t('trials.documents.failed', { name: followed.filename, reason: errorText(followed.errorCode) }));
      setFollowId(null);
    }
  }, [followed, t, errorText]);

  return (
    <section aria-labelledby="documents-heading" data-testid="knowledge-base">
      <h2 id="documents-heading">{t('trials.documents.heading')}</h2>
      <p>{t('trials.documents.intro')}</p>
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="documents-status">
        {status ? <p className="m-0 mb-4">{status}</p> : null}
      </div>
      {documents.isPending ? <p>{t('trials.documents.loading')}</p> : null}
      <AsyncErrorRegion error={documents.error} />
      {documents.data ? <DocumentsTable documents={documents.data.documents} trial={trial} onStatus={setStatus} /> : null}
      {trial.canAdminister ? (
        <UploadForm
          trialId={trial.id}
          onUploaded={(doc) => {
            setFollowId(doc.id);
            setStatus(t('trials.documents.received', { name: doc.filename }));
          }}
        />
      ) : null}
    </section>
  );
}

/** The document's error code in words; unknown codes get a general sentence rather than the code. */
function useDocumentErrorText() {
  const { t, i18n } = useTranslation();
  return (code: string | null) => {
    const key = `trials.documents.errors.${code ?? 'unknown'}`;
    return i18n.exists(key) ? t(key as 'trials.documents.errors.unknown') : t('trials.documents.errors.unknown');
  };
}

function sizeText(bytes: number, lng: string): string {
  if (bytes < 1024) return `${formatNumber(bytes, lng)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 1024), lng)} kB`;
  return `${formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10, lng)} MB`;
}

function DocumentsTable({
  documents,
  trial,
  onStatus,
}: {
  documents: DocumentView[];
  trial: TrialDetail;
  onStatus: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteDocument(trial.id);
  const [confirming, setConfirming] = useState<DocumentView | null>(null);

  if (documents.length === 0) return <p data-testid="documents-empty">{t('trials.documents.empty')}</p>;

  const doDelete = (doc: DocumentView) => {
    onStatus(null);
    remove.mutate(doc.id, {
      onSuccess: () => {
        setConfirming(null);
        onStatus(t('trials.documents.deleted', { name: doc.filename }));
      },
    });
  };

  return (
    <>
      <div className="table--responsive-scroll" tabIndex={0} role="region" aria-label={t('trials.documents.caption')}>
        <table className="table table--zebra" data-testid="documents-table">
          <caption>{t('trials.documents.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trials.documents.columns.name')}</th>
              <th scope="col">{t('trials.documents.columns.size')}</th>
              <th scope="col">{t('trials.documents.columns.status')}</th>
              <th scope="col">{t('trials.documents.columns.passages')}</th>
              {trial.canAdminister ? (
                <th scope="col">
                  <span className="sr-only">{t('trials.documents.columns.actions')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <DocumentRow
                key={d.id}
                doc={d}
                canAdminister={trial.canAdminister}
                deleting={remove.isPending}
                onDelete={() => {
                  remove.reset();
                  setConfirming(d);
                }}
              />
            ))}
          </tbody>
        </table>
      </div>
      {confirming ? (
        <ConfirmDelete doc={confirming} pending={remove.isPending} onConfirm={() => doDelete(confirming)} onCancel={() => setConfirming(null)} />
      ) : null}
      <AsyncErrorRegion error={remove.error} />
    </>
  );
}

/** One document: its name, size, how far the server got with it, and for administrators a delete button. */
function DocumentRow({
  doc: d,
  canAdminister,
  deleting,
  onDelete,
}: {
  doc: DocumentView;
  canAdminister: boolean;
  deleting: boolean;
  onDelete: () => void;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useDocumentErrorText();
  return (
    <tr data-document={d.id}>
      <th scope="row">{d.filename}</th>
      <td>{sizeText(d.sizeBytes, i18n.language)}</td>
      <td>
        {t(`trials.documents.status.${d.status}`)}
        {d.status === 'FAILED' ? <span className="d-block small-text">{errorText(d.errorCode)}</span> : null}
      </td>
      <td>{formatNumber(d.chunks, i18n.language)}</td>
      {canAdminister ? (
        <td>
          <Button variant="tertiary" type="button" disabled={deleting} onClick={onDelete}>
            {t('trials.documents.delete', { name: d.filename })}
          </Button>
        </td>
      ) : null}
    </tr>
  );
}

/** Deleting a document takes it out of the assistant's answers: asked first. */
function ConfirmDelete({ doc, pending, onConfirm, onCancel }: { doc: DocumentView; pending: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert variant="warning" heading={t('trials.documents.confirmHeading')} headingLevel={3} testId="confirm-delete-document">
      <p>{t('trials.documents.confirmText', { name: doc.filename })}</p>
      <Button variant="primary" type="button" disabled={pending} onClick={onConfirm}>
        {t('trials.documents.confirmDelete')}
      </Button>
      <Button variant="secondary" type="button" className="ml-4" onClick={onCancel}>
        {t('trials.documents.cancel')}
      </Button>
    </Alert>
  );
}

function UploadForm({ trialId, onUploaded }: { trialId: string; onUploaded: (doc: DocumentView) => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const upload = useUploadDocument(trialId);
  const fileRef = useRef<HTMLInputElement>(null);
  const { summaryRef, failedAttempt } = useErrorSummaryFocus();
  const [missing, setMissing] = useState(false);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      upload.reset();
      setMissing(true);
      failedAttempt();
      return;
    }
    setMissing(false);
    upload.mutate(file, {
      onSuccess: ({ document }) => {
        if (fileRef.current) fileRef.current.value = '';
        onUploaded(document);
      },
      onError: () => failedAttempt(),
    });
  };

  const fieldError = missing ? t('trials.documents.upload.missing') : upload.error ? errorMessage(upload.error) : null;
  const items: SummaryItem[] = fieldError ? [{ fieldId: FILE_ID, message: fieldError }] : [];

  return (
    <form onSubmit={onSubmit} noValidate data-testid="document-upload">
      <h3>{t('trials.documents.upload.heading')}</h3>
      <ErrorSummary ref={summaryRef} items={items} testId="document-upload-errors" />
      <div className={`form-group${fieldError ? ' form-error' : ''}`}>
        <label className="form-label" htmlFor={FILE_ID}>
          {t('trials.documents.upload.label')}
        </label>
        <span className="form-hint" id={`${FILE_ID}-hint`}>
          {t('trials.documents.upload.hint', { max: MAX_MB })}
        </span>
        {fieldError ? (
          <span className="form-error-message" id={`${FILE_ID}-error`}>
            <span className="sr-only">{t('errors.prefix')} </span>
            {fieldError}
          </span>
        ) : null}
        <input
          ref={fileRef}
          type="file"
          id={FILE_ID}
          name="file"
          className="form-input"
          accept={ACCEPT}
          aria-describedby={fieldError ? `${FILE_ID}-hint ${FILE_ID}-error` : `${FILE_ID}-hint`}
          aria-invalid={fieldError ? true : undefined}
          onChange={() => setMissing(false)}
        />
      </div>
      <Button variant="primary" type="submit" disabled={upload.isPending}>
        {upload.isPending ? t('trials.documents.upload.sending') : t('trials.documents.upload.submit')}
      </Button>
    </form>
  );
}

