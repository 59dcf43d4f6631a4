/**
 * A run's legend key: colour chip, a sample of its dash pattern (runs stay apart in
 * greyscale print too) and its label. Colours and dashes come from the one palette.
 */
import { RUN_DASHES } from '../../state/palette';

export function RunKey({
  color,
  index,
  label,
  short,
}: {
  color: string;
  index: number;
  label: string;
  /** A shorter form to show (e.g. "mom."); the full label is then what is read out. */
  short?: string;
}) {
  const dash = RUN_DASHES[index % RUN_DASHES.length]!;
  return (
    <span className="run-key">
      <span className="run-key-swatch" aria-hidden="true">
        <span className="run-key-chip" style={{ background: color }} />
        <svg width="26" height="8">
          <line
            x1="0"
            y1="4"
            x2="26"
            y2="4"
            stroke={color}
            strokeWidth="2.5"
            strokeDasharray={dash.length ? dash.join(' ') : undefined}
          />
        </svg>
      </span>
      {short && short !== label ? (
        <abbr className="run-key-label" title={label} aria-label={label}>
          {short}
        </abbr>
      ) : (
        <span className="run-key-label">{label}</span>
      )}
    </span>
  );
}
