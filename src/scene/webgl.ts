/**
 * Whether this browser can give us a WebGL context at all. Without one (`--disable-webgl`,
 * blocklisted drivers, some remote desktops) three's renderer throws on creation and the
 * whole page would go blank, so the scene asks first and draws a flat 2-D map instead.
 * Probed once: creating and dropping a context is not free, and the answer cannot change
 * (except to "no", when three fails despite the probe).
 */
import { useSyncExternalStore } from 'react';

let cached: boolean | null = null;
const listeners = new Set<() => void>();

export function webglAvailable(): boolean {
  if (cached !== null) return cached;
  try {
    const probe = document.createElement('canvas');
    const gl = probe.getContext('webgl2') ?? probe.getContext('webgl');
    cached = !!gl;
    // Give the context back at once: browsers cap live contexts (~16) per page.
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    cached = false;
  }
  return cached;
}

/** Marks WebGL unusable after three failed to create a renderer despite the probe. */
export function markWebglUnavailable(): void {
  if (cached === false) return;
  cached = false;
  for (const l of listeners) l();
}

/** React binding: re-renders when a canvas finds WebGL unusable after all. */
export function useWebgl(): boolean {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, webglAvailable);
}
