/**
 * Keyboard nudges of the two settings a presenter changes most: batch size and
 * learning rate. They act on whatever the runs currently vary — every run's value when
 * comparing by that setting, the shared base value otherwise.
 */
import { configStore, patchBase, setComparison } from '../../state/configStore';
import { LR_LIMITS, roundSig, stepBatch } from '../controls/scales';

/** Doubles (dir = +1) or halves (dir = −1) batch sizes along the slider's steps, clamped to 1…N. */
export function nudgeBatch(dir: 1 | -1): void {
  const { base, compare } = configStore.getState();
  const n = base.landscape.n;
  if (compare.field === 'batch') {
    setComparison({ ...compare, values: compare.values.map((b) => stepBatch(Number(b), n, dir)) });
  } else {
    patchBase({ batch: stepBatch(base.batch, n, dir) });
  }
}

/** Multiplies learning rates by `factor`, kept inside what the engine accepts. */
export function nudgeLr(factor: number): void {
  const { base, compare } = configStore.getState();
  const scale = (lr: number) =>
    roundSig(Math.min(LR_LIMITS[1], Math.max(LR_LIMITS[0], lr * factor)), 4);
  if (compare.field === 'lr') {
    setComparison({ ...compare, values: compare.values.map((lr) => scale(Number(lr))) });
  } else {
    patchBase({ lr: scale(base.lr) });
  }
}
