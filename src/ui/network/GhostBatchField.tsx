/**
 * Ghost batch size v, with the engine's own validation message inline when v does not
 * divide a run's batch size (the same words config validation, links and the CLI use).
 * An invalid v is not applied; the runs keep their last valid setting.
 */
import { useId, useState } from 'react';
import type { RunConfig } from '../../engine/config';
import { configStore, patchBase, runError } from '../../state/configStore';

export function ghostBatchError(v: number, base: RunConfig = configStore.getState().base) {
  if (!Number.isInteger(v) || v < 0) return `v must be a whole number ≥ 0, got ${v}`;
  const network = { ...base.network!, ghostBatch: v };
  return runError({ ...configStore.getState(), base: { ...base, network } });
}

export function GhostBatchField(p: { value: number; disabled: boolean; tip: string }) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const v = draft === null ? p.value : Number(draft);
  const error = draft === null || draft.trim() === '' ? null : ghostBatchError(v);
  return (
    <div className="field field-number" title={p.tip}>
      <label htmlFor={id}>Ghost batch v</label>
      <input
        id={id}
        type="number"
        min={0}
        step={1}
        disabled={p.disabled}
        value={draft ?? String(p.value)}
        title={p.tip}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid="net-ghost"
        onChange={(e) => {
          setDraft(e.target.value);
          const next = Number(e.target.value);
          if (e.target.value.trim() !== '' && !ghostBatchError(next) && next !== p.value)
            patchBase({ network: { ghostBatch: next } });
        }}
        onBlur={() => !error && setDraft(null)}
      />
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert" data-testid="net-ghost-error">
          {error}
        </p>
      )}
    </div>
  );
}
