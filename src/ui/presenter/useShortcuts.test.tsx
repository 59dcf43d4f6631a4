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

  it('arrows double and halve every run batch in a batch comparison, clamped to 1…N', () => {
    const n = configStore.getState().base.landscape.n;
    expect(configStore.getState().compare).toEqual({ field: 'batch', values: [8, n] });
    press('ArrowRight');
    expect(configStore.getState().compare.values).toEqual([16, n]);
    press('ArrowUp');
    expect(configStore.getState().compare.values).toEqual([32, n]);
    press('ArrowLeft');
    press('ArrowDown');
    expect(configStore.getState().compare.values).toEqual([8, n / 4]);
    for (let i = 0; i < 20; i++) press('ArrowLeft');
    expect(configStore.getState().compare.values).toEqual([1, 1]);
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
    expect(configStore.getState().compare.values).toEqual([0.02, 0.2]);
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
