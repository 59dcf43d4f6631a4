/** Keeps the address bar in step with the experiment, so any view can be shared as is. */
import { useEffect } from 'react';
import { configStore } from '../state/configStore';
import { viewStore } from '../state/viewStore';
import { encodeUrl } from '../state/url';

export function shareUrl(figure: string | null = null): string {
  const q = encodeUrl(configStore.getState(), viewStore.getState(), figure ? { view: figure } : {});
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
    return () => {
      a();
      b();
      if (timer) clearTimeout(timer);
    };
  }, [figure]);
}
