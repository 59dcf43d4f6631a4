/**
 * Noise and stability: full-batch GD on the N-D quadratic over a learning-rate axis, with
 * the stability line η·λ_max = 2 and divergence shown when it is crossed; plus the
 * noise readouts (g, B_simple) of the explorer's current runs.
 */
import { useMemo } from 'react';
import { useConfig, useViewParams } from '../../../state/react';
import { formatNumber } from '../../format';
import { Term } from '../../glossary';
import { toCsv } from '../csvTable';
import type { FieldDef } from '../ParamBar';
import { useExperiment } from '../useExperiment';
import { useThemeColors } from '../useThemeColors';
import { ViewShell, type ViewExports } from '../ViewShell';
import { NoiseReadouts } from './NoiseReadouts';
import { StabilityChart } from './StabilityChart';
import { stabilityCaption } from './stabilityCaption';
import {
  stabilityPlan,
  stabilityResults,
  summarizeStability,
  type StabilityViewSpec,
} from './stabilityPlan';

const FIELDS: FieldDef[] = [
  {
    key: 'tlr',
    label: 'learning rates',
    tip: 'Smallest and largest learning rate, lo,hi; the values between are log-spaced.',
    size: 10,
  },
  { key: 'tn', label: 'count', tip: 'How many learning rates to try.', size: 3 },
  { key: 'tst', label: 'steps', tip: 'Full-batch gradient steps per run.', size: 5 },
  {
    key: 'tlm',
    label: 'λ_max',
    tip: 'Largest Hessian eigenvalue of the quadratic (its spectrum is log-spaced below it).',
    size: 5,
  },
];

export function StabilityView({ alone }: { alone?: boolean }) {
  const params = useViewParams((s) => s.params.stability);
  const explorer = useConfig((c) => c.base);
  const plan = useMemo(() => stabilityPlan(params, explorer), [params, explorer]);
  const exp = useExperiment<StabilityViewSpec>('stability', plan);
  const { accent } = useThemeColors();
  const spec = exp.results ? exp.spec : null;
  const rs = useMemo(() => (exp.results ? stabilityResults(exp.results) : null), [exp.results]);
  const summary = useMemo(() => (spec && rs ? summarizeStability(spec, rs) : null), [spec, rs]);
  const exports: ViewExports | null =
    spec && rs
      ? {
          csv: () =>
            toCsv(
              ['lr', 'status', 'steps', 'trainLoss', 'testLoss', 'lambdaMax'],
              rs.map((r) => [r.lr, r.status, r.steps, r.trainLoss, r.testLoss, r.lambdaMax]),
            ),
          data: () => ({ spec, results: { summary, runs: rs } }),
        }
      : null;
  const measured =
    rs?.find((r) => r.status !== 'diverged' && r.lambdaMax !== null)?.lambdaMax ?? null;

  return (
    <ViewShell
      view="stability"
      title="Noise and stability"
      intro="Gradient descent on a quadratic is stable only while learning rate × λ_max < 2: past that, the steepest direction overshoots further every step."
      fields={FIELDS}
      exp={exp}
      caption={summary && spec ? stabilityCaption(summary, spec.lambdaMax) : null}
      exports={exports}
      alone={alone}
    >
      <div className="stability-layout">
        <div className="stability-main">
          {spec && rs && summary ? (
            <>
              <StabilityChart rs={rs} critical={summary.critical} color={accent} />
              <dl className="stability-facts">
                <div>
                  <dt>
                    predicted bound 2/<Term k="lambdaMax">λ_max</Term>
                  </dt>
                  <dd data-testid="stability-critical" data-value={summary.critical}>
                    {formatNumber(summary.critical)}
                  </dd>
                </div>
                <div>
                  <dt>largest η that converged</dt>
                  <dd data-testid="stability-last-stable">{formatNumber(summary.lastStable)}</dd>
                </div>
                <div>
                  <dt>smallest η that diverged</dt>
                  <dd data-testid="stability-first-diverged">
                    {formatNumber(summary.firstDiverged)}
                  </dd>
                </div>
                <div>
                  <dt title="Top Hessian eigenvalue measured by Lanczos at a converged end point; it should equal the λ_max set above">
                    λ_max measured
                  </dt>
                  <dd data-testid="stability-measured">{formatNumber(measured)}</dd>
                </div>
              </dl>
            </>
          ) : (
            <p className="view-placeholder">Results appear here when the runs finish.</p>
          )}
        </div>
        <NoiseReadouts />
      </div>
    </ViewShell>
  );
}
