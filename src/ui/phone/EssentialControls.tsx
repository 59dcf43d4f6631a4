/**
 * The phone's first controls, right under the caption: each run's batch size (or the
 * shared one), the learning rate (per run when the runs are compared by it) and
 * playback. The same editors as the full controls below, which start folded.
 */
import { useConfig } from '../../state/react';
import { BaseBatchField, BaseLrField } from '../controls/baseFields';
import { RunRows } from '../controls/ComparisonSection';
import { PlaybackSection } from '../controls/PlaybackSection';

export function EssentialControls() {
  const field = useConfig((c) => c.compare.field);
  return (
    <section
      className="phone-essentials"
      aria-label="Essential controls"
      data-testid="phone-essentials"
    >
      {field === 'batch' ? <RunRows field="batch" /> : <BaseBatchField />}
      {field === 'lr' ? <RunRows field="lr" /> : <BaseLrField />}
      <PlaybackSection />
    </section>
  );
}
