/**
 * The loss surface: the solid height field (train, or test in 'test' mode; coloured by
 * the gap in 'gap' mode), the test surface as a wireframe in 'both' mode, and contour
 * lines (strong in the flat top view, faint in 3-D). Clicking it picks a start point.
 */
import { useEffect, useMemo, useRef } from 'react';
import { DoubleSide } from 'three';
import type { ThreeEvent } from '@react-three/fiber';
import { useView } from '../state/react';
import type { SurfaceFrame } from './surfaceFrame';
import { buildContours, buildSurfaceGeometry, buildTestWireframe } from './surfaceGeometry';

/** A press that moves less than this (CSS px) before release is a click, not an orbit. */
const CLICK_SLOP_PX = 4;
const CONTOUR_LEVELS = 11;
/** Test wireframe line every this many grid nodes (~24 lines per side at 96²). */
const WIRE_STRIDE = 4;

export interface LossSurfaceProps {
  frame: SurfaceFrame;
  /** Neutral line colour that contrasts with the scene background (theme-dependent). */
  ink: string;
  /** Called with landscape (x, y) when the surface is clicked; absent when picking is off. */
  onPick?: (x: number, y: number) => void;
}

export function LossSurface({ frame, ink, onPick }: LossSurfaceProps) {
  const mode = useView((v) => v.surface);
  const surface = useMemo(() => buildSurfaceGeometry(frame), [frame]);
  const contours = useMemo(
    () => buildContours(frame, frame.heightGrid, CONTOUR_LEVELS, frame.flat ? 0.01 : 0.015),
    [frame],
  );
  // The test surface in 'both' mode: a displaced net in 3-D; in the flat top view a net
  // would say nothing, so its contours are drawn instead, offset from the train ones by δ.
  const overlay = useMemo(() => {
    if (mode !== 'both') return null;
    return frame.flat
      ? buildContours(frame, frame.data.test, CONTOUR_LEVELS, 0.02)
      : buildTestWireframe(frame, WIRE_STRIDE);
  }, [frame, mode]);
  useEffect(() => () => surface.dispose(), [surface]);
  useEffect(() => () => contours.dispose(), [contours]);
  useEffect(() => () => overlay?.dispose(), [overlay]);

  const down = useRef<{ x: number; y: number } | null>(null);
  const onPointerDown = (e: ThreeEvent<PointerEvent>) => {
    down.current = { x: e.nativeEvent.clientX, y: e.nativeEvent.clientY };
  };
  const onPointerUp = (e: ThreeEvent<PointerEvent>) => {
    const d = down.current;
    down.current = null;
    if (!d || !onPick) return;
    if (Math.hypot(e.nativeEvent.clientX - d.x, e.nativeEvent.clientY - d.y) >= CLICK_SLOP_PX)
      return;
    e.stopPropagation();
    onPick(frame.landscapeX(e.point.x), frame.landscapeY(e.point.z));
  };

  return (
    <group>
      <mesh geometry={surface} onPointerDown={onPointerDown} onPointerUp={onPointerUp}>
        {frame.flat ? (
          // Flat heatmap: unlit, so every pixel is exactly the legend's colour.
          <meshBasicMaterial
            vertexColors
            side={DoubleSide}
            polygonOffset
            polygonOffsetFactor={1}
            polygonOffsetUnits={1}
          />
        ) : (
          // Lit in 3-D: shading is what makes a basin read as a basin. The polygon offset
          // pushes the surface back so lines drawn on it are not swallowed by depth fighting.
          <meshLambertMaterial
            vertexColors
            side={DoubleSide}
            polygonOffset
            polygonOffsetFactor={1}
            polygonOffsetUnits={1}
          />
        )}
      </mesh>
      <lineSegments geometry={contours} raycast={noRaycast}>
        <lineBasicMaterial
          color="#000000"
          transparent
          opacity={frame.flat ? 0.45 : 0.2}
          depthWrite={false}
        />
      </lineSegments>
      {overlay && (
        <lineSegments geometry={overlay} raycast={noRaycast}>
          {/* On the flat map the test contours sit on the colormap, not the background: white. */}
          <lineBasicMaterial
            color={frame.flat ? '#ffffff' : ink}
            transparent
            opacity={frame.flat ? 0.8 : 0.35}
            depthWrite={false}
          />
        </lineSegments>
      )}
    </group>
  );
}

/** Lines never take clicks: a click near a contour still lands on the surface. */
function noRaycast(): void {}
