// What the hosting shell can do beyond the client protocol. The desktop preload exposes its
// flags (and the way to its port to the core) on window.orchestron; a browser tab has none.
import type { ClientCapabilities } from '../../shared/client.ts';
import type { DesktopBridge } from '../../shared/desktop/desktop-bridge.ts';

const BROWSER_CAPABILITIES: ClientCapabilities = { nativeNotifications: false };

/** window.orchestron, if a desktop preload put it there (read defensively: any part may lack). */
export function shellBridge(): Partial<DesktopBridge> | undefined {
  return (globalThis as { orchestron?: Partial<DesktopBridge> }).orchestron;
}

export function shellCapabilities(): ClientCapabilities {
  return { ...BROWSER_CAPABILITIES, ...shellBridge()?.capabilities };
}
