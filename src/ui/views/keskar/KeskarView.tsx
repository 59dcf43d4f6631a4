/**
 * Keskar et al.'s views: the 1-D loss along the line between a small- and a large-batch
 * solution from the same start, that line on the map, the ε-sharpness of both end
 * points, and the same for a few more seeds in a table.
 */
import { useMemo } from 'react';
import { RUN_COLORS } from '../../../state/palette';
import { useConfig, useViewParams } from '../../../state/react';
import { formatNumber } from '../../format';
import { toCsv } from '../csvTable';
import type { FieldDef } from '../ParamBar';
import { useExperiment } from '../useExperiment';
import { ViewShell, type ViewExports } from '../ViewShell';
import { keskarCaption } from './keskarCaption';
import { KeskarMap } from './KeskarMap';
import { keskarPlan, keskarResults, type KeskarViewSpec } from './keskarPlan';
import { KeskarPlot } from './KeskarPlot';
import { KeskarTable } from './KeskarTable';

const FIELDS: FieldDef[] = [
  {
    key: 'ks',
    label: 'seed',
    tip: 'The seed plotted: it fixes the shared start point and the batch order.',
    size: 4,
  },
  { key: 'kb', label: 'small B', tip: 'Batch size of the small-batch run.', size: 5 },
  {
    key: 'kl',
    label: 'large B',
    tip: 'Batch size of the large-batch run; empty means the whole train set N.',
    size: 5,
    placeholder: 'N',
  },
  {
    key: 'ke',
    label: 'ε',
    tip: 'Box half-width factor of ε-sharpness: the box is |z_i| ≤ ε(|x_i| + 1).',
    size: 6,
  },
  {
    key: 'kk',
    label: 'seeds in table',
    tip: 'How many seeds (from the plotted one on) the sharpness table covers.',
    size: 3,
  },
];

// The explorer's first two run colours: small batch and large batch, as in the explorer.
const COLORS = {
  small: RUN_COLORS[0],
  large: RUN_COLORS[1],
  train: RUN_COLORS[0],
  test: RUN_COLORS[1],
};

export function KeskarView({ alone }: { alone?: boolean }) {
  const params = useViewParams((s) => s.params.keskar);
  const base = useConfig((c) => c.base);
  const plan = useMemo(() => keskarPlan(params, base), [params, base]);
  const exp = useExperiment<KeskarViewSpec>('keskar', plan);
  const spec = exp.results ? exp.spec : null;
  const rs = useMemo(() => (exp.results ? keskarResults(exp.results) : null), [exp.results]);
  const r = rs?.[0] ?? null;
  const exports: ViewExports | null =
    spec && rs ? { csv: () => keskarCsv(rs), data: () => ({ spec, results: rs }) } : null;

  return (
    <ViewShell
      view="keskar"
      title="Sharp and flat solutions (Keskar et al.)"
      intro={`A small and a large batch from the same start (the seed's random start) on the explorer's ${base.preset} setup: train and test loss on the straight line through their end points, and how sharp each end point is.`}
      fields={FIELDS}
      exp={exp}
      caption={rs && spec ? keskarCaption(rs, spec.small, spec.large) : null}
      exports={exports}
      alone={alone}
      extraControls={plan.note ? <p className="view-note">{plan.note}</p> : null}
    >
      {spec && r && rs ? (
        <div className="keskar-layout">
          <div className="keskar-main">
            <KeskarPlot r={r} small={spec.small} large={spec.large} colors={COLORS} />
            <div className="keskar-phi" aria-label="ε-sharpness of the two solutions">
              <Phi
                label={`small batch x_SB (B = ${spec.small})`}
                value={r.small.sharpness}
                testId="keskar-phi-small"
                color={COLORS.small}
              />
              <Phi
                label={`large batch x_LB (B = ${spec.large})`}
                value={r.large.sharpness}
                testId="keskar-phi-large"
                color={COLORS.large}
              />
              <p className="view-note">
                ε-sharpness φ is the largest rise of the train loss within a box of half-width
                ε·(|x_i| + 1) around the point (ε = {spec.eps}), in percent of 1 + max(loss, 0): the
                larger φ, the sharper the minimum.
              </p>
            </div>
          </div>
          <div className="keskar-side">
            <KeskarMap base={spec.base} r={r} colors={COLORS} />
            {rs.length > 1 && <KeskarTable rs={rs} />}
          </div>
        </div>
      ) : (
        <p className="view-placeholder">Results appear here when the runs finish.</p>
      )}
    </ViewShell>
  );
}

function Phi({
  label,
  value,
  testId,
  color,
}: {
  label: string;
  value: number | null;
  testId: string;
  color: string;
}) {
  return (
    <div className="phi-card">
      <span className="phi-label">
        <span className="swatch" style={{ background: color }} />
        {label}
      </span>
      <span className="phi-value" data-testid={testId} data-value={value ?? undefined}>
        φ = {formatNumber(value)}
      </span>
    </div>
  );
}

function keskarCsv(rs: ReturnType<typeof keskarResults>): string {
  const header = [
    'seed',
    'alpha',
    'train',
    'test',
    'phiSmall',
    'phiLarge',
    'basinSmall',
    'basinLarge',
  ];
  return toCsv(
    header,
    rs.flatMap((r) =>
      r.alpha.map((a, i) => [
        r.seed,
        a,
        r.train[i],
        r.test[i],
        r.small.sharpness,
        r.large.sharpness,
        r.small.basin,
        r.large.basin,
      ]),
    ),
  );
}
