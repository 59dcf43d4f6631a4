/**
 * The header's tabs (WAI-ARIA tabs pattern): one tab stop for the whole bar, arrow keys
 * / Home / End move between tabs and open them (automatic activation: each view opens
 * instantly, and its results persist when you leave and come back), keeping focus on
 * the new tab; Enter or Space on a tab moves focus into its panel.
 *
 * Opening the explorer or leaving it swaps the whole page layout, header included, so the
 * focused tab button is replaced: the wanted focus is remembered across that remount
 * (`pendingFocus`) instead of being lost to the page body.
 */
import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { TABS, type TabId } from '../../state/viewParams';
import { setTab } from '../../state/viewParamsStore';
import { useViewParams } from '../../state/react';

export const TAB_LABELS: Record<TabId, { label: string; tip: string }> = {
  explorer: { label: 'Explorer', tip: 'Two runs racing on the loss landscape, live.' },
  sweep: {
    label: 'Batch sweep',
    tip: 'Many seeded runs per batch size: how often each ends in the flat basin, and its gap.',
  },
  remedies: {
    label: 'Remedies',
    tip: 'Large-batch fixes side by side: LR scaling, training longer, warm-up, growing the batch.',
  },
  network: {
    label: 'Network',
    tip: "Small vs large batch on a small neural network, with Hoffer et al.'s remedies: Ghost BN, regime adaptation, √ LR scaling, and all three.",
  },
  diffusion: {
    label: 'Diffusion',
    tip: 'How far SGD travels from its start: like log t on a random potential whose bumps grow over every scale the walk reaches, like √t on a flat one (Hoffer et al.). Both laws are fitted and the local exponent p(t) is shown.',
  },
  keskar: {
    label: 'Keskar',
    tip: 'The loss on the line between a small- and a large-batch solution, and their ε-sharpness.',
  },
  stability: {
    label: 'Stability',
    tip: 'Gradient descent on a quadratic diverges once learning rate × λ_max passes 2.',
  },
};

let pendingFocus: 'tab' | 'panel' | null = null;

export function Tabs() {
  const tab = useViewParams((s) => s.tab);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    const want = pendingFocus;
    pendingFocus = null;
    if (want === 'tab') refs.current[TABS.indexOf(tab)]?.focus();
    else if (want === 'panel') document.getElementById('tab-panel')?.focus();
  }, [tab]);

  const open = (id: TabId, focus: 'tab' | 'panel' | null) => {
    pendingFocus = focus;
    if (id === tab) {
      // No switch, no remount: act now.
      pendingFocus = null;
      if (focus === 'panel') document.getElementById('tab-panel')?.focus();
      return;
    }
    setTab(id);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const last = TABS.length - 1;
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % TABS.length
        : e.key === 'ArrowLeft'
          ? (i + last) % TABS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : null;
    if (next === null) return;
    // preventDefault also tells the global shortcuts that the arrow is taken.
    e.preventDefault();
    refs.current[next]?.focus();
    open(TABS[next]!, 'tab');
  };

  // A keyboard "click" (Enter / Space) has detail 0: take the user into the panel.
  const onClick = (e: MouseEvent<HTMLButtonElement>, id: TabId) =>
    open(id, e.detail === 0 ? 'panel' : null);

  return (
    <nav className="tabs" aria-label="Views">
      <div role="tablist" aria-label="Views" className="tabs-list">
        {TABS.map((id, i) => (
          <button
            key={id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${id}`}
            data-testid={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls="tab-panel"
            tabIndex={tab === id ? 0 : -1}
            title={TAB_LABELS[id].tip}
            className="tab"
            onClick={(e) => onClick(e, id)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {TAB_LABELS[id].label}
          </button>
        ))}
      </div>
    </nav>
  );
}
