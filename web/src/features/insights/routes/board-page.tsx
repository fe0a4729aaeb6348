import type { Board, BoardAssistantRow, BoardTrialRow, Measure } from '@contracts/insights.js';
import { DECISION_OUTCOME_LABELS } from '@contracts/insights.js';
import { AssistantId } from '@contracts/policies.js';
import type { UnitList } from '@contracts/users.js';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert, AsyncErrorRegion } from '../../../components/alert';
import { SelectField } from '../../../components/form-fields';
import { Loading, Page } from '../../../components/page';
import { useLocalized } from '../../../lib/localized';
import { type BoardFilters, boardExportPath, useBoard, useUnits } from '../api/insights';
import { ChartFigure, DataTable, type TableColumn } from '../components/chart-figure';
import { Bars } from '../components/charts';
import { useNumbers } from '../components/format';
import { useReasonText } from '../components/measure-view';
import { PeriodFields } from '../components/period-filter';
import { Button, buttonClass } from '../../../components/button';

const ASSISTANTS = AssistantId.options;

function filtersFrom(search: URLSearchParams): BoardFilters {
  const assistant = AssistantId.safeParse(search.get('assistant'));
  return {
    unitId: search.get('unitId') || undefined,
    assistant: assistant.success ? assistant.data : undefined,
    from: search.get('from') || undefined,
    to: search.get('to') || undefined,
  };
}

/** A measure in a table cell: the value, or a short word that says why it is not shown. */
function useCell() {
  const { t } = useTranslation();
  return function cell<T>(m: Measure<T>, show: (v: T) => ReactNode): ReactNode {
    if (m.status === 'ok') return show(m.value);
    return <span className="small-text">{m.status === 'suppressed' ? t('insights.board.suppressedCell') : t('insights.board.emptyCell')}</span>;
  };
}

/**
 * The filters (unit, assistant, period), applied to the address when sent; the period is checked first. The form
 * starts from the filters in the address and clears them all with one button once any is applied.
 */
