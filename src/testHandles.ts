/**
 * `window.__batchscape`: handles for end-to-end tests and benchmarks — the exact engine
 * configs and a fingerprint of each run's recorded trajectory (compared with the CLI's),
 * the stores, the controller. Installed only in test builds (see main.tsx).
 */
import type { Controller } from './state/controller';
import { engineConfig } from './state/engineConfig';
import { configStore, runSpecs } from './state/configStore';
import { runBuffers } from './state/buffers';
import { runsStore } from './state/runsStore';
import { hashFloat32 } from './engine/hash';
import { ensembleStore } from './state/ensembleStore';
import { viewStore } from './state/viewStore';
import { surfaceStore } from './state/surfaceStore';
import { sceneStats } from './scene/sceneStats';
import { viewParamsStore } from './state/viewParamsStore';

export function exposeTestHandles(controller: Controller): void {
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
    /** Scene frames rendered so far (all canvases); those measured and their summed cost. */
    sceneFrames: () => ({
      count: sceneStats.frames,
      measured: sceneStats.measured,
      busyMs: sceneStats.busyMs,
      recent: sceneStats.recent.map((f) => ({ ...f })),
    }),
    ensembleStore,
    viewParamsStore,
  };
}
