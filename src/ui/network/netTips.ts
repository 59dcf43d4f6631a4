/** Tooltips of the network lab's controls: one plain sentence each. */
export const NET_TIPS = {
  dataset:
    'The 2-D classification task: two moons, two circles, a two-arm spiral, XOR quadrants (2 classes) or three Gaussian blobs.',
  noise: 'Standard deviation of the Gaussian noise added to every input point (train and test).',
  labelNoise:
    'Fraction of TRAIN labels flipped to another class; test labels stay clean, so test accuracy measures the real task.',
  n: 'Number of training points N (the full batch is B = N).',
  nTest: 'Number of test points, drawn from the same distribution (shifted by δ if set).',
  hidden:
    'Hidden layer widths, comma-separated: 1–4 layers of 1–64 units (e.g. 32,32 is 2→32→32→2).',
  activation: 'The hidden units’ nonlinearity.',
  batchNorm:
    'BatchNorm after every hidden linear layer: training normalises with the (ghost) batch’s statistics; evaluation uses running statistics.',
  ghost:
    'Ghost BatchNorm (Hoffer et al.): normalise each run of v consecutive samples of a batch separately; 0 = plain BN (v = B). v must divide every batch size.',
  weightDecay: 'L2 penalty ½λ‖W‖² on the weight matrices (not biases, γ or β).',
  directions:
    'Filter-normalised random directions (Li et al., 2018: each neuron’s row scaled to its weights’ norm) or the top-2 PCA directions of the run’s path so far.',
  focus:
    'Whose current weights the slice surface is centred on; every run’s path is projected onto it.',
} as const;
