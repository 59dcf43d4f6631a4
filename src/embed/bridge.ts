/**
 * The embed's connection to its host page and to the engine: receives host messages
 * (through handler.ts), sends events, and gates the engine on visibility (gate.ts).
 *
 * Polite sharing: an embed runs one engine worker at a time — the live runs' worker for
 * the scene and charts, a one-worker pool for a science view (whose live-run worker only
 * draws the landscape's surface once) — and hands out no work while it is off screen.
 */
import type { Controller } from '../state/controller';
import { runsStore } from '../state/runsStore';
import { ensembleStore, requestRerun, setPoolPaused } from '../state/ensembleStore';
import { isScienceView, type ScienceView } from '../state/viewParams';
import { applyUrlParams } from './applyConfig';
import { embedStore } from './embedStore';
import { RunGate, type GatedEngine } from './gate';
import { handleMessage, type EmbedActions } from './handler';
import type { EmbedOptions } from './options';
import {
  COMMAND_TYPES,
  envelope,
  type EmbedEvent,
  type Envelope,
  type RunSummary,
} from './protocol';
import type { StepHost } from './steps';
import { watchVisibility } from './visibility';

const ended = (state: string) => state === 'done' || state === 'diverged';

/** The host's origin as far as this document can tell (null at top level or unknowable). */
function parentOrigin(): string | null {
  if (window.parent === window) return null;
  const ancestors = window.location.ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[0]!;
  try {
    return document.referrer ? new URL(document.referrer).origin : null;
  } catch {
    return null;
  }
}

export class EmbedBridge {
  readonly gate: RunGate;
  /** Every event sent, newest last (tests read it through the window handle). */
  readonly sent: Envelope<EmbedEvent>[] = [];
  private steps: StepHost | null = null;
  private target: string | null;
  private lastHeight = -1;
  private applying = false;
  private announced = false;
  private initialized = false;
  private readonly cleanups: (() => void)[] = [];
  readonly science: ScienceView | null;

  constructor(
    readonly options: EmbedOptions,
    private readonly controller: Controller,
  ) {
    this.science = isScienceView(options.figure) ? options.figure : null;
    const origin = parentOrigin();
    this.target =
      options.origins === '*'
        ? '*'
        : origin !== null && options.origins.includes(origin)
          ? origin
          : null;
    this.gate = new RunGate(this.science ? this.poolEngine() : this.runsEngine(), options.autoplay);
    embedStore.setState({ wanted: options.autoplay, visible: false });
  }

  private runsEngine(): GatedEngine {
    const allEnded = () => runsStore.getState().runs.every((r) => ended(r.state));
    return {
      run: (explicit) => {
        // Scrolling back to a finished figure leaves it finished; Play replays it.
        if (!explicit && allEnded()) return;
        this.quietly(() => this.controller.play());
      },
      hold: () => this.quietly(() => this.controller.pause()),
    };
  }

  private poolEngine(): GatedEngine {
    return { run: () => setPoolPaused(false), hold: () => setPoolPaused(true) };
  }

  private quietly(fn: () => void): void {
    this.applying = true;
    try {
      fn();
    } finally {
      this.applying = false;
    }
  }

  private sync(): void {
    embedStore.setState({ wanted: this.gate.wantsToRun, visible: this.gate.onScreen });
  }

  readonly actions: EmbedActions = {
    setConfig: (params) => applyUrlParams(params),
    play: () => {
      this.gate.play();
      this.sync();
    },
    pause: () => {
      this.gate.pause();
      this.sync();
    },
    reset: () => {
      if (this.science) requestRerun(this.science);
      else this.controller.reset();
    },
    gotoStep: (step) => {
      if (!this.steps)
        return this.options.tour
          ? `the walkthrough "${this.options.tour}" is not available in this embed`
          : 'this figure has no walkthrough steps; embed one with tour= and step=';
      return this.steps.goto(step)
        ? null
        : `unknown step "${step.slice(0, 40)}" in ${this.steps.tour}; steps: ${this.steps.steps.join(', ').slice(0, 160)}`;
    },
  };

