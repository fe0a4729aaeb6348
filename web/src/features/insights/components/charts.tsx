import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';

/** DKFDS palette colours with enough contrast against white for bars (WCAG 1.4.11). */
export const SERIES_COLOURS = ['#0059b3', '#008139', '#b35900', '#6b2c91'];

const WIDTH = 640;
const HEIGHT = 280;

export interface Series {
  key: string;
  name: string;
}

/**
 * A bar chart with fixed measures: it scrolls sideways on narrow screens instead of measuring its container,
 * which keeps it working without ResizeObserver and stable when printed. Values are already in the rows.
 */
export function Bars({
  data,
  categoryKey,
  series,
  layout = 'horizontal',
  stacked = false,
}: {
  data: Record<string, string | number>[];
  categoryKey: string;
  series: Series[];
  layout?: 'horizontal' | 'vertical';
  stacked?: boolean;
}) {
  const vertical = layout === 'vertical';
  return (
    <div style={{ overflowX: 'auto' }}>
      <BarChart
        width={WIDTH}
        height={vertical ? Math.max(HEIGHT, data.length * 36 + 40) : HEIGHT}
        data={data}
        layout={vertical ? 'vertical' : 'horizontal'}
        margin={{ top: 8, right: 16, bottom: 8, left: vertical ? 120 : 8 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" />
        {vertical ? (
          <>
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey={categoryKey} width={200} />
          </>
        ) : (
          <>
            <XAxis dataKey={categoryKey} />
            <YAxis allowDecimals={false} />
          </>
        )}
        <Tooltip />
        {series.length > 1 ? <Legend /> : null}
        {series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.name}
            fill={SERIES_COLOURS[i % SERIES_COLOURS.length]}
            isAnimationActive={false}
            maxBarSize={56}
            {...(stacked ? { stackId: 'all' } : {})}
          />
        ))}
      </BarChart>
    </div>
  );
}
