/**
 * What the scene has drawn, for tests and the curious (exposed on window.__batchscape):
 * written in the render loop, never read by the app itself.
 */
export interface SceneFrame {
  /** performance.now() when the render began. */
  start: number;
  /** Its cost, from the render to the next animation frame (drawing and, in software, the
   * canvas readback that blocks the main thread); NaN until that frame comes. */
  ms: number;
  /** Drawn for streamed points (paced, held after input), not for a change the user made. */
  streamed: boolean;
}

/** Frames kept in `recent`. */
const RECENT = 64;

export const sceneStats = {
  /** Visible start markers per canvas. */
  startMarkers: new Map<symbol, number>(),
  /** Scene frames rendered, all canvases. */
  frames: 0,
  /** Scene frames whose cost was measured, and their summed cost in ms. */
  measured: 0,
  busyMs: 0,
  /** The latest scene frames, oldest first. */
  recent: [] as SceneFrame[],
};

export function recordFrame(frame: SceneFrame): void {
  sceneStats.frames++;
  sceneStats.recent.push(frame);
  if (sceneStats.recent.length > RECENT) sceneStats.recent.shift();
}
