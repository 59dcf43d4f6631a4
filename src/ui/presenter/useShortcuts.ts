/**
 * Global keyboard shortcuts (presenter mode and everyone else). Keys typed into a
 * form field belong to that field, and space on a button or summary activates it
 * natively, so both are left alone; so are chords with Ctrl/Alt/Meta (browser keys).
 */
import { useEffect } from 'react';
import { viewStore } from '../../state/viewStore';
import { viewParamsStore } from '../../state/viewParamsStore';
import { useController } from '../controllerContext';
import { findShortcut, type Commands } from './shortcuts';

const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
const ACTIVATES_ON_SPACE = new Set(['BUTTON', 'SUMMARY', 'A']);

function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (TYPING.has(target.tagName) || target.isContentEditable) return true;
  return (
    (key === ' ' || key === 'Enter') &&
    (ACTIVATES_ON_SPACE.has(target.tagName) || target.getAttribute('role') === 'button')
  );
}

/** Handles one key press; returns whether it was a shortcut (exported for tests and embeds). */
export function handleShortcutKey(e: KeyboardEvent, commands: Commands): boolean {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return false;
  if (ownsKey(e.target, e.key)) return false;
  const shortcut = findShortcut(e.key);
  if (!shortcut || (shortcut.active && !shortcut.active())) return false;
  if (shortcut.explorerOnly && viewParamsStore.getState().tab !== 'explorer') return false;
  if (viewStore.getState().help && !shortcut.inHelp) return false;
  // Space would scroll the page and arrows would scroll the panel.
  e.preventDefault();
  if (!e.repeat || shortcut.repeats) shortcut.run(commands);
  return true;
}

export function useShortcuts(): void {
  const controller = useController();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => void handleShortcutKey(e, controller);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controller]);
}
