/**
 * The canvas renders on demand (frameloop="demand"): nothing is drawn while the scene is
 * idle. Streamed points arrive in non-reactive buffers, so while any run is live this
 * polls their versions once per animation frame (a few number compares) and asks for a
 * render only when something was appended. Idle ⇒ no polling and no rendering.
 * A restored WebGL context (after the browser dropped it: GPU reset, too many contexts)
 * starts blank, and on demand nothing else would redraw it, so that asks for a frame too.
 *
 * Input first: under software WebGL one streamed frame can take longer than a person will
 * wait for a click to show. For INPUT_HOLD_MS after a press or key the poll requests no
 * streamed frame, so the next paint carries the input's effect without a scene redraw in
 * it; the points that arrived meanwhile are drawn right after. Changes the input itself
 * makes to the scene (camera, view, restart) invalidate directly and are not held.
 */
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { runBuffers } from '../state/buffers';
import { useRuns } from '../state/react';

/** How long after an input streamed data waits to be drawn (about one slow frame). */
const INPUT_HOLD_MS = 150;
const INPUT_EVENTS = ['pointerdown', 'keydown'] as const;

export function RunInvalidator() {
  const invalidate = useThree((s) => s.invalidate);
  const canvas = useThree((s) => s.gl.domElement);
  const runs = useRuns((s) => s.runs);
  const live = runs.some((r) => r.state === 'running' || r.state === 'starting');

  useEffect(() => {
    // three re-creates its GL state in its own listener (registered first); draw after it.
    const restored = () => invalidate();
    canvas.addEventListener('webglcontextrestored', restored);
    return () => canvas.removeEventListener('webglcontextrestored', restored);
  }, [canvas, invalidate]);

  // Status changes (restart, done, paused, a single step) also need a frame.
  useEffect(() => invalidate(), [runs, invalidate]);

  useEffect(() => {
    if (!live) return;
    let raf = 0;
    let last = -1;
    let heldUntil = 0;
    const hold = () => {
      heldUntil = performance.now() + INPUT_HOLD_MS;
    };
    const opts = { capture: true, passive: true } as const;
    for (const type of INPUT_EVENTS) window.addEventListener(type, hold, opts);
    const tick = () => {
      let signature = 0;
      for (const b of runBuffers.values()) signature += b.version + b.count + b.capacityVersion;
      if (signature !== last && performance.now() >= heldUntil) {
        last = signature;
        invalidate();
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => {
      for (const type of INPUT_EVENTS) window.removeEventListener(type, hold, opts);
      cancelAnimationFrame(raf);
      // One more frame to draw whatever arrived with the final status.
      invalidate();
    };
  }, [live, invalidate]);
  return null;
}
