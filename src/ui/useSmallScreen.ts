/**
 * Whether the page is laid out for a small screen (a phone upright or on its side):
 * the explorer then stacks scene, caption, essential controls and readouts in one
 * scrolling column. The same query is in small-screen.css; keep the two equal.
 */
import { useSyncExternalStore } from 'react';

export const SMALL_SCREEN_QUERY = '(max-width: 820px), (max-height: 500px) and (max-width: 1000px)';

function subscribe(onChange: () => void): () => void {
  const mq = window.matchMedia(SMALL_SCREEN_QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

const snapshot = () => window.matchMedia(SMALL_SCREEN_QUERY).matches;

export function useSmallScreen(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
