/** Plain-language tooltips of the controls: what the setting does, in one or two short sentences. */
export const TIPS = {
  preset: 'Which loss landscape to explore. Each one shows a different part of the story.',
  spread:
    'How far the individual training examples scatter around the average. More spread = noisier minibatches.',
  shift:
    'How far the test surface is moved from the train surface. A minimum loses its depth on test once the shift is about as wide as the minimum or wider, so narrow (sharp) minima lose first.',
  shiftNd: 'Shift of the test data along every axis. Sharp directions pay more for the same shift.',
  start:
    'Where every run begins. Click the surface to pick a point; Random lets the seed draw one.',
  dataSeed:
    'Which random dataset to draw. Change it to see a different sample of the same landscape.',
  dim: 'Number of weights (dimensions). The scene shows a 2-D slice through them.',
  compareField: 'The one setting that differs between the runs. Everything else is shared.',
  batch:
    'How many training examples each step averages. Small = noisy steps, large = smooth steps.',
  lr: 'How big each step is. Too small crawls, too large overshoots or diverges.',
  optimizer:
    'The update rule: plain SGD, SGD with momentum (heavy ball), Nesterov momentum, or Adam.',
  momentum: 'How much of the previous step carries over. 0 = plain SGD; 0.9 = a heavy ball.',
  seed: 'Random seed of the run: its start point and the order of minibatches.',
  budgetUnit: 'Count the training length in epochs (passes over the data) or in steps (updates).',
  budget: 'How long each run trains.',
  lrSchedule: 'How the learning rate changes during training.',
  warmup: 'Fraction of training spent ramping the learning rate up from zero.',
  warmupPeak:
    'Where the warm-up ends, as a multiple of the learning rate η: above 1 it warms up to a higher rate and keeps it (the remedy for large batches).',
  lrMilestones: 'When to cut the learning rate, as fractions of training (e.g. 0.5 = halfway).',
  lrFactor: 'What the learning rate is multiplied by at each milestone.',
  cosineFinal: 'The learning rate at the end, as a fraction of the start.',
  lrScaling: 'Scale the learning rate with batch size: linearly (η·B/B_ref) or by its square root.',
  refBatch:
    'The batch size at which the learning rate is used as set; the scaling and regime adaptation count from it.',
  batchSchedule:
    'Keep the batch size fixed, or grow it during training instead of cutting the learning rate.',
  growFactor: 'What the batch size is multiplied by at each milestone.',
  growMilestones: 'When to grow the batch, as fractions of training.',
  growCap: 'The largest batch size the schedule may reach.',
  regimeAdaptation:
    'Train larger batches for more epochs so every run takes the same number of steps.',
  temperature:
    'Extra random noise added to every step (Langevin). Off by default: the noise you see is real minibatch noise.',
  play: 'Play or pause the runs (space).',
  step: 'Advance every run by one step (s).',
  reset: 'Start every run again from the beginning (r).',
  speed: 'How fast the runs play. "max" runs as fast as the computer allows.',
  addRun: 'Add another run with a different value (up to 4).',
  removeRun: 'Remove this run.',
} as const;
