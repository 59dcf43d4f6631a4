/** What the embed's own bar shows: is the figure wanted running, is it on screen. */
import { createStore } from 'zustand/vanilla';

export interface EmbedState {
  /** The reader (or host) wants it running: autoplay, or Play pressed. */
  wanted: boolean;
  /** On screen: inside the viewport and the tab visible. */
  visible: boolean;
}

export const embedStore = createStore<EmbedState>(() => ({ wanted: false, visible: false }));
