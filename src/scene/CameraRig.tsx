/**
 * Orbit/zoom/pan camera with two framings: a 3-D view from the front and above, and a
 * straight-down top view (rotation off, left-drag pans, like a map). Either framing is
 * restored when the view mode changes or the user asks for a reset (`cameraResets`).
 */
import { useEffect, useRef, type ComponentRef } from 'react';
import { useThree } from '@react-three/fiber';
import { OrbitControls } from '@react-three/drei';
import { useReducedMotion } from './useReducedMotion';
import { MOUSE, PerspectiveCamera, TOUCH, Vector3 } from 'three';
import { useView } from '../state/react';

export interface CameraRigProps {
  /** World size of the surface footprint (x extent, z extent). */
  footprint: [number, number];
}

/** 3-D view: elevation above the ground plane and azimuth from +z, in radians. */
const ELEVATION = 0.8;
const AZIMUTH = -0.18;
/** Look slightly above the ground so the raised rim does not crowd the top edge. */
const TARGET_3D = new Vector3(0, 0.6, 0);
const TARGET_TOP = new Vector3(0, 0, 0);

export function CameraRig({ footprint }: CameraRigProps) {
  const mode = useView((v) => v.camera);
  const resets = useView((v) => v.cameraResets);
  const controls = useRef<ComponentRef<typeof OrbitControls>>(null);
  const camera = useThree((s) => s.camera);
  const get = useThree((s) => s.get);
  const invalidate = useThree((s) => s.invalidate);
  const [fx, fz] = footprint;
  // Damping keeps the camera gliding after a drag: motion the user did not ask for.
  const reducedMotion = useReducedMotion();

  useEffect(() => {
    const c = controls.current;
    if (!(camera instanceof PerspectiveCamera)) return;
    const { width, height } = get().size;
    const aspect = width > 0 && height > 0 ? width / height : 1.5;
    const tanV = Math.tan((camera.fov * Math.PI) / 360);
    // Distance at which a w×h rectangle facing the camera fills the view with a margin.
    const fit = (w: number, h: number) => 1.1 * Math.max(h / 2 / tanV, w / 2 / (tanV * aspect));
    const target = mode === 'top' ? TARGET_TOP : TARGET_3D;
    if (mode === 'top') {
      const d = fit(fx, fz);
      // A hair of +z offset fixes "up" on screen as −z, i.e. landscape +y points up.
      camera.position.set(0, d, d * 1e-3);
    } else {
      // Fit the footprint's near edge (the widest thing on screen, being closest), then
      // step back by how much nearer than the target that edge is.
      const d =
        0.97 *
        (fit(fx, fz * Math.sin(ELEVATION) + 2 * Math.cos(ELEVATION)) +
          (fz / 2) * Math.cos(ELEVATION));
      camera.position.set(
        target.x + d * Math.cos(ELEVATION) * Math.sin(AZIMUTH),
        target.y + d * Math.sin(ELEVATION),
        target.z + d * Math.cos(ELEVATION) * Math.cos(AZIMUTH),
      );
    }
    camera.lookAt(target);
    camera.updateProjectionMatrix();
    if (c) {
      c.target.copy(target);
      c.update();
    }
    invalidate();
  }, [mode, resets, camera, get, invalidate, fx, fz]);

  const top = mode === 'top';
  return (
    <OrbitControls
      ref={controls}
      makeDefault
      enableDamping={!reducedMotion}
      enableRotate={!top}
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
