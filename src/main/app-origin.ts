// Where the app's page comes from: a privileged app:// scheme serving out/renderer in a build,
// or electron-vite's dev server while developing. Only this origin is trusted anywhere in main.
import { resolveStaticPath } from '../host/web/static-files.ts';

export const APP_SCHEME = 'app';
export const APP_HOST = 'orchestron';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The page's URL and origin: the dev server's when electron-vite dev set one, else app://. */
export function appLocation(devServerUrl: string | undefined): { url: string; origin: string } {
  if (devServerUrl) {
    const url = new URL(devServerUrl);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (url.protocol === 'http:' && loopback) return { url: url.href, origin: url.origin };
  }
  return { url: APP_ENTRY_URL, origin: APP_ORIGIN };
}

/** Origin of a URL, or null for one that does not parse (treated as foreign everywhere). */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // custom schemes registered as standard have an origin; URL gives "null" for unknown ones
    return parsed.origin === 'null' ? `${parsed.protocol}//${parsed.host}` : parsed.origin;
  } catch {
    return null;
  }
}

/** The file under `rendererDir` an app:// request names, or null (foreign host, outside the folder). */
export function appRequestFile(requestUrl: string, rendererDir: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  return resolveStaticPath(rendererDir, url.pathname);
}
