/** React bindings over the vanilla stores: components subscribe through selectors. */
import { useStore } from 'zustand';
import { configStore, type ConfigState } from './configStore';
import { viewStore, type ViewState } from './viewStore';
import { runsStore, type RunsState } from './runsStore';
import { surfaceStore, type SurfaceState } from './surfaceStore';

export const useConfig = <T>(sel: (s: ConfigState) => T): T => useStore(configStore, sel);
export const useView = <T>(sel: (s: ViewState) => T): T => useStore(viewStore, sel);
export const useRuns = <T>(sel: (s: RunsState) => T): T => useStore(runsStore, sel);
export const useSurface = <T>(sel: (s: SurfaceState) => T): T => useStore(surfaceStore, sel);
