/**
 * The legend of the diffusion charts and their numbers: both laws and both R² per curve,
 * p(t) at the ends of the fit range, and what the two together say.
 */
import { formatCount, formatNumber } from '../../format';
import { readCurve, type DiffusionVerdict } from './diffusionCaption';
import type { DiffusionPanelProps } from './diffusionPlan';

const VERDICT_WORDS: Record<DiffusionVerdict, string> = {
  log: 'log t',
  'log-unresolved': 'log t? (R² tie)',
  power: 'power law',
  trapped: 'trapped',
  unclear: 'unclear',
  short: '—',
};

export function DiffusionTable({ curves, colors, fitRange }: DiffusionPanelProps) {
  return (
    <table className="view-table diffusion-table" data-testid="diffusion-table">
      <thead>
        <tr>
          <th scope="col">curve</th>
          <th scope="col" title="Slope of the fit ‖w_t − w_0‖ ≈ a·ln t + b">
            a
          </th>
          <th scope="col" title="Intercept of the log fit">
            b
          </th>
          <th scope="col" title="R² of a·ln t + b on the ensemble mean over the fit range">
            R² log
          </th>
          <th scope="col" title="Prefactor of the power fit ‖w_t − w_0‖ ≈ c·t^p">
            c
          </th>
          <th scope="col" title="Exponent of the power fit (0.5 = a plain random walk, √t)">
            p
          </th>
          <th
            scope="col"
            title="R² of c·t^p, on the same points and scale as the log fit's, so the two compare"
          >
            R² power
          </th>
          <th
            scope="col"
            title="Local exponent p(t) = d ln D / d ln t at the first step of the fit range where it is defined (it needs half a decade either side)"
          >
            p(t) first
          </th>
          <th scope="col" title="p(t) at the last step of the fit range where it is defined">
            p(t) last
          </th>
          <th
            scope="col"
            title="log t: the log fit wins by ≥ 0.02 in R² and p(t) falls ≥ 1.5×; power law: p(t) constant (±20%) and the power fit wins by ≥ 0.02; trapped: p(t) ends below 0.05; otherwise unclear"
          >
            reads as
          </th>
          <th scope="col" title="Mean distance from the start at the last step">
            final ‖w − w₀‖
          </th>
          <th scope="col" title="Runs that diverged">
            div.
          </th>
        </tr>
      </thead>
      <tbody>
        {curves.map((c, i) => {
          const logBetter = c.logFit.r2 > c.powerFit.r2;
          const reading = readCurve(c, fitRange);
          const ends = reading.ends;
          return (
            <tr key={c.label}>
              <th scope="row">
                <span
                  className={`swatch ${c.flat ? 'swatch-marker' : ''}`}
                  style={{ background: colors[i], color: colors[i] }}
                />
                {c.label}
              </th>
              <td>{formatNumber(c.logFit.a)}</td>
              <td>{formatNumber(c.logFit.b)}</td>
              <td
                data-testid={`diffusion-r2log-${i}`}
                data-value={c.logFit.r2}
                className={logBetter ? 'is-best' : undefined}
              >
                {formatNumber(c.logFit.r2)}
              </td>
              <td>{formatNumber(c.powerFit.c)}</td>
              <td data-testid={`diffusion-p-${i}`} data-value={c.powerFit.p}>
                {formatNumber(c.powerFit.p)}
              </td>
              <td
                data-testid={`diffusion-r2pow-${i}`}
                data-value={c.powerFit.r2}
                className={logBetter ? undefined : 'is-best'}
              >
                {formatNumber(c.powerFit.r2)}
              </td>
              {(['first', 'last'] as const).map((end) => (
                <td
                  key={end}
                  data-testid={`diffusion-p${end}-${i}`}
                  data-value={ends?.[end].p ?? ''}
                  title={ends ? `at t = ${formatCount(ends[end].t)}` : undefined}
                >
                  {formatNumber(ends?.[end].p, 2)}
                </td>
              ))}
              <td data-testid={`diffusion-verdict-${i}`}>{VERDICT_WORDS[reading.verdict]}</td>
              <td data-testid={`diffusion-final-${i}`}>
                {formatNumber(c.mean[c.mean.length - 1])}
              </td>
              <td className={c.diverged ? 'is-bad' : undefined}>{c.diverged}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
