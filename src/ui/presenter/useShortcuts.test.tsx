// @vitest-environment jsdom
/** Shortcuts as a presenter uses them: real key events on the window, stores checked after. */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Controller } from '../../state/controller';
import { configStore, initialConfigState, setComparison } from '../../state/configStore';
import { initialViewState, viewStore } from '../../state/viewStore';
import { ControllerContext } from '../controllerContext';
import { HelpOverlay } from './HelpOverlay';
import { useShortcuts } from './useShortcuts';
import { resetNudgeMemory } from './nudges';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function fakeController() {
  const calls = { play: 0, pause: 0, toggle: 0, step: 0, reset: 0, setSpeed: 0 };
  const c = {
    calls,
    play: () => void calls.play++,
    pause: () => void calls.pause++,
    toggle: () => void calls.toggle++,
    step: () => void calls.step++,
    reset: () => void calls.reset++,
    setSpeed: () => void calls.setSpeed++,
  };
  return c;
}

function Harness() {
  useShortcuts();
  return (
    <>
      <input data-testid="text" />
      <button type="button" data-testid="btn">
        Presenter
      </button>
      <input type="range" min={0} max={10} defaultValue={5} />
      <input type="checkbox" />
      <select>
        <option>a</option>
      </select>
      <HelpOverlay />
    </>
  );
}

let root: Root;
let host: HTMLDivElement;
let ctl: ReturnType<typeof fakeController>;

function press(
  key: string,
  init: KeyboardEventInit = {},
  target: EventTarget = window,
): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  act(() => void target.dispatchEvent(e));
  return e;
}

