/**
 * Title, the tabs, the share / presenter / theme buttons, and on the explorer tab the
 * one-line plain-language caption of what is happening; notices (bad URL values,
 * engine restarts) below.
 */
import { useState } from 'react';
import { PRESETS } from '../engine/presets';
import { setView } from '../state/viewStore';
import { useConfig, useView, useViewParams } from '../state/react';
import { shareUrl } from './useUrlSync';
import { CaptionLine } from './caption/CaptionLine';
import { Notices } from './Notices';
import { Tabs } from './views/Tabs';
import { TourButton } from '../walkthroughs/panel/TourDock';
import './presenter/presenterHeader.css';
import './presenter/presenterStage.css';

/** `caption`: show the explorer's caption here (the phone layout puts it under the scene). */
export function Header({ caption = true }: { caption?: boolean }) {
  const preset = useConfig((c) => c.base.preset);
  const onExplorer = useViewParams((s) => s.tab === 'explorer');
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
      <Tabs />
      <div className="header-actions">
        <TourButton />
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
      {onExplorer && caption && <CaptionLine />}
      <Notices />
    </header>
  );
}
