import type { DataAction, DataClass, PreviewResponse } from '@contracts/policies.js';
import { Alert } from '../../../components/alert';
import { type Highlight, HighlightedText } from '../../../components/highlighted-text';
import { useLocalized } from '../../../lib/localized';
import { ACTION_BADGE, usePolicyWords } from './policy-words';

const DECISION_ALERT = { allowed: 'success', masked: 'info', blocked: 'error' } as const;

type Level = 3 | 4;

/** The decision as a DKFDS alert: can the text be sent, and why (or why not) in plain language. */
function DecisionAlert({ result, headingLevel }: { result: PreviewResponse; headingLevel: Level }) {
  const { t } = usePolicyWords();
  const pick = useLocalized();
  const actionOf = new Map<DataClass, DataAction>(result.counts.map((c) => [c.type, c.action]));
  // When the text is refused, only the reasons that refuse it matter: what would have been masked is not sent
  // anyway. Otherwise the masking is in the table below, so the alert keeps the warnings and other reasons.
  const shown =
    result.decision === 'blocked'
      ? result.reasons.filter((r) => !r.dataClass || actionOf.get(r.dataClass) === 'block')
      : result.reasons.filter((r) => !r.dataClass || actionOf.get(r.dataClass) !== 'mask');
  const listed = shown.length || result.decision !== 'blocked' ? shown : result.reasons;
  return (
    <Alert
      variant={DECISION_ALERT[result.decision]}
      heading={t(`policies.preview.decision.${result.decision}`)}
      headingLevel={headingLevel}
      testId="preview-decision"
    >
      <p className={listed.length ? 'mt-0' : 'm-0'}>{t(`policies.preview.${result.decision}Text`)}</p>
      {listed.length ? (
        <ul className="mb-0" data-testid="preview-reasons">
          {listed.map((r, i) => (
            <li key={`${r.code}-${r.dataClass ?? ''}-${i}`} data-code={r.code}>
              {pick(r)}
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

function CountsTable({ counts }: { counts: PreviewResponse['counts'] }) {
  const { t, dataClass, action } = usePolicyWords();
  return (
    <div className="table--responsive-scroll" tabIndex={0} role="region" aria-label={t('policies.preview.countsCaption')}>
      <table className="table table--compact" data-testid="preview-counts">
        <caption className="sr-only">{t('policies.preview.countsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('policies.preview.countsColumns.dataClass')}</th>
            <th scope="col" className="align-text-right">
              {t('policies.preview.countsColumns.count')}
            </th>
            <th scope="col">{t('policies.preview.countsColumns.action')}</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((c) => (
            <tr key={c.type} data-class={c.type} data-action={c.action}>
              <th scope="row">{dataClass(c.type)}</th>
              <td className="align-text-right">{c.count}</td>
              <td>
                <span className={ACTION_BADGE[c.action]}>{action(c.action)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * What the policy does with a text: the decision (in a polite live region, so it is announced), the data found
 * per class, the person's own text with the findings marked, and what the language model would receive
 * (nothing when the text is refused). Keep it mounted with `result={null}` before the first answer, so the
 * live region exists before the decision is put into it. `text` must be the text that was checked.
 * `resultId` changes with every answer, so the same decision twice is announced twice.
 */
export function PreviewResult({
  text,
  result,
  resultId = 0,
  headingLevel = 3,
  idPrefix = 'preview',
}: {
  text: string;
  result: PreviewResponse | null;
  resultId?: number;
  headingLevel?: Level;
  idPrefix?: string;
}) {
  const { t, dataClass, action } = usePolicyWords();
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const highlights: Highlight[] = (result?.findings ?? []).map((f) => ({
    start: f.start,
    end: f.end,
    tag: dataClass(f.type),
    label: t('policies.preview.findingLabel', { type: dataClass(f.type), action: action(f.action).toLocaleLowerCase() }),
    variant: f.action,
  }));
  const sent = result && result.decision !== 'blocked' ? result.maskedText : null;
  return (
    <div className="preview-result" data-testid="preview-result" data-decision={result?.decision}>
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="preview-status">
        {result ? <DecisionAlert key={resultId} result={result} headingLevel={headingLevel} /> : null}
      </div>
      {result ? (
        <>
          <section aria-labelledby={`${idPrefix}-counts-heading`}>
            <H id={`${idPrefix}-counts-heading`}>{t('policies.preview.countsHeading')}</H>
            {result.counts.length ? <CountsTable counts={result.counts} /> : <p>{t('policies.preview.noFindings')}</p>}
            <p className="small-text">{t('policies.preview.checkYourself')}</p>
          </section>
          <div className="row preview-texts">
            <section
              className={sent !== null ? 'col-12 col-lg-6' : 'col-12'}
              aria-labelledby={`${idPrefix}-text-heading`}
            >
              <H id={`${idPrefix}-text-heading`}>{t('policies.preview.textHeading')}</H>
              <HighlightedText
                text={text}
                highlights={highlights}
                label={t('policies.preview.textLabel')}
                endLabel={t('policies.preview.findingEnd')}
                empty={t('policies.preview.sentEmpty')}
                testId="preview-highlighted"
              />
            </section>
            {sent !== null ? (
              <section className="col-12 col-lg-6" aria-labelledby={`${idPrefix}-sent-heading`} data-testid="preview-sent">
                <H id={`${idPrefix}-sent-heading`}>{t('policies.preview.sentHeading')}</H>
                <div className="sent-text" role="region" aria-label={t('policies.preview.sentLabel')} tabIndex={0} data-testid="preview-sent-text">
                  {sent.length ? sent : <span className="highlighted-text-empty">{t('policies.preview.sentEmpty')}</span>}
                </div>
              </section>
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  );
}
