import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer, qualityProfile } from './quality';

// Renderer strings as browsers report them (WEBGL_debug_renderer_info, unmasked).
const SOFTWARE = [
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
  'Google SwiftShader',
  'llvmpipe (LLVM 15.0.7, 256 bits)',
  'ANGLE (Mesa, llvmpipe (LLVM 12.0.0, 256 bits), OpenGL 4.5)',
  'softpipe',
  'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)',
  'Apple Software Renderer',
];
const HARDWARE = [
  'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002503) Direct3D11 vs_5_0 ps_5_0, D3D11)',
  'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)',
  'Apple M1',
  'Mali-G78',
  'AMD Radeon Pro 5500M OpenGL Engine',
  // Vendor names that merely contain the letters must not count.
  'ANGLE (Softbank Robotics GPU)',
];

describe('quality profile', () => {
  it('knows CPU rasterisers from GPUs by the renderer string', () => {
    for (const r of SOFTWARE) expect(isSoftwareRenderer(r), r).toBe(true);
    for (const r of HARDWARE) expect(isSoftwareRenderer(r), r).toBe(false);
  });

  it('auto: software renderers drop multisampling and extra device pixels, GPUs keep both', () => {
    for (const r of SOFTWARE)
      expect(qualityProfile('auto', r)).toEqual({
        antialias: false,
        dpr: 1,
        reason: 'software renderer',
      });
    for (const r of HARDWARE)
      expect(qualityProfile('auto', r)).toEqual({
        antialias: true,
        dpr: [1, 2],
        reason: 'hardware renderer',
      });
  });

  it('a hidden renderer falls back to the browser’s own verdict on a slow context', () => {
    expect(qualityProfile('auto', '', true).antialias).toBe(false);
    expect(qualityProfile('auto', '', false).antialias).toBe(true);
  });

  it('a forced choice wins over the renderer', () => {
    expect(qualityProfile('high', SOFTWARE[0]!)).toMatchObject({ antialias: true, dpr: [1, 2] });
    expect(qualityProfile('low', HARDWARE[0]!)).toMatchObject({ antialias: false, dpr: 1 });
    expect(qualityProfile('high', '', true).reason).toBe('forced high');
    expect(qualityProfile('low', '').reason).toBe('forced low');
  });
});
