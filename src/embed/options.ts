/**
 * The embed's own URL keys (README "Embedding"): whether this is an embed, which figure,
 * which controls, autoplay, theme, which origins may drive it, and a walkthrough step.
 * Reading never fails: a bad value keeps its default and a notice says so.
 */
import type { Controls } from './protocol';

export type AllowedOrigins = '*' | readonly string[];

export interface EmbedOptions {
  enabled: boolean;
  /** `scene`, `charts` or a science view id (`?view=`; the scene when absent). */
  figure: string;
  controls: Controls;
  autoplay: boolean;
  theme: 'light' | 'dark' | null;
  /** Who may send commands (and so receive events); see `allowedOrigins`. */
  origins: AllowedOrigins;
  tour: string | null;
  step: string | null;
  notices: string[];
}

const CONTROLS: readonly Controls[] = ['none', 'play', 'full'];

/** `https://a.example` form, or null: paths, credentials and non-http schemes are refused. */
export function normalizeOrigin(raw: string): string | null {
  try {
    const u = new URL(raw.trim());
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    if (u.username || u.password || (u.pathname !== '/' && u.pathname !== '')) return null;
    return u.origin;
  } catch {
    return null;
  }
}

/**
 * The allowed list: this page's own origin, plus a build-time list (`VITE_EMBED_ORIGINS`,
 * comma-separated), plus the URL's `origins=` (comma-separated, or `*` for any). The URL
 * may widen the list because whoever writes the iframe's address is the host itself; the
 * embed holds no user data, so a host can only drive a figure it chose to show.
 */
export function allowedOrigins(
  self: string,
  buildTime: string | undefined,
  fromUrl: string | null,
  notices: string[],
): AllowedOrigins {
  const list = new Set<string>([self]);
  const add = (raw: string, where: string) => {
    for (const part of raw.split(',')) {
      if (part.trim() === '') continue;
      if (part.trim() === '*') return true;
      const o = normalizeOrigin(part);
      if (o) list.add(o);
      else
        notices.push(
          `Ignored origin ${JSON.stringify(part.trim())} in ${where}: not an http(s) origin.`,
        );
    }
    return false;
  };
  if (buildTime && add(buildTime, 'the build')) return '*';
  if (fromUrl !== null && add(fromUrl, 'origins=')) return '*';
  return [...list];
}

export function isAllowed(origin: string, allowed: AllowedOrigins): boolean {
  return allowed === '*' || allowed.includes(origin);
}

const flag = (raw: string | null): boolean | null =>
  raw === null
    ? null
    : raw === '1' || raw === 'true'
      ? true
      : raw === '0' || raw === 'false'
        ? false
        : null;

export function decodeEmbedOptions(
  search: string,
  selfOrigin: string,
  buildOrigins?: string,
): EmbedOptions {
  const q = new URLSearchParams(search);
  const notices: string[] = [];
  const enabled = flag(q.get('embed')) === true;
  const rawControls = q.get('controls');
  let controls: Controls = 'play';
  if (rawControls !== null) {
    if ((CONTROLS as readonly string[]).includes(rawControls)) controls = rawControls as Controls;
    else notices.push(`Ignored controls=${rawControls}: expected none, play or full.`);
  }
  const rawAuto = q.get('autoplay');
  const auto = flag(rawAuto);
  if (rawAuto !== null && auto === null)
    notices.push(`Ignored autoplay=${rawAuto}: expected 0 or 1.`);
  const rawTheme = q.get('theme');
  let theme: 'light' | 'dark' | null = null;
  if (rawTheme === 'light' || rawTheme === 'dark') theme = rawTheme;
  else if (rawTheme !== null) notices.push(`Ignored theme=${rawTheme}: expected light or dark.`);
  return {
    enabled,
    figure: q.get('view') ?? 'scene',
    controls,
    autoplay: auto ?? true,
    theme,
    origins: allowedOrigins(selfOrigin, buildOrigins, q.get('origins'), notices),
    tour: q.get('tour'),
    step: q.get('step'),
    notices,
  };
}
