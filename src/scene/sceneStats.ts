/**
 * What the scene has drawn, for tests and the curious (exposed on window.__batchscape):
 * written in the render loop, never read by the app itself.
 */
export const sceneStats = {
  /** Visible start markers per canvas. */
  startMarkers: new Map<symbol, number>(),
};
