/**
 * How soon streamed data may redraw the scene again. Where a scene frame costs about a
 * display frame (a GPU) streamed points are drawn every frame. Where it costs far more
 * (software rendering: 80–300 ms a frame, the main thread blocked throughout while the
 * compositor reads the canvas back) back-to-back redraws would leave no gap for input: a
 * click would wait out whichever frame was being drawn. There each slow frame is followed
 * by idle time in proportion to its cost, so the main thread is free most of the time and
 * a click usually paints at once; the scene still redraws a few times a second.
 */

/** Frames up to this long (about two display frames) are not paced. */
export const PACED_ABOVE_MS = 40;
/** Idle time after a paced frame, as a multiple of the frame's cost. */
export const IDLE_PER_BUSY = 1;

/**
 * The earliest time (same clock as `end`) a streamed redraw may be requested, after a scene
 * frame that took `cost` ms and whose work ended at `end`.
 */
export function nextStreamedRedraw(end: number, cost: number): number {
  if (!(cost > PACED_ABOVE_MS)) return end;
  return end + IDLE_PER_BUSY * cost;
}
