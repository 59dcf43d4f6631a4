/** Example landscapes offered beside the text field (and used by the tests and docs). */
export interface ExprExample {
  id: string;
  label: string;
  expr: string;
}

export const EXPR_EXAMPLES: readonly ExprExample[] = [
  {
    id: 'sharp-flat',
    label: 'Sharp + flat pair',
    // The sharp-flat preset's base surface written out: a deep narrow well (depth 12,
    // radius 0.04: 1/(2r²) = 312.5) and a shallow wide one (depth 1, radius 0.35:
    // 1/(2r²) ≈ 4.08) in the bowl ½|w|².
    expr: '0.5*(x^2 + y^2) - 12*exp(-312.5*(x^2 + y^2)) - exp(-4.08*((x - 0.8)^2 + y^2))',
  },
  { id: 'double-well', label: 'Tilted double well', expr: '(x^2 - 1)^2 + 0.3*x + y^2' },
  {
    id: 'himmelblau',
    label: 'Himmelblau (scaled)',
    // Himmelblau's function at (2x, 2y), divided by 100: its four minima fall inside ±2.
    expr: '((4*x^2 + 2*y - 11)^2 + (2*x + 4*y^2 - 7)^2)/100',
  },
];

/** The custom landscape's opening expression: the sharp/flat pair, so the story shows at once. */
export const DEFAULT_EXPR = EXPR_EXAMPLES[0]!.expr;
