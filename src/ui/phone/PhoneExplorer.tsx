/**
 * The explorer on a small screen: one scrolling column — the scene first and full
 * width, then the caption, the essential controls and the readouts; the other control
 * groups and the charts follow folded. The network lab adds its decision boundaries
 * under the scene and its network group among the folded ones. Touch targets are ≥ 44 px (small-screen.css).
 */
import { useState } from 'react';
import { SceneView } from '../../scene/SceneView';
import { CaptionLine } from '../caption/CaptionLine';
import { ChartsPanel } from '../charts/ChartsPanel';
import { ComparisonSection } from '../controls/ComparisonSection';
import { LandscapeSection } from '../controls/LandscapeSection';
import { OptimizerSection } from '../controls/OptimizerSection';
import { ScheduleSection } from '../controls/ScheduleSection';
import { SectionsFolded } from '../controls/Section';
import { Header } from '../Header';
import { HelpOverlay } from '../presenter/HelpOverlay';
import { Readouts } from '../readouts/Readouts';
import { EssentialControls } from './EssentialControls';
import { BoundaryStrip } from '../network/BoundaryStrip';
import { NetworkSection } from '../network/NetworkSection';
import { useConfig } from '../../state/react';
import '../controls/controls.css';

export function PhoneExplorer({ presenter }: { presenter: boolean }) {
  const [charts, setCharts] = useState(false);
  // The network lab's decision boundaries are its second picture: right under the scene.
  const net = useConfig((c) => c.base.preset === 'mlp');
  return (
    <div className={`app app-phone ${presenter ? 'is-presenter' : ''}`} data-testid="phone-layout">
      <Header caption={false} />
      <main
        className="phone-stage"
        id="tab-panel"
        role="tabpanel"
        aria-labelledby="tab-explorer"
        tabIndex={-1}
      >
        <SceneView compact results={false} />
      </main>
      {net && (
        <div className="phone-boundaries">
          <BoundaryStrip />
        </div>
      )}
      <div className="phone-caption">
        <CaptionLine />
      </div>
      <EssentialControls />
      <div className="phone-readouts">
        <Readouts />
      </div>
      <section className="phone-more controls" aria-label="More controls">
        <SectionsFolded.Provider value>
          <LandscapeSection />
          <NetworkSection />
          <ComparisonSection />
          <OptimizerSection />
          <ScheduleSection />
        </SectionsFolded.Provider>
        {/* Charts poll their buffers: mount them only when unfolded. */}
        <details
          className="controls-section"
          data-testid="phone-charts"
          onToggle={(e) => setCharts(e.currentTarget.open)}
        >
          <summary>Charts</summary>
          {charts && <ChartsPanel />}
        </details>
      </section>
      <HelpOverlay />
    </div>
  );
}
