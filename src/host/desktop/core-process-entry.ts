// Entry of the desktop app's core process (Electron utilityProcess.fork runs the bundle made
// from this file). Opens the database, runs the core, and exits when main says shutdown; a
// failure to start is reported to main before exiting, so the window can say what went wrong.
import { Orchestrator } from '../../core/orchestrator.ts';
import { resolveDatabasePath } from '../../core/store/data-dir.ts';
import type { CoreToMain } from './core-messages.ts';
import { runCoreProcess, type CoreProcess, type ParentChannel } from './core-process.ts';
import { servePortSession } from './port-session.ts';

const parent = (process as { parentPort?: ParentChannel }).parentPort;

async function start(channel: ParentChannel): Promise<void> {
  const databasePath = resolveDatabasePath(process.env['ORCHESTRON_DB']);
  let core: CoreProcess | undefined;
  const orchestrator = new Orchestrator({
    databasePath,
    connectTarget: () => core?.connectTarget() ?? null,
  });
  try {
    core = await runCoreProcess({
      parent: channel,
      orchestrator,
      databasePath,
      servePort: servePortSession,
      agentEndpoints: true,
      onStopped: () => {
        orchestrator.dispose();
        process.exit(0);
      },
    });
  } catch (error) {
    orchestrator.dispose();
    throw error;
  }
}

if (!parent) {
  process.stderr.write(
    "orchestron core: this file runs only as the desktop app's utility process.\n",
  );
  process.exit(2);
} else {
  start(parent).catch((error: unknown) => {
    const message: CoreToMain = {
      type: 'fatal',
      message: error instanceof Error ? error.message : String(error),
    };
    parent.postMessage(message);
    process.stderr.write(
      `orchestron core: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    // give the message a moment to leave before the process goes
    setTimeout(() => process.exit(1), 100);
  });
}
