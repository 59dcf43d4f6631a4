/**
 * The runs being compared: which one setting differs, and each run's value, shown next
 * to the run's colour (the same colour its trajectory, chart series and readout use).
 */
import type { ReactNode } from 'react';
import type { OptimizerKind, RunConfig } from '../../engine/config';
import {
  COMPARE_FIELDS,
  compareLabel,
  setComparison,
  setCompareValue,
  type CompareField,
} from '../../state/configStore';
import { runColor } from '../../state/palette';
import { useConfig } from '../../state/react';
import { BatchField, CheckboxField, LogRangeField, NumberField, SelectField } from './fields';
import { Section } from './Section';
import { TIPS } from './tips';
import {
  canAddRun,
  COMPARE_FIELD_LABELS,
  defaultValues,
  nextValue,
  OPTIMIZER_OPTIONS,
  type CompareValue,
} from './comparison';
import { lrBounds } from './scales';
import '../glossary.css'; // .visually-hidden, for the spoken run numbers

const FIELD_OPTIONS = COMPARE_FIELDS.map((f) => ({ value: f, label: COMPARE_FIELD_LABELS[f] }));

export function ComparisonSection() {
  const base = useConfig((c) => c.base);
  const compare = useConfig((c) => c.compare);
  const { field, values } = compare;
  return (
    <Section title="Runs (comparison)" testId="section-runs">
      <SelectField
        className="secondary"
        label="Compare by"
        tip={TIPS.compareField}
        testId="compare-field"
        value={field}
        options={FIELD_OPTIONS}
        onChange={(f: CompareField) =>
          setComparison({ field: f, values: defaultValues(f, base, Math.max(2, values.length)) })
        }
      />
      <RunRows
        field={field}
        after={(i, v) => (
          <button
            type="button"
            className="run-remove"
            title={TIPS.removeRun}
            aria-label={`Remove run ${i + 1} (${compareLabel(field, v)})`}
            disabled={values.length <= 1}
            onClick={() => setComparison({ field, values: values.filter((_, j) => j !== i) })}
          >
            ×
          </button>
        )}
      />
      <button
        type="button"
        className="run-add"
        title={TIPS.addRun}
        disabled={!canAddRun(values.length)}
        data-testid="add-run"
        onClick={() =>
          setComparison({ field, values: [...values, nextValue(field, values, base)] })
        }
      >
        + Add run
      </button>
    </Section>
  );
}

/**
 * One row per run: its colour chip and the editor for its value of the compared setting
 * (`after` adds controls at the row's end). The phone's essential controls reuse it.
 */
export function RunRows({
  field,
  after,
}: {
  field: CompareField;
  after?: (index: number, value: CompareValue) => ReactNode;
}) {
  const base = useConfig((c) => c.base);
  const values = useConfig((c) => c.compare.values);
  return (
    <ol className="run-rows" aria-label="Runs">
      {values.map((v, i) => (
        <li key={i} className="run-row">
          <span className="run-chip" style={{ background: runColor(i) }} aria-hidden="true" />
          <div className="run-editor">
            <ValueEditor field={field} value={v} index={i} base={base} />
          </div>
          {after?.(i, v)}
        </li>
      ))}
    </ol>
  );
}

/** The editor for one run's value of the compared setting; its label names the run. */
export function ValueEditor({
  field,
  value,
  index,
  base,
}: {
  field: CompareField;
  value: CompareValue;
  index: number;
  base: RunConfig;
}) {
  // The colour chip shows which run this is; the run number is still spoken. Short
  // words so label and value share one line in presenter mode's large type.
  const label = (
    <>
      <span className="visually-hidden">Run {index + 1}: </span>
      {field === 'batch' ? 'batch' : COMPARE_FIELD_LABELS[field]}
    </>
  );
  const set = (v: CompareValue) => setCompareValue(index, v);
  switch (field) {
    case 'batch':
      return (
        <BatchField
          label={label}
          tip={TIPS.batch}
          testId={`batch-slider-${index}`}
          value={Number(value)}
          n={base.landscape.n}
          onChange={set}
        />
      );
    case 'lr': {
      const [min, max] = lrBounds(base.preset, Number(value));
      return (
        <LogRangeField
          label={label}
          tip={TIPS.lr}
          testId={`lr-slider-${index}`}
          value={Number(value)}
          min={min}
          max={max}
          onChange={set}
        />
      );
    }
    case 'optimizer':
      return (
        <SelectField
          label={label}
          tip={TIPS.optimizer}
          testId={`optimizer-select-${index}`}
          value={value as OptimizerKind}
          options={OPTIMIZER_OPTIONS}
          onChange={set}
        />
      );
    case 'regimeAdaptation':
      return (
        <CheckboxField
          label={label}
          tip={TIPS.regimeAdaptation}
          testId={`regime-check-${index}`}
          checked={Boolean(value)}
          onChange={set}
        />
      );
    case 'seed':
      return (
        <NumberField
          label={label}
          tip={TIPS.seed}
          testId={`seed-input-${index}`}
          value={Number(value)}
          min={0}
          max={2 ** 32 - 1}
          integer
          onChange={set}
        />
      );
  }
}
