/** The current SurfaceFrame, rebuilt only when the surface or how it is shown changes. */
import { useMemo } from 'react';
import { useSurface, useView } from '../state/react';
import { SurfaceFrame } from './surfaceFrame';

export function useSurfaceFrame(): SurfaceFrame | null {
  const data = useSurface((s) => s.data);
  const mode = useView((v) => v.surface);
  const exaggeration = useView((v) => v.exaggeration);
  const flat = useView((v) => v.camera === 'top');
  return useMemo(
    () => (data ? new SurfaceFrame(data, mode, exaggeration, flat) : null),
    [data, mode, exaggeration, flat],
  );
}
