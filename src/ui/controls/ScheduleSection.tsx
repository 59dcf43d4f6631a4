/**
 * Training length and the remedies that act over time: LR schedules, LR scaling with
 * batch size, growing the batch, regime adaptation, and (off by default) extra noise.
 * Advanced, so folded by default and hidden in presenter mode.
 */
import type {
  BatchSchedule,
  Budget,
  LrSchedule,
  LrScalingRule,
  RunConfig,
} from '../../engine/config';
import { useMemo } from 'react';
import { patchBase, runSpecs } from '../../state/configStore';
import { useConfig } from '../../state/react';
import { CheckboxField, MilestonesField, NumberField, RangeField, SelectField } from './fields';
import { Section } from './Section';
import { TIPS } from './tips';
import { Term } from '../glossary';
import { growNotes, warmupNote } from './scheduleNotes';

const UNIT_OPTIONS = [
  { value: 'epochs', label: 'epochs' },
  { value: 'steps', label: 'steps' },
] as const;
const LR_SCHEDULE_OPTIONS = [
  { value: 'constant', label: 'constant' },
  { value: 'warmup', label: 'warm-up' },
  { value: 'step', label: 'step decay' },
  { value: 'cosine', label: 'cosine' },
] as const;
const SCALING_OPTIONS = [
  { value: 'none', label: 'none' },
  { value: 'linear', label: 'linear (η·B/B_ref)' },
  { value: 'sqrt', label: 'square root (η·√(B/B_ref))' },
] as const;
const BATCH_SCHEDULE_OPTIONS = [
  { value: 'constant', label: 'constant' },
  { value: 'grow', label: 'grow during training' },
] as const;

/** Steps in one epoch at the base batch size (the engine drops the last partial batch). */
const stepsPerEpoch = (c: RunConfig) =>
  Math.max(1, Math.floor(c.landscape.n / Math.min(c.batch, c.landscape.n)));

/** Switching unit keeps the training length roughly the same instead of reinterpreting the number. */
function convertBudget(c: RunConfig, unit: Budget['unit']): Budget {
  if (unit === c.budget.unit) return c.budget;
  const amount =
    unit === 'steps' ? c.budget.amount * stepsPerEpoch(c) : c.budget.amount / stepsPerEpoch(c);
  return { unit, amount: Math.max(1, Math.round(amount)) };
}

export function ScheduleSection() {
  const base = useConfig((c) => c.base);
  const compare = useConfig((c) => c.compare);
  const by = compare.field;
  const n = base.landscape.n;
  // What each run will actually use (the comparison may vary the batch or η).
  const runs = useMemo(() => runSpecs({ base, compare, notices: [] }), [base, compare]);
  return (
    <Section title="Batch & schedules" defaultOpen={false} secondary testId="section-schedules">
      <div className="field-pair">
        <NumberField
          label={`Budget (${base.budget.unit})`}
          tip={TIPS.budget}
          testId="budget-input"
          value={base.budget.amount}
          min={base.budget.unit === 'steps' ? 1 : 0.1}
          max={1e7}
          integer={base.budget.unit === 'steps'}
          onChange={(amount) => patchBase({ budget: { unit: base.budget.unit, amount } })}
        />
        <SelectField
          label="Unit"
          tip={TIPS.budgetUnit}
          value={base.budget.unit}
          options={UNIT_OPTIONS}
          onChange={(unit) => patchBase({ budget: convertBudget(base, unit) })}
        />
      </div>

      <SelectField
        label="LR schedule"
        tip={TIPS.lrSchedule}
        testId="lr-schedule"
        value={base.lrSchedule.kind}
        options={LR_SCHEDULE_OPTIONS}
        onChange={(kind) => patchBase({ lrSchedule: { kind } })}
      />
      <LrScheduleParams s={base.lrSchedule} lrs={runs.map((r) => r.config.lr)} />

      <div className="field-pair">
        <SelectField
          label="LR scaling"
          tip={TIPS.lrScaling}
          testId="lr-scaling"
          value={base.lrScaling}
          options={SCALING_OPTIONS}
          onChange={(lrScaling: LrScalingRule) => patchBase({ lrScaling })}
        />
        <NumberField
          label="B_ref"
          tip={TIPS.refBatch}
          value={base.refBatch}
          min={1}
          max={n}
          integer
          onChange={(refBatch) => patchBase({ refBatch })}
        />
      </div>

      <SelectField
        label="Batch-size schedule"
        tip={TIPS.batchSchedule}
        testId="batch-schedule"
        value={base.batchSchedule.kind}
        options={BATCH_SCHEDULE_OPTIONS}
        onChange={(kind) => patchBase({ batchSchedule: { kind } })}
      />
      <BatchScheduleParams s={base.batchSchedule} n={n} notes={growNotes(runs)} />

      {by === 'regimeAdaptation' ? (
        <p className="controls-note">Each run sets its own regime adaptation (see Runs above).</p>
      ) : (
        <CheckboxField
          label="Regime adaptation (same number of steps)"
          tip={TIPS.regimeAdaptation}
          testId="regime-check"
          checked={base.regimeAdaptation}
          onChange={(regimeAdaptation) => patchBase({ regimeAdaptation })}
        />
      )}
      <NumberField
        label="Extra noise T (off by default)"
        tip={TIPS.temperature}
        value={base.temperature}
        min={0}
        max={1e4}
        onChange={(temperature) => patchBase({ temperature })}
      />
      <p className="controls-note">
        Remedies for large batches: <Term k="warmup">warm-up</Term>,{' '}
        <Term k="lrScaling">LR scaling</Term>, growing the batch, and{' '}
        <Term k="regimeAdaptation">regime adaptation</Term>.
      </p>
    </Section>
  );
}

