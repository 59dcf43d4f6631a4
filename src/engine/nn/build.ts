/** Builds the MLP objective a (validated) mlp config describes: its data set and network. */
import type { RunConfig } from '../config';
import { createRng } from '../rng';
import { makeDataset } from './datasets';
import { MlpObjective } from './objective';

export function buildMlpObjective(config: RunConfig): MlpObjective {
  const l = config.landscape;
  const net = config.network;
  if (!net) throw new RangeError('the mlp preset needs a network section');
  const data = makeDataset(
    {
      id: net.dataset,
      n: l.n,
      nTest: l.nTest,
      noise: net.noise,
      labelNoise: net.labelNoise,
      shift: [l.shift[0] ?? 0, l.shift[1] ?? l.shift[0] ?? 0],
    },
    createRng(l.dataSeed, 'data'),
  );
  const { dataset: _d, noise: _n, labelNoise: _l, ...options } = net;
  return new MlpObjective(data, options);
}
