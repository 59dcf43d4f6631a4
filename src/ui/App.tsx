/**
 * The app shell: theme, shortcuts and URL sync, then either one figure alone
 * (`?view=…`, for embedding and tests) or the header with its tabs over the open tab.
 */
import { lazy, Suspense, useEffect } from 'react';
import { Header } from './Header';
import { Notices } from './Notices';
import { HelpOverlay } from './presenter/HelpOverlay';
import { useShortcuts } from './presenter/useShortcuts';
import { useView, useViewParams } from '../state/react';
import { isScienceView } from '../state/viewParams';
import { useUrlSync } from './useUrlSync';
import { ViewRouter } from './views/ViewRouter';
import { TourDock } from '../walkthroughs/panel/TourDock';

// Loaded on first use, like the scene: a science view (or an embedded one) never pays for
// the explorer's controls and charts.
const ExplorerLayout = lazy(() =>
  import('./ExplorerLayout').then((m) => ({ default: m.ExplorerLayout })),
);
const SceneFigure = lazy(() =>
  import('./figure/SceneFigure').then((m) => ({ default: m.SceneFigure })),
);
const ChartsFigure = lazy(() =>
  import('./ChartsFigure').then((m) => ({ default: m.ChartsFigure })),
);

export function App({ figure }: { figure: string | null }) {
  return (
    <>
      <AppBody figure={figure} />
      <TourDock />
    </>
  );
}

function AppBody({ figure }: { figure: string | null }) {
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
      <>
        {/* A figure alone says what it did with a bad link, as the explorer does. */}
        <Notices />
        <Suspense fallback={null}>
          <SceneFigure />
        </Suspense>
      </>
    );
  if (figure === 'charts')
    return (
      <div className="figure-alone">
        <Notices />
        <Suspense fallback={null}>
          <ChartsFigure />
        </Suspense>
      </div>
    );
  if (isScienceView(figure))
    return (
      <div className={`figure-alone view-alone ${presenter ? 'is-presenter' : ''}`}>
        <ViewRouter view={figure} alone />
      </div>
    );

  if (tab === 'explorer')
    return (
      <Suspense fallback={null}>
        <ExplorerLayout presenter={presenter} />
      </Suspense>
    );
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
