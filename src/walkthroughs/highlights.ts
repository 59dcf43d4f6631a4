/**
 * Everything a walkthrough step may point at, by name → the CSS selector of elements the
 * app already renders (their data-testids). Steps name highlights from this list only
 * (checked by the type and by the data test); the browser test checks that each one is on
 * screen in the step that uses it, so a renamed test id fails there, not silently.
 */
export const HIGHLIGHTS = {
  caption: '[data-testid="caption"]',
  'surface-select': '[data-testid="surface-select"]',
  'shift-slider': '[data-testid="shift-slider"]',
  'batch-slider': '[data-testid="batch-slider-0"]',
  'readout-train': '[data-testid^="readout-trainloss-"]',
  'readout-test': '[data-testid^="readout-testloss-"]',
  'readout-gap': '[data-testid^="readout-gap-"]',
  'readout-lambda-max': '[data-testid^="readout-lambdamax-"]',
  'readout-noise': '[data-testid^="readout-noisescale-"]',
  'readout-basin': '[data-testid^="readout-basin-"]',
  'readout-saddle': '[data-testid^="readout-saddle-"]',
  'readout-lr': '[data-testid^="readout-lr-"]',
  'readout-batch': '[data-testid^="readout-batch-"]',
  'lr-schedule': '[data-testid="lr-schedule"]',
  'lr-scaling': '[data-testid="lr-scaling"]',
  'batch-schedule': '[data-testid="batch-schedule"]',
  'regime-check': '[data-testid="regime-check"]',
  'sweep-table': '[data-testid="sweep-table"]',
  'sweep-caption': '[data-testid="caption-sweep"]',
  'remedies-table': '[data-testid="remedies-table"]',
  'diffusion-table': '[data-testid="diffusion-table"]',
  'diffusion-caption': '[data-testid="caption-diffusion"]',
} as const;

export type HighlightId = keyof typeof HIGHLIGHTS;

export const isHighlightId = (id: string): id is HighlightId => Object.hasOwn(HIGHLIGHTS, id);
