/**
 * The canvas renders on demand (frameloop="demand"): nothing is drawn while the scene is
 * idle. Streamed points arrive in non-reactive buffers, so while any run is live this
 * polls their versions once per animation frame (a few number compares) and renders
 * only when something was appended. Idle ⇒ no polling and no rendering. While runs
 * are live this poll is the only thing that redraws for streamed data: run status updates
 * (progress, ~10 a second) do not, and without runs live every status change does (a
 * single step, a finish).
 * A restored WebGL context (after the browser dropped it: GPU reset, too many contexts)
 * starts blank, and on demand nothing else would redraw it, so that asks for a frame too.
 *
 * Input first: under software WebGL one streamed frame can take longer than a person will
 * wait for a click to show. So streamed redraws are paced by what the last scene frame
 * cost (redrawPace.ts: slow frames are followed by idle time), and for INPUT_HOLD_MS after
 * a press or key none is requested, so the next paint carries the input's effect without a
 * scene redraw in it; the points that arrived meanwhile are drawn right after. Changes the
 * input itself makes to the scene (camera, view, restart) invalidate directly and are
 * neither held nor paced.
 */
import { useCallback, useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { runBuffers } from '../state/buffers';
import { useRuns } from '../state/react';
import { nextStreamedRedraw } from './redrawPace';
import { recordFrame, sceneStats, type SceneFrame } from './sceneStats';

/** How long after an input streamed data waits to be drawn (about one slow frame). */
const INPUT_HOLD_MS = 150;
const INPUT_EVENTS = ['pointerdown', 'keydown'] as const;

export function RunInvalidator() {
  const invalidate = useThree((s) => s.invalidate);
  const canvas = useThree((s) => s.gl.domElement);
  const get = useThree((s) => s.get);
  const runs = useRuns((s) => s.runs);
  const live = runs.some((r) => r.state === 'running' || r.state === 'starting');
  /** performance.now() before which no streamed redraw is requested (pacing). */
  const pacedUntil = useRef(0);
  /** Set just before the poll draws streamed points, so the frame knows why it was drawn. */
  const streamed = useRef(false);

  /** The last scene frame until its cost is known, and the animation frame it was drawn in. */
  const pending = useRef<{ frame: SceneFrame; at: number } | null>(null);
  // A frame's cost: from its render to the first callback of a later animation frame,
  // which cannot begin before the frame's drawing (and, in software, its readback) ended.
  // Whichever comes first there (this callback or the poll) closes it; `time` is that
  // animation frame's timestamp (the same for all its callbacks).
  const finish = useCallback((time: number) => {
    const open = pending.current;
    if (!open || open.at === time) return;
    pending.current = null;
    const end = performance.now();
    open.frame.ms = end - open.frame.start;
    sceneStats.measured++;
    sceneStats.busyMs += open.frame.ms;
    pacedUntil.current = nextStreamedRedraw(end, open.frame.ms);
  }, []);
  useFrame(() => {
    // The timeline's time is the current animation frame's timestamp.
    const at = Number(document.timeline.currentTime);
    finish(at);
    const frame = { start: performance.now(), ms: Number.NaN, streamed: streamed.current };
    streamed.current = false;
    recordFrame(frame);
    pending.current = { frame, at };
    requestAnimationFrame(finish);
  });

  useEffect(() => {
    // three re-creates its GL state in its own listener (registered first); draw after it.
    const restored = () => invalidate();
    canvas.addEventListener('webglcontextrestored', restored);
    return () => canvas.removeEventListener('webglcontextrestored', restored);
  }, [canvas, invalidate]);

  // Without live runs, a status change (a single step, a restart, a finish) needs a frame.
  useEffect(() => {
    if (!live) invalidate();
  }, [runs, live, invalidate]);

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
    const tick = (time: number) => {
      finish(time);
      let signature = 0;
      for (const b of runBuffers.values()) signature += b.version + b.count + b.capacityVersion;
      const now = performance.now();
      if (signature !== last && now >= heldUntil && now >= pacedUntil.current) {
        last = signature;
        // Drawn now rather than invalidated for the next frame: an input arriving in
        // between would find a slow frame already on its way. A render already requested
        // (camera, view) draws the new points too.
        const state = get();
        if (state.internal.active && state.internal.frames === 0) {
          streamed.current = true;
          state.advance(time);
        }
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
  }, [live, invalidate, get, finish]);
  return null;
}
