/** Says why the scene is a flat map: only shown when WebGL is unavailable. */
import { useWebgl } from '../webgl';

export function NoWebglNotice() {
  if (useWebgl()) return null;
  return (
    <p className="scene-flat-notice" role="status" data-export="skip" data-testid="no-webgl">
      3-D view unavailable: this browser has WebGL turned off or unsupported. The landscape is drawn
      flat instead (colour = loss, lines = contours); every control and chart works.
    </p>
  );
}
