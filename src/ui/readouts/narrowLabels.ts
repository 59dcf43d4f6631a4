/**
 * Words for the readout table's narrow columns. A cell must never break inside a word
 * ("moment um", "minimu m"), so when a run label's longest word does not fit its column
 * (three or four runs, or presenter mode's large type) the table switches to these short
 * forms; the full text stays in the tooltip and is what a screen reader reads.
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

/** "flat minimum" → "flat" in the basin row, whose label already says "basin". */
export function shortBasin(text: string): string {
  const m = /^(\S+) (minimum|basin)$/.exec(text);
  return m ? m[1]! : text;
}
