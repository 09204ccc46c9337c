// What the hosting shell can do beyond the client protocol. The desktop preload exposes its
// flags on window.orchestron; a plain browser tab has none of the native extras.
import type { ClientCapabilities } from '../../shared/client.ts';

const BROWSER_CAPABILITIES: ClientCapabilities = { nativeNotifications: false };

interface ShellBridge {
  capabilities?: Partial<ClientCapabilities>;
}

export function shellCapabilities(): ClientCapabilities {
  const bridge = (globalThis as { orchestron?: ShellBridge }).orchestron;
  return { ...BROWSER_CAPABILITIES, ...bridge?.capabilities };
}
