/**
 * One host message in, zero or more replies out: the origin check, validation, and the
 * dispatch to the figure's actions. Pure (no DOM), so every refusal is unit-tested; the
 * bridge only moves messages between `window` and here. Nothing a host sends can throw
 * out of here: a failing action is reported as an `error` event like any bad input.
 */
import { isAllowed, type AllowedOrigins } from './options';
import {
  echo,
  envelope,
  parseCommand,
  type EmbedCommand,
  type EmbedEvent,
  type Envelope,
} from './protocol';

export interface EmbedActions {
  /** Applies URL-style keys; returns notices for values clamped or ignored. */
  setConfig(params: Record<string, string>): string[];
  play(): void;
  pause(): void;
  reset(): void;
  /** Null when done, else why not (no walkthrough here, unknown step). */
  gotoStep(step: string): string | null;
}

type Reply = Envelope<EmbedEvent>;

/**
 * Notices as one `error` line: whitespace (a pasted value's newline included) collapsed,
 * blanks dropped, capped — the host may show it as is. Null when nothing is left to say.
 */
function noticeLine(notices: readonly string[]): string | null {
  const line = notices
    .map((n) => n.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(' ');
  return line ? line.slice(0, 300) : null;
}

const error = (
  code: Extract<EmbedEvent, { type: 'error' }>['code'],
  message: string,
  id?: string,
): Reply =>
  envelope(
    id === undefined ? { type: 'error', code, message } : { type: 'error', code, message, id },
  );

export function handleMessage(
  origin: string,
  data: unknown,
  allowed: AllowedOrigins,
  actions: EmbedActions,
): Reply[] {
  if (!isAllowed(origin, allowed))
    return [
      error(
        'origin',
        `messages from ${echo(origin)} are not accepted; allow it with origins= in the embed URL`,
      ),
    ];
  const parsed = parseCommand(data);
  if (!parsed.ok) return [error(parsed.code, parsed.message, parsed.id)];
  try {
    return run(parsed.command, actions);
  } catch (e) {
    return [
      error(
        'figure',
        `${parsed.command.type} failed: ${echo((e as Error)?.message ?? e)}`,
        parsed.command.id,
      ),
    ];
  }
}

function run(c: EmbedCommand, actions: EmbedActions): Reply[] {
  switch (c.type) {
    case 'set-config': {
      const line = noticeLine(actions.setConfig(c.params));
      return line === null ? [] : [error('config', line, c.id)];
    }
    case 'play':
      actions.play();
      return [];
    case 'pause':
      actions.pause();
      return [];
    case 'reset':
      actions.reset();
      return [];
    case 'goto-step': {
      const why = actions.gotoStep(c.step);
      return why === null
        ? []
        : [error('unsupported', noticeLine([why]) ?? 'not possible here', c.id)];
    }
  }
}
