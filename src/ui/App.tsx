/**
 * The explorer's layout: header with the one-line caption, controls on the left,
 * the scene in the centre, readouts and charts on the right. `figure` (?view=…)
 * opens one part alone for embedding.
 */
import { useEffect } from 'react';
import { SceneView } from '../scene/SceneView';
import { ControlsPanel } from './controls/ControlsPanel';
import { ChartsPanel } from './charts/ChartsPanel';
import { Readouts } from './readouts/Readouts';
import { Header } from './Header';
import { HelpOverlay } from './presenter/HelpOverlay';
import { useShortcuts } from './presenter/useShortcuts';
import { useView } from '../state/react';
import { useUrlSync } from './useUrlSync';

export function App({ figure }: { figure: string | null }) {
  const theme = useView((v) => v.theme);
  const presenter = useView((v) => v.presenter);
  useShortcuts();
  useUrlSync(figure);
  useEffect(() => {
    document.documentElement.dataset.theme = presenter ? 'presenter' : theme;
  }, [theme, presenter]);

  if (figure === 'scene')
    return (
      <div className="figure-alone">
        <SceneView />
      </div>
    );
  if (figure === 'charts')
    return (
      <div className="figure-alone">
        <Readouts />
        <ChartsPanel />
      </div>
    );

  return (
    <div className={`app ${presenter ? 'is-presenter' : ''}`}>
      <Header />
      <aside className="panel panel-controls" aria-label="Controls">
        <ControlsPanel />
      </aside>
      <main className="stage" aria-label="Loss landscape">
        <SceneView />
      </main>
      <aside className="panel panel-readouts" aria-label="Readouts and charts">
        <Readouts />
        <ChartsPanel />
      </aside>
      <HelpOverlay />
    </div>
  );
}
