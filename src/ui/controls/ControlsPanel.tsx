/**
 * The left-hand controls, grouped as DESIGN.md §8 lists them. The groups scroll on
 * their own and playback is a fixed footer, so play/pause stays in reach however far
 * the groups scroll (and in presenter mode at 1280×720).
 */
import { LandscapeSection } from './LandscapeSection';
import { ComparisonSection } from './ComparisonSection';
import { OptimizerSection } from './OptimizerSection';
import { ScheduleSection } from './ScheduleSection';
import { PlaybackSection } from './PlaybackSection';
import { NetworkSection } from '../network/NetworkSection';
import './controls.css';

export function ControlsPanel() {
  return (
    <div className="controls" data-testid="controls-panel">
      <div className="controls-scroll">
        <LandscapeSection />
        <NetworkSection />
        <ComparisonSection />
        <OptimizerSection />
        <ScheduleSection />
      </div>
      <PlaybackSection />
    </div>
  );
}
