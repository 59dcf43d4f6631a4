/**
 * Hoffer et al.'s ultra-slow diffusion: how far SGD gets from its start on a random
 * potential, per batch size and learning rate, with log and power-law fits compared on
 * equal terms, and the flat-potential baseline (√t) one switch away.
 */
import { useMemo } from 'react';
import { useConfig, useViewParams } from '../../../state/react';
import { toCsv } from '../csvTable';
import type { FieldDef } from '../ParamBar';
import { useExperiment } from '../useExperiment';
import { useSeriesColors } from '../useThemeColors';
import { ViewShell, type ViewExports } from '../ViewShell';
import { diffusionCaption } from './diffusionCaption';
import { DiffusionChart } from './DiffusionChart';
import { DiffusionExponentChart } from './DiffusionExponentChart';
import {
  aggregateDiffusion,
  diffusionPlan,
  type DiffusionViewSpec,
  type ViewCurve,
} from './diffusionPlan';
import { DiffusionTable } from './DiffusionTable';

const FIELDS: FieldDef[] = [
  {
    key: 'db',
    label: 'batch sizes',
    tip: 'Comma-separated batch sizes, one curve each (up to 6).',
    size: 10,
  },
  {
    key: 'dlr',
    label: 'learning rates',
    tip: 'Comma-separated learning rates; every batch size runs at each (up to 4).',
    size: 8,
  },
  {
    key: 'dk',
    label: 'seeds K',
    tip: 'Runs per curve; each seed also draws its own random potential. Flat baselines average 4 × K runs (they cost a fifth as much per step), to pin their p(t) near ½.',
    size: 4,
  },
  { key: 'dst', label: 'steps', tip: 'Updates per run: the end of the t axis.', size: 6 },
  {
    key: 'dfr',
    label: 'fit range',
    tip: 'Steps lo,hi over which both laws are fitted and p(t) is read; empty means 20 … steps (where the default potential’s first descent has ended).',
    size: 9,
    placeholder: '20,steps',
  },
  {
    key: 'dfl',
    label: 'flat-potential baseline',
    tip: 'Also run every curve with the potential switched off (amplitude 0) and the same minibatch noise: a free random walk, whose distance grows like √t (p(t) = ½).',
    checkbox: true,
  },
];

export function DiffusionView({ alone }: { alone?: boolean }) {
  const params = useViewParams((s) => s.params.diffusion);
  const explorer = useConfig((c) => c.base);
  const plan = useMemo(() => diffusionPlan(params, explorer), [params, explorer]);
  const exp = useExperiment<DiffusionViewSpec>('diffusion', plan);
  const spec = exp.results ? exp.spec : null;
  const curves = useMemo(
    () => (spec && exp.results ? aggregateDiffusion(spec, exp.results) : null),
    [spec, exp.results],
  );
  const rough = curves ? curves.filter((c) => !c.flat).length : 0;
  const palette = useSeriesColors(Math.max(1, rough));
  // A flat baseline takes the colour of the curve it repeats (same B and η), dashed.
  const colors = useMemo(
    () => (curves ?? []).map((_, i) => palette[i % Math.max(1, rough)]!),
    [curves, palette, rough],
  );
  const exports: ViewExports | null =
    spec && curves
      ? { csv: () => diffusionCsv(curves), data: () => ({ spec, results: curves }) }
      : null;

  return (
    <ViewShell
      view="diffusion"
      title="Ultra-slow diffusion (Hoffer et al.)"
      intro="SGD on a random potential is a random walk on a random landscape. Where the landscape's bumps grow with distance (here over a set range of scales) and the noise is weak against them, its distance from the start grows only like log t, so fewer updates (large batches, same epochs) do not get far. The local exponent p(t) tells log growth from a power law."
      fields={FIELDS}
      exp={exp}
      caption={curves && spec ? diffusionCaption(curves, spec.fitRange) : null}
      exports={exports}
      alone={alone}
      extraControls={plan.note ? <p className="view-note">{plan.note}</p> : null}
    >
      {spec && curves ? (
        <div className="diffusion-layout">
          <div className="diffusion-charts">
            <DiffusionChart curves={curves} colors={colors} fitRange={spec.fitRange} />
            <DiffusionExponentChart curves={curves} colors={colors} fitRange={spec.fitRange} />
          </div>
          <div className="diffusion-table-wrap">
            <DiffusionTable curves={curves} colors={colors} fitRange={spec.fitRange} />
          </div>
          <p className="view-note">
            Distance: dashed lines a·ln t + b, dotted c·t^p; lines with markers: the flat-potential
            baseline. Both R² are computed on the mean distance itself over the fit range, so they
            compare directly; the better one is bold. Local exponent: p(t), the log-log slope of the
            mean distance over one decade around t; it needs half a decade either side, so it stops
            short of both ends.
          </p>
        </div>
      ) : (
        <p className="view-placeholder">Results appear here when the runs finish.</p>
      )}
    </ViewShell>
  );
}

function diffusionCsv(curves: readonly ViewCurve[]): string {
  const header = [
    'curve',
    'flat',
    't',
    'meanDistance',
    'sdDistance',
    'lo95',
    'hi95',
    'logA',
    'logB',
    'logR2',
    'powC',
    'powP',
    'powR2',
    'localExponent',
  ];
  const rows = curves.flatMap((c) =>
    c.t.map((t, j) => [
      c.label,
      c.flat ? 1 : 0,
      t,
      c.mean[j],
      c.sd[j],
      c.lo[j],
      c.hi[j],
      c.logFit.a,
      c.logFit.b,
      c.logFit.r2,
      c.powerFit.c,
      c.powerFit.p,
      c.powerFit.r2,
      c.localExponent[j],
    ]),
  );
  return toCsv(header, rows);
}
