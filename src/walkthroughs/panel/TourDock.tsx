/**
 * Where the tour lives in the app: one component mounted once beside the app (App.tsx).
 * It loads the panel (step data, KaTeX, the views' caption code) only when a tour is open,
 * and reserves its height at the bottom of the window (--tour-h on <html>), so the app
 * above shrinks rather than hiding under it.
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { tourStore } from '../tourStore';

const TourPanel = lazy(() => import('./TourPanel').then((m) => ({ default: m.TourPanel })));

export function TourDock() {
  const open = useStore(tourStore, (s) => s.tourId !== null);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const root = document.documentElement;
    const el = ref.current;
    if (!open || !el) return;
    root.classList.add('tour-open');
    const measure = () => root.style.setProperty('--tour-h', `${el.offsetHeight}px`);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.classList.remove('tour-open');
      root.style.removeProperty('--tour-h');
    };
  }, [open]);

  if (!open) return null;
  return (
    <div className="tour-dock" ref={ref}>
      <Suspense fallback={<p className="tour-loading">Loading the tour…</p>}>
        <TourPanel />
      </Suspense>
    </div>
  );
}

/** The header's way in: opens the default walkthrough at its first step. */
export function TourButton() {
  const open = useStore(tourStore, (s) => s.tourId !== null);
  if (open) return null;
  return (
    <button
      type="button"
      data-testid="tour-start"
      title="A guided walk through the whole argument, step by step, on live runs"
      onClick={() => void import('../tourPlayer').then((m) => m.openDefaultTour())}
    >
      Tour
    </button>
  );
}