beforeEach(() => {
  resetNudgeMemory();
  configStore.setState(initialConfigState());
  viewStore.setState({ ...initialViewState });
  ctl = fakeController();
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  act(() =>
    root.render(
      <ControllerContext.Provider value={ctl as unknown as Controller}>
        <Harness />
      </ControllerContext.Provider>,
    ),
  );
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

describe('useShortcuts', () => {
  it('p toggles presenter mode', () => {
    press('p');
    expect(viewStore.getState().presenter).toBe(true);
    press('P', { shiftKey: true });
    expect(viewStore.getState().presenter).toBe(false);
  });

  it('arrows double and halve the selected run only; 1–4 select the run', () => {
    const n = configStore.getState().base.landscape.n;
    expect(configStore.getState().compare).toEqual({ field: 'batch', values: [8, n] });
    press('ArrowRight');
    expect(configStore.getState().compare.values).toEqual([16, n]);
    press('ArrowUp');
    expect(configStore.getState().compare.values).toEqual([32, n]);
    press('2');
    expect(viewStore.getState().selectedRun).toBe(1);
    press('ArrowLeft');
    expect(configStore.getState().compare.values).toEqual([32, n / 2]);
    press('1');
    for (let i = 0; i < 20; i++) press('ArrowLeft');
    expect(configStore.getState().compare.values).toEqual([1, n / 2]);
  });

  it('→ then ← returns exactly where it started, also at the clamp and off the slider steps', () => {
    const n = configStore.getState().base.landscape.n;
    const values = () => configStore.getState().compare.values;
    press('ArrowRight');
    press('ArrowLeft');
    expect(values()).toEqual([8, n]);
    press('2');
    press('ArrowRight'); // already N: nothing to do …
    expect(values()).toEqual([8, n]);
    press('ArrowLeft'); // … so ← undoes nothing, rather than halving
    expect(values()).toEqual([8, n]);
    press('ArrowLeft');
    expect(values()).toEqual([8, n / 2]);
    setComparison({ field: 'batch', values: [100, n] });
    press('1');
    press('ArrowLeft');
    press('ArrowRight');
    expect(values()).toEqual([100, n]);
    // Property: any sequence of nudges followed by its opposites in reverse is the identity.
    const start = values().slice();
    const seq = [1, 1, -1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1] as const;
    for (const d of seq) press(d > 0 ? 'ArrowRight' : 'ArrowLeft');
    for (const d of [...seq].reverse()) press(d > 0 ? 'ArrowLeft' : 'ArrowRight');
    expect(values()).toEqual(start);
  });

  it('arrows change the base batch when the runs differ in something else', () => {
    setComparison({ field: 'seed', values: [1, 2] });
    const before = configStore.getState().base.batch;
    const e = press('ArrowRight');
    expect(e.defaultPrevented).toBe(true);
    expect(configStore.getState().base.batch).toBe(before * 2);
  });

  it('[ and ] halve and double the learning rate (base, or each run when comparing by lr)', () => {
    const lr = configStore.getState().base.lr;
    press(']');
    expect(configStore.getState().base.lr).toBeCloseTo(lr * 2);
    press('[');
    press('[');
    expect(configStore.getState().base.lr).toBeCloseTo(lr / 2);

    setComparison({ field: 'lr', values: [0.01, 0.1] });
    press(']');
    expect(configStore.getState().compare.values).toEqual([0.02, 0.1]);
    press('[');
    expect(configStore.getState().compare.values).toEqual([0.01, 0.1]);
  });

  it('space, s and r drive the controller; space does not scroll', () => {
    const space = press(' ');
    expect(space.defaultPrevented).toBe(true);
    expect(ctl.calls.toggle).toBe(1);
    press('s');
    press('r');
    expect(ctl.calls.step).toBe(1);
    expect(ctl.calls.reset).toBe(1);
    press(' ', { repeat: true });
    expect(ctl.calls.toggle).toBe(1);
  });

  it('space plays / pauses from a focused button or slider, but not from text, select or checkbox', () => {
    const button = host.querySelector('button[data-testid="btn"]') as HTMLButtonElement;
    const slider = host.querySelector('input[type="range"]') as HTMLInputElement;
    const box = host.querySelector('input[type="checkbox"]') as HTMLInputElement;
    const select = host.querySelector('select') as HTMLSelectElement;
    expect(press(' ', {}, button).defaultPrevented).toBe(true);
    expect(press(' ', {}, slider).defaultPrevented).toBe(true);
    expect(ctl.calls.toggle).toBe(2);
    // The space's keyup would click the button: it is swallowed too.
    const up = new KeyboardEvent('keyup', { key: ' ', bubbles: true, cancelable: true });
    act(() => void button.dispatchEvent(up));
    expect(up.defaultPrevented).toBe(true);
    // Enter still activates a button; a slider keeps its arrows; others keep their space.
    expect(press('Enter', {}, button).defaultPrevented).toBe(false);
    expect(press('ArrowRight', {}, slider).defaultPrevented).toBe(false);
    expect(press(' ', {}, box).defaultPrevented).toBe(false);
    expect(press(' ', {}, select).defaultPrevented).toBe(false);
    expect(ctl.calls.toggle).toBe(2);
    // Letters on a slider are shortcuts (the slider has no use for them).
    press('p', {}, slider);
    expect(viewStore.getState().presenter).toBe(true);
  });

  it('t switches the camera, c asks for a camera reset', () => {
    press('t');
    expect(viewStore.getState().camera).toBe('top');
    press('c');
    expect(viewStore.getState().cameraResets).toBe(1);
  });

  it('typing in an input, or chording with Ctrl/Meta/Alt, triggers nothing', () => {
    const input = host.querySelector('input')!;
    const batch = configStore.getState().compare.values.slice();
    const e = press('p', {}, input);
    press(' ', {}, input);
    press('ArrowRight', {}, input);
    expect(e.defaultPrevented).toBe(false);
    press('r', { ctrlKey: true });
    press('p', { metaKey: true });
    press('s', { altKey: true });
    expect(viewStore.getState().presenter).toBe(false);
    expect(configStore.getState().compare.values).toEqual(batch);
    expect(ctl.calls).toEqual({ play: 0, pause: 0, toggle: 0, step: 0, reset: 0, setSpeed: 0 });
  });

  it('? opens the help dialog with focus on its close button; other keys wait; Escape closes', () => {
    press('?', { shiftKey: true });
    const dialog = document.querySelector('[data-testid="help-overlay"]')!;
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.querySelectorAll('tbody tr').length).toBeGreaterThanOrEqual(10);
    expect(document.activeElement?.textContent).toBe('Close');
    press(' ', {}, document.body);
    press('p');
    expect(ctl.calls.toggle).toBe(0);
    expect(viewStore.getState().presenter).toBe(false);
    press('Escape', {}, document.activeElement!);
    expect(viewStore.getState().help).toBe(false);
    expect(document.querySelector('[data-testid="help-overlay"]')).toBeNull();
  });

  it('Escape is left alone while the help is closed', () => {
    expect(press('Escape').defaultPrevented).toBe(false);
  });
});
