// How the desktop app tells agents to reach it (the "Connect an agent" text). Its core runs in
// Electron, whose binary is no Node a client could start the bridge with, and a packaged app
// ships no bin/ file: the stdio bridge is offered only when the `orchestron` on PATH is this
// install's own (then `orchestron mcp` starts it); otherwise the app's HTTP endpoint, with its
// bearer token.
import type { McpTarget } from '../../shared/mcp/mcp-config.ts';

export interface ConnectFacts {
  /** Where `orchestron` on PATH leads, symlinks resolved; null when it is not on PATH. */
  onPath: string | null;
  /** This install's bin/orchestron.mjs; null when it has none (a packaged app). */
  bin: string | null;
  /** The MCP HTTP endpoint this core serves; null when it could not start (port taken). */
  url: string | null;
  token: string | null;
}

/** Null keeps the stdio bridge (`orchestron mcp`); else the HTTP endpoint to name. */
export function desktopConnectTarget(facts: ConnectFacts): McpTarget | null {
  if (facts.bin !== null && facts.onPath === facts.bin) return null;
  if (facts.url === null || facts.token === null) return null;
  return { kind: 'http', url: facts.url, token: facts.token };
}
