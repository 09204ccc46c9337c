// Where browser mode's page finds the protocol on the server that served it.

export const WEB_PATHS = {
  /** GET: { token, socket, protocol } for the page this server served. */
  session: '/api/session',
  /** The WebSocket carrying the client protocol. */
  socket: '/api/socket',
} as const;
