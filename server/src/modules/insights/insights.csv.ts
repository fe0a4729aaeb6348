import { FAILURE_TYPE_LABELS } from '../../contracts/experiences.js';
import {
  DECISION_OUTCOME_LABELS,
  SUPPRESSED_CELL,
  type Board,
  type BoardAssistantRow,
  type ExportField,
  type ExportRow,
  type Measure,
  type TrialExport,
} from '../../contracts/insights.js';
import { ASSISTANT_NAMES } from '../policies/policy-rules.service.js';
import { copenhagenDateTime } from './insights.measures.js';

/**
 * CSV for Danish Excel: UTF-8 with a byte order mark (without it Excel reads the file as Windows-1252 and
 * breaks æ, ø, å), `;` between fields (Danish Excel uses the comma as decimal separator, so a comma-separated
 * file opens in one column), decimal comma in numbers, CRLF line ends, and fields quoted when they hold `;`,
 * `"` or a line break. Dates are Copenhagen local time as "2026-11-03 09:15", which Excel reads as a date.
 */
export const BOM = '\uFEFF';

function field(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'number' ? String(v).replace('.', ',') : typeof v === 'boolean' ? (v ? 'ja' : 'nej') : v;
  // A leading = + - @ would make Excel run the cell as a formula.
  if (typeof v === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

type Cell = string | number | boolean | null | undefined;

/** The rows after the header, then `notes` as rows of one cell each. */
export function toCsv(header: string[], rows: Cell[][], notes: string[] = []): string {
  return BOM + [header, ...rows, ...notes.map((n) => [n])].map((r) => r.map(field).join(';')).join('\r\n') + '\r\n';
}

const OUTCOME_DA: Record<NonNullable<ExportRow['outcome']>, string> = {
  APPROVED_AS_IS: 'Godkendt uden rettelser',
  EDITED: 'Rettet og godkendt',
  REJECTED: 'Afvist',
  AWAITING_REVIEW: 'Afventer vurdering',
  NOT_REVIEWABLE: 'Intet udkast',
};

/** The rows of the export, a withheld field as SUPPRESSED_CELL, and the note on what is withheld as the last row. */
export function trialExportCsv(data: Pick<TrialExport, 'rows' | 'suppressed'>): string {
  return toCsv(
    [
      'Kørsel',
      'Deltager',
      'Assistent',
      'Status',
      'Oprettet',
      'Datatjek',
      'Udbyder',
      'Model',
      'Input-tokens',
      'Output-tokens',
      'Varighed (ms)',
      'Udfald',
      'Rettelsens størrelse (tegn)',
      'Brugbarhed (1-5)',
      'Sparede minutter',
      'Fejltyper',
      'Vil bruge igen',
    ],
    data.rows.map((r) => {
      const v = <T>(f: ExportField, value: T): T | string => (r.withheld.includes(f) ? SUPPRESSED_CELL : value);
      return [
        v('runId', r.runId),
        v('participant', r.participant),
        r.assistant,
        v('status', r.status),
        v('createdAt', r.createdAt && copenhagenDateTime(new Date(r.createdAt))),
        v('guardDecision', r.guardDecision),
        v('provider', r.provider),
        v('model', r.model),
        v('promptTokens', r.promptTokens),
        v('completionTokens', r.completionTokens),
        v('durationMs', r.durationMs),
        v('outcome', r.outcome && OUTCOME_DA[r.outcome]),
        v('editSize', r.editSize),
        v('usefulness', r.usefulness),
        v('minutesSaved', r.minutesSaved),
        v('failureTypes', r.failureTypes.map((t) => FAILURE_TYPE_LABELS[t].da).join(', ')),
        v('wouldUseAgain', r.wouldUseAgain),
      ];
    }),
    // In the file itself, so it travels with it: a response header is lost once the file is saved.
    data.suppressed ? [`Bemærk: ${data.suppressed}`] : [],
  );
}

/** A measure as one cell: the value, "skjult" when suppressed, empty when there is nothing. */
function cell<T>(m: Measure<T>, pick: (v: T) => number): string | number {
  if (m.status === 'ok') return pick(m.value);
  return m.status === 'suppressed' ? SUPPRESSED_CELL : '';
}

/** The measures a trial row and an assistant row share, in the board CSV's column order. */
function measures(r: Omit<BoardAssistantRow, 'assistant' | 'trials'>): (string | number)[] {
  return [
    r.runs,
    r.people,
    cell(r.outcomes, (o) => o.approvedAsIs),
    cell(r.outcomes, (o) => o.edited),
    cell(r.outcomes, (o) => o.rejected),
    cell(r.minutesSaved, (m) => m.total),
    cell(r.minutesSaved, (m) => m.median),
    cell(r.usefulnessMean, (m) => m),
    cell(r.wouldUseAgainShare, (m) => m),
    r.blockedRuns,
    r.maskedRuns,
  ];
}

export function boardCsv(board: Board): string {
  return toCsv(
    [
      'Prøvehandling',
      'Enhed',
      'Status',
      'Kørsler',
      'Personer',
      'Godkendt uden rettelser',
      'Rettet',
      'Afvist',
      'Sparede minutter i alt',
      'Sparede minutter (median)',
      'Brugbarhed (gennemsnit)',
      'Vil bruge igen (andel)',
      'Afviste af datatjek',
      'Maskerede',
      'Seneste beslutning',
    ],
    [
      ...board.trials.map((r) => [
        r.trial.title,
        r.trial.unit.name,
        r.trial.status,
        ...measures(r),
        r.latestDecision ? DECISION_OUTCOME_LABELS[r.latestDecision.outcome].da : '',
      ]),
      // The assistants side by side below the trials: the assistant in the first column, no unit or status.
      ...board.assistants.map((r) => [`Assistent: ${ASSISTANT_NAMES[r.assistant].da}`, '', '', ...measures(r), '']),
    ],
  );
}

/** "proevehandling-brevassistent-i-borgerservice": ASCII for the plain filename, the title kept in filename*. */
export function fileSlug(title: string): string {
  const ascii = title
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return ascii || 'proevehandling';
}

export function attachment(filename: string): string {
  return `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
