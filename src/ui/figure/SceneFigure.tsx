/**
 * The scene as a figure on its own (`?view=scene`, what an article embeds): the compact
 * scene — run key in the run colours, a Play/Pause/Replay button beside the View menu,
 * the legend folded — over one caption line. While the runs go, the line says what the
 * landscape is; when they end it is the explorer's own caption (explorerCaption via
 * CaptionLine), folded to two lines with a "More" toggle when it is longer.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { PRESETS } from '../../engine/presets';
import { useConfig, useRuns } from '../../state/react';
import { LazyScene } from '../LazyScene';
import { CaptionLine } from '../caption/CaptionLine';
import { PlayButton } from '../controls/PlayButton';
import './figure.css';

export function SceneFigure() {
  return (
    <div className="figure-alone scene-figure" data-testid="scene-figure">
      <div className="scene-figure-stage">
        <LazyScene compact actions={<PlayButton className="scene-play" testId="figure-play" />} />
      </div>
      <FigureCaption />
    </div>
  );
}

function FigureCaption() {
  const ended = useRuns(
    (r) => r.runs.length > 0 && r.runs.every((x) => x.state === 'done' || x.state === 'diverged'),
  );
  const blurb = useConfig((c) => PRESETS[c.base.preset].blurb);
  const box = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [overflows, setOverflows] = useState(false);
  const states = useRuns((r) => r.runs.map((x) => x.state).join());

  // Whether the folded caption hides anything decides if "More" is offered.
  useLayoutEffect(() => {
    const p = box.current?.querySelector('p');
    if (!p) return;
    const measure = () => setOverflows(p.scrollHeight > p.clientHeight + 1);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(p);
    return () => ro.disconnect();
  }, [ended, states, open]);

  return (
    <div
      ref={box}
      className={open ? 'scene-figure-caption is-open' : 'scene-figure-caption'}
      data-testid="figure-caption"
    >
      {ended ? <CaptionLine /> : <p className="caption figure-blurb">{blurb}</p>}
      {(overflows || open) && (
        <button
          type="button"
          className="figure-more"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Less' : 'More'}
        </button>
      )}
    </div>
  );
}
