/**
 * The explorer's current runs through the lens of noise: the SGD noise scale
 * g = ε(N/B − 1) (Smith et al.) and the gradient noise scale B_simple (McCandlish et
 * al.), from each run's latest measurement — a bridge from stability to the batch size.
 */
import { useConfig, useRuns } from '../../../state/react';
import { formatCount, formatNumber } from '../../format';
import { Term } from '../../glossary';
import { RunKey } from '../../readouts/RunKey';

export function NoiseReadouts() {
  const runs = useRuns((s) => s.runs);
  const n = useConfig((c) => c.base.landscape.n);
  const preset = useConfig((c) => c.base.preset);
  return (
    <section className="noise-readouts" aria-label="Noise of the explorer's runs">
      <h3>
        Noise in the explorer's runs ({preset}, N = {formatCount(n)})
      </h3>
      {runs.length === 0 ? (
        <p className="view-placeholder">No explorer runs yet.</p>
      ) : (
        <table className="view-table">
          <thead>
            <tr>
              <th scope="col">run</th>
              <th scope="col">
                <Term k="batch">B</Term>
              </th>
              <th scope="col">
                <Term k="lr">η</Term>
              </th>
              <th scope="col">
                <Term k="noiseScale">noise scale g</Term>
              </th>
              <th scope="col">
                <Term k="bSimple">B_simple</Term>
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r, i) => (
              <tr key={r.id}>
                <th scope="row">
                  <RunKey color={r.color} index={i} label={r.label} />
                </th>
                <td>{formatCount(r.batch)}</td>
                <td>{formatNumber(r.lr)}</td>
                <td
                  data-testid={`stability-noise-${r.id}`}
                  data-value={r.last?.noiseScale ?? undefined}
                >
                  {formatNumber(r.last?.noiseScale)}
                </td>
                <td
                  data-testid={`stability-bsimple-${r.id}`}
                  data-value={r.last?.bSimple ?? undefined}
                >
                  {formatNumber(r.last?.bSimple)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="view-note">
        g = η/(1 − m)·(N/B − 1) grows with the learning rate and shrinks with the batch: the full
        batch (B = N) has no noise at all. B_simple estimates the batch size beyond which bigger
        batches stop making steps better; “—” means the gradient is about zero there (at a minimum),
        where it is undefined.
      </p>
    </section>
  );
}
