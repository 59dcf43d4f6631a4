/**
 * One start marker per distinct start among the shown runs: runs compared from the same
 * start share one marker; runs from different starts (e.g. compared by seed) get one each.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import type { Group } from 'three';
import { runBuffers } from '../state/buffers';
import { MAX_RUNS } from '../state/palette';
import { clamp } from './grid';
import { StartMarker } from './markers';
import { sceneStats } from './sceneStats';
import type { SurfaceFrame } from './surfaceFrame';

/** World units above the surface, as for the other markers. */
const MARKER_LIFT = 0.06;

/** Distinct points, in order of first appearance; `tol` is the largest gap still "the same". */
export function distinctPoints(points: readonly (readonly number[])[], tol: number): number[][] {
  const out: number[][] = [];
  for (const p of points)
    if (!out.some((q) => Math.abs(q[0]! - p[0]!) <= tol && Math.abs(q[1]! - p[1]!) <= tol))
      out.push([p[0]!, p[1]!]);
  return out;
}

export function StartMarkers({
  frame,
  runIds,
}: {
  frame: SurfaceFrame;
  runIds: readonly string[];
}) {
  const groups = useRef<(Group | null)[]>([]);
  const key = useMemo(() => Symbol('canvas'), []);
  useEffect(() => () => void sceneStats.startMarkers.delete(key), [key]);
  useFrame(() => {
    const { lo, hi } = frame.data.box;
    const tol = 1e-6 * Math.max(hi[0]! - lo[0]!, hi[1]! - lo[1]!);
    const starts = runIds
      .map((id) => runBuffers.get(id)?.start)
      .filter((s): s is number[] => !!s && s.length >= 2);
    const shown = distinctPoints(starts, tol);
    groups.current.forEach((g, i) => {
      if (!g) return;
      const s = shown[i];
      g.visible = !!s;
      if (!s) return;
      const x = clamp(s[0]!, lo[0]!, hi[0]!);
      const y = clamp(s[1]!, lo[1]!, hi[1]!);
      g.position.set(frame.worldX(x), frame.surfaceHeight(x, y) + MARKER_LIFT, frame.worldZ(y));
    });
    sceneStats.startMarkers.set(key, shown.length);
  });
  return (
    <>
      {Array.from({ length: MAX_RUNS }, (_, i) => (
        <StartMarker
          key={i}
          ref={(g) => {
            groups.current[i] = g;
          }}
        />
      ))}
    </>
  );
}
