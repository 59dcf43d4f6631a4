/** A one-line note under an N-D view: the slice and how far the runs are from it. */
import { useSurface } from '../state/react';
import { sliceNote } from './sliceNote';

export function SliceNote() {
  const slice = useSurface((s) => s.data?.slice);
  if (!slice) return null;
  return (
    <div className="scene-slice-note" data-testid="slice-note">
      {sliceNote(slice)}
    </div>
  );
}
