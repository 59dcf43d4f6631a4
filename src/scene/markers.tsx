/**
 * Small markers on a trajectory: its moving head, its start and its end. Each has a dark
 * outline so it stays visible on every part of the colormap and in greyscale.
 */
import type { Ref } from 'react';
import { BackSide, type Group } from 'three';

const OUTLINE = '#111111';
/** Flat rings lie in the ground plane (torus geometry is built in the xy plane). */
const FLAT: [number, number, number] = [-Math.PI / 2, 0, 0];

/** The run's current position: a ball in the run's colour with a dark rim. */
export function HeadMarker({ color, ref }: { color: string; ref: Ref<Group> }) {
  return (
    <group ref={ref} visible={false}>
      <mesh>
        <sphereGeometry args={[0.13, 20, 14]} />
        <meshLambertMaterial color={color} />
      </mesh>
      {/* Back faces of a slightly larger sphere: an outline from every viewing angle. */}
      <mesh scale={1.3}>
        <sphereGeometry args={[0.13, 20, 14]} />
        <meshBasicMaterial color={OUTLINE} side={BackSide} />
      </mesh>
      {/* A faint ghost drawn through the terrain, so a head deep in a sharp basin (hidden
          by its walls from most angles) is still found at a glance. */}
      <mesh renderOrder={4}>
        <sphereGeometry args={[0.13, 20, 14]} />
        <meshBasicMaterial
          color={color}
          transparent
          opacity={0.7}
          depthTest={false}
          depthWrite={false}
        />
      </mesh>
    </group>
  );
}

/**
 * Where every run began: a small white ball, outlined. A ball rather than a flat ring,
 * because a start is often on a slope, where a flat ring sinks half into the surface.
 */
export function StartMarker({ ref }: { ref: Ref<Group> }) {
  return (
    <group ref={ref} visible={false}>
      <mesh>
        <sphereGeometry args={[0.09, 16, 12]} />
        <meshBasicMaterial color="#ffffff" />
      </mesh>
      <mesh scale={1.45}>
        <sphereGeometry args={[0.09, 16, 12]} />
        <meshBasicMaterial color={OUTLINE} side={BackSide} />
      </mesh>
    </group>
  );
}

/** Where a finished run ended: a ring in its colour; a diverged run gets a cross. */
export function EndMarker({
  color,
  diverged,
  ref,
}: {
  color: string;
  diverged: boolean;
  ref: Ref<Group>;
}) {
  if (diverged) {
    return (
      <group ref={ref} visible={false}>
        {[Math.PI / 4, -Math.PI / 4].map((a) => (
          <mesh key={a} rotation={[0, a, 0]}>
            <boxGeometry args={[0.6, 0.06, 0.1]} />
            <meshBasicMaterial color={color} />
          </mesh>
        ))}
      </group>
    );
  }
  return (
    <group ref={ref} visible={false}>
      <mesh rotation={FLAT}>
        <torusGeometry args={[0.3, 0.045, 8, 40]} />
        <meshBasicMaterial color={color} />
      </mesh>
      <mesh rotation={FLAT} position={[0, -0.01, 0]} scale={[1, 1, 0.4]}>
        <torusGeometry args={[0.3, 0.07, 8, 40]} />
        <meshBasicMaterial color={OUTLINE} />
      </mesh>
    </group>
  );
}
