/**
 * Title, the one-line plain-language caption of what is happening, notices (bad URL
 * values, engine restarts) and the share / presenter / theme buttons.
 */
import { useState } from 'react';
import { PRESETS } from '../engine/presets';
import { dismissNotices } from '../state/configStore';
import { runsStore } from '../state/runsStore';
import { setView } from '../state/viewStore';
import { useConfig, useRuns, useView } from '../state/react';
import { shareUrl } from './useUrlSync';
import { caption } from './caption';

export function Header() {
  const preset = useConfig((c) => c.base.preset);
  const notices = useConfig((c) => c.notices);
  const runs = useRuns((r) => r.runs);
  const engineNotice = useRuns((r) => r.engineNotice);
  const theme = useView((v) => v.theme);
  const presenter = useView((v) => v.presenter);
  const [copied, setCopied] = useState(false);

  const share = async () => {
    const url = shareUrl();
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      window.prompt('Copy this link:', url);
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };

  return (
    <header className="header">
      <div className="brand">
        <h1>batchscape</h1>
        <span className="subtitle" title={PRESETS[preset].blurb}>
          {PRESETS[preset].title}
        </span>
      </div>
      <p className="caption" data-testid="caption" aria-live="polite">
        {caption(preset, runs)}
      </p>
      <div className="header-actions">
        <button
          type="button"
          onClick={share}
          title="Copy a link that reopens exactly this experiment"
        >
          {copied ? 'Link copied' : 'Share'}
        </button>
        <button
          type="button"
          aria-pressed={presenter}
          onClick={() => setView({ presenter: !presenter })}
          title="Presenter mode: large type, high contrast (P)"
        >
          Presenter
        </button>
        <button
          type="button"
          onClick={() => setView({ theme: theme === 'light' ? 'dark' : 'light' })}
          title="Switch light / dark theme"
        >
          {theme === 'light' ? 'Dark' : 'Light'}
        </button>
        <button
          type="button"
          onClick={() => setView({ help: true })}
          title="Keyboard shortcuts (?)"
          aria-label="Keyboard shortcuts"
        >
          ?
        </button>
      </div>
      {(notices.length > 0 || engineNotice) && (
        <div className="notices" role="status">
          {engineNotice && <p>{engineNotice}</p>}
          {notices.map((n, i) => (
            <p key={i}>{n}</p>
          ))}
          <button
            type="button"
            onClick={() => {
              dismissNotices();
              runsStore.setState({ engineNotice: null });
            }}
          >
            Dismiss
          </button>
        </div>
      )}
    </header>
  );
}
