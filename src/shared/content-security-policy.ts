// The page's content security policy, the same in the desktop window (served from app://) and in
// the browser (served by `orchestron serve`): everything from the app's own origin, nothing
// inline, nothing remote, no frames. The page reaches the core over a MessagePort or a same-origin
// WebSocket, which connect-src 'self' allows; the graph layout's worker loads from the origin.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');
