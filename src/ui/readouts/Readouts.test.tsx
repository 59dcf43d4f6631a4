// @vitest-environment jsdom
/** The readout table as a reader sees it: one column per run, formatted values, tooltips. */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MetricRecord } from '../../engine/metrics';
import { configStore, initialConfigState } from '../../state/configStore';
import { runsStore, type RunView } from '../../state/runsStore';
import { surfaceStore } from '../../state/surfaceStore';
import type { SurfaceData } from '../../state/surfaceStore';
import { Readouts } from './Readouts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLDivElement;
const cell = (id: string) => host.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;

const last: MetricRecord = {
  step: 25600,
  epoch: 200,
  trainLoss: -11.934,
  testLoss: -9.5,
  gap: 2.434,
  distance: 0.8123,
  gradNorm: 0.01,
  lambdaMax: 1234.5,
  lambdaMin: 2.1e-5,
  noiseScale: 1.27875,
  bSimple: null,
  basin: 'sharp',
  saddleSteps: null,
  trainAccuracy: null,
  testAccuracy: null,
};

function run(i: number, patch: Partial<RunView>): RunView {
  return {
    id: `run${i}`,
    label: `B = ${i ? 1024 : 8}`,
    color: i ? '#E69F00' : '#0072B2',
    state: 'running',
    progress: 0.5,
    steps: 12800,
    plannedSteps: 25600,
    divergedAt: null,
    last: null,
    lr: 0.01,
    batch: 8,
    error: null,
    ...patch,
  };
}

beforeEach(() => {
  configStore.setState(initialConfigState('sharp-flat'));
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
  runsStore.setState({ runs: [] });
  surfaceStore.setState({ data: null });
});

describe('Readouts', () => {
  it('shows each run’s formatted values with tooltips', () => {
    runsStore.setState({
      runs: [
        // η·λ_max = 0.001 × 1234.5 ≈ 1.2 < 2: stable, so the basin is named.
        run(0, { last, state: 'done', progress: 1, lr: 0.001 }),
        run(1, { last: { ...last, basin: null }, lr: 0.001 }),
      ],
    });
    act(() => root.render(<Readouts />));
    expect(cell('readouts')).toBeTruthy();
    expect(cell('readout-trainloss-run0').textContent).toBe('-11.9');
    expect(cell('readout-gap-run0').textContent).toBe('2.43');
    expect(cell('readout-gap-run0').dataset.value).toBe('2.434');
    expect(cell('readout-gap-run0').title).toMatch(/worse the loss is on test data/);
    expect(cell('readout-lambdamax-run0').textContent).toBe('1235');
    expect(cell('readout-lambdamin-run0').textContent).toBe('2.1e-5');
    expect(cell('readout-bsimple-run0').textContent).toBe('—');
    expect(cell('readout-basin-run0').textContent).toBe('sharp minimum');
    expect(cell('readout-basin-run1').textContent).toBe('between basins');
    expect(cell('readout-step-run0').textContent).toContain('12.8k / 25.6k');
    expect(cell('readout-state-run0').textContent).toBe('done');
    // Every row label explains itself on hover.
    for (const th of host.querySelectorAll('tbody th'))
      expect(th.getAttribute('title')!.length).toBeGreaterThan(20);
  });

  it('calls a run past the stability bound unstable, never a minimum', () => {
    // η·λ_max = 0.01 × 1234.5 ≈ 12 > 2 for plain SGD.
    runsStore.setState({ runs: [run(0, { last, state: 'done', progress: 1, lr: 0.01 })] });
    act(() => root.render(<Readouts />));
    expect(cell('readout-basin-run0').textContent).toBe('unstable');
  });

  it('shows dashes before the first measurement and where a run diverged', () => {
    runsStore.setState({ runs: [run(0, {}), run(1, { state: 'diverged', divergedAt: 412 })] });
    act(() => root.render(<Readouts />));
    expect(cell('readout-gap-run0').textContent).toBe('—');
    expect(cell('readout-basin-run0').textContent).toBe('—');
    expect(cell('readout-state-run1').textContent).toBe('diverged at step 412');
  });

  it('shows the time near the saddle only on a landscape with a saddle point', () => {
    runsStore.setState({
      runs: [
        run(0, { last: { ...last, step: 2560, saddleSteps: 14 } }),
        run(1, { last: { ...last, step: 40, saddleSteps: 19 } }),
      ],
    });
    act(() => root.render(<Readouts />));
    expect(host.querySelector('[data-testid="readout-saddle-run0"]')).toBeNull();
    const saddle = { id: 'saddle', label: 'saddle point', center: [0, 0], radius: 0.25 };
    act(() =>
      surfaceStore.setState({ data: { basins: [], saddles: [saddle] } as unknown as SurfaceData }),
    );
    expect(cell('readout-saddle-run0').textContent).toBe('0.55% (14)');
    expect(cell('readout-saddle-run1').textContent).toBe('47.5% (19)');
    expect(Number(cell('readout-saddle-run1').dataset.value)).toBeCloseTo(19 / 40, 12);
  });
});
