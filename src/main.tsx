import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { Controller } from './state/controller';
import { configStore, runSpecs } from './state/configStore';
import { engineConfig } from './state/controller';
import { runBuffers } from './state/buffers';
import { runsStore } from './state/runsStore';
import { hashFloat32 } from './engine/hash';
import { WorkerPool } from './state/pool';
import { ensembleStore, setPoolFactory } from './state/ensembleStore';
import { viewStore } from './state/viewStore';
import { surfaceStore } from './state/surfaceStore';
import { sceneStats } from './scene/sceneStats';
import { decodeUrl } from './state/url';
import { decodeViewParams } from './state/viewParams';
import { viewParamsStore } from './state/viewParamsStore';
import { ControllerContext } from './ui/controllerContext';
import { decodeEmbedOptions } from './embed/options';
import { setPoolPaused } from './state/ensembleStore';
import './ui/theme.css';
// After the theme: its small-screen rules override the desktop grid at equal specificity.
import './ui/small-screen.css';

const decoded = decodeUrl(window.location.search);
const embed = decodeEmbedOptions(
  window.location.search,
  window.location.origin,
  import.meta.env.VITE_EMBED_ORIGINS as string | undefined,
);
configStore.setState(decoded.config);
viewStore.setState(decoded.view);
const viewParams = decodeViewParams(window.location.search);
viewParamsStore.setState({ tab: viewParams.tab, params: viewParams.params });
if (viewParams.notices.length)
  configStore.setState((s) => ({ notices: [...s.notices, ...viewParams.notices].slice(-5) }));

// `?tour=…&step=…` sets its step up before the controller starts the first runs.
if (new URLSearchParams(window.location.search).has('tour'))
  (await import('./walkthroughs/tourPlayer')).initTourFromUrl(window.location.search);

const engineWorker = () =>
  new Worker(new URL('./worker/engine.worker.ts', import.meta.url), { type: 'module' }) as never;
const controller = new Controller(engineWorker);
if (embed.enabled) {
  if (embed.theme) viewStore.setState({ theme: embed.theme });
  // An embed computes only once it is on screen (the bridge's gate starts it), on one
  // pool worker at most: several figures on one page share the machine.
  runsStore.setState({ playing: false });
  setPoolPaused(true);
}
// An embed starts its engine (surface and runs) when it first comes on screen (bridge.ts).
if (!embed.enabled) controller.init();
// Ensembles get their own workers (created on first use), so live runs never wait on them.
setPoolFactory(() => new WorkerPool(engineWorker, embed.enabled ? 1 : WorkerPool.defaultSize()));

// A handle for end-to-end tests and curious users: the exact engine configs and a
// fingerprint of each run's recorded trajectory (compared with the CLI's).
(window as unknown as { __batchscape: unknown }).__batchscape = {
  controller,
  configStore,
  viewStore,
  runsStore,
  engineConfigs: () => runSpecs(configStore.getState()).map(engineConfig),
  trajectoryHash: (runId: string) => {
    const b = runBuffers.get(runId);
    return b ? hashFloat32(b.positions, b.count * 2) : null;
  },
  pointCount: (runId: string) => runBuffers.get(runId)?.count ?? 0,
  /** Network lab: hash of a finished run's full-state trajectory (the CLI's trajectory[].w). */
  netTrajectoryHash: (runId: string) => runBuffers.get(runId)?.netHash ?? null,
  /** Steps of a run's full-split measurements (the metric schedule, as received). */
  metricSteps: (runId: string) => [...(runBuffers.get(runId)?.metricSteps ?? [])],
  /** Steps of a run's recorded trajectory points. */
  pointSteps: (runId: string) => {
    const b = runBuffers.get(runId);
    return b ? Array.from(b.steps.subarray(0, b.count)) : [];
  },
  surfaceStore,
  /** A run's last recorded point in scene coordinates (the head of its path). */
  head: (runId: string) => runBuffers.get(runId)?.head() ?? null,
  /** A run's recorded points in scene coordinates, as [x, y] pairs. */
  path: (runId: string) => {
    const b = runBuffers.get(runId);
    return b
      ? Array.from({ length: b.count }, (_, i) => [b.positions[2 * i]!, b.positions[2 * i + 1]!])
      : [];
  },
  /** Visible start markers, per canvas. */
  startMarkers: () => [...sceneStats.startMarkers.values()],
  ensembleStore,
  viewParamsStore,
};

const handles = (window as unknown as { __batchscape: Record<string, unknown> }).__batchscape;
const render = (node: ReactNode) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ControllerContext.Provider value={controller}>{node}</ControllerContext.Provider>
    </StrictMode>,
  );

// The app and the embed shell are separate chunks: an embed loads neither the explorer's
// panels nor (unless it shows the scene) three.js.
if (embed.enabled)
  void import('./embed/mountEmbed').then(({ createEmbed }) => {
    const { bridge, node } = createEmbed(embed, controller);
    handles.embed = bridge;
    render(node);
  });
else void import('./ui/App').then(({ App }) => render(<App figure={decoded.figure} />));
