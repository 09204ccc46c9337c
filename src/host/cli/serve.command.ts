// `orchestron serve`: the headless shell. Declares the command; the server and the core are
// loaded only when it runs (see serve.ts), so other commands never pay for them.
import { Option, type Command } from 'commander';
import { addGlobalOptions, resolveGlobalOptions } from './global-options.ts';
import { DEFAULT_MCP_PORT } from '../mcp/mcp-config.ts';
import type { CliState } from './operation-command.ts';

export const DEFAULT_SERVE_HOST = '127.0.0.1';
/** The port the desktop app's browser mode is known at. */
export const DEFAULT_SERVE_PORT = 4477;

export function addServeCommand(command: Command, state: CliState): void {
  command
    .description(
      'Serve the Orchestron app in a browser (the headless shell) on this machine until stopped with Ctrl-C.',
    )
    .summary('Serve the app in a browser (the headless shell)')
    .addOption(
      new Option('--host <address>', 'address to listen on; keep it on loopback').default(
        DEFAULT_SERVE_HOST,
        DEFAULT_SERVE_HOST,
      ),
    )
    .addOption(
      new Option('--port <port>', 'port to listen on, 0..65535 (0 picks a free one)').default(
        String(DEFAULT_SERVE_PORT),
        String(DEFAULT_SERVE_PORT),
      ),
    )
    .addOption(new Option('--open', 'open the URL in the default browser'))
    .addOption(
      new Option(
        '--mcp-port <port>',
        'port of the MCP endpoint for agents, http://127.0.0.1:<port>/mcp (0 picks a free one)',
      ).default(String(DEFAULT_MCP_PORT), String(DEFAULT_MCP_PORT)),
    );
  addGlobalOptions(command, false).action(async (_options: unknown, self: Command) => {
    const globals = resolveGlobalOptions(self);
    state.json = globals.json;
    const opts = self.opts<{ host: string; port: string; open?: boolean; mcpPort: string }>();
    const { serve } = await import('./serve.ts');
    await serve({
      ...globals,
      host: opts.host,
      port: opts.port,
      open: opts.open === true,
      mcpPort: opts.mcpPort,
      mcpPortChosen: self.getOptionValueSource('mcpPort') !== 'default',
    });
  });
}
