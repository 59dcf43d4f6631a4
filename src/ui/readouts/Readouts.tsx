/**
 * Live readouts: one column per run, headed by the run's legend key (colour chip +
 * dash sample + label), so the table doubles as the one colour legend. Reads the
 * runs store, which the controller updates at most ~10 times a second — never the
 * per-frame buffers.
 */
import {
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type RefObject,
} from 'react';
import type { RunView } from '../../state/runsStore';
import { useConfig, useRuns, useSurface, useView } from '../../state/react';
import { formatNumber, stateText } from '../format';
import { READOUT_ROWS, type BasinContext } from './rows';
import { RunKey } from './RunKey';
import { shortBasin, shortRunLabel } from './narrowLabels';
import { worseOnTest } from './endResults';
import { useRunOutcomes } from '../caption/useRunOutcomes';
import { instabilityText } from '../caption/stability';
import './readouts.css';

/** Presets whose surfaces have named basins (so "no basin" means "between basins"). */
const PRESETS_WITH_BASINS = new Set(['sharp-flat', 'saddle']);

export function Readouts() {
  const runs = useRuns((s) => s.runs);
  const preset = useConfig((c) => c.base.preset);
  const basins = useSurface((s) => s.data?.basins);
  const saddleCount = useSurface((s) => s.data?.saddles.length ?? 0);
  const ctx = useMemo<BasinContext>(
    () => ({
      hasBasins: PRESETS_WITH_BASINS.has(preset) || (basins?.length ?? 0) > 0,
      hasSaddle: saddleCount > 0,
      network: preset === 'mlp',
      labels: Object.fromEntries((basins ?? []).map((b) => [b.id, b.label])),
    }),
    [preset, basins, saddleCount],
  );
  const rows = useMemo(() => READOUT_ROWS.filter((row) => row.applies?.(ctx) ?? true), [ctx]);

  const worse = worseOnTest(runs);
  const many = runs.length > 2;
  const tableRef = useRef<HTMLTableElement>(null);
  const short = useShortLabels(tableRef, runs.map((r) => r.label).join('\n'));
  const outcomes = useRunOutcomes();
  const instability = new Map(outcomes.map((o) => [o.id, o.outcome.instability]));
  const compareField = useConfig((c) => c.compare.field);
  const selectedRun = useView((v) => v.selectedRun);
  // The keyboard nudges act on one run only when the runs differ in batch size or LR.
  const selected =
    compareField === 'batch' || compareField === 'lr' ? Math.min(selectedRun, runs.length - 1) : -1;

  if (runs.length === 0) {
    return (
      <section className="readouts" data-testid="readouts" aria-label="Live readouts">
        <p className="readouts-empty">No runs yet.</p>
      </section>
    );
  }

  return (
    <section className="readouts" data-testid="readouts" aria-label="Live readouts">
      <table
        ref={tableRef}
        className={many ? 'readouts-many' : undefined}
        style={{ '--runs': runs.length } as CSSProperties}
      >
        <thead>
          <tr>
            <th scope="col" className="readouts-corner">
              run
            </th>
            {runs.map((r, i) => (
              <th
                key={r.id}
                scope="col"
                className={i === selected ? 'is-selected' : undefined}
                aria-current={i === selected ? 'true' : undefined}
                data-testid={`readout-head-${r.id}`}
                title={
                  `Run ${r.label}: its colour and line style in the scene and charts` +
                  (i === selected
                    ? '. Selected: the arrow keys and [ ] change this run (1–4 selects another).'
                    : '')
                }
              >
                <RunKey
                  color={r.color}
                  index={i}
                  label={r.label}
                  short={short ? shortRunLabel(r.label) : undefined}
                />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={row.secondary ? 'secondary' : undefined}>
              <th scope="row" title={row.tooltip}>
                {row.label}
              </th>
              {runs.map((r) => {
                const unstable = instability.get(r.id) ?? null;
                // An unstable run is bouncing or blowing up: never "in a minimum".
                const cell =
                  row.id === 'basin' && unstable ? { text: 'unstable' } : row.cell(r, ctx);
                const exact = typeof cell.value === 'number' ? ` (${r.label}: ${cell.value})` : '';
                const bad = row.id === 'testloss' && worse.has(r.id);
                return (
                  <td
                    key={r.id}
                    data-testid={`readout-${row.id}-${r.id}`}
                    data-value={cell.value ?? undefined}
                    data-worse={bad ? 'true' : undefined}
                    className={bad ? 'is-worse' : undefined}
                    title={
                      row.tooltip +
                      exact +
                      (bad ? ' The highest test loss of the runs: worse on unseen data.' : '')
                    }
                  >
                    {bad && (
                      <span className="worse-badge" aria-label="worse on test">
                        ▲{' '}
                      </span>
                    )}
                    {many && row.id === 'basin' ? shortBasin(cell.text) : cell.text}
                    {row.id === 'step' && <Progress run={r} />}
                  </td>
                );
              })}
            </tr>
          ))}
          {/* The scene's run key says the same in presenter mode. */}
          <tr className="secondary">
            <th
              scope="row"
              title="Whether the run is still going, paused, finished, or blew up (diverged)."
            >
              state
            </th>
            {runs.map((r) => {
              const unstable = instability.get(r.id) ?? null;
              const ended = r.state === 'done' || r.state === 'diverged';
              return (
                <td
                  key={r.id}
                  data-testid={`readout-state-${r.id}`}
                  data-unstable={unstable ? 'true' : undefined}
                  className={`readout-state is-${r.error ? 'error' : unstable ? 'unstable' : r.state}`}
                  title={
                    r.error ??
                    (unstable
                      ? instabilityText(r.label, unstable, ended)
                      : 'Whether the run is still going, paused, finished, or blew up (diverged).')
                  }
                >
                  {stateText(r)}
                  {unstable && r.state !== 'diverged' && ' · unstable'}
                </td>
              );
            })}
          </tr>
        </tbody>
      </table>
    </section>
  );
}

function Progress({ run }: { run: RunView }) {
  const pct = Math.round(Math.min(1, Math.max(0, run.progress)) * 100);
  return (
    <progress
      className="readout-progress"
      max={100}
      value={pct}
      style={{ accentColor: run.color }}
      aria-label={`${run.label} progress ${pct}%`}
      title={`${formatNumber(pct)}% of the planned updates done`}
    />
  );
}

/**
 * Whether the run labels need their short forms: measured, because whether "momentum"
 * fits depends on the run count, the panel width and the theme's type size. Re-measured
 * when the labels or the table's width change.
 */
function useShortLabels(table: RefObject<HTMLTableElement | null>, labels: string): boolean {
  const [short, setShort] = useState(false);
  useLayoutEffect(() => setShort(false), [labels]);
  useLayoutEffect(() => {
    const el = table.current;
    if (!el || short) return;
    const check = () => {
      const heads = el.querySelectorAll<HTMLElement>('thead th');
      if ([...heads].some((th) => th.scrollWidth > th.clientWidth + 1)) setShort(true);
    };
    check();
    if (typeof ResizeObserver === 'undefined') return; // jsdom
    const ro = new ResizeObserver(check);
    ro.observe(el);
    return () => ro.disconnect();
  }, [table, short, labels]);
  return short;
}
