/**
 * The network comparison (Hoffer et al., 2017, on the MLP): matched ensembles of the small
 * batch, the large batch and the large batch with each of Hoffer's remedies — Ghost BN,
 * regime adaptation, √ LR scaling, all three — in one table with verdicts from the 95%
 * intervals, bars, and Keskar's line between the first seed's small- and large-batch
 * networks. The same jobs as the CLI's `network` command: the same numbers.
 */
import { useMemo } from 'react';
import { networkTable } from '../../../engine/nn';
import { RUN_COLORS } from '../../../state/palette';
import { useConfig, useViewParams } from '../../../state/react';
import { KeskarPlot } from '../keskar/KeskarPlot';
import { toCsv } from '../csvTable';
import type { FieldDef } from '../ParamBar';
import { useExperiment } from '../useExperiment';
import { ViewShell, type ViewExports } from '../ViewShell';
import { NetworkBars } from './NetworkBars';
import { networkCaption } from './networkCaption';
import { lineCaption } from './lineCaption';
import { aggregateNetwork, networkPlan, type NetworkViewSpec } from './networkPlan';
import { NetworkTable } from './NetworkTable';

const FIELDS: FieldDef[] = [
  {
    key: 'nws',
    label: 'small B',
    tip: 'The small batch size: the baseline every recipe is compared with.',
    size: 5,
  },
  {
    key: 'nwl',
    label: 'large B',
    tip: 'The large batch size the recipes try to fix; empty means the whole train set N.',
    size: 5,
    placeholder: 'N',
  },
  {
    key: 'nwg',
    label: 'ghost v',
    tip: 'Ghost batch size of the Ghost BN rows (must divide the large batch); empty means the small batch.',
    size: 4,
    placeholder: 'small',
  },
  {
    key: 'nwk',
    label: 'seeds K',
    tip: 'Runs (seeds) per recipe, at least 2; every recipe uses the same seeds.',
    size: 4,
  },
];

const COLORS = { train: RUN_COLORS[0], test: RUN_COLORS[1] };

/** "two moons, 20% flipped train labels, N = 128; 2→32→32→2 ReLU + BN; η = 0.1, 1000 epochs". */
function describeNetwork(spec: NetworkViewSpec | null, fromExplorer: boolean): string {
  const where = fromExplorer ? "the explorer's network" : 'the mlp preset’s default network';
  if (!spec) return where;
  const c = spec.base;
  const net = c.network!;
  const budget = `${c.budget.amount} ${c.budget.unit}`;
  return (
    `${where}: ${net.dataset}, ${Math.round(100 * net.labelNoise)}% flipped train labels, N = ${c.landscape.n}; ` +
    `2→${net.hidden.join('→')}→${net.dataset === 'blobs' ? 3 : 2} ${net.activation}${net.batchNorm ? ' + BN' : ''}; ` +
    `η = ${c.lr}, ${budget}`
  );
}

export function NetworkView({ alone }: { alone?: boolean }) {
  const params = useViewParams((s) => s.params.network);
  const explorer = useConfig((c) => c.base);
  const plan = useMemo(() => networkPlan(params, explorer), [params, explorer]);
  const exp = useExperiment<NetworkViewSpec>('network', plan);
  const spec = exp.results ? exp.spec : null;
  const out = useMemo(
    () => (spec && exp.results ? aggregateNetwork(spec, exp.results) : null),
    [spec, exp.results],
  );
  const exports: ViewExports | null =
    spec && out
      ? {
          csv: () => {
            const { header, body } = networkTable(out.rows);
            return toCsv(header, body);
          },
          data: () => ({
            spec,
            results: {
              rows: out.rows.map(({ remedy, row, vsSmall, vsLarge }) => ({
                id: remedy.id,
                label: remedy.label,
                ...row,
                vsSmall,
                vsLarge,
              })),
              line: out.line,
            },
          }),
        }
      : null;

  return (
    <ViewShell
      view="network"
      title="Small vs large batch on a network, and Hoffer's remedies"
      intro={`Matched ensembles on ${describeNetwork(plan.spec, explorer.preset === 'mlp')}: same data, seeds (so the same start weights and data order) and epochs; only the recipe differs. Measured at the end, in inference mode (BN with its running statistics). Full-size ensembles: the CLI's network command.`}
      fields={FIELDS}
      exp={exp}
      caption={out ? networkCaption(out.rows) : null}
      exports={exports}
      alone={alone}
      extraControls={plan.note ? <p className="view-note">{plan.note}</p> : null}
    >
      {spec && out ? (
        <div className="network-layout">
          <NetworkTable rows={out.rows} />
          <NetworkBars rows={out.rows} />
          {out.line && (
            <section className="network-line" aria-label="Keskar's line between the solutions">
              <h3>Between the small- and the large-batch network (seed {out.line.seed})</h3>
              <p className="view-note" data-testid="network-line-caption">
                {lineCaption(out.line, spec)}
              </p>
              <div className="network-line-plots">
                <KeskarPlot
                  r={out.line}
                  small={spec.small}
                  large={spec.large}
                  colors={COLORS}
                  yLog
                  testId="network-line-loss"
                />
                <KeskarPlot
                  r={out.line}
                  small={spec.small}
                  large={spec.large}
                  colors={COLORS}
                  metric="accuracy"
                  testId="network-line-accuracy"
                />
              </div>
            </section>
          )}
        </div>
      ) : (
        <p className="view-placeholder">
          Results appear here when the runs finish: {plan.spec.recipes.length} recipes ×{' '}
          {plan.spec.seeds.length} seeds, and the line between two solutions.
        </p>
      )}
    </ViewShell>
  );
}
