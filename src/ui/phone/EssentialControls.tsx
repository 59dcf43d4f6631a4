/**
 * The phone's first controls, right under the caption: each run's batch size (or the
 * shared one), the learning rate (per run when the runs are compared by it) and
 * playback. The same editors as the full controls below, which start folded.
 */
import { runColor } from '../../state/palette';
import { useConfig } from '../../state/react';
import { BaseBatchField, BaseLrField } from '../controls/baseFields';
import { ValueEditor } from '../controls/ComparisonSection';
import { PlaybackSection } from '../controls/PlaybackSection';
import type { CompareField } from '../../state/configStore';

function PerRun({ field }: { field: CompareField }) {
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
        </li>
      ))}
    </ol>
  );
}

export function EssentialControls() {
  const field = useConfig((c) => c.compare.field);
  return (
    <section
      className="phone-essentials"
      aria-label="Essential controls"
      data-testid="phone-essentials"
    >
      {field === 'batch' ? <PerRun field="batch" /> : <BaseBatchField />}
      {field === 'lr' ? <PerRun field="lr" /> : <BaseLrField />}
      <PlaybackSection />
    </section>
  );
}
