// Opens the core in the main process and serves it to the window over loopback HTTP (port 0 =
// a free port). Temporary: the desktop issue moves the core into a utilityProcess.
import { Orchestrator } from '../core/orchestrator.ts';
import { resolveDatabasePath } from '../core/store/data-dir.ts';
import { startWebServer } from '../host/web/web-server.ts';

export interface CoreHost {
  url: string;
  dispose(): Promise<void>;
}

export async function startCoreHost(rendererDir: string): Promise<CoreHost> {
  const orchestrator = new Orchestrator({
    databasePath: resolveDatabasePath(process.env['ORCHESTRON_DB']),
  });
  try {
    const server = await startWebServer({ orchestrator, port: 0, rendererDir });
    return {
      url: server.url,
      async dispose() {
        await server.close();
        orchestrator.dispose();
      },
    };
  } catch (error) {
    orchestrator.dispose();
    throw error;
  }
}
