/**
 * Orbit/zoom/pan camera with two framings: a 3-D view from the front and above, and a
 * straight-down top view (rotation off, left-drag pans, like a map). The framing fits the
 * drawn surface into the canvas (see framing.ts), so panes of one size frame alike. It is
 * recomputed when the view mode, the surface or the canvas size changes — unless the user
 * has moved the camera since, whose view a resize must not take away — and always on an
 * explicit reset (`cameraResets`).
 */
import { useEffect, useMemo, useRef, type ComponentRef } from 'react';
import { useThree } from '@react-three/fiber';
import { OrbitControls } from '@react-three/drei';
import { useReducedMotion } from './useReducedMotion';
import { MOUSE, PerspectiveCamera, TOUCH } from 'three';
import { useView } from '../state/react';
import { frameCamera, frameWindow, framingPoints, type SceneInsets, type Vec3 } from './framing';
import { WORLD_HEIGHT, type SurfaceFrame } from './surfaceFrame';

export interface CameraRigProps {
  /** The drawn surface, or null while it is being computed (the footprint box is framed). */
  frame: SurfaceFrame | null;
  /** World size of the surface footprint (x extent, z extent). */
  footprint: [number, number];
  /** CSS px at the top and bottom of the canvas covered by HTML (toolbar, key, legend). */
  insets?: SceneInsets;
}

/** 3-D view: elevation above the ground plane and azimuth from +z, in radians. */
const ELEVATION = 0.8;
const AZIMUTH = -0.18;
const DIR_3D: Vec3 = [
  Math.cos(ELEVATION) * Math.sin(AZIMUTH),
  Math.sin(ELEVATION),
  Math.cos(ELEVATION) * Math.cos(AZIMUTH),
];
/** A hair of +z fixes "up" on screen as −z, i.e. landscape +y points up. */
const DIR_TOP: Vec3 = [0, 1, 1e-3];
const NO_INSETS: SceneInsets = { top: 0, bottom: 0 };

export function CameraRig({ frame, footprint, insets = NO_INSETS }: CameraRigProps) {
  const mode = useView((v) => v.camera);
  const surfaceMode = useView((v) => v.surface);
  const resets = useView((v) => v.cameraResets);
  const controls = useRef<ComponentRef<typeof OrbitControls>>(null);
  const camera = useThree((s) => s.camera);
  const width = useThree((s) => s.size.width);
  const height = useThree((s) => s.size.height);
  const invalidate = useThree((s) => s.invalidate);
  /** Set when the user orbits, pans or zooms; cleared by an explicit reframing. */
  const moved = useRef(false);
  /** Between a pointer/touch/wheel start and its end: changes then are the user's. */
  const interacting = useRef(false);
  const [fx, fz] = footprint;
  const top = mode === 'top';
  // Whole pixels: sub-pixel layout jitter must not reframe the camera.
  const insetTop = Math.round(insets.top);
  const insetBottom = Math.round(insets.bottom);
  const points = useMemo(
    () => framingPoints(frame, surfaceMode === 'both', [fx, fz], WORLD_HEIGHT),
    [frame, surfaceMode, fx, fz],
  );

  // An explicit request (mode change or reset button) always reframes.
  useEffect(() => {
    moved.current = false;
  }, [mode, resets]);

  // Damping keeps the camera gliding after a drag: motion the user did not ask for.
  const reducedMotion = useReducedMotion();

  useEffect(() => {
    if (!(camera instanceof PerspectiveCamera) || width <= 0 || height <= 0) return;
    if (moved.current) return;
    const direction = top ? DIR_TOP : DIR_3D;
    const { target, distance } = frameCamera({
      points,
      target: [0, 0, 0],
      direction,
      fov: camera.fov,
      aspect: width / height,
      window: frameWindow(height, { top: insetTop, bottom: insetBottom }),
    });
    camera.position.set(
      target[0] + distance * direction[0],
      target[1] + distance * direction[1],
      target[2] + distance * direction[2],
    );
    camera.lookAt(target[0], target[1], target[2]);
    camera.updateProjectionMatrix();
    const c = controls.current;
    if (c) {
      c.target.set(target[0], target[1], target[2]);
      c.update();
    }
    invalidate();
  }, [mode, resets, top, points, camera, width, height, insetTop, insetBottom, invalidate]);

  return (
    <OrbitControls
      ref={controls}
      makeDefault
      enableDamping={!reducedMotion}
      enableRotate={!top}
      onStart={() => {
        interacting.current = true;
      }}
      onEnd={() => {
        interacting.current = false;
      }}
      // A click that picks a start point starts an interaction but moves nothing.
      onChange={() => {
        if (interacting.current) moved.current = true;
      }}
      // Never look from below the ground: the surface is one-sided in meaning.
      maxPolarAngle={Math.PI / 2 - 0.05}
      minDistance={2}
      maxDistance={80}
      mouseButtons={
        top
          ? { LEFT: MOUSE.PAN, MIDDLE: MOUSE.DOLLY, RIGHT: MOUSE.PAN }
          : { LEFT: MOUSE.ROTATE, MIDDLE: MOUSE.DOLLY, RIGHT: MOUSE.PAN }
      }
      touches={
        top ? { ONE: TOUCH.PAN, TWO: TOUCH.DOLLY_PAN } : { ONE: TOUCH.ROTATE, TWO: TOUCH.DOLLY_PAN }
      }
    />
  );
}
