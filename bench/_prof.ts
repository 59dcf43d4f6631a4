import { createRun } from '../src/engine/run';
import { resolveOrThrow } from '../src/engine/sweep';
const batch = Number(process.argv[2] ?? 512);
const bn = process.argv[3] === 'bn';
const c = resolveOrThrow({ preset: 'mlp', landscape: { n: 1024, nTest: 256 }, network: { hidden: [32, 32], batchNorm: bn }, lr: 0.1, batch, budget: { unit: 'steps', amount: 1e9 }, metricsEvery: 0, hessianEvery: 0, recordEvery: 1e9 });
const r = createRun(c); r.advance(50);
const t0 = performance.now(); let s = 0;
while (performance.now() - t0 < 3000) { r.advance(4); s += 4; }
console.log(batch, bn, (s / ((performance.now() - t0) / 1000)).toFixed(0), 'steps/s');
