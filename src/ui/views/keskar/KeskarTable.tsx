/** φ, test loss and gap of the small- and large-batch end points for every seed of the ensemble. */
import type { KeskarResult } from '../../../engine/ensemble';
import { formatNumber } from '../../format';

export function KeskarTable({ rs }: { rs: readonly KeskarResult[] }) {
  const basins = rs.some((r) => r.small.basin !== null || r.large.basin !== null);
  return (
    <table className="view-table" data-testid="keskar-table">
      <caption>ε-sharpness over {rs.length} seeds</caption>
      <thead>
        <tr>
          <th scope="col">seed</th>
          <th scope="col">φ small</th>
          <th scope="col">φ large</th>
          {basins && <th scope="col">basin small</th>}
          {basins && <th scope="col">basin large</th>}
          <th scope="col" title="Test loss at the small- and large-batch end points">
            test small / large
          </th>
          <th scope="col" title="Test − train loss at the small- and large-batch end points">
            gap small / large
          </th>
        </tr>
      </thead>
      <tbody>
        {rs.map((r) => (
          <tr key={r.seed}>
            <th scope="row">{r.seed}</th>
            <td data-testid={`keskar-phi-small-${r.seed}`}>{formatNumber(r.small.sharpness)}</td>
            <td
              data-testid={`keskar-phi-large-${r.seed}`}
              className={
                (r.large.sharpness ?? 0) > (r.small.sharpness ?? 0) ? 'is-best' : undefined
              }
            >
              {formatNumber(r.large.sharpness)}
            </td>
            {basins && <td>{r.small.basin ?? '—'}</td>}
            {basins && <td>{r.large.basin ?? '—'}</td>}
            <td>
              {formatNumber(r.small.testLoss)} /{' '}
              <span
                className={r.large.testLoss > r.small.testLoss ? 'is-bad' : undefined}
                title={
                  r.large.testLoss > r.small.testLoss
                    ? 'The large-batch end point is worse on test'
                    : undefined
                }
              >
                {formatNumber(r.large.testLoss)}
              </span>
            </td>
            <td>
              {formatNumber(r.small.gap)} / {formatNumber(r.large.gap)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
