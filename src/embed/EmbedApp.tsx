/**
 * An embedded figure: the figure the URL names (scene, charts or a science view), an
 * optional walkthrough step panel above it, and the embed bar below (per `controls=`).
 * The 3-D scene and each view load as their own chunks, so a chart embed never
 * downloads three.js.
 */
import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { useView } from '../state/react';
import { LazyScene } from '../ui/LazyScene';
import { ViewRouter } from '../ui/views/ViewRouter';
import { Notices } from '../ui/Notices';
import type { EmbedBridge } from './bridge';
import { EmbedBar } from './EmbedBar';
import { loadTour } from './steps';
import './embed.css';

const ChartsFigure = lazy(() =>
  import('../ui/ChartsFigure').then((m) => ({ default: m.ChartsFigure })),
);

export function EmbedApp({ bridge }: { bridge: EmbedBridge }) {
  const theme = useView((v) => v.theme);
  const presenter = useView((v) => v.presenter);
  const { options, science } = bridge;
  const [Panel, setPanel] = useState<ComponentType | null>(null);

  useEffect(() => {
    document.documentElement.dataset.theme = presenter ? 'presenter' : theme;
  }, [theme, presenter]);

  useEffect(() => {
    if (!options.tour) return bridge.ready();
    let live = true;
    void loadTour(options.tour, options.step, options.figure)
      .then((t) => {
        if (!live) return;
        bridge.ready();
        if (typeof t === 'string') bridge.reportError(t);
        else {
          bridge.attachSteps(t.host);
          setPanel(() => t.Panel);
          if (options.step !== null && !t.host.steps.includes(options.step))
            bridge.reportError(
              `unknown step "${options.step.slice(0, 40)}" in ${t.host.tour}; showing its first step`,
            );
        }
      })
      .catch((e: Error) => {
        bridge.ready();
        bridge.reportError(`the walkthrough failed to load: ${e.message}`);
      });
    return () => {
      live = false;
    };
  }, [bridge, options.tour, options.step, options.figure]);

  return (
    <div
      className={`embed embed-controls-${options.controls} ${science ? 'embed-view' : `embed-${options.figure}`} ${presenter ? 'is-presenter' : ''}`}
      data-testid="embed"
    >
      {Panel && <Panel />}
      {science ? (
        <ViewRouter view={science} alone />
      ) : options.figure === 'charts' ? (
        <div className="embed-charts">
          <Notices />
          <Suspense fallback={<p className="view-placeholder">Loading…</p>}>
            <ChartsFigure />
          </Suspense>
        </div>
      ) : (
        <div className="embed-scene">
          <LazyScene />
        </div>
      )}
      {options.controls !== 'none' && <EmbedBar actions={bridge.actions} science={science} />}
    </div>
  );
}
