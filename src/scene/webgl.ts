/**
 * Whether this browser can give us a WebGL context at all. Without one (`--disable-webgl`,
 * blocklisted drivers, some remote desktops) three's renderer throws on creation and the
 * whole page would go blank, so the scene asks first and draws a flat 2-D map instead.
 * Probed once: creating and dropping a context is not free, and the answer cannot change
 * (except to "no", when three fails despite the probe). The same probe names the renderer,
 * from which the scene picks its quality profile (quality.ts).
 */
import { useSyncExternalStore } from 'react';

interface Probe {
  available: boolean;
  /** The unmasked renderer string, or '' when the browser hides it. */
  renderer: string;
  /** The browser refused a context that would have a major performance caveat. */
  slowContext: boolean;
}

let probed: Probe | null = null;
const listeners = new Set<() => void>();

/** A context from a fresh canvas, given straight back (browsers cap live contexts, ~16). */
function withContext<T>(
  attributes: WebGLContextAttributes,
  read: (gl: WebGLRenderingContext | WebGL2RenderingContext | null) => T,
): T {
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2', attributes) ?? canvas.getContext('webgl', attributes);
  try {
    return read(gl);
  } finally {
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  }
}

function probe(): Probe {
  if (probed) return probed;
  try {
    probed = withContext({}, (gl) => {
      if (!gl) return { available: false, renderer: '', slowContext: false };
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      const renderer = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
      return { available: true, renderer, slowContext: false };
    });
    // Hidden renderer: ask the browser whether this would be a slow (software) context.
    if (probed.available && !probed.renderer)
      probed.slowContext = withContext({ failIfMajorPerformanceCaveat: true }, (gl) => !gl);
  } catch {
    probed = { available: false, renderer: '', slowContext: false };
  }
  return probed;
}

export function webglAvailable(): boolean {
  return probe().available;
}

/** The renderer as the probe saw it (for the quality profile). */
export function webglRenderer(): { renderer: string; slowContext: boolean } {
  const { renderer, slowContext } = probe();
  return { renderer, slowContext };
}

/** Marks WebGL unusable after three failed to create a renderer despite the probe. */
export function markWebglUnavailable(): void {
  if (probed && !probed.available) return;
  probed = { renderer: '', slowContext: false, ...probed, available: false };
  for (const l of listeners) l();
}

/** React binding: re-renders when a canvas finds WebGL unusable after all. */
export function useWebgl(): boolean {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, webglAvailable);
}
