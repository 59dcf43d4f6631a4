/** Keeps the address bar in step with the experiment, so any view can be shared as is. */
import { useEffect } from 'react';
import { configStore } from '../state/configStore';
import { viewStore } from '../state/viewStore';
import { encodeUrl } from '../state/url';
import { encodeViewParams } from '../state/viewParams';
import { viewParamsStore } from '../state/viewParamsStore';
import { untouchedTourQuery } from '../walkthroughs/tourLink';
import { tourLinkParams, tourStore } from '../walkthroughs/tourStore';

export function shareUrl(figure: string | null = null): string {
  const page = `${window.location.origin}${window.location.pathname}`;
  const tourQuery = untouchedTourQuery();
  if (tourQuery !== null) return `${page}?${tourQuery}`;
  const { tab, params } = viewParamsStore.getState();
  // A figure opened alone (?view=…) is its own route: no tab to remember.
  const extra = {
    ...encodeViewParams(figure ? null : tab, params),
    ...(figure ? { view: figure } : {}),
    ...tourLinkParams(),
  };
  const q = encodeUrl(configStore.getState(), viewStore.getState(), extra);
  return `${page}${q ? `?${q}` : ''}`;
}

export function useUrlSync(figure: string | null): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const write = () => {
      if (timer) clearTimeout(timer);
      // Debounced: dragging a slider should not flood the history API.
      timer = setTimeout(() => window.history.replaceState(null, '', shareUrl(figure)), 150);
    };
    const a = configStore.subscribe(write);
    const b = viewStore.subscribe((s, p) => {
      if (s.help === p.help && s.cameraResets === p.cameraResets) write();
    });
    const c = viewParamsStore.subscribe(write);
    const d = tourStore.subscribe(write);
    return () => {
      a();
      b();
      c();
      d();
      if (timer) clearTimeout(timer);
    };
  }, [figure]);
}
