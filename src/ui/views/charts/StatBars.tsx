/**
 * Ensemble outcomes per row (recipe) as horizontal bars with 95% whiskers, one panel per
 * statistic, `columns` panels to a line (each line repeats the row labels, so a panel is
 * read without looking across the screen). Plain SVG, not uPlot: the bars are static
 * categories (no zoom, no hover series, no streaming), and SVG lays out text labels and
 * scales crisply in presenter mode. Colours are resolved from the theme into attributes so
 * the PNG export (which rasterises the SVG alone, without the page's CSS) looks the same.
 */
import { readChartTheme } from '../../charts/themeColors';
import { useThemeColors } from '../useThemeColors';
import { DIVERGED_COLOR } from '../viewColors';

const ROW = 32;
const LABEL_W = 190;
const PANEL_W = 260;
const GAP_BETWEEN = 64;
/** Room right of a panel for its value labels. */
const VALUE_W = 56;

export interface BarRow {
  id: string;
  label: string;
  /** Drawn in the failure colour (diverged runs). */
  bad: boolean;
}

export interface BarPanel {
  title: string;
  /** By row index: the bar's value and its interval ends (null: nothing to draw). */
  value: (i: number) => number | null;
  lo: (i: number) => number | null;
  hi: (i: number) => number | null;
  format: (v: number) => string;
  /** Fixed axis range (e.g. 0…1 for a fraction); otherwise the data's, 0 included. */
  fixed?: [number, number];
}

export function StatBars({
  rows,
  panels,
  columns = panels.length,
  title,
  tooltip,
  ariaLabel,
  testId,
  className,
}: {
  rows: readonly BarRow[];
  panels: readonly BarPanel[];
  columns?: number;
  title: string;
  tooltip: string;
  ariaLabel: string;
  testId: string;
  className?: string;
}) {
  const { accent, text, panel: bg } = useThemeColors();
  const theme = readChartTheme();
  const fs = theme.fontSize * 0.85;
  const row = Math.max(ROW, fs * 2.4);
  const top = fs * 2;
  // Wide enough for the longest label (≈ 0.55 em per character in a sans-serif face).
  const longest = Math.max(0, ...rows.map((r) => r.label.length));
  const labelW = Math.max(LABEL_W * (fs / 12), longest * fs * 0.55 + 12);
  const cols = Math.max(1, Math.min(columns, panels.length));
  const lines = Math.ceil(panels.length / cols);
  const blockH = top + rows.length * row + 8;
  const width = labelW + VALUE_W * (fs / 12) + cols * (PANEL_W + GAP_BETWEEN) - GAP_BETWEEN;
  const height = lines * blockH + (lines - 1) * fs;

  return (
    <figure className={`view-figure ${className ?? ''}`} data-testid={testId}>
      <figcaption title={tooltip}>{title}</figcaption>
      <svg
        className="export-svg"
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${width} ${height}`}
        // Natural size (1 unit = 1 px, so the text is the page's size); shrinks only to fit.
        width={width}
        height={height}
        style={{ maxWidth: '100%', height: 'auto' }}
        role="img"
        aria-label={ariaLabel}
        fontFamily="system-ui, sans-serif"
        fontSize={fs}
      >
        <rect x={0} y={0} width={width} height={height} fill={bg} />
        {Array.from({ length: lines }, (_, line) => (
          <g key={`labels-${line}`} transform={`translate(0 ${line * (blockH + fs)})`}>
            {rows.map((r, i) => (
              <text
                key={r.id}
                x={labelW - 8}
                y={top + i * row + row / 2}
                textAnchor="end"
                dominantBaseline="middle"
                fill={text}
              >
                {r.label}
              </text>
            ))}
          </g>
        ))}
        {panels.map((p, k) => {
          const x0 = labelW + (k % cols) * (PANEL_W + GAP_BETWEEN);
          const y0 = Math.floor(k / cols) * (blockH + fs);
          const vals = rows
            .flatMap((_, i) => [p.value(i), p.lo(i), p.hi(i), 0])
            .filter((v): v is number => v !== null && Number.isFinite(v));
          const [min, max] = p.fixed ?? [Math.min(...vals), Math.max(...vals)];
          const span = max - min || 1;
          const sx = (v: number) => x0 + ((Math.min(max, Math.max(min, v)) - min) / span) * PANEL_W;
          return (
            <g key={p.title} transform={`translate(0 ${y0})`}>
              <text x={x0} y={fs} fill={theme.muted}>
                {p.title}
              </text>
              <line x1={sx(0)} x2={sx(0)} y1={top - 4} y2={blockH - 4} stroke={theme.grid} />
              {rows.map((r, i) => {
                const v = p.value(i);
                if (v === null || !Number.isFinite(v)) return null;
                const y = top + i * row;
                const lo = p.lo(i);
                const hi = p.hi(i);
                const a = sx(Math.min(0, v));
                const b = sx(Math.max(0, v));
                return (
                  <g key={r.id}>
                    <rect
                      x={a}
                      y={y + row * 0.2}
                      width={Math.max(1, b - a)}
                      height={row * 0.6}
                      fill={r.bad ? DIVERGED_COLOR : accent}
                      opacity={0.85}
                    />
                    {lo !== null && hi !== null && (
                      <line
                        x1={sx(lo)}
                        x2={sx(hi)}
                        y1={y + row / 2}
                        y2={y + row / 2}
                        stroke={text}
                        strokeWidth={1.5}
                      />
                    )}
                    <text
                      x={x0 + PANEL_W + 4}
                      y={y + row / 2}
                      dominantBaseline="middle"
                      fill={text}
                      fontSize={fs * 0.9}
                    >
                      {p.format(v)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** A panel of a summary statistic: the mean, whiskers at ± its 95% half-width. */
export function summaryPanel(
  title: string,
  stat: (i: number) => { mean: number; ci95: number | null } | null,
  format: (v: number) => string,
  fixed?: [number, number],
): BarPanel {
  return {
    title,
    value: (i) => stat(i)?.mean ?? null,
    lo: (i) => {
      const s = stat(i);
      return s ? s.mean - (s.ci95 ?? 0) : null;
    },
    hi: (i) => {
      const s = stat(i);
      return s ? s.mean + (s.ci95 ?? 0) : null;
    },
    format,
    fixed,
  };
}
