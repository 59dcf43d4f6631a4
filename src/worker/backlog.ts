/**
 * Chunks a run computed while its frames waited for acknowledgements, joined into one
 * frame when the main thread catches up: a slow main thread then gets fewer, fuller
 * frames instead of a slower run.
 */
import type { RunChunk } from '../engine/run';

/** Concatenates chunks of one run in order (metrics too); the last chunk's status wins. */
export function joinChunks(chunks: readonly RunChunk[]): RunChunk {
  if (chunks.length === 1) return chunks[0]!;
  const count = chunks.reduce((n, c) => n + c.count, 0);
  const join = <T extends Float32Array | Float64Array>(
    pick: (c: RunChunk) => T,
    make: (n: number) => T,
  ): T => {
    const out = make(chunks.reduce((n, c) => n + pick(c).length, 0));
    let at = 0;
    for (const c of chunks) {
      out.set(pick(c), at);
      at += pick(c).length;
    }
    return out;
  };
  return {
    count,
    step: join(
      (c) => c.step,
      (n) => new Float64Array(n),
    ),
    epoch: join(
      (c) => c.epoch,
      (n) => new Float32Array(n),
    ),
    lr: join(
      (c) => c.lr,
      (n) => new Float32Array(n),
    ),
    batch: join(
      (c) => c.batch,
      (n) => new Float32Array(n),
    ),
    batchLoss: join(
      (c) => c.batchLoss,
      (n) => new Float32Array(n),
    ),
    positions: join(
      (c) => c.positions,
      (n) => new Float32Array(n),
    ),
    metrics: chunks.flatMap((c) => c.metrics),
    status: chunks[chunks.length - 1]!.status,
  };
}
