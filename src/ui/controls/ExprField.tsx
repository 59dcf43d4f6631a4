/**
 * The custom landscape's text field. Every keystroke is checked by the engine's own
 * guard rails (the same ones the URL and the CLI use); a syntax error is shown under the
 * text with the offending character marked, and the landscape on screen stays the last
 * valid one until the text is valid again, then follows after a short pause (or Enter).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { checkExpr, type ExprProblem } from '../../engine/expr/check';
import { EXPR_EXAMPLES } from '../../engine/expr/examples';
import { MAX_EXPR_LENGTH } from '../../engine/expr/ast';
import { patchBase } from '../../state/configStore';

/** Typing pauses this long before a valid expression restarts the runs. */
const APPLY_DELAY_MS = 500;

export function ExprField({ applied }: { applied: string }) {
  const id = useId();
  const [draft, setDraft] = useState(applied);
  const [problem, setProblem] = useState<ExprProblem | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastApplied = useRef(applied);

  // A new expression from outside (a link, a reset, an example) replaces the draft.
  useEffect(() => {
    if (applied !== lastApplied.current) {
      lastApplied.current = applied;
      setDraft(applied);
      setProblem(null);
    }
  }, [applied]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const apply = (text: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (text === lastApplied.current) return;
    lastApplied.current = text;
    patchBase({ landscape: { expr: text }, start: null });
  };

  const edit = (text: string, now = false) => {
    setDraft(text);
    const p = checkExpr(text);
    setProblem(p);
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (p) return;
    if (now) apply(text);
    else timer.current = setTimeout(() => apply(text), APPLY_DELAY_MS);
  };

  const stale = problem !== null && draft !== applied;
  return (
    <div className="field field-expr">
      <label htmlFor={id}>
        f(x, y){' '}
        <span className="expr-hint">(+ − * / ^, exp log sqrt abs sin cos tanh min max, pi e)</span>
      </label>
      <input
        id={id}
        type="text"
        data-testid="expr-input"
        value={draft}
        maxLength={MAX_EXPR_LENGTH}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        aria-invalid={problem !== null}
        aria-describedby={`${id}-status`}
        title="Type a loss surface in x and y; each sample sees it shifted by its own offset. Enter applies at once."
        onChange={(e) => edit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') edit(draft, true);
        }}
      />
      <div id={`${id}-status`} className="expr-status" role="status" data-testid="expr-status">
        {problem ? <ProblemView text={draft} problem={problem} /> : null}
        {stale && <p className="controls-note">The landscape shown is still the last valid one.</p>}
      </div>
      <div className="field-buttons expr-examples" role="group" aria-label="Example landscapes">
        {EXPR_EXAMPLES.map((ex) => (
          <button
            key={ex.id}
            type="button"
            data-testid={`expr-example-${ex.id}`}
            title={ex.expr}
            onClick={() => edit(ex.expr, true)}
          >
            {ex.label}
          </button>
        ))}
      </div>
    </div>
  );
}

/** The message, and for syntax errors the text with the character at the column marked. */
function ProblemView({ text, problem }: { text: string; problem: ExprProblem }) {
  const col = problem.column;
  return (
    <div className="expr-error" data-column={col ?? ''}>
      {col !== null && (
        <pre className="expr-echo" aria-hidden="true">
          {text.slice(0, col - 1)}
          <mark data-testid="expr-mark">{text.slice(col - 1, col) || ' '}</mark>
          {text.slice(col)}
          {'\n'}
          {' '.repeat(col - 1)}^
        </pre>
      )}
      <p data-testid="expr-message">{problem.message}</p>
    </div>
  );
}
