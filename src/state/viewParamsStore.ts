/**
 * Which tab is open and the science views' committed parameters (what the last Run
 * used, and what the URL says). Parameter bars edit drafts and commit here on Run, so
 * the address bar always describes the results on screen.
 */
import { createStore } from 'zustand/vanilla';
import { defaultViewParams, type AllViewParams, type ScienceView, type TabId } from './viewParams';

export interface ViewParamsState {
  tab: TabId;
  params: AllViewParams;
}

export const viewParamsStore = createStore<ViewParamsState>(() => ({
  tab: 'explorer',
  params: defaultViewParams(),
}));

export function setTab(tab: TabId): void {
  viewParamsStore.setState({ tab });
}

export function commitParams<V extends ScienceView>(view: V, params: AllViewParams[V]): void {
  const prev = viewParamsStore.getState().params;
  viewParamsStore.setState({ params: { ...prev, [view]: params } });
}
