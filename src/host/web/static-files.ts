// Serves the built renderer (out/renderer): index.html for `/`, files by extension with their
// content type, nothing outside the folder, and a hint page when the renderer is not built yet.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY, replyText, writeHead } from './http-replies.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Orchestron</title></head>
<body><h1>Orchestron</h1><p>The page is not built yet. Run <code>npm run build</code> in the Orchestron folder, then reload.</p></body></html>`;

/** The file a URL path names inside `root`, or null when it would leave the folder. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const file = resolve(base, relative);
  return file.startsWith(base + sep) ? file : null;
}

/** The file's size, or null when there is no regular file at `path`. */
async function fileSize(path: string): Promise<number | null> {
  return stat(path).then(
    (info) => (info.isFile() ? info.size : null),
    () => null,
  );
}

export async function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  root: string,
  urlPath: string,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return replyText(response, 405, 'Only GET and HEAD are served here.');
  }
  const file = resolveStaticPath(root, urlPath);
  if (file === null) return replyText(response, 404, 'Not found.');
  const size = await fileSize(file);
  if (size === null) {
    if (urlPath === '/') {
      writeHead(response, 503, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      });
      return void response.end(NOT_BUILT_PAGE);
    }
    return replyText(response, 404, 'Not found.');
  }
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers: Record<string, string | number> = {
    'Content-Type': type,
    'Content-Length': size,
    // Vite puts content hashes in asset names, so only index.html must be re-checked.
    'Cache-Control': urlPath.startsWith('/assets/')
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
  };
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
  writeHead(response, 200, headers);
  if (request.method === 'HEAD') return void response.end();
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
}
