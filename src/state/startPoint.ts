/**
 * Whether a run's start is a point the user can choose on the surface: only on 2-D
 * landscapes. The network lab's "landscape" is 2-D too (its data), but its start is the
 * network's initial weights, drawn from the seed — its surface is a slice around them.
 */
import type { RunConfig } from '../engine/config';

export function startPickable(base: RunConfig): boolean {
  return base.landscape.dim === 2 && base.preset !== 'mlp';
}
