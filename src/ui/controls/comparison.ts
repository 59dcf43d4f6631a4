/**
 * Choosing the values runs are compared at. Switching the compared setting keeps the
 * number of runs and picks values that make a visible contrast (small vs whole-set
 * batch, a tenfold learning rate, plain SGD vs momentum …).
 */
import type { OptimizerKind, RunConfig } from '../../engine/config';
import { defaultComparison, type CompareField } from '../../state/configStore';
import { MAX_RUNS } from '../../state/palette';
import { batchSteps, lrBounds, roundSig } from './scales';

export type CompareValue = number | string | boolean;

export const OPTIMIZER_OPTIONS: readonly { value: OptimizerKind; label: string }[] = [
  { value: 'sgd', label: 'SGD' },
  { value: 'momentum', label: 'SGD + momentum' },
  { value: 'nesterov', label: 'Nesterov' },
  { value: 'adam', label: 'Adam' },
];

export const COMPARE_FIELD_LABELS: Record<CompareField, string> = {
  batch: 'batch size',
  lr: 'learning rate',
  optimizer: 'optimizer',
  regimeAdaptation: 'regime adaptation',
  seed: 'seed',
};

function firstValues(field: CompareField, base: RunConfig): CompareValue[] {
  switch (field) {
    case 'batch':
      return defaultComparison(base).values;
    case 'lr': {
      const hi = lrBounds(base.preset, base.lr)[1];
      return [base.lr, roundSig(Math.min(hi, base.lr * 10))];
    }
    case 'optimizer':
      return ['sgd', 'momentum'];
    case 'regimeAdaptation':
      return [false, true];
    case 'seed':
      return [base.seed, base.seed + 1];
  }
}

/** Values for `count` runs compared by `field`. */
export function defaultValues(field: CompareField, base: RunConfig, count: number): CompareValue[] {
  const values = firstValues(field, base).slice(0, Math.max(1, count));
  while (values.length < count) values.push(nextValue(field, values, base));
  return values;
}

/** A value for one more run: a setting not yet shown, beyond the current extremes. */
export function nextValue(
  field: CompareField,
  values: CompareValue[],
  base: RunConfig,
): CompareValue {
  switch (field) {
    case 'batch': {
      const nums = values.map(Number);
      const free = batchSteps(base.landscape.n).filter((s) => !nums.includes(s));
      // Between the extremes first: the interesting contrast is usually a middle batch.
      const mid = Math.sqrt(Math.min(...nums) * Math.max(...nums));
      free.sort((a, b) => Math.abs(Math.log(a / mid)) - Math.abs(Math.log(b / mid)));
      return free[0] ?? base.landscape.n;
    }
    case 'lr': {
      const nums = values.map(Number);
      const [lo, hi] = lrBounds(base.preset, base.lr);
      const up = roundSig(Math.max(...nums) * 2);
      return up <= hi ? up : roundSig(Math.max(lo, Math.min(...nums) / 2));
    }
    case 'optimizer':
      return OPTIMIZER_OPTIONS.find((o) => !values.includes(o.value))?.value ?? 'sgd';
    case 'regimeAdaptation':
      return !values[values.length - 1];
    case 'seed':
      return Math.max(...values.map(Number)) + 1;
  }
}

export const canAddRun = (count: number) => count < MAX_RUNS;
