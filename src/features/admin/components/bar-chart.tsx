import { useId } from 'react';

export interface BarChartRow {
  label: string;
  values: number[];
}

/**
 * A grouped bar chart as inline SVG (no chart library): one group per row, one bar per series.
 * The numbers are in the table beside it; the SVG is a picture of them (role="img" with a
 * summary), so screen readers read the table. Colours come from classes (CSP: no inline styles).
 */
export function BarChart({ title, series, rows }: { title: string; series: string[]; rows: BarChartRow[] }) {
  const id = useId();
  const max = Math.max(1, ...rows.flatMap((row) => row.values));
  const barWidth = 14;
  const gap = 10;
  // Wide enough for a label of up to 10 characters at 10 px, so neighbours never overlap.
  const labelWidth = 60;
  const barsWidth = series.length * barWidth;
  const groupWidth = Math.max(barsWidth, labelWidth) + gap;
  const barsOffset = (groupWidth - gap - barsWidth) / 2;
  const height = 120;
  const labelSpace = 34;
  const width = Math.max(120, rows.length * groupWidth + gap);
  const total = rows.reduce((sum, row) => sum + row.values.reduce((a, b) => a + b, 0), 0);
  return (
    <figure className="bar-chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title`}
        viewBox={`0 0 ${width} ${height + labelSpace}`}
        width={width}
        height={height + labelSpace}
        className="bar-chart__svg"
      >
        <title id={`${id}-title`}>{`${title}: ${rows.length} ${rows.length === 1 ? 'group' : 'groups'}, ${total} in all (the table has the numbers)`}</title>
        <line x1={0} y1={height} x2={width} y2={height} className="bar-chart__axis" />
        {rows.map((row, i) => (
          <g key={row.label} transform={`translate(${gap + i * groupWidth + barsOffset}, 0)`}>
            {row.values.map((value, j) => {
              const h = Math.round((value / max) * (height - 14));
              return (
                <g key={series[j]}>
                  <rect x={j * barWidth} y={height - h} width={barWidth - 2} height={h} className={`bar-chart__bar bar-chart__bar--${j}`} />
                  {value > 0 && (
                    <text x={j * barWidth + (barWidth - 2) / 2} y={height - h - 3} textAnchor="middle" className="bar-chart__value">
                      {value}
                    </text>
                  )}
                </g>
              );
            })}
            <text x={(series.length * barWidth) / 2} y={height + 14} textAnchor="middle" className="bar-chart__label">
              {row.label.length > 10 ? `${row.label.slice(0, 9)}…` : row.label}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="bar-chart__legend">
        {series.map((name, j) => (
          <span key={name} className="bar-chart__key">
            <svg width="12" height="12" aria-hidden="true" focusable="false">
              <rect width="12" height="12" className={`bar-chart__bar bar-chart__bar--${j}`} />
            </svg>{' '}
            {name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
