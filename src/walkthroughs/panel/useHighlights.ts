/**
 * Marks a step's highlighted elements with a class (an outline, see tour.css). Elements
 * appear late — views load lazily, tables fill when ensembles end, readout rows depend on
 * the landscape — so the marks are refreshed on a slow timer rather than once. A mark
 * inside a folded control group opens the group: pointing at a hidden control helps no one.
 * A mark inside a closed pop-up menu (the scene's "View" menu on a narrow screen) marks the
 * menu's button instead: a menu opened by itself would float over the page — on a phone,
 * over the tour's own Next button.
 */
import { useEffect } from 'react';
import { HIGHLIGHTS, type HighlightId } from '../highlights';

const CLASS = 'tour-highlight';
/** A foldable group of controls in the page's flow (controls/Section.tsx). */
const GROUP = 'controls-section';

export function useHighlights(ids: readonly HighlightId[]): void {
  const key = ids.join(' ');
  useEffect(() => {
    const selectors = key ? key.split(' ').map((id) => HIGHLIGHTS[id as HighlightId]) : [];
    const opened = new Set<HTMLDetailsElement>();
    const mark = () => {
      for (const sel of selectors) {
        for (const el of document.querySelectorAll<HTMLElement>(sel)) {
          const details = el.closest('details');
          if (details && !details.open && !details.classList.contains(GROUP)) {
            details.querySelector(':scope > summary')?.classList.add(CLASS);
            continue;
          }
          el.classList.add(CLASS);
          if (details && !details.open && !opened.has(details)) {
            opened.add(details);
            details.open = true;
          }
        }
      }
    };
    mark();
    const timer = setInterval(mark, 400);
    return () => {
      clearInterval(timer);
      for (const el of document.querySelectorAll(`.${CLASS}`)) el.classList.remove(CLASS);
    };
  }, [key]);
}
