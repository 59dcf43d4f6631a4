/**
 * One-sentence, plain-language explanations of the terms batchscape uses, and `Term`,
 * which marks a word as explained: hover shows the explanation (title), keyboard focus
 * shows it too (CSS tooltip from data-tip), and screen readers get it as the
 * description. Written with createElement so the glossary stays one plain .ts module.
 */
import { createElement, Fragment, useId, type ReactNode } from 'react';
import './glossary.css';

export const GLOSSARY = {
  sharp:
    'A sharp minimum is a narrow, steep valley: moving the weights a little raises the loss a lot.',
  flat: 'A flat minimum is a wide, gentle valley: the loss barely changes when the weights move.',
  gap: 'The generalization gap is test loss minus train loss: how much worse the model does on data it has not seen.',
  noiseScale:
    'The noise scale g = ε(N/B − 1) measures how noisy SGD is: larger learning rate or smaller batch means more noise.',
  bSimple:
    'B_simple = tr(Σ)/|G|² is the batch size beyond which averaging more examples barely improves each step.',
  lambdaMax:
    'λ_max is the largest curvature (Hessian eigenvalue) at a point: big λ_max means a sharp spot.',
  batch: 'The batch size is how many training examples are averaged to make one step.',
  lr: 'The learning rate is how far each step moves along the (minibatch) gradient.',
  epoch: 'An epoch is one pass over the whole training set; with batch size B it takes N/B steps.',
  regimeAdaptation:
    'Regime adaptation trains larger batches for more epochs, so every batch size gets the same number of steps.',
  lrScaling:
    'LR scaling raises the learning rate with the batch size (linearly or by the square root) to keep the noise comparable.',
  warmup:
    'Warm-up starts with a small learning rate and ramps it up over the first part of training.',
  ghostBn:
    'Ghost batch normalization normalizes small slices of a large batch separately, bringing back small-batch noise.',
} as const;

export type TermKey = keyof typeof GLOSSARY;

export function Term({ k, children }: { k: TermKey; children: ReactNode }) {
  const id = useId();
  const text = GLOSSARY[k];
  return createElement(
    Fragment,
    null,
    createElement(
      'span',
      { className: 'term', tabIndex: 0, title: text, 'data-tip': text, 'aria-describedby': id },
      children,
    ),
    createElement('span', { id, className: 'visually-hidden' }, text),
  );
}
