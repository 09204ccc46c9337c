// The MCP client configuration texts live in shared (src/shared/mcp/mcp-config.ts), so the web
// page's "Connect an agent" panel and `orchestron mcp config` print the same text. Host code
// keeps importing them from here.
export * from '../../shared/mcp/mcp-config.ts';
