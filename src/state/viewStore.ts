/** How things are shown (not what is computed): camera, surfaces, theme, presenter mode. */
import { createStore } from 'zustand/vanilla';

export type SurfaceMode = 'train' | 'test' | 'both' | 'gap';
export type Theme = 'light' | 'dark';
export type CameraMode = '3d' | 'top';
export type Layout = 'overlay' | 'side';
/** The scene's drawing quality: chosen from the renderer, or forced (see scene/quality.ts). */
export type RenderQuality = 'auto' | 'high' | 'low';

export interface ViewState {
  camera: CameraMode;
  surface: SurfaceMode;
  /** Height exaggeration of the 3-D surface. */
  exaggeration: number;
  theme: Theme;
  presenter: boolean;
  layout: Layout;
  logX: boolean;
  help: boolean;
  /** Bumped to ask the scene to reset its camera. */
  cameraResets: number;
  /** The colormap legend's key unfolded; null until the user chooses (the layout decides). */
  legendOpen: boolean | null;
  /** The run the keyboard nudges act on when the runs differ in that setting (0-based). */
  selectedRun: number;
  /** Network lab: slice directions, and the run (0-based) whose current weights centre it. */
  netDirections: 'filter' | 'pca';
  netFocus: number;
  quality: RenderQuality;
}

export const initialViewState: ViewState = {
  camera: '3d',
  surface: 'both',
  exaggeration: 1,
  theme: 'light',
  presenter: false,
  layout: 'overlay',
  logX: true,
  help: false,
  cameraResets: 0,
  legendOpen: null,
  selectedRun: 0,
  netDirections: 'filter',
  netFocus: 0,
  quality: 'auto',
};

export const viewStore = createStore<ViewState>(() => ({ ...initialViewState }));

export function setView(patch: Partial<ViewState>): void {
  viewStore.setState(patch);
}
