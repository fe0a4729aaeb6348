import { DocumentsRunDetails } from '@contracts/documents.js';
import { CHECKLIST_ITEMS, type ChecklistItemId, LetterRunDetails } from '@contracts/letters.js';
import { MinutesDetails } from '@contracts/minutes.js';
import type { RunView } from '@contracts/runs.js';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Alert } from '../../../components/alert';
import { formatNumber } from '../../../lib/format';

// The assistants' structured results, in the shapes the server writes them (contracts/). A page that shows the
// draft does not fail when one does not parse: it shows the draft without them.
const isChecklistItem = (id: string): id is ChecklistItemId => (CHECKLIST_ITEMS as readonly string[]).includes(id);

function Letter({ details }: { details: LetterRunDetails }) {
  const { t, i18n } = useTranslation();
  const lix = (n: number) => formatNumber(Math.round(n), i18n.language);
  const itemName = (id: string) => (isChecklistItem(id) ? t(`runs.letter.items.${id}`) : id);
  return (
    <section aria-labelledby="run-details-heading" data-testid="letter-details">
      <h3 id="run-details-heading">{t('runs.letter.heading')}</h3>
      <dl className="run-lix" data-testid="lix">
        <div>
          <dt>{t('runs.letter.lixBefore')}</dt>
          <dd data-testid="lix-before">{lix(details.lixBefore)}</dd>
        </div>
        <div>
          <dt>{t('runs.letter.lixAfter')}</dt>
          <dd data-testid="lix-after">{lix(details.lixAfter)}</dd>
        </div>
      </dl>
      <p className="small-text">{t('runs.letter.lixHelp')}</p>
      {details.checklist.length ? (
        <>
          <h4>{t('runs.letter.checklistHeading')}</h4>
          <ul className="run-checklist nobullet-list" data-testid="checklist">
            {details.checklist.map((c, i) => (
              <li key={`${i}-${c.item}`} data-present={c.present}>
                <span className={`run-check ${c.present ? 'run-check--present' : 'run-check--missing'}`} aria-hidden="true">
                  {c.present ? '✓' : '✗'}
                </span>
                <span>
                  <strong>{c.present ? t('runs.letter.present') : t('runs.letter.missing')}:</strong> {itemName(c.item)}
                  {c.evidence ? <span className="d-block small-text">“{c.evidence}”</span> : null}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {details.changes?.length ? (
        <>
          <h4>{t('runs.letter.changesHeading')}</h4>
          <ul data-testid="letter-changes">
            {details.changes.map((c, i) => (
              <li key={`${i}-${c}`}>{c}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function Minutes({ details }: { details: MinutesDetails }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="run-details-heading" data-testid="minutes-details">
      <h3 id="run-details-heading">{t('runs.minutes.heading')}</h3>
      {details.summary ? (
        <>
          <h4>{t('runs.minutes.summary')}</h4>
          <p>{details.summary}</p>
        </>
      ) : null}
      <h4>{t('runs.minutes.attendees')}</h4>
      {details.attendees.length ? <ul>{details.attendees.map((a, i) => <li key={`${i}-${a}`}>{a}</li>)}</ul> : <p>{t('runs.minutes.none')}</p>}
      <h4>{t('runs.minutes.decisions')}</h4>
      {details.decisions.length ? <ul>{details.decisions.map((d, i) => <li key={`${i}-${d}`}>{d}</li>)}</ul> : <p>{t('runs.minutes.none')}</p>}
      <h4>{t('runs.minutes.actionItems')}</h4>
      {details.actionItems.length ? (
        <div className="table--responsive-scroll" tabIndex={0} role="region" aria-label={t('runs.minutes.actionItems')}>
          <table className="table table--compact" data-testid="action-items">
            <caption className="sr-only">{t('runs.minutes.actionItems')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('runs.minutes.owner')}</th>
                <th scope="col">{t('runs.minutes.task')}</th>
                <th scope="col">{t('runs.minutes.due')}</th>
              </tr>
            </thead>
            <tbody>
              {details.actionItems.map((a, i) => (
                <tr key={`${i}-${a.task}`}>
                  <td>{a.owner || t('runs.minutes.unknown')}</td>
                  <td>{a.task}</td>
                  <td>{a.due || t('runs.minutes.unknown')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('runs.minutes.none')}</p>
      )}
    </section>
  );
}

function Documents({ details }: { details: DocumentsRunDetails }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="run-details-heading" data-testid="documents-details">
      <h3 id="run-details-heading">{t('runs.documents.heading')}</h3>
      {!details.answered ? (
        <p data-testid="not-answered">{t('runs.documents.notAnswered')}</p>
      ) : details.citations.length ? (
        <ol className="run-citations" data-testid="citations">
          {details.citations.map((c, i) => (
            <li key={`${i}-${c.filename}`}>
              <strong>{c.filename}</strong>
              {c.heading ? <span> – {c.heading}</span> : null}
              {c.quote ? <blockquote className="run-quote">{c.quote}</blockquote> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('runs.documents.noCitations')}</p>
      )}
    </section>
  );
}

/** What the server removed from a language model's answer because the text it was sent did not hold it. */
const Checked = z.object({ removedQuotes: z.number().int().nonnegative().optional(), removedReferences: z.number().int().nonnegative().optional() });

/** Told to the reviewer before the parts: quotes or transcript references the model invented were taken out. */
function RemovedNotice({ details }: { details: unknown }) {
  const { t } = useTranslation();
  const d = Checked.safeParse(details);
  if (!d.success || !(d.data.removedQuotes || d.data.removedReferences)) return null;
  return (
    <Alert variant="warning" testId="removed-notice">
      {d.data.removedQuotes ? <p>{t('runs.checked.quotes', { count: d.data.removedQuotes })}</p> : null}
      {d.data.removedReferences ? <p>{t('runs.checked.references', { count: d.data.removedReferences })}</p> : null}
    </Alert>
  );
}

/** What the assistant found besides the draft: LIX and checklist, the minutes' parts, or the sources. */
export function RunDetails({ run }: { run: RunView }) {
  if (!run.details) return null;
  return (
    <>
      <RemovedNotice details={run.details} />
      <AssistantDetails run={run} />
    </>
  );
}

function AssistantDetails({ run }: { run: RunView }) {
  if (run.assistant === 'letter') {
    const d = LetterRunDetails.safeParse(run.details);
    return d.success ? <Letter details={d.data} /> : null;
  }
  if (run.assistant === 'minutes') {
    const d = MinutesDetails.safeParse(run.details);
    return d.success ? <Minutes details={d.data} /> : null;
  }
  const d = DocumentsRunDetails.safeParse(run.details);
  return d.success ? <Documents details={d.data} /> : null;
}