  start(): void {
    const onMessage = (e: MessageEvent) => {
      if (e.source === window) return;
      const replies = handleMessage(e.origin, e.data, this.options.origins, this.actions);
      const source = e.source as Window | null;
      for (const r of replies) {
        this.sent.push(r);
        source?.postMessage(r, e.origin === 'null' ? '*' : e.origin);
      }
    };
    window.addEventListener('message', onMessage);
    this.cleanups.push(() => window.removeEventListener('message', onMessage));
    this.cleanups.push(
      watchVisibility((v) => {
        // Nothing at all (not even the landscape's surface) is computed before the
        // figure is first seen: a long article's lower figures cost nothing on load.
        if (v && !this.initialized) {
          this.initialized = true;
          this.controller.init();
        }
        this.gate.setVisible(v);
        this.sync();
      }),
    );
    this.cleanups.push(this.science ? this.watchEnsemble(this.science) : this.watchRuns());
    const root = document.getElementById('root');
    if (root) {
      const ro = new ResizeObserver(() => this.resized(root));
      ro.observe(root);
      this.cleanups.push(() => ro.disconnect());
    }
  }

  /** After the first render: announce the figure, then anything the URL got wrong. */
  ready(): void {
    if (this.announced) return;
    this.announced = true;
    this.post({
      type: 'ready',
      figure: this.options.figure,
      controls: this.options.controls,
      autoplay: this.options.autoplay,
      theme: document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light',
      commands: COMMAND_TYPES,
      steps: this.steps ? [...this.steps.steps] : [],
    });
    if (this.options.notices.length)
      this.post({
        type: 'error',
        code: 'config',
        message: this.options.notices.join(' ').slice(0, 300),
      });
    const root = document.getElementById('root');
    if (root) this.resized(root);
  }

  attachSteps(host: StepHost): void {
    this.steps = host;
    const announce = (step: string) =>
      this.post({
        type: 'step-changed',
        tour: host.tour,
        step,
        index: host.steps.indexOf(step),
        count: host.steps.length,
      });
    this.cleanups.push(host.subscribe(announce));
    announce(host.current());
  }

  reportError(message: string): void {
    this.post({ type: 'error', code: 'figure', message: message.slice(0, 300) });
  }

  dispose(): void {
    for (const c of this.cleanups.splice(0)) c();
  }

  private post(e: EmbedEvent): void {
    const m = envelope(e);
    this.sent.push(m);
    if (this.target !== null) window.parent.postMessage(m, this.target);
  }

  private resized(root: HTMLElement): void {
    // Sizes before `ready` are of an empty page; `ready` sends the first real one.
    if (!this.announced) return;
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === this.lastHeight) return;
    this.lastHeight = height;
    this.post({ type: 'resize', height });
  }

  private watchRuns(): () => void {
    let wasEnded = false;
    return runsStore.subscribe((s, prev) => {
      if (s.playing !== prev.playing && !this.applying) {
        this.gate.noteUserPlaying(s.playing);
        this.sync();
      }
      for (const r of s.runs) {
        const before = prev.runs.find((p) => p.id === r.id);
        if (r.error && r.error !== before?.error) this.reportError(`${r.label}: ${r.error}`);
      }
      const all = s.runs.length > 0 && s.runs.every((r) => ended(r.state));
      if (all && !wasEnded)
        this.post({
          type: 'run-finished',
          figure: this.options.figure,
          summary: { kind: 'runs', runs: s.runs.map(summarize) },
        });
      wasEnded = all;
    });
  }

  private watchEnsemble(view: ScienceView): () => void {
    return ensembleStore.subscribe((s, prev) => {
      const now = s[view];
      const before = prev[view];
      if (now.status === before.status) return;
      if (now.status === 'error') this.reportError(`the ${view} runs failed: ${now.error ?? ''}`);
      if (now.status !== 'done') return;
      // The caption is rendered from the aggregated numbers; read it once React has drawn it.
      setTimeout(() => {
        const caption =
          document.querySelector(`[data-testid="caption-${view}"]`)?.textContent?.trim() ?? '';
        this.post({
          type: 'run-finished',
          figure: view,
          summary: {
            kind: 'ensemble',
            ensemble: {
              view,
              runs: now.progress.total,
              elapsedMs: Math.round(now.progress.elapsedMs),
              caption,
            },
          },
        });
      }, 50);
    });
  }
}

function summarize(r: ReturnType<typeof runsStore.getState>['runs'][number]): RunSummary {
  const m = r.last;
  return {
    id: r.id,
    label: r.label,
    batch: r.batch,
    lr: r.lr,
    steps: r.steps,
    state: r.state === 'diverged' ? 'diverged' : 'done',
    trainLoss: m?.trainLoss ?? null,
    testLoss: m?.testLoss ?? null,
    gap: m?.gap ?? null,
    lambdaMax: m?.lambdaMax ?? null,
    basin: m?.basin ?? null,
  };
}
