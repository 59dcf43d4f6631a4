/**
 * The train/test loss grids of a 2-D landscape for the views' top-down maps. When the
 * view runs on the explorer's own landscape (the usual case) the explorer's surface is
 * reused as is; otherwise the engine worker computes one (the main thread never
 * evaluates the loss), cached by landscape so switching tabs does not ask again.
 */
import { useEffect, useState } from 'react';
import type { RunConfig } from '../../../engine/config';
import { SURFACE_RES } from '../../../state/controller';
import { useConfig, useSurface } from '../../../state/react';
import type { SurfaceData } from '../../../state/surfaceStore';
import { useController } from '../../controllerContext';

const cache = new Map<string, Promise<SurfaceData>>();

const landscapeKey = (c: RunConfig) => JSON.stringify([c.preset, c.landscape]);

export function useLossSurface(config: RunConfig | null): {
  surface: SurfaceData | null;
  error: string | null;
} {
  const controller = useController();
  const key = config ? landscapeKey(config) : null;
  const explorerKey = useConfig((c) => landscapeKey(c.base));
  const explorerSurface = useSurface((s) => (s.loading ? null : s.data));
  const own = key !== null && key === explorerKey;
  const [got, setGot] = useState<{
    key: string;
    surface: SurfaceData | null;
    error: string | null;
  } | null>(null);

  useEffect(() => {
    if (!key || !config || own) return;
    let live = true;
    let p = cache.get(key);
    if (!p) {
      p = controller.client
        .surface(config, SURFACE_RES)
        .then(({ type: _t, requestId: _r, ...data }) => data);
      cache.set(key, p);
      // A failed request (e.g. the engine restarted) may be retried next time.
      p.catch(() => cache.delete(key));
    }
    p.then(
      (surface) => live && setGot({ key, surface, error: null }),
      (e: Error) => live && setGot({ key, surface: null, error: e.message }),
    );
    return () => {
      live = false;
    };
    // `key` describes everything about `config` that the surface depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, own, controller]);

  if (own) return { surface: explorerSurface, error: null };
  if (!got || got.key !== key) return { surface: null, error: null };
  return { surface: got.surface, error: got.error };
}
