/** Builds the embed: its bridge (started at once, so no early host message is lost) and view. */
import type { ReactNode } from 'react';
import type { Controller } from '../state/controller';
import { isScienceView } from '../state/viewParams';
import { EmbedBridge } from './bridge';
import { EmbedApp } from './EmbedApp';
import type { EmbedOptions } from './options';

const FIGURES = ['scene', 'charts'];

export function createEmbed(
  options: EmbedOptions,
  controller: Controller,
): { bridge: EmbedBridge; node: ReactNode } {
  let opts = options;
  if (!FIGURES.includes(options.figure) && !isScienceView(options.figure))
    opts = {
      ...options,
      figure: 'scene',
      notices: [...options.notices, `Unknown view "${options.figure}"; showing the scene.`],
    };
  // The page sizes to its content (theme.css gives the app a full-height root).
  document.documentElement.classList.add('embed-doc');
  const bridge = new EmbedBridge(opts, controller);
  bridge.start();
  return { bridge, node: <EmbedApp bridge={bridge} /> };
}
