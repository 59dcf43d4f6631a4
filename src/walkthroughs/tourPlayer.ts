/**
 * Plays a walkthrough through the app's own stores: a step's setup is resolved from its
 * preset's explorer defaults by the engine's validator (so a step never depends on the one
 * before, and reset is exact), then written to the config, view and view-parameter stores —
 * the same path the controls and the URL codec take.
 */
import { resolveConfig } from '../engine/validate';
import {
  configStore,
  defaultComparison,
  explorerDefaults,
  mergeDeep,
  pushNotice,
  runSpecs,
} from '../state/configStore';
import { defaultViewParams, type AllViewParams } from '../state/viewParams';
import { viewParamsStore } from '../state/viewParamsStore';
import { setView, viewStore } from '../state/viewStore';
import { findWalkthrough, WALKTHROUGHS } from './registry';
import { EMBED_NEUTRAL_KEYS, signature, TOUR_NEUTRAL_KEYS, type StepState } from './tourLink';
import { setTourApplier, tourStore } from './tourStore';
import type { StepSetup, Walkthrough } from './types';

export type ResolvedStep = { ok: true; state: StepState } | { ok: false; errors: string[] };

/** The state a step sets up, or why the engine rejects it (every run's config is checked). */
export function resolveStep(setup: StepSetup): ResolvedStep {
  const { preset, ...defaults } = explorerDefaults(setup.preset) as unknown as Record<
    string,
    unknown
  >;
  const merged = mergeDeep(defaults, (setup.config ?? {}) as Record<string, unknown>);
  const r = resolveConfig({ ...merged, preset });
  if (!r.ok) return { ok: false, errors: r.errors.map((e) => `${e.path}: ${e.message}`) };
  const compare = setup.compare ?? defaultComparison(r.config);
  const errors: string[] = [];
  for (const spec of runSpecs({ base: r.config, compare, notices: [] })) {
    const run = resolveConfig(spec.config);
    if (!run.ok) errors.push(...run.errors.map((e) => `${spec.label}: ${e.path}: ${e.message}`));
  }
  if (compare.field === 'batch' && compare.values.some((b) => Number(b) > r.config.landscape.n))
    errors.push(`compare: a batch size above N = ${r.config.landscape.n}`);
  if (errors.length) return { ok: false, errors };
  const params = defaultViewParams();
  for (const [view, patch] of Object.entries(setup.viewParams ?? {}))
    Object.assign(params[view as keyof AllViewParams], patch);
  return {
    ok: true,
    state: {
      base: r.config,
      compare,
      tab: setup.tab,
      params,
      camera: setup.camera,
      surface: setup.surface ?? 'both',
    },
  };
}

let open: Walkthrough | null = null;

function applyStep(index: number): void {
  const step = open?.steps[index];
  if (!open || !step) return;
  const r = resolveStep(step.setup);
  if (!r.ok) {
    pushNotice(`Tour step "${step.id}" could not be set up: ${r.errors[0]}.`);
    return;
  }
  const s = r.state;
  configStore.setState({ base: s.base, compare: s.compare });
  viewParamsStore.setState({ tab: s.tab, params: s.params });
  setView({
    camera: s.camera,
    surface: s.surface,
    selectedRun: 0,
    cameraResets: viewStore.getState().cameraResets + 1,
  });
  tourStore.setState({ index, appliedKey: signature(s) });
}

setTourApplier(applyStep);

/** Opens a walkthrough at a step (index or id) and sets that step up. */
export function openTour(tour: Walkthrough, index = 0): void {
  open = tour;
  tourStore.setState({ tourId: tour.id, stepIds: tour.steps.map((s) => s.id), index });
  applyStep(index);
}

export const openDefaultTour = (): void => openTour(WALKTHROUGHS[0]!);

/** The open walkthrough's data (for the panel). */
export const openWalkthrough = (): Walkthrough | null => open;

/**
 * `?tour=…&step=…`: opens that step. An unknown tour or step gets a one-line notice (and no
 * tour, or the first step). A link that also carries experiment keys is a touched step:
 * the experiment the URL codec already restored is kept, and the panel offers a reset.
 * In an embed (`embed=1`) the embed's own keys (which figure, controls, theme…) do not
 * touch the step: `?embed=1&tour=…&step=…` shows the step as written.
 */
export function initTourFromUrl(search: string): void {
  const p = new URLSearchParams(search);
  const id = p.get('tour');
  if (id === null) return;
  const tour = findWalkthrough(id);
  if (!tour) {
    pushNotice(`Unknown tour "${id}"; the tours are: ${WALKTHROUGHS.map((w) => w.id).join(', ')}.`);
    return;
  }
  const stepId = p.get('step');
  let index = stepId === null ? 0 : tour.steps.findIndex((s) => s.id === stepId);
  if (index < 0) {
    pushNotice(`Unknown step "${stepId}" in the tour "${tour.id}"; starting at its first step.`);
    index = 0;
  }
  const neutral = p.get('embed') === '1' ? EMBED_NEUTRAL_KEYS : TOUR_NEUTRAL_KEYS;
  const touched = [...p.keys()].some((k) => !neutral.has(k));
  if (!touched) return openTour(tour, index);
  open = tour;
  const r = resolveStep(tour.steps[index]!.setup);
  tourStore.setState({
    tourId: tour.id,
    stepIds: tour.steps.map((s) => s.id),
    index,
    appliedKey: r.ok ? signature(r.state) : null,
  });
}