function LrScheduleParams({ s, lrs }: { s: LrSchedule; lrs: number[] }) {
  switch (s.kind) {
    case 'constant':
      return null;
    case 'warmup':
      return (
        <>
          <div className="field-pair">
            <RangeField
              label="Warm-up fraction"
              tip={TIPS.warmup}
              value={s.fraction}
              min={0}
              max={1}
              step={0.01}
              onChange={(fraction) => patchBase({ lrSchedule: { ...s, fraction } })}
            />
            <NumberField
              label="Peak (× η)"
              tip={TIPS.warmupPeak}
              testId="warmup-peak"
              value={s.peak}
              min={0.01}
              max={100}
              onChange={(peak) => patchBase({ lrSchedule: { ...s, peak } })}
            />
          </div>
          <p className="controls-note" data-testid="warmup-note">
            {warmupNote(lrs, s.fraction, s.peak)}
          </p>
        </>
      );
    case 'step':
      return (
        <div className="field-pair">
          <MilestonesField
            label="Milestones"
            tip={TIPS.lrMilestones}
            value={s.milestones}
            onChange={(milestones) => patchBase({ lrSchedule: { ...s, milestones } })}
          />
          <NumberField
            label="× factor"
            tip={TIPS.lrFactor}
            value={s.factor}
            min={1e-6}
            max={1000}
            onChange={(factor) => patchBase({ lrSchedule: { ...s, factor } })}
          />
        </div>
      );
    case 'cosine':
      return (
        <RangeField
          label="Final LR fraction"
          tip={TIPS.cosineFinal}
          value={s.finalFactor}
          min={0}
          max={1}
          step={0.01}
          onChange={(finalFactor) => patchBase({ lrSchedule: { ...s, finalFactor } })}
        />
      );
  }
}

function BatchScheduleParams({ s, n, notes }: { s: BatchSchedule; n: number; notes: string[] }) {
  if (s.kind !== 'grow') return null;
  return (
    <>
      {notes.length > 0 && (
        <ul className="controls-note controls-note-list" data-testid="grow-notes">
          {notes.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      )}
      <div className="field-pair">
        <NumberField
          label="× factor"
          tip={TIPS.growFactor}
          value={s.factor}
          min={1.01}
          max={1e6}
          onChange={(factor) => patchBase({ batchSchedule: { ...s, factor } })}
        />
        <NumberField
          label="Cap"
          tip={TIPS.growCap}
          value={s.cap}
          min={1}
          max={n}
          integer
          onChange={(cap) => patchBase({ batchSchedule: { ...s, cap } })}
        />
      </div>
      <MilestonesField
        label="Milestones"
        tip={TIPS.growMilestones}
        value={s.milestones}
        onChange={(milestones) => patchBase({ batchSchedule: { ...s, milestones } })}
      />
    </>
  );
}
