/**
 * The 3-D scene, loaded on first use: three.js and react-three-fiber are most of the app's
 * JavaScript, and a science view or an embedded chart never needs them. The explorer's
 * panels paint first; the scene follows a moment later.
 */
import { lazy, Suspense, type ComponentProps } from 'react';
import type { SceneView as SceneViewType } from '../scene/SceneView';

const SceneView = lazy(() => import('../scene/SceneView').then((m) => ({ default: m.SceneView })));

export function LazyScene(props: ComponentProps<typeof SceneViewType>) {
  return (
    <Suspense
      fallback={
        <div className="scene scene-loading" data-testid="scene-loading">
          <p className="view-placeholder">Loading the 3-D scene…</p>
        </div>
      }
    >
      <SceneView {...props} />
    </Suspense>
  );
}
