// The desktop window's preload (sandboxed, CommonJS): exposes only the shell's capability flags.
// Calls and events still go over the page's HTTP connection until the desktop issue adds the
// MessagePort to the core.
import { contextBridge } from 'electron';
import type { ClientCapabilities } from '../shared/client.ts';

/** Native notifications arrive with the tray and inbox; until then the page must not expect them. */
const capabilities: ClientCapabilities = { nativeNotifications: false };

contextBridge.exposeInMainWorld('orchestron', { capabilities });
