/**
 * Each run's path over the surface, streamed from its non-reactive RunBuffer. Per frame
 * only the points appended since the last frame are converted and uploaded (an update
 * range on one preallocated GPU buffer, see StreamingLine), so the cost stays flat as a
 * history grows.
 * The whole line is rewritten only when the buffer is reallocated or replaced (restart),
 * or when the surface frame changes (new surface, height exaggeration, top view).
 */
import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import type { Group } from 'three';
import { runBuffers, type RunBuffer } from '../state/buffers';
import { useRuns } from '../state/react';
import type { RunView } from '../state/runsStore';
import { clamp } from './grid';
import type { SurfaceFrame } from './surfaceFrame';
import { EndMarker, HeadMarker } from './markers';
import { StartMarkers } from './StartMarkers';
import { StreamingLine } from './StreamingLine';
import { lodCell } from './coverage';
import { distanceToBox, pixelWorld } from './viewScale';

/** Separates the fields of a run's key (never in an id, colour or state). */
const SEP = '\t';

/** What a trajectory's drawing depends on. */
type DrawnRun = Pick<RunView, 'id' | 'color' | 'state'>;

/** World units above the surface, so lines are not hidden inside it. */
const LINE_LIFT = 0.04;
const MARKER_LIFT = 0.06;

export function Trajectories({
  frame,
  runIds,
}: {
  frame: SurfaceFrame;
  runIds?: readonly string[];
}) {
  // Only what the drawing uses: progress updates (~10 a second) re-render nothing here.
  const key = useRuns((s) => s.runs.map((r) => [r.id, r.color, r.state].join(SEP)).join('\n'));
  const runs = useMemo(
    () =>
      (key ? key.split('\n') : []).map((line): DrawnRun => {
        const [id, color, state] = line.split(SEP) as [string, string, RunView['state']];
        return { id, color, state };
      }),
    [key],
  );
  const shown = runIds ? runs.filter((r) => runIds.includes(r.id)) : runs;
  const ids = shown.map((r) => r.id).join(',');
  const shownIds = useMemo(() => (ids ? ids.split(',') : []), [ids]);
  return (
    <>
      {shown.map((r) => (
        <RunTrajectory key={r.id} run={r} frame={frame} />
      ))}
      <StartMarkers frame={frame} runIds={shownIds} />
    </>
  );
}

interface Track {
  buffer: RunBuffer | null;
  capacityVersion: number;
  frame: SurfaceFrame | null;
  version: number;
  /** Points already converted and uploaded. */
  drawn: number;
  /** Run state the markers were last placed for. */
  state: string;
}

function RunTrajectory({ run, frame }: { run: DrawnRun; frame: SurfaceFrame }) {
  const invalidate = useThree((s) => s.invalidate);
  const line = useMemo(() => new StreamingLine(), []);
  useEffect(() => {
    line.setColor(run.color);
    invalidate();
  }, [line, run.color, invalidate]);
  useEffect(() => () => line.dispose(), [line]);
  // A new surface frame (exaggeration, top view…) or run state means a redraw.
  useEffect(() => invalidate(), [frame, run.state, invalidate]);

  const head = useRef<Group>(null);
  const end = useRef<Group>(null);
  const track = useRef<Track>({
    buffer: null,
    capacityVersion: -1,
    frame: null,
    version: -1,
    drawn: 0,
    state: '',
  });
  const ended = run.state === 'done' || run.state === 'diverged';

  useFrame(({ camera, size }) => {
    const t = track.current;
    const buf = runBuffers.get(run.id) ?? null;
    if (!buf) {
      line.hide();
      t.buffer = null;
      return;
    }
    let full = false;
    if (buf !== t.buffer || buf.capacityVersion !== t.capacityVersion) {
      // Restart (new buffer) or growth (reallocated): fresh GPU buffers of the new capacity.
      line.allocate(buf.capacity);
      t.buffer = buf;
      t.capacityVersion = buf.capacityVersion;
      full = true;
    }
    if (frame !== t.frame) {
      t.frame = frame;
      full = true;
    }
    // Level of detail for the view: a few compares a frame, a re-cull only when the zoom
    // changes the pixel's size by a power of two (see lodCell).
    const viewCell = () =>
      lodCell(
        pixelWorld(camera, size.height, distanceToBox(camera.position, line.lo, line.hi)),
        line.cell,
      );
    if (!full) line.setCell(viewCell());
    if (!full && buf.version === t.version && t.state === run.state) return;
    t.version = buf.version;
    t.state = run.state;

    const from = full ? 0 : Math.min(t.drawn, buf.count);
    const to = buf.count;
    writeWorldPoints(frame, buf.positions, line.points, from, to);
    line.commit(from, to);
    // After the commit: the path's bounds (and so the scale near it) are the new ones.
    if (full) line.setCell(viewCell());
    t.drawn = to;
    placeMarkers(frame, buf, line.points, head.current, ended ? end.current : null);
  });

  return (
    <group>
      <primitive object={line.object} />
      <HeadMarker ref={head} color={run.color} />
      {ended && <EndMarker ref={end} color={run.color} diverged={run.state === 'diverged'} />}
    </group>
  );
}

/**
 * Landscape (x, y) pairs [from, to) → world xyz on the surface. Points outside the box
 * (a diverging run) are pinned to its rim; non-finite ones repeat the previous point.
 */
function writeWorldPoints(
  frame: SurfaceFrame,
  src: Float32Array,
  out: Float32Array,
  from: number,
  to: number,
): void {
  const { lo, hi } = frame.data.box;
  for (let k = from; k < to; k++) {
    const x = src[2 * k]!;
    const y = src[2 * k + 1]!;
    const o = 3 * k;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      out[o] = k > 0 ? out[o - 3]! : 0;
      out[o + 1] = k > 0 ? out[o - 2]! : 0;
      out[o + 2] = k > 0 ? out[o - 1]! : 0;
      continue;
    }
    const cx = clamp(x, lo[0]!, hi[0]!);
    const cy = clamp(y, lo[1]!, hi[1]!);
    out[o] = frame.worldX(cx);
    out[o + 1] = frame.surfaceHeight(cx, cy) + LINE_LIFT;
    out[o + 2] = frame.worldZ(cy);
  }
}

/**
 * Head and end at the last recorded point. Before any point arrives the head sits at the
 * buffer's start (scene coordinates; start markers are drawn by StartMarkers).
 */
function placeMarkers(
  frame: SurfaceFrame,
  buf: RunBuffer,
  world: Float32Array,
  head: Group | null,
  end: Group | null,
): void {
  const n = buf.count;
  if (n > 0) {
    placeWorld(head, world, n - 1);
    placeWorld(end, world, n - 1);
    return;
  }
  if (end) end.visible = false;
  if (!head) return;
  const s = buf.start && buf.start.length === 2 ? buf.start : null;
  head.visible = !!s;
  if (!s) return;
  const { lo, hi } = frame.data.box;
  const cx = clamp(s[0]!, lo[0]!, hi[0]!);
  const cy = clamp(s[1]!, lo[1]!, hi[1]!);
  head.position.set(frame.worldX(cx), frame.surfaceHeight(cx, cy) + MARKER_LIFT, frame.worldZ(cy));
}

function placeWorld(g: Group | null, world: Float32Array, k: number): void {
  if (!g) return;
  g.visible = true;
  g.position.set(world[3 * k]!, world[3 * k + 1]! - LINE_LIFT + MARKER_LIFT, world[3 * k + 2]!);
}
