/** Notices about rejected settings (bad URL values, clamped parameters) and engine restarts. */
import { dismissNotices } from '../state/configStore';
import { runsStore } from '../state/runsStore';
import { useConfig, useRuns } from '../state/react';

export function Notices() {
  const notices = useConfig((c) => c.notices);
  const engineNotice = useRuns((r) => r.engineNotice);
  if (notices.length === 0 && !engineNotice) return null;
  return (
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
  );
}
