/**
 * A view's aggregated results as CSV text: small and pure, so the views build it without
 * loading the export code (exportView.ts, loaded on the first click).
 */
import { csvField } from '../export/serialize';

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cell = (v: unknown) =>
    v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))
      ? ''
      : csvField(String(v));
  return [header.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}
