// Why the core closed a connection, as WebSocket close codes (4000-4999 are the application's)
// with a short reason (a close reason is at most 123 bytes). Clients branch on the code.

export const CLOSE_CODES = {
  /** The core is shutting down or the server closed (1001 "going away"). */
  goingAway: 1001,
  /** The first message was not a well-formed hello. */
  badHello: 4400,
  /** The hello carried no token or the wrong one: fetch the token again, then reconnect. */
  unauthorized: 4401,
  /** No hello arrived in time. */
  helloTimeout: 4408,
} as const;

export const CLOSE_REASONS = {
  goingAway: 'Orchestron is shutting down.',
  noToken: 'No token: send hello with the token the page was given.',
  wrongToken: 'Wrong token: the server restarted or this is not its page. Reload.',
  helloFirst: 'Send hello (with the token) before anything else.',
  helloTimeout: 'No hello within 10 seconds.',
} as const;

/** Cuts a reason to the 123 bytes a close frame can carry, on a character boundary. */
export function closeReason(text: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= 123) return text;
  let cut = text.slice(0, 120);
  while (encoder.encode(`${cut}…`).length > 123) cut = cut.slice(0, -1);
  return `${cut}…`;
}
