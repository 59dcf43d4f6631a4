/**
 * The app shell: theme, shortcuts and URL sync, then either one figure alone
 * (`?view=…`, for embedding and tests) or the header with its tabs over the open tab.
 */
import { useEffect } from 'react';
import { SceneView } from '../scene/SceneView';
import { ChartsPanel } from './charts/ChartsPanel';
import { Readouts } from './readouts/Readouts';
import { ExplorerLayout } from './ExplorerLayout';
import { Header } from './Header';
import { Notices } from './Notices';
import { HelpOverlay } from './presenter/HelpOverlay';
import { useShortcuts } from './presenter/useShortcuts';
import { useView, useViewParams } from '../state/react';
import { isScienceView } from '../state/viewParams';
import { useUrlSync } from './useUrlSync';
import { ViewRouter } from './views/ViewRouter';

export function App({ figure }: { figure: string | null }) {
  const theme = useView((v) => v.theme);
  const presenter = useView((v) => v.presenter);
  const tab = useViewParams((s) => s.tab);
  useShortcuts();
  useUrlSync(figure);
  useEffect(() => {
    document.documentElement.dataset.theme = presenter ? 'presenter' : theme;
  }, [theme, presenter]);

  if (figure === 'scene')
    return (
      <div className="figure-alone">
        {/* An embedded figure says what it did with a bad link, as the explorer does. */}
        <Notices />
        <SceneView />
      </div>
    );
  if (figure === 'charts')
    return (
      <div className="figure-alone">
        <Notices />
        <Readouts />
        <ChartsPanel />
      </div>
    );
  if (isScienceView(figure))
    return (
      <div className={`figure-alone view-alone ${presenter ? 'is-presenter' : ''}`}>
        <ViewRouter view={figure} alone />
      </div>
    );

  if (tab === 'explorer') return <ExplorerLayout presenter={presenter} />;
  return (
    <div className={`app app-view ${presenter ? 'is-presenter' : ''}`}>
      <Header />
      <main
        className="view-stage"
        id="tab-panel"
        role="tabpanel"
        aria-labelledby={`tab-${tab}`}
        tabIndex={-1}
      >
        <ViewRouter view={tab} />
      </main>
      <HelpOverlay />
    </div>
  );
}
