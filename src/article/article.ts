/**
 * The demo article's host script (article.html): sizes every embedded figure from its
 * `resize` events, drives figure 1 through the postMessage API and moves figure 4 between
 * walkthrough steps (`goto-step`, answered by `step-changed`). Plain DOM, no React:
 * what an author would paste into their own page. Only the protocol file is shared.
 */
import {
  envelope,
  isEmbedEvent,
  type EmbedCommand,
  type EmbedEvent,
  type Envelope,
  type FigureSummary,
} from '../embed/protocol';
import './article.css';

const frames = [...document.querySelectorAll<HTMLIFrameElement>('iframe.embed-frame')];
const race = frames.find((f) => f.dataset.figure === 'race')!;
const stepFrame = frames.find((f) => f.dataset.figure === 'step')!;
const result = document.getElementById('race-result')!;
/** Every event received, per figure (read by the browser tests). */
const received: Record<string, Envelope<EmbedEvent>[]> = {};
(window as unknown as { __article: unknown }).__article = { received, send };

function send(frame: HTMLIFrameElement, command: EmbedCommand): void {
  frame.contentWindow?.postMessage(envelope(command), new URL(frame.src).origin);
}

const fmt = (v: number | null) => (v === null ? '—' : v.toFixed(2));

function describe(summary: FigureSummary): string {
  if (summary.kind !== 'runs') return summary.ensemble.caption;
  const runs = summary.runs;
  const worst = runs.reduce((a, b) =>
    (b.testLoss ?? -Infinity) > (a.testLoss ?? -Infinity) ? b : a,
  );
  const parts = runs.map(
    (r) =>
      `${r.label}: ${r.state === 'diverged' ? 'diverged' : `${r.basin ?? 'between basins'}, train ${fmt(r.trainLoss)}, test ${fmt(r.testLoss)}`}`,
  );
  return `Finished — ${parts.join(' · ')}. Highest test loss: ${worst.label}.`;
}

window.addEventListener('message', (e) => {
  const frame = frames.find((f) => f.contentWindow === e.source);
  if (!frame || !isEmbedEvent(e.data)) return;
  const name = frame.dataset.figure ?? '?';
  (received[name] ??= []).push(e.data);
  const m = e.data;
  if (m.type === 'resize') frame.style.height = `${Math.max(120, m.height)}px`;
  else if (m.type === 'run-finished' && frame === race) result.textContent = describe(m.summary);
  else if (m.type === 'step-changed' && frame === stepFrame) markStep(m.step);
  else if (m.type === 'error') console.warn(`figure ${name}: ${m.code}: ${m.message}`);
});

const COMMANDS: Record<string, EmbedCommand> = {
  'preset-default': { type: 'set-config', params: { b: '', cmp: '' } },
  'preset-mid': { type: 'set-config', params: { cmp: 'batch:64,256' } },
  play: { type: 'play' },
  pause: { type: 'pause' },
  reset: { type: 'reset' },
};

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-cmd]')) {
  button.addEventListener('click', () => {
    const command = COMMANDS[button.dataset.cmd ?? ''];
    if (!command) return;
    if (command.type === 'set-config') result.textContent = 'Running…';
    send(race, command);
  });
}

/** The step buttons show which step the figure says it is at (its `step-changed`). */
function markStep(step: string): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-step]'))
    b.setAttribute('aria-pressed', String(b.dataset.step === step));
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-step]')) {
  button.addEventListener('click', () =>
    send(stepFrame, { type: 'goto-step', step: button.dataset.step ?? '' }),
  );
}
