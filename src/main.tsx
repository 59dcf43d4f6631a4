import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { Controller } from './state/controller';
import { configStore } from './state/configStore';
import { WorkerPool } from './state/pool';
import { setPoolFactory } from './state/ensembleStore';
import { viewStore } from './state/viewStore';
import { runsStore } from './state/runsStore';
import { decodeUrl } from './state/url';
import { decodeViewParams } from './state/viewParams';
import { viewParamsStore } from './state/viewParamsStore';
import { ControllerContext } from './ui/controllerContext';
import { decodeEmbedOptions } from './embed/options';
import { setPoolPaused } from './state/ensembleStore';
import { exposeTestHandles } from './testHandles';
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

// Test handles on window, only in builds made for tests (VITE_TEST_HANDLES=1, set by the
// e2e harness and the browser benchmark): a shipped page exposes no globals.
if (import.meta.env.VITE_TEST_HANDLES === '1') exposeTestHandles(controller);

// Offline after the first visit (public/sw.js). The entry's hashed file name versions the
// worker's URL, so every new build installs (and precaches) afresh.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const build = new URL(import.meta.url).pathname.split('/').pop() ?? '';
  void navigator.serviceWorker
    .register(`${import.meta.env.BASE_URL}sw.js?build=${encodeURIComponent(build)}`)
    .catch(() => {});
}

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
