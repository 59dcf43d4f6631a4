/**
 * Flat fraction, test loss and gap per remedy as horizontal bars with 95% whiskers. Plain SVG, not
 * uPlot: the bars are static categories (no zoom, no hover series, no streaming), and
 * SVG lays out text labels and scales crisply in presenter mode. Colours are resolved
 * from the theme into attributes so the PNG export (which rasterises the SVG alone,
 * without the page's CSS) looks the same.
 */
import { readChartTheme } from '../../charts/themeColors';
import { formatNumber } from '../../format';
import { useThemeColors } from '../useThemeColors';
import { DIVERGED_COLOR } from '../viewColors';
import { shortLabel, type RemedyOutcome } from './remediesPlan';

const ROW = 32;
const LABEL_W = 190;
const PANEL_W = 260;
const GAP_BETWEEN = 64;
/** Room right of the last panel for its value labels. */
const VALUE_W = 56;

interface Panel {
  title: string;
  value: (o: RemedyOutcome) => number | null;
  lo: (o: RemedyOutcome) => number | null;
  hi: (o: RemedyOutcome) => number | null;
  format: (v: number) => string;
  fixed?: [number, number];
}

export function RemediesBars({ rows }: { rows: readonly RemedyOutcome[] }) {
  const { accent, text, panel: bg } = useThemeColors();
  const theme = readChartTheme();
  const panels: Panel[] = [];
  if (rows.some((r) => r.row.flatFraction !== null))
    panels.push({
      title: 'flat fraction (95% Wilson)',
      value: (o) => o.row.flatFraction,
      lo: (o) => o.row.flatCi?.[0] ?? null,
      hi: (o) => o.row.flatCi?.[1] ?? null,
      format: (v) => `${Math.round(v * 100)}%`,
      fixed: [0, 1],
    });
  panels.push({
    title: 'test loss (mean ± 95%)',
    value: (o) => o.row.finalTestLoss.mean,
    lo: (o) => o.row.finalTestLoss.mean - (o.row.finalTestLoss.ci95 ?? 0),
    hi: (o) => o.row.finalTestLoss.mean + (o.row.finalTestLoss.ci95 ?? 0),
    format: (v) => formatNumber(v),
  });
  panels.push({
    title: 'gap, test − train (mean ± 95%)',
    value: (o) => o.row.gap.mean,
    lo: (o) => o.row.gap.mean - (o.row.gap.ci95 ?? 0),
    hi: (o) => o.row.gap.mean + (o.row.gap.ci95 ?? 0),
    format: (v) => formatNumber(v),
  });
  const fs = theme.fontSize * 0.85;
  const row = Math.max(ROW, fs * 2.4);
  const top = fs * 2;
  const width =
    (LABEL_W + VALUE_W) * (fs / 12) + panels.length * (PANEL_W + GAP_BETWEEN) - GAP_BETWEEN;
  const height = top + rows.length * row + 8;
  const labelW = LABEL_W * (fs / 12);

  return (
    <figure className="view-figure remedies-bars" data-testid="remedies-bars">
      <figcaption title="Each remedy's share of runs ending in the flat basin, its mean final test loss and its mean generalization gap, with 95% intervals.">
        Outcome of each remedy
      </figcaption>
      <svg
        className="export-svg"
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${width} ${height}`}
        // Natural size (1 unit = 1 px, so the text is the page's size); shrinks only to fit.
        width={width}
        height={height}
        style={{ maxWidth: '100%', height: 'auto' }}
        role="img"
        aria-label="Bar chart of flat fraction, test loss and gap per remedy"
        fontFamily="system-ui, sans-serif"
        fontSize={fs}
      >
        <rect x={0} y={0} width={width} height={height} fill={bg} />
        {rows.map((o, i) => (
          <text
            key={o.remedy.id}
            x={labelW - 8}
            y={top + i * row + row / 2}
            textAnchor="end"
            dominantBaseline="middle"
            fill={text}
          >
            {shortLabel(o.remedy)}
          </text>
        ))}
        {panels.map((p, k) => {
          const x0 = labelW + k * (PANEL_W + GAP_BETWEEN);
          const vals = rows
            .flatMap((o) => [p.value(o), p.lo(o), p.hi(o), 0])
            .filter((v): v is number => v !== null && Number.isFinite(v));
          const [min, max] = p.fixed ?? [Math.min(...vals), Math.max(...vals)];
          const span = max - min || 1;
          const sx = (v: number) => x0 + ((Math.min(max, Math.max(min, v)) - min) / span) * PANEL_W;
          return (
            <g key={p.title}>
              <text x={x0} y={fs} fill={theme.muted}>
                {p.title}
              </text>
              <line x1={sx(0)} x2={sx(0)} y1={top - 4} y2={height - 4} stroke={theme.grid} />
              {rows.map((o, i) => {
                const v = p.value(o);
                if (v === null || !Number.isFinite(v)) return null;
                const y = top + i * row;
                const lo = p.lo(o);
                const hi = p.hi(o);
                const a = sx(Math.min(0, v));
                const b = sx(Math.max(0, v));
                return (
                  <g key={o.remedy.id}>
                    <rect
                      x={a}
                      y={y + row * 0.2}
                      width={Math.max(1, b - a)}
                      height={row * 0.6}
                      fill={o.row.diverged ? DIVERGED_COLOR : accent}
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
