/**
 * The shared optimizer settings. A setting the runs are compared by is edited per run
 * in the Runs section instead, so here it gives way to a note saying so.
 */
import type { CompareField } from '../../state/configStore';
import { patchBase } from '../../state/configStore';
import { useConfig } from '../../state/react';
import { BaseBatchField, BaseLrField } from './baseFields';
import { NumberField, RangeField, SelectField } from './fields';
import { Section } from './Section';
import { TIPS } from './tips';
import { COMPARE_FIELD_LABELS, OPTIMIZER_OPTIONS } from './comparison';

function PerRunNote({ field }: { field: CompareField }) {
  return (
    <p className="controls-note">
      Each run sets its own {COMPARE_FIELD_LABELS[field]} (see Runs above).
    </p>
  );
}

export function OptimizerSection() {
  const base = useConfig((c) => c.base);
  const compare = useConfig((c) => c.compare);
  const by = compare.field;
  // Momentum matters if the base optimizer uses it or any compared run does.
  const kinds = by === 'optimizer' ? compare.values : [base.optimizer.kind];
  const usesMomentum = kinds.some((k) => k === 'momentum' || k === 'nesterov');
  return (
    <Section title="Optimizer" testId="section-optimizer">
      <div className="secondary">
        {by === 'batch' ? <PerRunNote field="batch" /> : <BaseBatchField />}
      </div>
      {by === 'lr' ? <PerRunNote field="lr" /> : <BaseLrField />}
      <div className="secondary">
        {by === 'optimizer' ? (
          <PerRunNote field="optimizer" />
        ) : (
          <SelectField
            label="Optimizer"
            tip={TIPS.optimizer}
            testId="optimizer-select"
            value={base.optimizer.kind}
            options={OPTIMIZER_OPTIONS}
            onChange={(kind) => patchBase({ optimizer: { kind } })}
          />
        )}
        {usesMomentum && (
          <RangeField
            label="Momentum"
            tip={TIPS.momentum}
            testId="momentum-slider"
            value={base.optimizer.momentum}
            min={0}
            max={0.99}
            step={0.01}
            onChange={(momentum) => patchBase({ optimizer: { momentum } })}
          />
        )}
        {by === 'seed' ? (
          <PerRunNote field="seed" />
        ) : (
          <NumberField
            label="Seed"
            tip={TIPS.seed}
            testId="seed-input"
            value={base.seed}
            min={0}
            max={2 ** 32 - 1}
            integer
            onChange={(seed) => patchBase({ seed })}
          />
        )}
      </div>
    </Section>
  );
}
