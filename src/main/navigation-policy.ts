// What the app's web contents may do beyond showing its own page: navigate (only within the
// app), open windows (never; web links go to the system browser), ask for permissions (only the
// clipboard write the copy buttons need), and talk to main (only the app's own top frame).
import { originOf } from './app-origin.ts';

export function isAppUrl(url: string, appOrigin: string): boolean {
  return originOf(url) === appOrigin;
}

/** A navigation or redirect is allowed only when it stays on the app's origin. */
export function allowNavigation(url: string, appOrigin: string): boolean {
  return isAppUrl(url, appOrigin);
}

export type WindowOpenDecision = { action: 'deny'; openExternally: string | null };

/**
 * No new windows, ever. A plain web link (a commit or a pull request, say) opens in the
 * system browser instead; every other scheme (file:, javascript:, custom handlers) goes nowhere.
 */
export function windowOpenDecision(url: string): WindowOpenDecision {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { action: 'deny', openExternally: null };
  }
  const web = parsed.protocol === 'https:' || parsed.protocol === 'http:';
  // credentials in a link are a phishing trick; a link a person means never carries them
  const clean = web && parsed.username === '' && parsed.password === '';
  return { action: 'deny', openExternally: clean ? parsed.href : null };
}

/** Permissions the page may use: writing plain text to the clipboard (the copy buttons). */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Every permission request or check is denied unless the app's own page asks for a granted one. */
export function permissionDecision(
  permission: string,
  requestingUrl: string,
  appOrigin: string,
): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl, appOrigin);
}

export interface SenderFrame {
  url: string;
  /** Whether the frame is the window's top frame (not an iframe inside it). */
  isMainFrame: boolean;
}

/** IPC is accepted only from the top frame of a page on the app's origin, in a window we made. */
export function isTrustedSender(
  frame: SenderFrame | null,
  appOrigin: string,
  fromOurWindow: boolean,
): boolean {
  return fromOurWindow && frame !== null && frame.isMainFrame && isAppUrl(frame.url, appOrigin);
}
