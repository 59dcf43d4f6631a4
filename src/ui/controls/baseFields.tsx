/**
 * The shared (not compared) batch size and learning rate, as the optimizer section and
 * the phone's essential controls both show them.
 */
import { patchBase } from '../../state/configStore';
import { useConfig } from '../../state/react';
import { BatchField, LogRangeField } from './fields';
import { lrBounds } from './scales';
import { TIPS } from './tips';

export function BaseBatchField() {
  const batch = useConfig((c) => c.base.batch);
  const n = useConfig((c) => c.base.landscape.n);
  return (
    <BatchField
      label="Batch size"
      tip={TIPS.batch}
      testId="batch-slider"
      value={batch}
      n={n}
      onChange={(b) => patchBase({ batch: b })}
    />
  );
}

export function BaseLrField() {
  const lr = useConfig((c) => c.base.lr);
  const preset = useConfig((c) => c.base.preset);
  const [min, max] = lrBounds(preset, lr);
  return (
    <LogRangeField
      label="Learning rate η"
      tip={TIPS.lr}
      testId="lr-slider"
      value={lr}
      min={min}
      max={max}
      onChange={(v) => patchBase({ lr: v })}
    />
  );
}
