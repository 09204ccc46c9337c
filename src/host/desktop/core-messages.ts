// What Electron main and the core's utilityProcess say to each other over the parent port.
// Only desktop concerns cross here (ports, the tray count, notices, shutdown); the client
// protocol itself runs on the MessagePorts main hands out.
import type { AttentionNotice } from '../../shared/attention/notification-for.ts';

export type MainToCore =
  /** Carries one MessagePort (in `ports`): a renderer connection to serve the client protocol on. */
  { type: 'connect'; generation: number } | { type: 'shutdown' };

export type CoreToMain =
  | {
      type: 'ready';
      database: string;
      mcpUrl: string | null;
      mcpSocket: string | null;
      note: string | null;
    }
  /** How many things wait for the person now (sent when it changes). */
  | { type: 'attention'; count: number }
  /** Something new waits for the person: main shows it as a native notification. */
  | { type: 'notice'; notice: AttentionNotice }
  | { type: 'fatal'; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNotice(value: unknown): value is AttentionNotice {
  if (!isRecord(value) || !isRecord(value['target'])) return false;
  const target = value['target'];
  return (
    typeof value['title'] === 'string' &&
    typeof value['body'] === 'string' &&
    typeof value['urgent'] === 'boolean' &&
    target['view'] === 'inbox' &&
    typeof target['key'] === 'string'
  );
}

/** Reads a message from main; anything else is ignored by the core. */
export function readMainMessage(data: unknown): MainToCore | null {
  if (!isRecord(data)) return null;
  if (data['type'] === 'shutdown') return { type: 'shutdown' };
  if (data['type'] === 'connect' && Number.isSafeInteger(data['generation']))
    return { type: 'connect', generation: data['generation'] as number };
  return null;
}

/** Reads a message from the core process; main trusts its own child, but not blindly. */
export function readCoreMessage(data: unknown): CoreToMain | null {
  if (!isRecord(data) || typeof data['type'] !== 'string') return null;
  switch (data['type']) {
    case 'ready':
      return typeof data['database'] === 'string' ? (data as CoreToMain) : null;
    case 'attention':
      return Number.isSafeInteger(data['count']) && (data['count'] as number) >= 0
        ? { type: 'attention', count: data['count'] as number }
        : null;
    case 'notice':
      return isNotice(data['notice']) ? { type: 'notice', notice: data['notice'] } : null;
    case 'fatal':
      return typeof data['message'] === 'string'
        ? { type: 'fatal', message: data['message'] }
        : null;
    default:
      return null;
  }
}
