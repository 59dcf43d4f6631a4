/**
 * The remedies for large-batch training as matched recipes (same landscape, seeds and
 * epochs; only the recipe differs), their jobs, and their rows.
 */
import type { ConfigInput } from './config';
import type { EndpointResult, EnsembleJob } from './ensemble';
import { endpointRow } from './experiments';

export interface Remedy {
  id: string;
  label: string;
  /** One plain sentence: what the remedy changes. */
  blurb: string;
  patch: ConfigInput;
}

/** Matched variants: the same landscape, seeds and epochs; only the recipe differs. */
export function remedies(small: number, large: number, lr: number): Remedy[] {
  // 5·lr printed as a person would write it (0.15, not 0.15000000000000002).
  const hi = Number((5 * lr).toPrecision(6));
  const big = { batch: large, refBatch: small };
  return [
    {
      id: 'small',
      label: `small batch (B = ${small})`,
      blurb: 'The baseline: noisy steps.',
      patch: { batch: small, refBatch: small },
    },
    {
      id: 'large',
      label: `large batch (B = ${large})`,
      blurb: 'Same epochs, far fewer and smoother steps.',
      patch: big,
    },
    {
      id: 'sqrt',
      label: '+ √ LR scaling',
      blurb: `Learning rate × √(B/${small}), keeping the noise scale closer to the small batch's.`,
      patch: { ...big, lrScaling: 'sqrt' },
    },
    {
      id: 'linear',
      label: '+ linear LR scaling',
      blurb: `Learning rate × B/${small}: the same noise scale, but steps may become unstable.`,
      patch: { ...big, lrScaling: 'linear' },
    },
    {
      id: 'regime',
      label: '+ regime adaptation',
      blurb: 'Train longer: as many updates as the small batch makes.',
      patch: { ...big, regimeAdaptation: true },
    },
    {
      id: 'highlr',
      label: '+ high initial LR',
      blurb: `Learning rate ${hi} for the first half, then ${lr}.`,
      patch: { ...big, lr: 5 * lr, lrSchedule: { kind: 'step', milestones: [0.5], factor: 0.2 } },
    },
    {
      id: 'warmup',
      label: '+ warm-up to high LR',
      blurb: `Ramp the learning rate up to ${hi} over the first 10%, then keep it.`,
      patch: { ...big, lr: 5 * lr, lrSchedule: { kind: 'warmup', fraction: 0.1 } },
    },
    {
      id: 'grow',
      label: '+ growing batch',
      blurb: `Start at B = ${small}, multiply by 4 at 10%, 20%, 30% of training, up to ${large}.`,
      patch: {
        batch: small,
        refBatch: small,
        batchSchedule: { kind: 'grow', milestones: [0.1, 0.2, 0.3], factor: 4, cap: large },
      },
    },
  ];
}

export function remedyJobs(base: ConfigInput, list: Remedy[], seeds: number[]): EnsembleJob[] {
  return list.flatMap((r) =>
    seeds.map((seed) => ({ kind: 'endpoint' as const, config: { ...base, ...r.patch, seed } })),
  );
}

export function remedyRows(
  list: Remedy[],
  seeds: number[],
  results: EndpointResult[],
  hasFlatBasin: boolean,
) {
  return list.map((r, i) => ({
    remedy: r,
    row: endpointRow(results.slice(i * seeds.length, (i + 1) * seeds.length), hasFlatBasin),
  }));
}
