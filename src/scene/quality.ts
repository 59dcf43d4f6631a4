/**
 * How expensively the scene may draw, chosen once per page from the WebGL renderer.
 * Without GPU acceleration (SwiftShader, llvmpipe, Windows' Basic Render Driver) every
 * frame is rasterised on the CPU and the page's main thread waits for it (the software
 * compositor reads the canvas back), so there the scene gives up what costs most and shows
 * least: 4× multisampling (measured ~3× the frame time in SwiftShader) and device pixels
 * beyond one per CSS pixel. Lines are then drawn without edge smoothing — still one pixel
 * wide and clear. `?quality=high` forces the full profile on any renderer, `low` the cheap
 * one on a weak GPU.
 */
import type { RenderQuality } from '../state/viewStore';

export interface QualityProfile {
  /** Multisampled edges (a WebGL context attribute: fixed for the canvas's life). */
  antialias: boolean;
  /** Device-pixel-ratio range handed to the canvas. */
  dpr: number | [number, number];
  /** Why this profile, for tests and the curious. */
  reason: 'forced high' | 'forced low' | 'software renderer' | 'hardware renderer';
}

/**
 * Renderer strings of CPU rasterisers, as WebGL reports them (unmasked): Chromium's
 * "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) …), SwiftShader driver)",
 * Mesa's "llvmpipe (LLVM 15.0.7, 256 bits)" and "softpipe", Windows' "Microsoft Basic
 * Render Driver", and browsers that say "Software" outright.
 */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|basic render driver|\bsoftware\b/i;

export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE.test(renderer);
}

/**
 * The profile for a renderer. `slowContext` is true when the browser refused a context
 * with `failIfMajorPerformanceCaveat` (its own verdict of "no real GPU"), which covers
 * browsers that hide the renderer string.
 */
export function qualityProfile(
  choice: RenderQuality,
  renderer: string,
  slowContext = false,
): QualityProfile {
  const high: QualityProfile = { antialias: true, dpr: [1, 2], reason: 'hardware renderer' };
  const low: QualityProfile = { antialias: false, dpr: 1, reason: 'software renderer' };
  if (choice === 'high') return { ...high, reason: 'forced high' };
  if (choice === 'low') return { ...low, reason: 'forced low' };
  return isSoftwareRenderer(renderer) || slowContext ? low : high;
}
