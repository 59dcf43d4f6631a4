/**
 * The network comparison (Hoffer et al., 2017, on the MLP): matched recipes that differ
 * from the large batch by one named change — Ghost BatchNorm with a small v, regime
 * adaptation (as many updates as the small batch), √ LR scaling — and all three together,
 * Hoffer's full recipe. When the base network has no BatchNorm, plain BN at the large batch
 * is added as the control that tells "BN" from "ghost batches". Same data set, seeds (hence
 * start weights) and epochs throughout; rows are ensembles with 95% intervals, and each row
 * says whether its test accuracy is apart from the small and the large batch's (intervals
 * disjoint) or not.
 */
import type { ConfigInput } from '../config';
import type { EndpointResult } from '../ensemble';
import { endpointRow, rowStatHeader, rowStatValues, type SweepRow } from '../experiments';
import type { Remedy } from '../remedies';
import { remedyJobs } from '../remedies';
import type { Summary } from '../stats';

export type Separation = 'better' | 'worse' | 'overlap';

export interface NetworkRow {
  remedy: Remedy;
  row: SweepRow;
  /** Test accuracy against the small / large batch's: 95% intervals disjoint or not. */
  vsSmall: Separation | null;
  vsLarge: Separation | null;
}

/** `hasBn`: whether the base network (resolved, preset defaults included) has BatchNorm. */
export function networkRecipes(
  base: ConfigInput,
  small: number,
  large: number,
  ghost: number,
  hasBn: boolean,
): Remedy[] {
  const big = { batch: large, refBatch: small };
  const gbn = { network: { ...(base.network ?? {}), batchNorm: true, ghostBatch: ghost } };
  const bnNote = hasBn
    ? `BN statistics over ghost batches of ${ghost} instead of the whole batch of ${large}`
    : `BatchNorm over ghost batches of ${ghost}`;
  // Without BN in the base, a Ghost BN row adds BN and ghost batches at once: plain BN at
  // the large batch is the control that tells the two apart.
  const control: Remedy[] = hasBn
    ? []
    : [
        {
          id: 'bn',
          label: '+ BatchNorm (v = B)',
          blurb: 'Plain BatchNorm over the whole batch: the control for Ghost BN.',
          patch: { ...big, network: { ...(base.network ?? {}), batchNorm: true, ghostBatch: 0 } },
        },
      ];
  return [
    {
      id: 'small',
      label: `small batch (B = ${small})`,
      blurb: 'The baseline: many noisy steps.',
      patch: { batch: small, refBatch: small },
    },
    {
      id: 'large',
      label: `large batch (B = ${large})`,
      blurb: `Same epochs, ${large / small}× fewer and smoother steps.`,
      patch: big,
    },
    ...control,
    {
      id: 'gbn',
      label: `+ Ghost BN (v = ${ghost})`,
      blurb: `${bnNote}: the normalisation noise of a small batch.`,
      patch: { ...big, ...gbn },
    },
    {
      id: 'regime',
      label: '+ regime adaptation',
      blurb: `Train ${large / small}× more epochs: as many updates as the small batch.`,
      patch: { ...big, regimeAdaptation: true },
    },
    {
      id: 'sqrt',
      label: '+ √ LR scaling',
      blurb: `Learning rate × √(${large}/${small}).`,
      patch: { ...big, lrScaling: 'sqrt' },
    },
    {
      id: 'hoffer',
      label: "Hoffer's recipe (GBN + √ LR + regime)",
      blurb: 'All three together, as in Hoffer et al. (2017).',
      patch: { ...big, ...gbn, lrScaling: 'sqrt', regimeAdaptation: true },
    },
  ];
}

export function networkJobs(base: ConfigInput, list: Remedy[], seeds: number[]) {
  return remedyJobs(base, list, seeds);
}

/** Disjoint 95% intervals: a difference the ensemble resolves. */
export function separation(a: Summary | null, b: Summary | null): Separation | null {
  if (!a || !b || a.ci95 === null || b.ci95 === null) return null;
  if (a.mean - a.ci95 > b.mean + b.ci95) return 'better';
  if (a.mean + a.ci95 < b.mean - b.ci95) return 'worse';
  return 'overlap';
}

export function networkRows(
  list: Remedy[],
  seeds: number[],
  results: EndpointResult[],
): NetworkRow[] {
  const rows = list.map((remedy, i) => ({
    remedy,
    row: endpointRow(results.slice(i * seeds.length, (i + 1) * seeds.length), false),
  }));
  const small = rows.find((r) => r.remedy.id === 'small')?.row.testAccuracy ?? null;
  const large = rows.find((r) => r.remedy.id === 'large')?.row.testAccuracy ?? null;
  return rows.map((r) => ({
    ...r,
    vsSmall: r.remedy.id === 'small' ? null : separation(r.row.testAccuracy, small),
    vsLarge: r.remedy.id === 'large' ? null : separation(r.row.testAccuracy, large),
  }));
}

/**
 * The comparison as a table: the CLI's `network --format csv` columns (a public interface:
 * add columns, never rename), also the science view's CSV export.
 */
export function networkTable(rows: readonly NetworkRow[]): {
  header: string[];
  body: (string | number | null | undefined)[][];
} {
  const header = ['id', 'label', 'batch', 'lr', 'runs'];
  header.push('trainAccuracy_mean', 'trainAccuracy_ci95', 'testAccuracy_mean', 'testAccuracy_ci95');
  header.push(...rowStatHeader(), 'diverged', 'vsSmall', 'vsLarge');
  const body = rows.map(({ remedy, row, vsSmall, vsLarge }) => [
    remedy.id,
    remedy.label,
    row.batch,
    row.lr,
    row.runs,
    row.trainAccuracy?.mean,
    row.trainAccuracy?.ci95,
    row.testAccuracy?.mean,
    row.testAccuracy?.ci95,
    ...rowStatValues(row),
    row.diverged,
    vsSmall,
    vsLarge,
  ]);
  return { header, body };
}
