/**
 * Catches a 3-D canvas that fails to start (three throws "Error creating WebGL context"
 * when the probe said yes but the real context is refused) so the page does not go blank:
 * WebGL is marked unusable and every canvas switches to the flat 2-D map.
 */
import { Component, type ReactNode } from 'react';
import { markWebglUnavailable } from './webgl';

export class SceneErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(): void {
    markWebglUnavailable();
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
