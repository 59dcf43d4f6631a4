/**
 * Labelled native inputs (so every control is keyboard operable and announced). Each
 * shows the store's value and reports changes at once; sliders report while dragging
 * (React's onChange on a range input fires on every `input` event).
 */
import { useId, useState, type ReactNode } from 'react';
import { batchSteps, batchIndex, formatNumber, roundSig } from './scales';

interface Common {
  label: ReactNode;
  /** Plain-language tooltip. */
  tip: string;
  testId?: string;
  disabled?: boolean;
  className?: string;
}

function Row({
  id,
  label,
  tip,
  className,
  children,
  shown,
}: Pick<Common, 'label' | 'tip' | 'className'> & {
  id: string;
  children: ReactNode;
  shown?: ReactNode;
}) {
  return (
    <div className={`field ${className ?? ''}`} title={tip}>
      <label htmlFor={id}>{label}</label>
      {shown !== undefined && (
        <output htmlFor={id} className="field-value">
          {shown}
        </output>
      )}
      {children}
    </div>
  );
}

export function RangeField(
  p: Common & {
    value: number;
    min: number;
    max: number;
    step: number;
    unit?: string;
    onChange: (v: number) => void;
  },
) {
  const id = useId();
  const shown = `${formatNumber(p.value)}${p.unit ?? ''}`;
  return (
    <Row id={id} label={p.label} tip={p.tip} className={p.className} shown={shown}>
      <input
        id={id}
        type="range"
        min={p.min}
        max={p.max}
        step={p.step}
        value={p.value}
        disabled={p.disabled}
        title={p.tip}
        aria-valuetext={shown}
        data-testid={p.testId}
        onChange={(e) => p.onChange(Number(e.target.value))}
      />
    </Row>
  );
}

/** A slider over log10 of the value: equal drags multiply the value by equal factors. */
export function LogRangeField(
  p: Common & { value: number; min: number; max: number; onChange: (v: number) => void },
) {
  const id = useId();
  const shown = formatNumber(p.value);
  return (
    <Row id={id} label={p.label} tip={p.tip} className={p.className} shown={shown}>
      <input
        id={id}
        type="range"
        min={Math.log10(p.min)}
        max={Math.log10(p.max)}
        step={0.01}
        value={Math.log10(p.value)}
        disabled={p.disabled}
        title={p.tip}
        aria-valuetext={shown}
        data-testid={p.testId}
        onChange={(e) => p.onChange(roundSig(10 ** Number(e.target.value)))}
      />
    </Row>
  );
}

/** Batch size: the slider's positions are the powers of two up to n, then n. */
export function BatchField(
  p: Common & { value: number; n: number; onChange: (b: number) => void },
) {
  const id = useId();
  const steps = batchSteps(p.n);
  const shown = p.value === p.n ? `${p.value} (all)` : String(p.value);
  return (
    <Row id={id} label={p.label} tip={p.tip} className={p.className} shown={shown}>
      <input
        id={id}
        type="range"
        min={0}
        max={steps.length - 1}
        step={1}
        value={batchIndex(p.value, p.n)}
        disabled={p.disabled}
        title={p.tip}
        aria-valuetext={`batch size ${shown}`}
        data-testid={p.testId}
        onChange={(e) => p.onChange(steps[Number(e.target.value)] ?? p.n)}
      />
    </Row>
  );
}

/**
 * A number box that lets the user type freely: the draft is shown while focused and
 * committed only when it parses and lies in range, so half-typed values never reach
 * the store (and never raise a notice).
 */
export function NumberField(
  p: Common & {
    value: number;
    min: number;
    max: number;
    step?: number;
    integer?: boolean;
    onChange: (v: number) => void;
  },
) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const valid = (v: number) =>
    Number.isFinite(v) && v >= p.min && v <= p.max && (!p.integer || Number.isInteger(v));
  const invalid = draft !== null && !valid(Number(draft));
  return (
    <Row id={id} label={p.label} tip={p.tip} className={`field-number ${p.className ?? ''}`}>
      <input
        id={id}
        type="number"
        min={p.min}
        max={p.max}
        step={p.step ?? (p.integer ? 1 : 'any')}
        disabled={p.disabled}
        value={draft ?? String(p.value)}
        title={p.tip}
        aria-invalid={invalid || undefined}
        data-testid={p.testId}
        onChange={(e) => {
          setDraft(e.target.value);
          const v = Number(e.target.value);
          if (e.target.value.trim() !== '' && valid(v) && v !== p.value) p.onChange(v);
        }}
        onBlur={() => setDraft(null)}
      />
    </Row>
  );
}

/** Comma-separated fractions of the budget (schedule milestones), strictly increasing. */
export function MilestonesField(p: Common & { value: number[]; onChange: (v: number[]) => void }) {
  return (
    <NumberListField
      {...p}
      inputMode="decimal"
      accept={(xs) =>
        xs.every((x, i) => Number.isFinite(x) && x >= 0 && x <= 1 && (i === 0 || x > xs[i - 1]!))
      }
    />
  );
}

/** A comma-separated list of numbers, applied whenever the text parses and `accept` agrees. */
export function NumberListField(
  p: Common & {
    value: number[];
    accept: (xs: number[]) => boolean;
    inputMode: 'decimal' | 'numeric';
    onChange: (v: number[]) => void;
  },
) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const parse = (s: string): number[] | null => {
    const xs = s.split(',').map((t) => Number(t.trim()));
    return s.trim() !== '' && p.accept(xs) ? xs : null;
  };
  const invalid = draft !== null && parse(draft) === null;
  return (
    <Row id={id} label={p.label} tip={p.tip} className={p.className}>
      <input
        id={id}
        type="text"
        inputMode={p.inputMode}
        value={draft ?? p.value.join(', ')}
        disabled={p.disabled}
        title={p.tip}
        aria-invalid={invalid || undefined}
        data-testid={p.testId}
        onChange={(e) => {
          setDraft(e.target.value);
          const xs = parse(e.target.value);
          if (xs && xs.join() !== p.value.join()) p.onChange(xs);
        }}
        onBlur={() => setDraft(null)}
      />
    </Row>
  );
}

export function SelectField<T extends string>(
  p: Common & {
    value: T;
    options: readonly { value: T; label: string }[];
    onChange: (v: T) => void;
  },
) {
  const id = useId();
  return (
    <Row id={id} label={p.label} tip={p.tip} className={p.className}>
      <select
        id={id}
        value={p.value}
        disabled={p.disabled}
        title={p.tip}
        data-testid={p.testId}
        onChange={(e) => p.onChange(e.target.value as T)}
      >
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Row>
  );
}

export function CheckboxField(p: Common & { checked: boolean; onChange: (v: boolean) => void }) {
  const id = useId();
  return (
    <div className={`field field-check ${p.className ?? ''}`} title={p.tip}>
      <input
        id={id}
        type="checkbox"
        checked={p.checked}
        disabled={p.disabled}
        title={p.tip}
        data-testid={p.testId}
        onChange={(e) => p.onChange(e.target.checked)}
      />
      <label htmlFor={id}>{p.label}</label>
    </div>
  );
}
