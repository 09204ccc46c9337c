// `orchestron mcp`: the command group for agents over MCP. Run bare, it is the stdio bridge that
// an agent's client configuration launches (see ../mcp/stdio-bridge.ts); its subcommands manage
// the HTTP endpoint's token and print client configurations.
import { Option, type Command } from 'commander';
import { addGlobalOptions, resolveGlobalOptions } from './global-options.ts';
import { addMcpSubcommands } from './mcp-subcommands.ts';
import type { CliState } from './operation-command.ts';

export function addMcpCommand(command: Command, state: CliState): void {
  command
    .description(
      "Serve MCP on standard input and output for an AI agent's client: through the running Orchestron when one serves this database, else in this process. The project is the one of the folder it starts in (or ORCHESTRON_PROJECT).",
    )
    .summary('Connect an AI agent over MCP (stdio)')
    .addOption(
      new Option(
        '--tools <set>',
        'tools to offer: default (the work loop), all, or a comma list of tool names added to the default',
      ).default('default', 'default'),
    );
  addGlobalOptions(command, false).action(async (_options: unknown, self: Command) => {
    const globals = resolveGlobalOptions(self);
    state.json = globals.json;
    const { parseToolSelection } = await import('../mcp/tool-sets.ts');
    const { runBridge } = await import('../mcp/stdio-bridge.ts');
    const { announceNewDatabase } = await import('./database-note.ts');
    announceNewDatabase(globals.databasePath);
    await runBridge({
      databasePath: globals.databasePath,
      tools: parseToolSelection(self.opts<{ tools: string }>().tools),
      workspace: { cwd: process.cwd(), project: process.env['ORCHESTRON_PROJECT'] || undefined },
    });
    // Whatever the client left behind (a half-read stdin, a timer), the bridge is done.
    process.exit(0);
  });
  addMcpSubcommands(command);
}
