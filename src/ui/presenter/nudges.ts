/**
 * Keyboard nudges of the two settings a presenter changes most: batch size and
 * learning rate. When the runs differ in that setting they act on the selected run only
 * (keys 1–4 select it), otherwise on the shared base value.
 *
 * A nudge followed by the opposite nudge restores the value exactly (→ then ← returns
 * where it started, even when → was clamped at N or the value was off the slider's
 * steps): nudges are remembered on a stack, and an opposite nudge pops the top one if
 * nothing else changed the value since — so any run of nudges is undone by its mirror.
 */
import { configStore, patchBase, setComparison } from '../../state/configStore';
import { viewStore } from '../../state/viewStore';
import { LR_LIMITS, roundSig, stepBatch } from '../controls/scales';

type Setting = 'batch' | 'lr';

interface Nudge {
  setting: Setting;
  /** Run index when the runs differ in the setting, −1 for the base value. */
  target: number;
  dir: 1 | -1;
  before: number;
  after: number;
}

const MEMORY = 64;
let stack: Nudge[] = [];

/** Forget the remembered nudges (tests; a new page state). */
export function resetNudgeMemory(): void {
  stack = [];
}

/** The run index the nudges act on, kept inside the current runs. */
export function selectedRunIndex(): number {
  const count = configStore.getState().compare.values.length;
  return Math.max(0, Math.min(count - 1, viewStore.getState().selectedRun));
}

function nudge(setting: Setting, dir: 1 | -1, next: (v: number) => number): void {
  const { base, compare } = configStore.getState();
  const perRun = compare.field === setting;
  const target = perRun ? selectedRunIndex() : -1;
  const current = perRun ? Number(compare.values[target]) : base[setting];
  const top = stack[stack.length - 1];
  // Something else changed the value (a slider, another run, another setting): start afresh.
  if (top && (top.setting !== setting || top.target !== target || top.after !== current))
    stack = [];
  const undo = top && stack.length > 0 && top.dir === -dir;
  let value: number;
  if (undo) {
    value = stack.pop()!.before;
  } else {
    value = next(current);
    stack.push({ setting, target, dir, before: current, after: value });
    if (stack.length > MEMORY) stack.shift();
  }
  if (value === current) return;
  if (perRun) {
    const values = compare.values.slice();
    values[target] = value;
    setComparison({ ...compare, values });
  } else patchBase({ [setting]: value });
}

/** Doubles (dir = +1) or halves (dir = −1) the batch size along the slider's steps, within 1…N. */
export function nudgeBatch(dir: 1 | -1): void {
  const n = configStore.getState().base.landscape.n;
  nudge('batch', dir, (b) => stepBatch(b, n, dir));
}

/** Doubles or halves the learning rate, kept inside what the engine accepts. */
export function nudgeLr(dir: 1 | -1): void {
  const factor = dir > 0 ? 2 : 0.5;
  nudge('lr', dir, (lr) =>
    roundSig(Math.min(LR_LIMITS[1], Math.max(LR_LIMITS[0], lr * factor)), 4),
  );
}
