import { patchBase } from '../state/configStore';

/** Starts every run from the clicked point (rounded so the URL stays readable). */
export function pickStart(x: number, y: number): void {
  const round = (v: number) => Math.round(v * 1000) / 1000;
  patchBase({ start: [round(x), round(y)] });
}
