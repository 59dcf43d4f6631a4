/**
 * The explorer tab (DESIGN §8): controls on the left, the scene in the centre,
 * readouts and charts on the right, under the header with the one-line caption. Small
 * screens get their own single-column layout (PhoneExplorer).
 */
import { LazyScene } from './LazyScene';
import { ControlsPanel } from './controls/ControlsPanel';
import { ChartsPanel } from './charts/ChartsPanel';
import { Readouts } from './readouts/Readouts';
import { Header } from './Header';
import { HelpOverlay } from './presenter/HelpOverlay';
import { PhoneExplorer } from './phone/PhoneExplorer';
import { useSmallScreen } from './useSmallScreen';
import { BoundaryStrip } from './network/BoundaryStrip';
import { useConfig } from '../state/react';

export function ExplorerLayout({ presenter }: { presenter: boolean }) {
  // The network lab shows each run's decision boundary under the scene.
  const net = useConfig((c) => c.base.preset === 'mlp');
  const small = useSmallScreen();
  if (small) return <PhoneExplorer presenter={presenter} />;
  return (
    <div className={`app ${presenter ? 'is-presenter' : ''}`}>
      <Header />
      <aside className="panel panel-controls" aria-label="Controls">
        <ControlsPanel />
      </aside>
      <main
        className={net ? 'stage has-boundary' : 'stage'}
        id="tab-panel"
        role="tabpanel"
        aria-labelledby="tab-explorer"
        tabIndex={-1}
      >
        {net ? (
          <>
            <div className="stage-scene">
              <LazyScene />
            </div>
            <BoundaryStrip />
          </>
        ) : (
          <LazyScene />
        )}
      </main>
      <aside className="panel panel-readouts" aria-label="Readouts and charts">
        <Readouts />
        <ChartsPanel />
      </aside>
      <HelpOverlay />
    </div>
  );
}
