import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Controller } from './state/controller';
import { configStore, runSpecs } from './state/configStore';
import { engineConfig } from './state/controller';
import { runBuffers } from './state/buffers';
import { runsStore } from './state/runsStore';
import { hashFloat32 } from './engine/hash';
import { viewStore } from './state/viewStore';
import { decodeUrl } from './state/url';
import { ControllerContext } from './ui/controllerContext';
import { App } from './ui/App';
import './ui/theme.css';

const decoded = decodeUrl(window.location.search);
configStore.setState(decoded.config);
viewStore.setState(decoded.view);

const controller = new Controller(
  () =>
    new Worker(new URL('./worker/engine.worker.ts', import.meta.url), { type: 'module' }) as never,
);
controller.init();

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
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ControllerContext.Provider value={controller}>
      <App figure={decoded.figure} />
    </ControllerContext.Provider>
  </StrictMode>,
);