function BoardFilterForm({
  applied,
  filtered,
  units,
  onSearch,
}: {
  applied: BoardFilters;
  filtered: boolean;
  units: UnitList['units'];
  onSearch: (next: URLSearchParams) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    unitId: applied.unitId ?? '',
    assistant: applied.assistant ?? '',
    from: applied.from ?? '',
    to: applied.to ?? '',
  });
  const [error, setError] = useState<string | null>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (form.from && form.to && form.from > form.to) {
      setError(t('insights.filters.fromAfterTo'));
      return;
    }
    setError(null);
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) if (v) next.set(k, v);
    onSearch(next);
  };
  const onClear = () => {
    setForm({ unitId: '', assistant: '', from: '', to: '' });
    setError(null);
    onSearch(new URLSearchParams());
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="board-filters" aria-labelledby="board-filters-heading">
      <h2 id="board-filters-heading" className="h4">
        {t('insights.filters.heading')}
      </h2>
      {error ? (
        <p className="form-error-message" role="alert">
          {error}
        </p>
      ) : null}
      <div className="insights-filter-row">
        <SelectField id="board-unit" label={t('insights.filters.unit')} value={form.unitId} onChange={(e) => setForm({ ...form, unitId: e.target.value })}>
          <option value="">{t('insights.filters.allUnits')}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="board-assistant"
          label={t('insights.filters.assistant')}
          value={form.assistant}
          onChange={(e) => setForm({ ...form, assistant: e.target.value })}
        >
          <option value="">{t('insights.filters.allAssistants')}</option>
          {ASSISTANTS.map((a) => (
            <option key={a} value={a}>
              {t(`trials.assistants.${a}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <PeriodFields idPrefix="board" value={form} onChange={(p) => setForm({ ...form, ...p })} />
      <Button variant="primary" type="submit">
        {t('insights.filters.apply')}
      </Button>{' '}
      {filtered ? (
        <Button variant="tertiary" type="button" onClick={onClear}>
          {t('insights.filters.clear')}
        </Button>
      ) : null}
    </form>
  );
}

/** What the board shows for the applied filters: its CSV, why it is empty, the two tables, and the legend. */
function BoardResults({ board, applied, filtered }: { board: Board; applied: BoardFilters; filtered: boolean }) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  return (
    <>
      <p className="mt-5">
        <a href={boardExportPath(applied)} download className={buttonClass('secondary')} data-testid="board-csv">
          {t('insights.board.csv')}
        </a>
      </p>
      {board.emptyReason ? (
        <div data-testid="board-empty">
          <Alert variant="info">
            <p className="m-0">{reasonText(board.emptyReason)}</p>
            {filtered ? <p className="mt-2 mb-0">{t('insights.board.emptyHint')}</p> : null}
          </Alert>
        </div>
      ) : null}
      {board.trials.length > 0 ? <TrialRows rows={board.trials} /> : null}
      {board.assistants.length > 0 ? <AssistantRows rows={board.assistants} /> : null}
      <p className="small-text mt-4">{t('insights.board.legend')}</p>
    </>
  );
}

/**
 * The board of the digital unit: every trial's key measures side by side and the same per assistant, filtered by
 * unit, assistant and period. Small groups stay hidden here too; the legend says what the short words mean.
 */
export function BoardPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const applied = filtersFrom(search);
  const board = useBoard(applied);
  const units = useUnits();
  const filtered = Boolean(applied.unitId || applied.assistant || applied.from || applied.to);

  return (
    <Page title={t('insights.board.title')} lead={t('insights.board.lead')} testId="board-page">
      <BoardFilterForm applied={applied} filtered={filtered} units={units.data?.units ?? []} onSearch={setSearch} />

      <AsyncErrorRegion error={board.error ?? units.error} />
      {board.isPending ? <Loading /> : null}
      {board.data ? <BoardResults board={board.data.board} applied={applied} filtered={filtered} /> : null}
    </Page>
  );
}

type SortKey = 'title' | 'runs' | 'people';

function TrialRows({ rows }: { rows: BoardTrialRow[] }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const { n, share } = useNumbers();
  const cell = useCell();
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'title', desc: false });
  const sorted = [...rows].sort((a, b) => {
    const d = sort.key === 'title' ? a.trial.title.localeCompare(b.trial.title, 'da') : a[sort.key] - b[sort.key];
    return sort.desc ? -d : d;
  });
  const sortButton = (key: SortKey, label: string) => (
    <button
      type="button"
      className="function-link"
      onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key !== 'title' }))}
    >
      {label}
      <span className="sr-only">
        {sort.key === key ? ` (${sort.desc ? t('insights.board.sortedDesc') : t('insights.board.sortedAsc')})` : ''}
      </span>
    </button>
  );
  const ariaSort = (key: SortKey) => (sort.key === key ? (sort.desc ? 'descending' : 'ascending') : undefined);
  const caption = t('insights.board.perTrial');
  return (
    <section aria-labelledby="board-trials-heading" className="mt-6">
      <h2 id="board-trials-heading">{caption}</h2>
      <div className="table--responsive-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table className="table table--compact table--zebra" data-testid="board-trials">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort('title')}>
                {sortButton('title', t('insights.columns.trial'))}
              </th>
              <th scope="col">{t('insights.columns.unit')}</th>
              <th scope="col" className="align-text-right" aria-sort={ariaSort('runs')}>
                {sortButton('runs', t('insights.columns.runs'))}
              </th>
              <th scope="col" className="align-text-right" aria-sort={ariaSort('people')}>
                {sortButton('people', t('insights.columns.people'))}
              </th>
              <th scope="col">{t('insights.columns.outcomes')}</th>
              <th scope="col">{t('insights.columns.minutes')}</th>
              <th scope="col" className="align-text-right">{t('insights.columns.usefulness')}</th>
              <th scope="col" className="align-text-right">{t('insights.columns.wouldUseAgain')}</th>
              <th scope="col">{t('insights.columns.guard')}</th>
              <th scope="col">{t('insights.columns.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.trial.id} data-trial={r.trial.id}>
                <th scope="row">
                  <Link to={`/proevehandlinger/${encodeURIComponent(r.trial.id)}/indsigt`}>{r.trial.title}</Link>
                  <br />
                  <span className="small-text">{t(`trials.status.${r.trial.status}`)}</span>
                </th>
                <td>{r.trial.unit.name}</td>
                <td className="align-text-right">{n(r.runs)}</td>
                <td className="align-text-right">{n(r.people)}</td>
                <td>{cell(r.outcomes, (o) => t('insights.board.outcomesCell', { asIs: n(o.approvedAsIs), edited: n(o.edited), rejected: n(o.rejected) }))}</td>
                <td>{cell(r.minutesSaved, (m) => t('insights.board.minutesCell', { total: n(m.total), median: n(m.median) }))}</td>
                <td className="align-text-right">{cell(r.usefulnessMean, (u) => n(u))}</td>
                <td className="align-text-right">{cell(r.wouldUseAgainShare, (s) => share(s))}</td>
                <td>{t('insights.board.guardCell', { blocked: n(r.blockedRuns), masked: n(r.maskedRuns) })}</td>
                <td>{r.latestDecision ? pick(DECISION_OUTCOME_LABELS[r.latestDecision.outcome]) : t('insights.board.noDecision')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function AssistantRows({ rows }: { rows: BoardAssistantRow[] }) {
  const { t } = useTranslation();
  const { n, share } = useNumbers();
  const cell = useCell();
  const name = (a: string) => t(`trials.assistants.${a as 'letter'}`);
  const chartRows = rows.map((r) => ({ assistant: name(r.assistant), runs: r.runs }));
  const columns: TableColumn[] = [
    { key: 'assistant', label: t('insights.columns.assistant') },
    { key: 'trials', label: t('insights.columns.trials'), numeric: true },
    { key: 'runs', label: t('insights.columns.runs'), numeric: true },
    { key: 'people', label: t('insights.columns.people'), numeric: true },
    { key: 'outcomes', label: t('insights.columns.outcomes') },
    { key: 'minutes', label: t('insights.columns.minutes') },
    { key: 'usefulness', label: t('insights.columns.usefulness'), numeric: true },
    { key: 'wouldUseAgain', label: t('insights.columns.wouldUseAgain'), numeric: true },
    { key: 'guard', label: t('insights.columns.guard') },
  ];
  const tableRows = rows.map((r) => ({
    assistant: name(r.assistant),
    trials: n(r.trials),
    runs: n(r.runs),
    people: n(r.people),
    outcomes: cell(r.outcomes, (o) => t('insights.board.outcomesCell', { asIs: n(o.approvedAsIs), edited: n(o.edited), rejected: n(o.rejected) })),
    minutes: cell(r.minutesSaved, (m) => t('insights.board.minutesCell', { total: n(m.total), median: n(m.median) })),
    usefulness: cell(r.usefulnessMean, (u) => n(u)),
    wouldUseAgain: cell(r.wouldUseAgainShare, (s) => share(s)),
    guard: t('insights.board.guardCell', { blocked: n(r.blockedRuns), masked: n(r.maskedRuns) }),
  }));
  const caption = t('insights.board.perAssistant');
  return (
    <section aria-labelledby="board-assistants-heading" className="mt-6">
      <h2 id="board-assistants-heading">{caption}</h2>
      <ChartFigure
        heading={t('insights.board.runsPerAssistant')}
        summary={rows.map((r) => t('insights.board.assistantSummary', { assistant: name(r.assistant), runs: t('count.runs', { count: r.runs }) })).join(' ')}
        columns={columns.slice(0, 3)}
        rows={tableRows}
        testId="chart-assistants"
      >
        <Bars data={chartRows} categoryKey="assistant" series={[{ key: 'runs', name: t('insights.columns.runs') }]} />
      </ChartFigure>
      <DataTable caption={caption} columns={columns} rows={tableRows} testId="board-assistants" />
    </section>
  );
}
