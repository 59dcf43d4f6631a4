/**
 * The named minima of the landscape, each with a curvature glyph (ellipse with axes
 * ∝ 1/√λ: small = sharp, large = flat) and a label that explains the term on hover/focus.
 */
import { useEffect, useMemo, type ReactNode, type RefObject } from 'react';
import { DoubleSide, type BufferGeometry } from 'three';
import { Html } from '@react-three/drei';
import type { Basin } from '../engine/objectives/types';
import { buildGlyph, buildSaddleRing, type Glyph } from './glyphGeometry';
import type { SurfaceFrame } from './surfaceFrame';

const TIPS: Record<string, string> = {
  sharp: 'Sharp: the loss rises steeply around it (large Hessian eigenvalues).',
  flat: 'Flat: the loss rises slowly around it (small Hessian eigenvalues).',
};
const GLYPH_TIP =
  'The ellipse marks where the loss rises by less than a fixed amount; its axes follow the curvature (∝ 1/√λ).';

export interface MinimaGlyphsProps {
  frame: SurfaceFrame;
  /**
   * A DOM layer over the canvas, present before the canvas content mounts. Html would
   * otherwise re-target once the canvas connects its events, and the re-created React
   * root for the label can be emptied by the old root's deferred unmount (both share one
   * element): the first label of a freshly mounted canvas then vanished.
   */
  labelLayer: RefObject<HTMLDivElement | null>;
}

export function MinimaGlyphs({ frame, labelLayer }: MinimaGlyphsProps) {
  const glyphs = useMemo(() => frame.data.basins.map((b) => buildGlyph(frame, b)), [frame]);
  useEffect(
    () => () => {
      for (const g of glyphs) {
        g.ribbon.dispose();
        g.axes.dispose();
      }
    },
    [glyphs],
  );
  const rings = useMemo(
    () => (frame.data.saddles ?? []).map((s) => buildSaddleRing(frame, s)),
    [frame],
  );
  useEffect(() => () => rings.forEach((r) => r.ribbon.dispose()), [rings]);
  // The gap colormap is near-white at 0, where a white ribbon would vanish.
  const ink = frame.color.diverging ? '#111111' : '#ffffff';
  return (
    <group>
      {rings.map((r) => (
        <group key={r.saddle.id}>
          <Ribbon geometry={r.ribbon} ink={ink} />
          <Label position={r.labelAnchor} layer={labelLayer}>
            <span
              className="scene-glyph-label is-below scene-tip"
              tabIndex={0}
              aria-label={`${r.saddle.label}. ${saddleTip(r.saddle)}`}
              data-tip={saddleTip(r.saddle)}
              data-testid={`saddle-${r.saddle.id}`}
            >
              {r.saddle.label}
            </span>
          </Label>
        </group>
      ))}
      {glyphs.map((g) => (
        <group key={g.basin.id}>
          <Ribbon geometry={g.ribbon} ink={ink} />
          {/* A ghost of the ribbon drawn through the terrain: a sharp basin's walls would
              otherwise hide its own glyph from most 3-D angles. */}
          <mesh geometry={g.ribbon} raycast={noRaycast} renderOrder={3}>
            <meshBasicMaterial
              color={ink}
              side={DoubleSide}
              transparent
              opacity={0.3}
              depthTest={false}
              depthWrite={false}
            />
          </mesh>
          <lineSegments geometry={g.axes} raycast={noRaycast}>
            <lineBasicMaterial color={ink} transparent opacity={0.8} depthWrite={false} />
          </lineSegments>
          {/* Anchored at the glyph's far rim and drawn above the anchor (CSS), so the
              label never covers the basin floor where the runs end. */}
          <Label position={g.labelAnchor} layer={labelLayer}>
            <GlyphLabel glyph={g} />
          </Label>
        </group>
      ))}
    </group>
  );
}

/** A glyph's ribbon, draped on the surface. */
function Ribbon({ geometry, ink }: { geometry: BufferGeometry; ink: string }) {
  return (
    <mesh geometry={geometry} raycast={noRaycast}>
      <meshBasicMaterial
        color={ink}
        side={DoubleSide}
        transparent
        opacity={0.9}
        depthWrite={false}
      />
    </mesh>
  );
}

/** An HTML label at a world point, in the canvas's label layer (see MinimaGlyphsProps). */
function Label({
  position,
  layer,
  children,
}: {
  position: [number, number, number];
  layer: RefObject<HTMLDivElement | null>;
  children: ReactNode;
}) {
  return (
    <Html position={position} zIndexRange={[20, 10]} portal={layer as RefObject<HTMLElement>}>
      {children}
    </Html>
  );
}

function GlyphLabel({ glyph }: { glyph: Glyph }) {
  const tip = `${basinTip(glyph.basin)} ${GLYPH_TIP} Curvature from the grid: λ ≈ ${fmt(glyph.curvature.lambdas[1])} and ${fmt(glyph.curvature.lambdas[0])}.`;
  // A CSS tooltip (data-tip) rather than `title`, so it also shows on keyboard focus.
  return (
    <span
      className="scene-glyph-label scene-tip"
      tabIndex={0}
      aria-label={`${glyph.basin.label}. ${tip}`}
      data-tip={tip}
      data-testid={`minimum-${glyph.basin.id}`}
    >
      {glyph.basin.label}
    </span>
  );
}

function saddleTip(s: Basin): string {
  return `Saddle point: the loss curves up along one direction and down along the other, so the gradient vanishes here without a minimum. The dashed circle (radius ${fmt(s.radius)}) is where the readout counts a run as near the saddle.`;
}

function basinTip(b: Basin): string {
  return TIPS[b.id] ?? `${b.label}: a local minimum of the train loss.`;
}

function fmt(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(2);
}

function noRaycast(): void {}
