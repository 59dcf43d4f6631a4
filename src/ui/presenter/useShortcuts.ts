/**
 * Global keyboard shortcuts (presenter mode and everyone else). Keys typed into a text
 * field or a select belong to it; a slider keeps its arrows and a checkbox its space;
 * Enter still activates a focused button. Space plays / pauses from anywhere else —
 * a button that was just clicked (Presenter, a tab) included, so it never toggles that
 * button instead. Chords with Ctrl/Alt/Meta are the browser's.
 */
import { useEffect } from 'react';
import { viewStore } from '../../state/viewStore';
import { viewParamsStore } from '../../state/viewParamsStore';
import { useController } from '../controllerContext';
import { findShortcut, type Commands } from './shortcuts';

const SLIDER_KEYS = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);
const ACTIVATES_ON_ENTER = new Set(['BUTTON', 'SUMMARY', 'A']);

/** Whether the focused element needs this key for itself. */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')
    return true;
  if (target instanceof HTMLInputElement) {
    if (target.type === 'range') return SLIDER_KEYS.has(key);
    if (target.type === 'checkbox' || target.type === 'radio')
      return key === ' ' || SLIDER_KEYS.has(key);
    return true;
  }
  if (target.getAttribute('role') === 'slider') return SLIDER_KEYS.has(key);
  return (
    key === 'Enter' &&
    (ACTIVATES_ON_ENTER.has(target.tagName) || target.getAttribute('role') === 'button')
  );
}

/** A space we took on keydown must not also click the focused button on keyup. */
let swallowSpaceUp = false;

/** Handles one key press; returns whether it was a shortcut (exported for tests and embeds). */
export function handleShortcutKey(e: KeyboardEvent, commands: Commands): boolean {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return false;
  if (ownsKey(e.target, e.key)) return false;
  const shortcut = findShortcut(e.key);
  if (!shortcut || (shortcut.active && !shortcut.active())) return false;
  if (shortcut.explorerOnly && viewParamsStore.getState().tab !== 'explorer') return false;
  if (viewStore.getState().help && !shortcut.inHelp) return false;
  // Space would scroll the page (or click a focused button) and arrows would scroll the panel.
  e.preventDefault();
  if (e.key === ' ') swallowSpaceUp = true;
  if (!e.repeat || shortcut.repeats) shortcut.run(commands, e.key);
  return true;
}

function onKeyUp(e: KeyboardEvent): void {
  if (e.key !== ' ' || !swallowSpaceUp) return;
  swallowSpaceUp = false;
  e.preventDefault();
}

export function useShortcuts(): void {
  const controller = useController();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => void handleShortcutKey(e, controller);
    window.addEventListener('keydown', onKey);
    // Capture phase: the button's own keyup activation runs after the window's bubble.
    window.addEventListener('keyup', onKeyUp, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKeyUp, true);
    };
  }, [controller]);
}
