/** Tick helpers for the views' log axes. */
/** 1-2-5 ticks within [lo, hi] (log axes otherwise label only a decade or two here). */
export function niceLogTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++)
    for (const m of [1, 2, 5]) {
      const v = Number((m * 10 ** e).toPrecision(1));
      if (v >= lo * 0.999 && v <= hi * 1.001) out.push(v);
    }
  return out;
}
