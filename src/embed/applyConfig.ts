/**
 * set-config: the host's keys are the link's keys (README "Link parameters"), laid over
 * the figure's current settings and read by the same decoder as a pasted link — so a
 * host can do nothing a link could not, and bad values are clamped or ignored the same
 * way, with the same notices (returned, to be sent back as one `error` line).
 */
import { configStore } from '../state/configStore';
import { decodeUrl, encodeUrl, URL_KEYS } from '../state/url';
import { VIEW_FIELDS } from '../state/viewFields';
import { decodeViewParams, encodeViewParams, SCIENCE_VIEWS } from '../state/viewParams';
import { viewParamsStore } from '../state/viewParamsStore';
import { viewStore } from '../state/viewStore';

const known = (): Set<string> =>
  new Set([
    ...URL_KEYS,
    ...SCIENCE_VIEWS.flatMap((v) =>
      (VIEW_FIELDS[v] as readonly { key: string }[]).map((f) => f.key),
    ),
  ]);

/** `theme` is the embed URL's name for the link's `th`. */
const ALIASES: Record<string, string> = { theme: 'th' };

export function applyUrlParams(patch: Record<string, string>): string[] {
  const notices: string[] = [];
  const keys = known();
  const q = new URLSearchParams(
    encodeUrl(
      configStore.getState(),
      viewStore.getState(),
      encodeViewParams(null, viewParamsStore.getState().params),
    ),
  );
  for (const [rawKey, value] of Object.entries(patch)) {
    const key = ALIASES[rawKey] ?? rawKey;
    if (!keys.has(key)) {
      notices.push(`Ignored ${rawKey}: not a figure setting.`);
      continue;
    }
    // An empty value goes back to the default, as a link without the key would.
    if (value === '') q.delete(key);
    else q.set(key, value);
  }
  const search = `?${q.toString()}`;
  const decoded = decodeUrl(search);
  const views = decodeViewParams(search);
  configStore.setState({ base: decoded.config.base, compare: decoded.config.compare });
  viewStore.setState(decoded.view);
  viewParamsStore.setState({ params: views.params });
  return [...notices, ...decoded.notices, ...views.notices];
}
