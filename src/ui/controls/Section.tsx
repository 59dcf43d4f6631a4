/**
 * A foldable group of controls on native <details>/<summary> (keyboard and screen
 * reader support for free). Open state is local: folding is a reading choice, not
 * part of the experiment, so it stays out of the stores and the URL.
 */
import { createContext, useContext, useState, type ReactNode } from 'react';

/** Inside a provider of `true`, every section starts folded (the phone layout's "more"). */
export const SectionsFolded = createContext(false);

export function Section({
  title,
  defaultOpen = true,
  secondary = false,
  tip,
  testId,
  children,
}: {
  title: string;
  defaultOpen?: boolean;
  /** Hidden in presenter mode (theme.css hides `.secondary`). */
  secondary?: boolean;
  tip?: string;
  testId?: string;
  children: ReactNode;
}) {
  const folded = useContext(SectionsFolded);
  const [open, setOpen] = useState(defaultOpen && !folded);
  return (
    <details
      className={`controls-section ${secondary ? 'secondary' : ''}`}
      open={open}
      data-testid={testId}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary title={tip}>{title}</summary>
      <div className="controls-section-body">{children}</div>
    </details>
  );
}
