/**
 * Choosing the start point by keyboard. A keyboard focus on the scene (or Enter on it)
 * turns on cursor mode: a cursor sits on the surface, the arrow keys move it, Enter
 * starts the runs there and Escape leaves. While the mode is on, the keys it uses are
 * marked handled (preventDefault), which is how the global shortcuts (arrows change the
 * batch size) know to leave them alone — the same rule the tabs use. A mouse click that
 * focuses the canvas does not turn the mode on, so orbiting and then pressing → still
 * nudges the batch size.
 */
import { useCallback, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { configStore, patchBase } from '../state/configStore';
import { formatNumber } from '../ui/format';
import { clamp, sampleGrid } from './grid';
import type { SurfaceFrame } from './surfaceFrame';

const round = (v: number) => Math.round(v * 1000) / 1000;

/** Starts every run from the picked point (rounded so the URL stays readable). */
export function pickStart(x: number, y: number): void {
  patchBase({ start: [round(x), round(y)] });
}

/** A press moves the cursor by this fraction of the box; Shift makes it 5× finer. */
const STEP = 1 / 40;
const FINE = 0.2;
const MOVES: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
};

export interface StartCursor {
  /** Cursor position in landscape coordinates, while the mode is on. */
  at: [number, number] | null;
  /** What a screen reader hears after each key (a polite live region). */
  message: string;
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
  onFocus: (e: FocusEvent<HTMLElement>) => void;
  onBlur: () => void;
}

const fmt = (p: [number, number]) => `(${formatNumber(p[0])}, ${formatNumber(p[1])})`;

export function useStartCursor(frame: SurfaceFrame | null, enabled: boolean): StartCursor {
  const [at, setAt] = useState<[number, number] | null>(null);
  const [message, setMessage] = useState('');

  const describe = useCallback(
    (p: [number, number]) => {
      const loss = frame
        ? `, train loss ${formatNumber(sampleGrid(frame.data, frame.data.train, p[0], p[1]))}`
        : '';
      return `Cursor at ${fmt(p)}${loss}. Enter starts the runs here.`;
    },
    [frame],
  );

  const enter = useCallback(() => {
    if (!enabled || !frame) return false;
    const { lo, hi } = frame.data.box;
    const start = configStore.getState().base.start;
    const p: [number, number] =
      start && start.length === 2
        ? [clamp(start[0]!, lo[0]!, hi[0]!), clamp(start[1]!, lo[1]!, hi[1]!)]
        : [0.5 * (lo[0]! + hi[0]!), 0.5 * (lo[1]! + hi[1]!)];
    setAt(p);
    setMessage(
      `Choosing a start point: arrow keys move the cursor, Enter sets it, Escape leaves. ${describe(p)}`,
    );
    return true;
  }, [enabled, frame, describe]);

  const onFocus = useCallback(
    (e: FocusEvent<HTMLElement>) => {
      if (e.target === e.currentTarget && e.currentTarget.matches(':focus-visible')) enter();
    },
    [enter],
  );

  const onBlur = useCallback(() => setAt(null), []);

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      if (e.ctrlKey || e.metaKey || e.altKey || !frame) return;
      if (!at) {
        if (e.key === 'Enter' && enter()) e.preventDefault();
        return;
      }
      const move = MOVES[e.key];
      if (move) {
        e.preventDefault();
        const { lo, hi } = frame.data.box;
        const step = (e.shiftKey ? FINE : 1) * STEP;
        const p: [number, number] = [
          round(clamp(at[0] + move[0] * step * (hi[0]! - lo[0]!), lo[0]!, hi[0]!)),
          round(clamp(at[1] + move[1] * step * (hi[1]! - lo[1]!), lo[1]!, hi[1]!)),
        ];
        setAt(p);
        setMessage(describe(p));
      } else if (e.key === 'Enter') {
        e.preventDefault();
        const start = configStore.getState().base.start;
        if (start && start[0] === round(at[0]) && start[1] === round(at[1])) {
          setMessage(`${fmt(at)} is already the start. Arrow keys move the cursor.`);
          return;
        }
        pickStart(at[0], at[1]);
        setMessage(`Start set to ${fmt(at)}: the runs restart from there.`);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        setAt(null);
        setMessage('Left start-point mode. Enter on the scene picks a start again.');
      }
    },
    [at, frame, enter, describe],
  );

  return { at: enabled ? at : null, message, onKeyDown, onFocus, onBlur };
}

/** The cursor on the surface: a ring on the ground of the surface and a stem above it. */
export function CursorMarker({ frame, at }: { frame: SurfaceFrame; at: [number, number] }) {
  const x = frame.worldX(at[0]);
  const z = frame.worldZ(at[1]);
  const y = frame.surfaceHeight(at[0], at[1]) + 0.05;
  return (
    <group position={[x, y, z]}>
      <mesh rotation={[-Math.PI / 2, 0, 0]} renderOrder={5}>
        <torusGeometry args={[0.28, 0.05, 8, 40]} />
        <meshBasicMaterial color="#ffffff" depthTest={false} transparent />
      </mesh>
      <mesh rotation={[-Math.PI / 2, 0, 0]} renderOrder={4}>
        <torusGeometry args={[0.28, 0.09, 8, 40]} />
        <meshBasicMaterial color="#111111" depthTest={false} transparent />
      </mesh>
      <mesh position={[0, 0.45, 0]} renderOrder={5}>
        <cylinderGeometry args={[0.025, 0.025, 0.9, 8]} />
        <meshBasicMaterial color="#111111" depthTest={false} transparent />
      </mesh>
    </group>
  );
}
