/**
 * Display math, typeset by KaTeX into an HTML string (KaTeX builds markup from its own
 * parser: no eval, and `trust: false` refuses \href and \htmlData). A formula that fails to
 * parse shows its source in red instead of breaking the panel; the data test makes sure
 * none does.
 */
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo } from 'react';

export function renderTex(tex: string): string {
  return katex.renderToString(tex, {
    displayMode: true,
    throwOnError: false,
    trust: false,
    output: 'htmlAndMathml',
  });
}

export function MathBlock({ tex }: { tex: string }) {
  const html = useMemo(() => renderTex(tex), [tex]);
  return <div className="tour-math" dangerouslySetInnerHTML={{ __html: html }} />;
}
