/**
 * One WebGL canvas showing the surface, the minima and the trajectories of `runIds`
 * (all runs when absent). Renders on demand, at the quality the renderer affords
 * (quality.ts); PNG export reads its drawing buffer. Before the first surface arrives it
 * draws the footprint box, so it is never blank. On 2-D landscapes a click — or the
 * keyboard cursor (StartCursor) — picks the start point.
 */
import { useMemo, useRef } from 'react';
import { Canvas } from '@react-three/fiber';
import { useConfig, useView } from '../state/react';
import { startPickable } from '../state/startPoint';
import { CameraRig } from './CameraRig';
import type { SceneInsets } from './framing';
import { FlatLandscape } from './flat/FlatLandscape';
import { LossSurface } from './LossSurface';
import { MinimaGlyphs } from './MinimaGlyphs';
import { Placeholder } from './Placeholder';
import { RunInvalidator } from './RunInvalidator';
import { SceneErrorBoundary } from './SceneErrorBoundary';
import { CursorMarker, pickStart, useStartCursor } from './StartCursor';
import { Trajectories } from './Trajectories';
import { WORLD_EXTENT, WORLD_HEIGHT } from './surfaceFrame';
import type { SceneTheme } from './useSceneTheme';
import { useSurfaceFrame } from './useSurfaceFrame';
import { useWebgl, webglRenderer } from './webgl';
import { qualityProfile } from './quality';

/**
 * three's Lambert BRDF divides by π, so light intensities are given in multiples of π:
 * a face toward the light gets ~1.05× its vertex colour, a face away from it ~0.6×,
 * which shades the basins without drifting far from the legend's colours.
 */
const AMBIENT = 0.6 * Math.PI;
const KEY_LIGHT = 0.5 * Math.PI;

export interface LandscapeCanvasProps {
  theme: SceneTheme;
  runIds?: readonly string[];
  /** Id of the scene's text description (what a screen reader hears on focus). */
  describedBy?: string;
  /** Canvas px covered by HTML at the top and bottom; the camera frames between them. */
  insets?: SceneInsets;
}

export function LandscapeCanvas(props: LandscapeCanvasProps) {
  const webgl = useWebgl();
  if (!webgl)
    return (
      <div className="scene-canvas-box">
        <FlatLandscape theme={props.theme} runIds={props.runIds} />
      </div>
    );
  return <WebglCanvas {...props} />;
}

function WebglCanvas({ theme, runIds, describedBy, insets }: LandscapeCanvasProps) {
  const frame = useSurfaceFrame();
  const labelLayer = useRef<HTMLDivElement>(null);
  // A 2-D start point only means something for 2-D presets; N-D views are slices.
  const pickable = useConfig((c) => startPickable(c.base));
  const cursor = useStartCursor(frame, pickable);
  const quality = useView((v) => v.quality);
  const profile = useMemo(() => {
    const { renderer, slowContext } = webglRenderer();
    return qualityProfile(quality, renderer, slowContext);
  }, [quality]);
  const box = frame?.data.box;
  const footprint: [number, number] =
    frame && box
      ? [frame.worldLength(box.hi[0]! - box.lo[0]!), frame.worldLength(box.hi[1]! - box.lo[1]!)]
      : [WORLD_EXTENT, WORLD_EXTENT];

  return (
    <div
      className={cursor.at ? 'scene-canvas-box is-cursor' : 'scene-canvas-box'}
      data-testid="scene-canvas-box"
      tabIndex={pickable ? 0 : undefined}
      // The arrow keys belong to the cursor while it is on (see StartCursor).
      role={pickable ? 'application' : undefined}
      aria-roledescription={pickable ? 'loss landscape' : undefined}
      aria-label={
        pickable
          ? 'Loss landscape. Press Enter to choose a start point with the arrow keys.'
          : undefined
      }
      aria-describedby={describedBy}
      onKeyDown={cursor.onKeyDown}
      onFocus={cursor.onFocus}
      onBlur={cursor.onBlur}
    >
      <SceneErrorBoundary>
        <Canvas
          className={pickable ? 'scene-canvas is-pickable' : 'scene-canvas'}
          frameloop="demand"
          // No tone mapping: the colormap must reach the screen as designed.
          flat
          key={profile.antialias ? 'msaa' : 'plain'}
          dpr={profile.dpr}
          // The drawing buffer is kept for PNG export, which reads the canvas as shown.
          gl={{ preserveDrawingBuffer: true, antialias: profile.antialias }}
          camera={{ fov: 40, near: 0.1, far: 400, position: [0, 9, 11] }}
        >
          <color attach="background" args={[theme.background]} />
          <ambientLight intensity={AMBIENT} />
          <directionalLight position={[-4, 10, 6]} intensity={KEY_LIGHT} />
          <RunInvalidator />
          <CameraRig frame={frame} footprint={footprint} insets={insets} />
          {frame ? (
            <>
              <LossSurface
                frame={frame}
                ink={theme.ink}
                onPick={pickable ? pickStart : undefined}
              />
              <MinimaGlyphs frame={frame} labelLayer={labelLayer} />
              <Trajectories frame={frame} runIds={runIds} />
              {cursor.at && <CursorMarker frame={frame} at={cursor.at} />}
            </>
          ) : (
            <Placeholder footprint={footprint} height={WORLD_HEIGHT} ink={theme.ink} />
          )}
        </Canvas>
      </SceneErrorBoundary>
      <div className="scene-label-layer" ref={labelLayer} />
      <p className="visually-hidden" aria-live="polite">
        {cursor.message}
      </p>
    </div>
  );
}
