/**
 * FNV-1a over the bytes of a Float32Array: a cheap fingerprint of a trajectory used
 * to check that the browser and the CLI computed exactly the same run.
 */
export function hashFloat32(values: Float32Array, count = values.length): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, count * 4);
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
