/** Keeps the address bar in step with the experiment, so any view can be shared as is. */
import { useEffect } from 'react';
import { configStore } from '../state/configStore';
import { viewStore } from '../state/viewStore';
import { encodeUrl } from '../state/url';
import { encodeViewParams } from '../state/viewParams';
import { viewParamsStore } from '../state/viewParamsStore';

export function shareUrl(figure: string | null = null): string {
  const { tab, params } = viewParamsStore.getState();
  // A figure opened alone (?view=…) is its own route: no tab to remember.
  const extra = {
    ...encodeViewParams(figure ? null : tab, params),
    ...(figure ? { view: figure } : {}),
  };
  const q = encodeUrl(configStore.getState(), viewStore.getState(), extra);
  return `${window.location.origin}${window.location.pathname}${q ? `?${q}` : ''}`;
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
    return () => {
      a();
      b();
      c();
      if (timer) clearTimeout(timer);
    };
  }, [figure]);
}
