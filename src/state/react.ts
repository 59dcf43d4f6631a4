/** React bindings over the vanilla stores: components subscribe through selectors. */
import { useStore } from 'zustand';
import { configStore, type ConfigState } from './configStore';
import { viewStore, type ViewState } from './viewStore';
import { runsStore, type RunsState } from './runsStore';
import { surfaceStore, type SurfaceState } from './surfaceStore';
import { ensembleStore, type EnsembleState } from './ensembleStore';
import { viewParamsStore, type ViewParamsState } from './viewParamsStore';

export const useConfig = <T>(sel: (s: ConfigState) => T): T => useStore(configStore, sel);
export const useView = <T>(sel: (s: ViewState) => T): T => useStore(viewStore, sel);
export const useRuns = <T>(sel: (s: RunsState) => T): T => useStore(runsStore, sel);
export const useSurface = <T>(sel: (s: SurfaceState) => T): T => useStore(surfaceStore, sel);
export const useEnsemble = <T>(sel: (s: EnsembleState) => T): T => useStore(ensembleStore, sel);
export const useViewParams = <T>(sel: (s: ViewParamsState) => T): T =>
  useStore(viewParamsStore, sel);
