import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Controller } from './state/controller';
import { configStore } from './state/configStore';
import { WorkerPool } from './state/pool';
import { setPoolFactory } from './state/ensembleStore';
import { viewStore } from './state/viewStore';
import { decodeUrl } from './state/url';
import { decodeViewParams } from './state/viewParams';
import { viewParamsStore } from './state/viewParamsStore';
import { ControllerContext } from './ui/controllerContext';
import { App } from './ui/App';
import { exposeTestHandles } from './testHandles';
import './ui/theme.css';

const decoded = decodeUrl(window.location.search);
configStore.setState(decoded.config);
viewStore.setState(decoded.view);
const viewParams = decodeViewParams(window.location.search);
viewParamsStore.setState({ tab: viewParams.tab, params: viewParams.params });
if (viewParams.notices.length)
  configStore.setState((s) => ({ notices: [...s.notices, ...viewParams.notices].slice(-5) }));

const engineWorker = () =>
  new Worker(new URL('./worker/engine.worker.ts', import.meta.url), { type: 'module' }) as never;
const controller = new Controller(engineWorker);
controller.init();
// Ensembles get their own workers (created on first use), so live runs never wait on them.
setPoolFactory(() => new WorkerPool(engineWorker, WorkerPool.defaultSize()));

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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ControllerContext.Provider value={controller}>
      <App figure={decoded.figure} />
    </ControllerContext.Provider>
  </StrictMode>,
);
