/** Hidden layer widths as "32,32": 1–4 whole numbers of 1–64 units, applied when valid. */
import { useId, useState } from 'react';

const parse = (s: string): number[] | null => {
  const xs = s.split(',').map((t) => Number(t.trim()));
  const ok =
    s.trim() !== '' &&
    xs.length >= 1 &&
    xs.length <= 4 &&
    xs.every((x) => Number.isInteger(x) && x >= 1 && x <= 64);
  return ok ? xs : null;
};

export function HiddenField(p: { value: number[]; tip: string; onChange: (v: number[]) => void }) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const invalid = draft !== null && parse(draft) === null;
  return (
    <div className="field field-number" title={p.tip}>
      <label htmlFor={id}>Hidden widths</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        value={draft ?? p.value.join(',')}
        title={p.tip}
        aria-invalid={invalid || undefined}
        data-testid="net-hidden"
        onChange={(e) => {
          setDraft(e.target.value);
          const v = parse(e.target.value);
          if (v && v.join(',') !== p.value.join(',')) p.onChange(v);
        }}
        onBlur={() => setDraft(null)}
      />
    </div>
  );
}
