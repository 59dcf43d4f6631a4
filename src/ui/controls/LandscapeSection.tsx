/** Which landscape, and the data drawn on it: sample spread, train/test shift, data seed, dimension. */
import { PRESET_IDS, type PresetId, type RunConfig } from '../../engine/config';
import { presetDefaults, PRESETS } from '../../engine/presets';
import { patchBase, setPreset } from '../../state/configStore';
import { useConfig } from '../../state/react';
import { startPickable } from '../../state/startPoint';
import { NumberField, RangeField, SelectField } from './fields';
import { Section } from './Section';
import { TIPS } from './tips';
import { roundSig } from './scales';
import { Term } from '../glossary';
import { ExprField } from './ExprField';

const PRESET_OPTIONS = PRESET_IDS.map((id) => ({ value: id, label: PRESETS[id].title }));
const WELLS = new Set<PresetId>(['bowl', 'sharp-flat', 'saddle', 'custom']);
/** Validation bounds dim × n ≤ 5e7 (memory of the per-sample offsets). */
const MAX_VALUES = 5e7;

/** Slider ceilings sized to each landscape's scale (the wells live in a box of about ±1.5). */
function scaleOf(preset: PresetId): { spread: number; shift: number; step: number } {
  return WELLS.has(preset)
    ? { spread: 0.6, shift: 0.5, step: 0.005 }
    : { spread: 3, shift: 2, step: 0.01 };
}

export function LandscapeSection() {
  const base = useConfig((c) => c.base);
  const info = PRESETS[base.preset];
  const l = base.landscape;
  const scale = scaleOf(base.preset);
  return (
    <Section title="Landscape" testId="section-landscape">
      <SelectField
        label="Preset"
        tip={TIPS.preset}
        testId="preset-select"
        value={base.preset}
        options={PRESET_OPTIONS}
        onChange={(id) => setPreset(id)}
      />
      <p className="controls-note preset-blurb secondary">{info.blurb}</p>
      {base.preset === 'custom' && <ExprField applied={l.expr ?? ''} />}
      <div className="controls-subgroup secondary">
        {base.preset !== 'mlp' && (
          <RangeField
            label="Sample spread s"
            tip={TIPS.spread}
            testId="spread-slider"
            value={l.spread}
            min={0}
            max={Math.max(scale.spread, l.spread)}
            step={scale.step}
            onChange={(spread) => patchBase({ landscape: { spread } })}
          />
        )}
        <ShiftField base={base} max={scale.shift} step={scale.step} />
        {startPickable(base) && <StartField base={base} />}
        <NumberField
          label="Data seed"
          tip={TIPS.dataSeed}
          value={l.dataSeed}
          min={0}
          max={2 ** 32 - 1}
          integer
          onChange={(dataSeed) => patchBase({ landscape: { dataSeed } })}
        />
        {info.variableDim && (
          <NumberField
            label="Dimension"
            tip={TIPS.dim}
            value={l.dim}
            min={1}
            max={Math.min(10000, Math.floor(MAX_VALUES / l.n))}
            integer
            onChange={(dim) => patchBase(dimPatch(base, dim))}
          />
        )}
        <p className="controls-note">
          {base.preset === 'mlp'
            ? 'δ moves every test input (a covariate shift); 0 = the same distribution. The'
            : 'The test data is the train data moved by δ: the'}{' '}
          vertical distance between the surfaces is the <Term k="gap">generalization gap</Term>.
        </p>
      </div>
    </Section>
  );
}

/**
 * In 2-D one slider sets |δ| and keeps its direction (the preset's own direction once it
 * has been dragged to 0), so a single drag shows "more shift, bigger gap". In N-D the
 * shift is one value per axis.
 */
function ShiftField({ base, max, step }: { base: RunConfig; max: number; step: number }) {
  const shift = base.landscape.shift;
  if (shift.length === 2) {
    const [x, y] = shift as [number, number];
    const len = Math.hypot(x, y);
    const [ux, uy] = len > 0 ? [x / len, y / len] : presetDirection(base.preset);
    return (
      <RangeField
        label="Train/test shift |δ|"
        tip={TIPS.shift}
        testId="shift-slider"
        value={roundSig(len)}
        min={0}
        max={Math.max(max, len)}
        step={step}
        onChange={(m) => patchBase({ landscape: { shift: [roundSig(m * ux), roundSig(m * uy)] } })}
      />
    );
  }
  const v = shift[0] ?? 0;
  return (
    <RangeField
      label="Train/test shift δ (each axis)"
      tip={TIPS.shiftNd}
      testId="shift-slider"
      value={v}
      min={0}
      max={Math.max(max, v)}
      step={step}
      onChange={(d) => patchBase({ landscape: { shift: [d] } })}
    />
  );
}

/**
 * Where the runs begin: a fixed point (the preset's explorer start, or one clicked on the
 * surface) or, with "Random", a point each seed draws from the landscape's box.
 */
function StartField({ base }: { base: RunConfig }) {
  const start = base.start;
  const preset = PRESETS[base.preset].explorerStart ?? null;
  const isPreset = !!start && !!preset && start[0] === preset[0] && start[1] === preset[1];
  const text = start
    ? `(${roundSig(start[0]!)}, ${roundSig(start[1]!)})${isPreset ? ' (default)' : ''}`
    : 'random, from the seed';
  return (
    <div className="field field-start" title={TIPS.start}>
      <span>Start point</span>
      <output className="field-value" data-testid="start-value">
        {text}
      </output>
      <div className="field-buttons">
        <button
          type="button"
          disabled={start === null}
          title="Let each seed draw its own start from the landscape's box"
          onClick={() => patchBase({ start: null })}
        >
          Random
        </button>
        {preset && (
          <button
            type="button"
            disabled={isPreset}
            title="Back to the start this landscape opens with"
            onClick={() => patchBase({ start: [...preset] })}
          >
            Default
          </button>
        )}
      </div>
    </div>
  );
}

function presetDirection(preset: PresetId): [number, number] {
  const [x = 0, y = 0] = presetDefaults(preset).landscape.shift;
  const len = Math.hypot(x, y);
  return len > 0 ? [x / len, y / len] : [Math.SQRT1_2, Math.SQRT1_2];
}

/** A new dimension also needs a shift that fits it (one value broadcasts) and a fresh start point. */
function dimPatch(base: RunConfig, dim: number): Record<string, unknown> {
  const shift = base.landscape.shift;
  const fits = shift.length === 1 || shift.length === dim;
  return { landscape: { dim, ...(fits ? {} : { shift: [shift[0] ?? 0] }) }, start: null };
}
