import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsyncErrorRegion } from '../../../components/alert';
import { Loading } from '../../../components/page';
import { formatDateTime } from '../../../lib/format';
import { useLocalized } from '../../../lib/localized';
import { useDownloadFinalDocx, useExportFinalText, useFinalText } from '../api/review';
import { Button } from '../../../components/button';

/** Older browsers and non-secure pages have no Clipboard API: copy through a hidden, selected textarea. */
function copyWithSelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused: fall through to the older way.
  }
  return copyWithSelection(text);
}

/**
 * The approved text, fetched from the server only after approval, with the policy's disclosure label that must go
 * with it wherever it is used (AI Act Art. 50). The draft marker is gone: a person has approved it.
 */
export function FinalText({ runId }: { runId: string }) {
  const { t, i18n } = useTranslation();
  const pick = useLocalized();
  const final = useFinalText(runId, true);
  const exportText = useExportFinalText(runId);
  const downloadDocx = useDownloadFinalDocx(runId);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const textRef = useRef<HTMLDivElement>(null);

  if (final.isPending) return <Loading label={t('review.final.loading')} />;
  if (final.error) return <AsyncErrorRegion error={final.error} testId="final-error" />;
  const { text, disclosureLabel, approvedAt } = final.data;
  const label = pick(disclosureLabel);

  const onCopy = async () => {
    setCopied(null);
    downloadDocx.reset();
    // The export is recorded first, and only what the server recorded is copied: no copy without its audit
    // event. The request is quick, well within the moment after the click in which browsers allow the
    // clipboard; where one still refuses, the text is selected below for Ctrl+C.
    let exported;
    try {
      exported = await exportText.mutateAsync();
    } catch {
      return; // shown by the error region below
    }
    const ok = await copyText(`${exported.text}\n\n${pick(exported.disclosureLabel)}`);
    if (!ok && textRef.current) {
      // Last resort: select the text so the person can press Ctrl+C themselves.
      const range = document.createRange();
      range.selectNodeContents(textRef.current);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    }
    setCopied(ok ? 'copied' : 'failed');
  };

  const onDownload = () => {
    setCopied(null);
    downloadDocx.mutate();
  };

  return (
    <section className="mt-6" aria-labelledby="final-heading" data-testid="final-text">
      <h2 id="final-heading">{t('review.final.heading')}</h2>
      <p className="small-text">{t('review.final.approvedAt', { at: formatDateTime(approvedAt, i18n.language) })}</p>
      <div ref={textRef} className="run-draft-text" role="region" aria-label={t('review.final.heading')} tabIndex={0} data-testid="final-text-body">
        {text}
      </div>
      <p data-testid="final-disclosure">
        <strong>{t('review.final.disclosure')}:</strong> {label}
      </p>
      <p className="form-hint">{t('review.final.copyHint')}</p>
      <p className="form-hint">{t('review.final.downloadDocxHint')}</p>
      <Button variant="primary" type="button" onClick={() => void onCopy()} disabled={exportText.isPending}>
        {t('review.final.copy')}
      </Button>{' '}
      {/* The download is an export like the copy: the server records it before it sends the file. */}
      <Button variant="secondary" type="button" onClick={onDownload} disabled={downloadDocx.isPending}>
        {t('review.final.downloadDocx')}
      </Button>
      <AsyncErrorRegion error={exportText.error} testId="final-copy-error" />
      <AsyncErrorRegion error={downloadDocx.error} testId="final-download-error" />
      <div role="status" aria-live="polite" data-testid="final-copy-status">
        {copied ? <p className="mt-2 mb-0">{copied === 'copied' ? t('review.final.copied') : t('review.final.copyFailed')}</p> : null}
        {downloadDocx.isSuccess ? <p className="mt-2 mb-0">{t('review.final.downloaded')}</p> : null}
      </div>
    </section>
  );
}
