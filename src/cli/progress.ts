/**
 * A one-line progress bar on stderr with percentage and ETA. It draws only when stderr
 * is a terminal (so pipes, logs and tests see nothing) and only once work has lasted
 * a moment (so quick commands never flash a bar).
 */

export interface Progress {
  /** Fraction done in [0, 1]. */
  update(fraction: number): void;
  /** Clears the line. */
  done(): void;
}

const WIDTH = 28;
const FIRST_DRAW_MS = 300;
const REDRAW_MS = 100;

function formatSeconds(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '--';
  if (s < 60) return `${Math.ceil(s)}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export function createProgress(label: string, enabled = process.stderr.isTTY === true): Progress {
  if (!enabled) return { update: () => {}, done: () => {} };
  const start = performance.now();
  let last = 0;
  let drawn = false;
  return {
    update(fraction) {
      const now = performance.now();
      if (now - start < FIRST_DRAW_MS || now - last < REDRAW_MS) return;
      last = now;
      drawn = true;
      const p = Math.min(1, Math.max(0, fraction));
      const fill = Math.round(p * WIDTH);
      const elapsed = (now - start) / 1000;
      const eta = p > 0 ? (elapsed * (1 - p)) / p : NaN;
      const bar = '█'.repeat(fill) + '░'.repeat(WIDTH - fill);
      process.stderr.write(
        `\r${label} ${bar} ${(p * 100).toFixed(0).padStart(3)}%  ETA ${formatSeconds(eta)}\x1b[K`,
      );
    },
    done() {
      if (drawn) process.stderr.write('\r\x1b[K');
    },
  };
}
