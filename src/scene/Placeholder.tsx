/**
 * What the canvas draws before the first surface arrives: the landscape's footprint as a
 * ground grid with the box the surface will rise into, so the figure is never blank and
 * the camera already frames the space the surface will fill.
 */
import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry } from 'three';

const DIVISIONS = 8;

function buildBox(fx: number, fz: number, height: number): BufferGeometry {
  const hx = fx / 2;
  const hz = fz / 2;
  const v: number[] = [];
  const seg = (a: number[], b: number[]) => v.push(...a, ...b);
  // Ground grid.
  for (let i = 0; i <= DIVISIONS; i++) {
    const x = -hx + (fx * i) / DIVISIONS;
    const z = -hz + (fz * i) / DIVISIONS;
    seg([x, 0, -hz], [x, 0, hz]);
    seg([-hx, 0, z], [hx, 0, z]);
  }
  // Vertical edges and the top rim of the box.
  const corners = [
    [-hx, -hz],
    [hx, -hz],
    [hx, hz],
    [-hx, hz],
  ];
  corners.forEach(([x, z], i) => {
    const [nx, nz] = corners[(i + 1) % 4]!;
    seg([x!, 0, z!], [x!, height, z!]);
    seg([x!, height, z!], [nx!, height, nz!]);
  });
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(Float32Array.from(v), 3));
  return g;
}

export function Placeholder({
  footprint,
  height,
  ink,
}: {
  footprint: [number, number];
  height: number;
  ink: string;
}) {
  const [fx, fz] = footprint;
  const geometry = useMemo(() => buildBox(fx, fz, height), [fx, fz, height]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  return (
    <lineSegments geometry={geometry}>
      <lineBasicMaterial color={ink} transparent opacity={0.45} />
    </lineSegments>
  );
}
