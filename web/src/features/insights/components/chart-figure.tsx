import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button';

export interface TableColumn {
  key: string;
  label: string;
  numeric?: boolean;
}

/**
 * A chart for those who would rather look than read, with the same data one click away as a table and a sentence
 * that says what the chart shows. The drawing itself is an image with that sentence as its name.
 */
export function ChartFigure({
  heading,
  summary,
  columns,
  rows,
  testId,
  children,
}: {
  heading: string;
  summary: string;
  columns: TableColumn[];
  rows: Record<string, ReactNode>[];
  testId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const tableId = useId();
  return (
    <figure className="insights-figure" data-testid={testId}>
      <figcaption>
        <h3 className="h4">{heading}</h3>
        <p data-testid={`${testId}-summary`}>{summary}</p>
      </figcaption>
      <div role="img" aria-label={summary} className="insights-chart">
        {children}
      </div>
      <Button variant="secondary"
        type="button"
        aria-expanded={asTable}
        aria-controls={tableId}
        onClick={() => setAsTable((v) => !v)}
      >
        {asTable ? t('insights.hideTable') : t('insights.showTable')}
      </Button>
      <div id={tableId} hidden={!asTable}>
        {asTable ? <DataTable caption={heading} columns={columns} rows={rows} testId={`${testId}-table`} /> : null}
      </div>
    </figure>
  );
}

/** A plain table with a caption and column headers; the first column heads its row. */
export function DataTable({
  caption,
  columns,
  rows,
  testId,
  captionVisible = false,
}: {
  caption: string;
  columns: TableColumn[];
  rows: Record<string, ReactNode>[];
  testId?: string;
  captionVisible?: boolean;
}) {
  return (
    <div className="table--responsive-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="table table--compact table--zebra" data-testid={testId}>
        <caption className={captionVisible ? undefined : 'sr-only'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'align-text-right' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c, j) =>
                j === 0 ? (
                  <th key={c.key} scope="row">
                    {row[c.key]}
                  </th>
                ) : (
                  <td key={c.key} className={c.numeric ? 'align-text-right' : undefined}>
                    {row[c.key]}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
