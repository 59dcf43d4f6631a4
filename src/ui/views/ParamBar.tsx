/**
 * A view's compact parameter bar: labelled text fields holding the same strings the
 * URL holds, a Run button that commits them (through the URL codec's parsers, so bad
 * input is refused the same way with a notice), and Cancel while running. Enter in a
 * field runs too.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { pushNotice } from '../../state/configStore';
import {
  fieldValues,
  parseViewFields,
  type AllViewParams,
  type ScienceView,
} from '../../state/viewParams';
import { commitParams } from '../../state/viewParamsStore';
import { useViewParams } from '../../state/react';

export interface FieldDef {
  key: string;
  label: string;
  /** One plain sentence: what the value does. */
  tip: string;
  /** Input width in characters. */
  size?: number;
  /** Shown when empty (the automatic default). */
  placeholder?: string;
  /** A 0/1 switch rather than a text field; it runs at once when flipped. */
  checkbox?: boolean;
}

export function ParamBar<V extends ScienceView>({
  view,
  fields,
  running,
  onRun,
  onCancel,
  disabled,
}: {
  view: V;
  fields: readonly FieldDef[];
  running: boolean;
  onRun: () => void;
  onCancel: () => void;
  disabled?: boolean;
}) {
  const params = useViewParams((s) => s.params[view]) as AllViewParams[V];
  const [drafts, setDrafts] = useState(() => fieldValues(view, params));
  // A new commit (Run, or a URL) resets the drafts to what is now in effect.
  useEffect(() => setDrafts(fieldValues(view, params)), [view, params]);
  const baseId = useId();

  const submit = (e?: FormEvent, values = drafts) => {
    e?.preventDefault();
    const { params: next, notices } = parseViewFields(view, values, params);
    notices.forEach(pushNotice);
    commitParams(view, next);
    setDrafts(fieldValues(view, next));
    onRun();
  };

  return (
    <form className="param-bar" onSubmit={submit} aria-label="Parameters">
      {fields.map((f) => {
        const id = `${baseId}-${f.key}`;
        if (f.checkbox)
          return (
            <label key={f.key} className="param param-check" title={f.tip}>
              <input
                type="checkbox"
                data-testid={`param-${f.key}`}
                checked={drafts[f.key] === '1'}
                // A switch applies at once (with whatever else was typed): it reads as a toggle.
                onChange={(e) =>
                  submit(undefined, { ...drafts, [f.key]: e.target.checked ? '1' : '0' })
                }
              />
              {f.label}
            </label>
          );
        return (
          <span key={f.key} className="param" title={f.tip}>
            <label htmlFor={id}>{f.label}</label>
            <input
              id={id}
              type="text"
              inputMode="decimal"
              spellCheck={false}
              data-testid={`param-${f.key}`}
              size={f.size ?? 6}
              placeholder={f.placeholder}
              value={drafts[f.key] ?? ''}
              onChange={(e) => setDrafts({ ...drafts, [f.key]: e.target.value })}
            />
          </span>
        );
      })}
      <span className="param-actions">
        <button
          type="submit"
          className="run-button"
          data-testid={`run-${view}`}
          disabled={disabled}
          title="Run the ensemble with these settings (Enter in a field does the same)"
        >
          Run
        </button>
        <button
          type="button"
          data-testid={`cancel-${view}`}
          disabled={!running}
          onClick={onCancel}
          title="Stop the runs; finished ones are discarded"
        >
          Cancel
        </button>
      </span>
    </form>
  );
}
