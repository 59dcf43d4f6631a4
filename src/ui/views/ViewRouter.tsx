/**
 * Picks the science view to show. Views load on first use (their own chunks), so the
 * explorer's first ten seconds do not pay for them.
 */
import { lazy, Suspense } from 'react';
import type { ScienceView } from '../../state/viewParams';

const VIEWS = {
  sweep: lazy(() => import('./sweep/SweepView').then((m) => ({ default: m.SweepView }))),
  remedies: lazy(() =>
    import('./remedies/RemediesView').then((m) => ({ default: m.RemediesView })),
  ),
  network: lazy(() => import('./network/NetworkView').then((m) => ({ default: m.NetworkView }))),
  diffusion: lazy(() =>
    import('./diffusion/DiffusionView').then((m) => ({ default: m.DiffusionView })),
  ),
  keskar: lazy(() => import('./keskar/KeskarView').then((m) => ({ default: m.KeskarView }))),
  stability: lazy(() =>
    import('./stability/StabilityView').then((m) => ({ default: m.StabilityView })),
  ),
} satisfies Record<ScienceView, unknown>;

export function ViewRouter({ view, alone }: { view: ScienceView; alone?: boolean }) {
  const View = VIEWS[view];
  return (
    <Suspense fallback={<p className="view-placeholder">Loading…</p>}>
      <View alone={alone} />
    </Suspense>
  );
}
