/**
 * Run labels for the readout table's narrow columns. A header must never break inside a
 * word ("moment um"), so when a label's longest word does not fit its column (three or
 * four runs, or presenter mode's large type) the table switches to these short forms; the
 * full label stays in the tooltip and is what a screen reader reads.
 */
const WHOLE: Readonly<Record<string, string>> = {
  'regime adapted': 'adapt.',
  'same epochs': 'same ep.',
};
const WORDS: Readonly<Record<string, string>> = {
  momentum: 'mom.',
  Nesterov: 'Nest.',
};

export function shortRunLabel(label: string): string {
  return (
    WHOLE[label] ??
    label
      .split(' ')
      .map((w) => WORDS[w] ?? w)
      .join(' ')
  );
}
