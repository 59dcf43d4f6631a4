/** The keyboard shortcuts: one list that both the key handler and the help overlay read. */
import type { Controller } from '../../state/controller';
import { setView, viewStore } from '../../state/viewStore';
import { nudgeBatch, nudgeLr } from './nudges';
import { isTourOpen, nextStep, previousStep } from '../../walkthroughs/tourStore';

export type Commands = Pick<
  Controller,
  'play' | 'pause' | 'toggle' | 'step' | 'reset' | 'setSpeed'
>;

export interface Shortcut {
  /** `KeyboardEvent.key` values that trigger it. */
  keys: readonly string[];
  /** How the help overlay writes the keys. */
  display: string;
  description: string;
  /** Whether holding the key down repeats it (nudges and steps do; toggles must not flicker). */
  repeats?: boolean;
  /** Whether it still works while the help overlay is open (the rest wait behind the modal). */
  inHelp?: boolean;
  /** When it applies at all (otherwise the key is left to the browser). */
  active?: () => boolean;
  /** Acts on the live runs, so it is off while a science view is open (no hidden changes). */
  explorerOnly?: boolean;
  run: (c: Commands, key: string) => void;
}

function toggleFullscreen(): void {
  // Guarded: the API is missing in some embeds and rejects without a user gesture.
  if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => {});
  else void document.documentElement.requestFullscreen?.().catch(() => {});
}

export const SHORTCUTS: readonly Shortcut[] = [
  // Listed before the batch nudges: while a tour is open it owns ← and →, and ↑ / ↓ still
  // nudge the batch size. A focused slider or text field keeps every arrow (useShortcuts).
  {
    keys: ['ArrowRight'],
    display: '→ (tour)',
    description: 'Next step of the tour',
    active: isTourOpen,
    run: nextStep,
  },
  {
    keys: ['ArrowLeft'],
    display: '← (tour)',
    description: 'Previous step of the tour',
    active: isTourOpen,
    run: previousStep,
  },
  {
    keys: [' '],
    display: 'Space',
    description: 'Play / pause',
    explorerOnly: true,
    run: (c) => c.toggle(),
  },
  {
    keys: ['s', 'S'],
    display: 'S',
    description: 'One step',
    explorerOnly: true,
    repeats: true,
    run: (c) => c.step(1),
  },
  {
    keys: ['r', 'R'],
    display: 'R',
    description: 'Reset the runs',
    explorerOnly: true,
    run: (c) => c.reset(),
  },
  {
    keys: ['ArrowRight', 'ArrowUp'],
    display: '→ / ↑',
    description: "Double the selected run's batch size (or the shared one; ↑ only, in a tour)",
    explorerOnly: true,
    repeats: true,
    run: () => nudgeBatch(1),
  },
  {
    keys: ['ArrowLeft', 'ArrowDown'],
    display: '← / ↓',
    description: "Halve the selected run's batch size (or the shared one; ↓ only, in a tour)",
    explorerOnly: true,
    repeats: true,
    run: () => nudgeBatch(-1),
  },
  {
    keys: [']'],
    display: ']',
    description: "Double the selected run's learning rate (or the shared one)",
    explorerOnly: true,
    repeats: true,
    run: () => nudgeLr(1),
  },
  {
    keys: ['['],
    display: '[',
    description: "Halve the selected run's learning rate (or the shared one)",
    explorerOnly: true,
    repeats: true,
    run: () => nudgeLr(-1),
  },
  {
    keys: ['1', '2', '3', '4'],
    display: '1 – 4',
    description: 'Select the run that arrows and [ ] change',
    explorerOnly: true,
    run: (_c, key) => setView({ selectedRun: Number(key) - 1 }),
  },
  {
    keys: ['t', 'T'],
    display: 'T',
    description: 'Switch 3-D / top-down view',
    explorerOnly: true,
    run: () => setView({ camera: viewStore.getState().camera === '3d' ? 'top' : '3d' }),
  },
  {
    keys: ['c', 'C'],
    display: 'C',
    description: 'Reset the camera',
    explorerOnly: true,
    run: () => setView({ cameraResets: viewStore.getState().cameraResets + 1 }),
  },
  {
    keys: ['p', 'P'],
    display: 'P',
    description: 'Presenter mode on / off',
    run: () => setView({ presenter: !viewStore.getState().presenter }),
  },
  {
    keys: ['f', 'F'],
    display: 'F',
    description: 'Full screen on / off',
    inHelp: true,
    run: toggleFullscreen,
  },
  {
    keys: ['?'],
    display: '?',
    description: 'Show / hide this help',
    inHelp: true,
    run: () => setView({ help: !viewStore.getState().help }),
  },
  {
    keys: ['Escape'],
    display: 'Esc',
    description: 'Close this help',
    inHelp: true,
    active: () => viewStore.getState().help,
    run: () => setView({ help: false }),
  },
];

/** The first shortcut for this key that applies now (a tour's arrows before the nudges). */
export function findShortcut(key: string): Shortcut | undefined {
  return SHORTCUTS.find((s) => s.keys.includes(key) && (!s.active || s.active()));
}
