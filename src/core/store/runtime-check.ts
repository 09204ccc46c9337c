// better-sqlite3 13 is a Node-API 10 addon: on older runtimes it crashes instead of failing
// cleanly, so we refuse to open a database there with a message saying what to run instead.
import { AppError } from '../../shared/errors.ts';

export const REQUIRED_NODE_API = 10;

export function runtimeProblem(versions: NodeJS.ProcessVersions = process.versions): string | null {
  const napi = Number(versions.napi ?? 0);
  if (napi >= REQUIRED_NODE_API) return null;
  return (
    `Orchestron needs Node-API ${REQUIRED_NODE_API} (Node.js >= 22), but this is Node.js ${versions.node} with Node-API ${napi}. ` +
    'Run `npm install` and `npm link` in the Orchestron checkout: `orchestron ...` then runs on its pinned Node 24 from any folder, as `npm start` and `npm run orchestron -- ...` do there. Or install Node.js 22 or newer.'
  );
}

export function assertRuntime(versions: NodeJS.ProcessVersions = process.versions): void {
  const problem = runtimeProblem(versions);
  if (problem)
    throw new AppError('FORBIDDEN', problem, { node: versions.node, napi: versions.napi ?? null });
}
