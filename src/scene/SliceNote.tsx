/**
 * The note under an N-D or network view: what the slice is, folded to one line so it never
 * covers the surface (on a phone or a projector the full paragraph would). The whole
 * explanation stays one click (or Enter) away, and in the DOM for screen readers.
 */
import { useRuns, useSurface } from '../state/react';
import { netSliceNote, netSliceSummary } from './netSliceNote';
import { sliceNote, sliceSummary } from './sliceNote';

export function SliceNote() {
  const slice = useSurface((s) => s.data?.slice);
  const net = useSurface((s) => s.data?.net);
  const focus = useRuns((s) => s.runs.find((r) => r.id === net?.focus)?.label ?? net?.focus);
  const label = focus ?? '';
  const text = net ? netSliceNote(net, label) : slice ? sliceNote(slice) : null;
  const summary = net ? netSliceSummary(net, label) : slice ? sliceSummary(slice) : null;
  if (!text || !summary) return null;
  return (
    <details className="scene-slice-note" data-testid="slice-note">
      <summary title="What this surface is: click for the whole explanation">{summary}</summary>
      <p>{text}</p>
    </details>
  );
}
