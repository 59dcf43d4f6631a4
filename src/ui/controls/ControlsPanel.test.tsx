// @vitest-environment jsdom
/** The panel as a user drives it: native input events in, store changes out. */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Controller } from '../../state/controller';
import { configStore, initialConfigState } from '../../state/configStore';
import { runsStore } from '../../state/runsStore';
import { ControllerContext } from '../controllerContext';
import { ControlsPanel } from './ControlsPanel';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLDivElement;
const speeds: number[] = [];
let toggles = 0;
const controller = {
  toggle: () => void toggles++,
  step: () => {},
  reset: () => {},
  setSpeed: (m: number) => void speeds.push(m),
} as unknown as Controller;

const byTestId = <T extends Element>(id: string) => host.querySelector<T>(`[data-testid="${id}"]`)!;

/** Sets a value the way a browser does (React tracks the native setter) and fires the event. */
function setValue(
  el: HTMLInputElement | HTMLSelectElement,
  value: string,
  type: 'input' | 'change' = 'input',
) {
  const proto =
    el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
  act(() => void el.dispatchEvent(new Event(type, { bubbles: true })));
}

beforeEach(() => {
  configStore.setState(initialConfigState());
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  act(() =>
    root.render(
      <ControllerContext.Provider value={controller}>
        <ControlsPanel />
      </ControllerContext.Provider>,
    ),
  );
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

describe('ControlsPanel', () => {
  it('shows the default small-vs-large batch comparison with one slider per run', () => {
    const n = configStore.getState().base.landscape.n;
    expect(byTestId<HTMLSelectElement>('compare-field').value).toBe('batch');
    expect(byTestId<HTMLInputElement>('batch-slider-0').value).toBe('3');
    expect(byTestId<HTMLInputElement>('batch-slider-1').value).toBe(String(Math.log2(n)));
    expect(host.querySelector('[data-testid="batch-slider"]')).toBeNull();
  });

  it('every control has a label and a tooltip', () => {
    for (const el of host.querySelectorAll<HTMLInputElement>('input, select')) {
      expect(el.labels?.length ?? 0, el.outerHTML).toBeGreaterThan(0);
      expect(el.title, el.outerHTML).not.toBe('');
    }
  });

  it('dragging a run batch slider snaps to powers of two and updates the comparison live', () => {
    setValue(byTestId('batch-slider-0'), '6');
    expect(configStore.getState().compare.values[0]).toBe(64);
  });

  it('the lr slider is logarithmic', () => {
    setValue(byTestId('lr-slider'), '-1');
    expect(configStore.getState().base.lr).toBe(0.1);
  });

  it('switching "compare by" picks contrasting values and swaps the editors', () => {
    setValue(byTestId('compare-field'), 'lr', 'change');
    expect(configStore.getState().compare).toEqual({ field: 'lr', values: [0.01, 0.1] });
    expect(host.querySelector('[data-testid="lr-slider"]')).toBeNull();
    expect(byTestId('lr-slider-1')).toBeTruthy();
    expect(byTestId('batch-slider')).toBeTruthy();
  });

  it('adds runs up to four and removes them', () => {
    const add = byTestId<HTMLButtonElement>('add-run');
    act(() => add.click());
    act(() => add.click());
    expect(configStore.getState().compare.values).toHaveLength(4);
    expect(add.disabled).toBe(true);
    act(() => host.querySelector<HTMLButtonElement>('.run-remove')!.click());
    expect(configStore.getState().compare.values).toHaveLength(3);
  });

  it('changing the preset resets to its defaults; the blurb follows', () => {
    setValue(byTestId('preset-select'), 'bowl', 'change');
    expect(configStore.getState().base.preset).toBe('bowl');
    expect(host.querySelector('.preset-blurb')!.textContent).toMatch(/convex/i);
  });

  it('a half-typed number never reaches the store', () => {
    const seed = byTestId<HTMLInputElement>('seed-input');
    setValue(seed, '');
    expect(configStore.getState().base.seed).toBe(1);
    setValue(seed, '7');
    expect(configStore.getState().base.seed).toBe(7);
    expect(configStore.getState().notices).toEqual([]);
  });

  it('playback buttons and speed go to the controller; the label follows the store', () => {
    act(() => byTestId<HTMLButtonElement>('play-button').click());
    expect(toggles).toBe(1);
    act(() => runsStore.setState({ playing: false }));
    expect(byTestId('play-button').textContent).toBe('Play');
    setValue(byTestId('speed-select'), 'max', 'change');
    expect(speeds.at(-1)).toBe(Infinity);
  });

  it('warm-up has a peak (× η) whose effect the note states in numbers; the config follows', () => {
    setValue(byTestId('lr-schedule'), 'warmup', 'change');
    expect(configStore.getState().base.lrSchedule).toEqual({
      kind: 'warmup',
      fraction: 0.1,
      peak: 1,
    });
    setValue(byTestId('warmup-peak'), '5');
    expect(configStore.getState().base.lrSchedule).toEqual({
      kind: 'warmup',
      fraction: 0.1,
      peak: 5,
    });
    expect(byTestId('warmup-note').textContent).toMatch(
      /up to 0.05 \(5 × η = 0.01\) over the first 10%/,
    );
    setValue(byTestId('warmup-peak'), '-1');
    expect(configStore.getState().base.lrSchedule).toMatchObject({ peak: 5 });
  });

  it('growing the batch says, per run, what it does — and when it changes nothing', () => {
    setValue(byTestId('batch-schedule'), 'grow', 'change');
    const notes = byTestId('grow-notes').textContent;
    expect(notes).toMatch(/B = 8 grows from B = 8 to 512\./);
    expect(notes).toMatch(
      /B = 1024 is already at the cap \(1024\): the schedule changes nothing for this run\./,
    );
  });
});
