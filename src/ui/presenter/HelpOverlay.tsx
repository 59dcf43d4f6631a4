/**
 * The shortcut list as a modal dialog. Its only focusable element is the close button,
 * so focus is trapped by keeping it there. On close (Escape, `?`, the button, a click
 * outside) focus returns to where it was — or, if that element is gone from the page or
 * was the page itself, to the tab panel, so the next key (Space: play / pause) reaches
 * the app's shortcuts from a live element rather than from a removed one.
 */
import { useEffect, useId, useRef } from 'react';
import { setView } from '../../state/viewStore';
import { useView } from '../../state/react';
import { SHORTCUTS } from './shortcuts';
import './presenter.css';

export function HelpOverlay() {
  const open = useView((v) => v.help);
  if (!open) return null;
  return <HelpDialog />;
}

function HelpDialog() {
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    return () => restoreFocus(before);
  }, []);
  const close = () => setView({ help: false });
  return (
    <div className="help-backdrop" onClick={close}>
      <div
        className="help-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="help-overlay"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Tab') {
            e.preventDefault();
            closeRef.current?.focus();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
        }}
      >
        <h2 id={titleId}>Keyboard shortcuts</h2>
        <table className="help-table">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Does</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.display}>
                <td>
                  <kbd>{s.display}</kbd>
                </td>
                <td>
                  {s.description}
                  {s.explorerOnly && <span className="help-note"> (explorer)</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="help-note">
          Shortcuts pause while you type in a field; a slider keeps its arrows. When the runs differ
          in batch size or learning rate, arrows and [ ] change the selected run (marked ▸ in the
          readouts; 1 – 4 selects), otherwise the shared value. The opposite key undoes the last
          change exactly.
        </p>
        <button ref={closeRef} type="button" className="help-close" onClick={close}>
          Close
        </button>
      </div>
    </div>
  );
}

function restoreFocus(before: HTMLElement | null): void {
  if (before && before.isConnected && before !== document.body) {
    before.focus({ preventScroll: true });
    if (document.activeElement === before) return;
  }
  document.getElementById('tab-panel')?.focus({ preventScroll: true });
}
