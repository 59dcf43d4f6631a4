/**
 * What the scene has drawn, for tests and the curious (exposed on window.__batchscape):
 * written in the render loop, never read by the app itself.
 */
export const sceneStats = {
  /** Visible start markers per canvas. */
  startMarkers: new Map<symbol, number>(),
  /** Scene frames rendered, all canvases. */
  frames: 0,
  /** Scene frames whose cost was measured, and their summed cost in ms (each from its
   * render to the next animation frame: drawing and, in software, the canvas readback). */
  measured: 0,
  busyMs: 0,
};
