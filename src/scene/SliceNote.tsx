/** A one-line note under an N-D view: the slice and how far the runs are from it. */
import { useRuns, useSurface } from '../state/react';
import { netSliceNote } from './netSliceNote';
import { sliceNote } from './sliceNote';

export function SliceNote() {
  const slice = useSurface((s) => s.data?.slice);
  const net = useSurface((s) => s.data?.net);
  const focus = useRuns((s) => s.runs.find((r) => r.id === net?.focus)?.label ?? net?.focus);
  const text = net ? netSliceNote(net, focus ?? '') : slice ? sliceNote(slice) : null;
  if (!text) return null;
  return (
    <div className="scene-slice-note" data-testid="slice-note">
      {text}
    </div>
  );
}
