/** Test accuracy, test loss, gap and λ_max per recipe, bars with 95% whiskers, two to a line. */
import { useSyncExternalStore } from 'react';
import type { NetworkRow } from '../../../engine/nn';
import { formatNumber } from '../../format';
import { StatBars, summaryPanel } from '../charts/StatBars';
import { recipeBarRows } from '../remedies/RemediesBars';

/** Phones get one panel to a line: two would shrink the type below reading size. */
const NARROW = '(max-width: 720px)';
const subscribe = (onChange: () => void) => {
  const mq = window.matchMedia(NARROW);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
};
const isNarrow = () => window.matchMedia(NARROW).matches;

export function NetworkBars({ rows }: { rows: readonly NetworkRow[] }) {
  const narrow = useSyncExternalStore(subscribe, isNarrow);
  const panels = [
    summaryPanel(
      'test accuracy (mean ± 95%)',
      (i) => rows[i]!.row.testAccuracy,
      (v) => formatNumber(v, 3),
    ),
    summaryPanel('test loss (mean ± 95%)', (i) => rows[i]!.row.finalTestLoss, formatNumber),
    summaryPanel('gap, test − train loss (mean ± 95%)', (i) => rows[i]!.row.gap, formatNumber),
    summaryPanel('λ_max, inference-mode train loss', (i) => rows[i]!.row.lambdaMax, formatNumber),
  ];
  return (
    <StatBars
      rows={recipeBarRows(rows)}
      panels={panels}
      columns={narrow ? 1 : 2}
      title="Outcome of each recipe"
      tooltip="Each recipe's mean test accuracy, test loss, generalization gap and sharpness (λ_max of the train loss) at the end, with 95% intervals over the seeds."
      ariaLabel="Bar chart of test accuracy, test loss, gap and λ_max per recipe"
      testId="network-bars"
      className="network-bars"
    />
  );
}
