/**
 * The network lab's controls (preset `mlp`): the data set, the network, and how its loss
 * surface is sliced. Everything else — batch, LR, optimizer, schedules — is the same
 * controls as for the landscapes.
 */
import { DATASET_IDS } from '../../engine/nn/datasets';
import type { NetworkConfig } from '../../engine/config';
import { patchBase } from '../../state/configStore';
import { useConfig, useRuns, useView } from '../../state/react';
import { setView } from '../../state/viewStore';
import {
  CheckboxField,
  NumberField,
  NumberListField,
  RangeField,
  SelectField,
} from '../controls/fields';
import { Section } from '../controls/Section';
import { GhostBatchField } from './GhostBatchField';
import { NET_TIPS } from './netTips';
import './network.css';

const DATASET_LABELS: Record<string, string> = {
  moons: 'Two moons',
  circles: 'Circles',
  spiral: 'Spiral',
  xor: 'XOR',
  blobs: 'Three blobs',
};
const DATASETS = DATASET_IDS.map((id) => ({ value: id, label: DATASET_LABELS[id] ?? id }));
const patchNet = (p: Partial<NetworkConfig>) => patchBase({ network: p });

export function NetworkSection() {
  const net = useConfig((c) => c.base.network);
  const n = useConfig((c) => c.base.landscape.n);
  const nTest = useConfig((c) => c.base.landscape.nTest);
  if (!net) return null;
  return (
    <Section title="Network & data" testId="section-network">
      <SelectField
        label="Data set"
        tip={NET_TIPS.dataset}
        testId="net-dataset"
        value={net.dataset}
        options={DATASETS}
        onChange={(dataset) => patchNet({ dataset })}
      />
      <RangeField
        label="Input noise"
        tip={NET_TIPS.noise}
        testId="net-noise"
        value={net.noise}
        min={0}
        max={Math.max(1, net.noise)}
        step={0.01}
        onChange={(noise) => patchNet({ noise })}
      />
      <RangeField
        label="Label noise"
        tip={NET_TIPS.labelNoise}
        testId="net-label-noise"
        value={net.labelNoise}
        min={0}
        max={0.5}
        step={0.01}
        unit=" flipped"
        onChange={(labelNoise) => patchNet({ labelNoise })}
      />
      <NumberField
        label="Train size N"
        tip={NET_TIPS.n}
        testId="net-n"
        value={n}
        min={4}
        max={8192}
        integer
        onChange={(v) => patchBase({ landscape: { n: v } })}
      />
      <NumberField
        label="Test size"
        tip={NET_TIPS.nTest}
        testId="net-ntest"
        value={nTest}
        min={16}
        max={20000}
        integer
        onChange={(v) => patchBase({ landscape: { nTest: v } })}
      />
      <NumberListField
        label="Hidden widths"
        tip={NET_TIPS.hidden}
        testId="net-hidden"
        inputMode="numeric"
        value={net.hidden}
        accept={(xs) => xs.length <= 4 && xs.every((x) => Number.isInteger(x) && x >= 1 && x <= 64)}
        onChange={(hidden) => patchNet({ hidden })}
      />
      <SelectField
        label="Activation"
        tip={NET_TIPS.activation}
        testId="net-activation"
        value={net.activation}
        options={[
          { value: 'relu', label: 'ReLU' },
          { value: 'tanh', label: 'tanh' },
        ]}
        onChange={(activation) => patchNet({ activation })}
      />
      <CheckboxField
        label="BatchNorm"
        tip={NET_TIPS.batchNorm}
        testId="net-bn"
        checked={net.batchNorm}
        onChange={(batchNorm) => patchNet(batchNorm ? { batchNorm } : { batchNorm, ghostBatch: 0 })}
      />
      <GhostBatchField value={net.ghostBatch} disabled={!net.batchNorm} tip={NET_TIPS.ghost} />
      <NumberField
        label="Weight decay λ"
        tip={NET_TIPS.weightDecay}
        testId="net-wd"
        value={net.weightDecay}
        min={0}
        max={100}
        step={0.0001}
        onChange={(weightDecay) => patchNet({ weightDecay })}
      />
      <SliceFields />
    </Section>
  );
}

/** How the loss surface is sliced: along which directions, around whose weights. */
function SliceFields() {
  const directions = useView((v) => v.netDirections);
  const focus = useView((v) => v.netFocus);
  const labels = useRuns((s) => s.runs.map((r) => r.label).join('\n'));
  const runs = labels ? labels.split('\n') : [];
  return (
    <div className="controls-subgroup">
      <SelectField
        label="Slice directions"
        tip={NET_TIPS.directions}
        testId="net-directions"
        value={directions}
        options={[
          { value: 'filter', label: 'Filter-normalised random' },
          { value: 'pca', label: 'PCA of the path' },
        ]}
        onChange={(netDirections) => setView({ netDirections })}
      />
      {runs.length > 1 && (
        <SelectField
          label="Slice around"
          tip={NET_TIPS.focus}
          testId="net-focus"
          value={String(Math.min(focus, runs.length - 1))}
          options={runs.map((label, i) => ({ value: String(i), label: `${label}’s weights` }))}
          onChange={(v) => setView({ netFocus: Number(v) })}
        />
      )}
    </div>
  );
}
