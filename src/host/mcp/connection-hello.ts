// The one line a bridge sends on a socket before any MCP message, so the server knows the
// bridge's folder (which picks the project) and tool set:
//   {"orchestronHello":1,"cwd":"/home/ann/app","project":"app","tools":"default"}\n
// A client that opens with MCP directly sends none and gets the defaults. The server tells
// the two apart by the first bytes, and hands every other byte to MCP untouched.
import type { Socket } from 'node:net';
import { z } from 'zod';
import type { Workspace } from '../../core/call-context.ts';
import type { ToolSelection } from './tool-sets.ts';

const PREFIX = Buffer.from('{"orchestronHello":1');
/** A hello is a folder, a project name and some tool names: far below this. */
const MAX_HELLO_BYTES = 64 * 1024;

export interface Hello {
  workspace: Workspace;
  tools: ToolSelection;
}

const HelloSchema = z.object({
  orchestronHello: z.literal(1),
  cwd: z.string().max(4096).optional(),
  project: z.string().max(500).optional(),
  tools: z.union([z.enum(['default', 'all']), z.array(z.string().max(100)).max(500)]).optional(),
});

export function helloLine(hello: Hello): string {
  const { cwd, project } = hello.workspace;
  return `${JSON.stringify({ orchestronHello: 1, cwd, project, tools: hello.tools })}\n`;
}

export class HelloError extends Error {}

function parseHello(line: Buffer): Hello {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line.toString('utf8'));
  } catch {
    throw new HelloError('the opening hello line is not valid JSON');
  }
  const checked = HelloSchema.safeParse(parsed);
  if (!checked.success)
    throw new HelloError(
      `the opening hello line is malformed: ${checked.error.issues[0]?.message}`,
    );
  const { cwd, project, tools } = checked.data;
  const workspace: Workspace = {};
  if (cwd !== undefined) workspace.cwd = cwd;
  if (project !== undefined && project !== '') workspace.project = project;
  return { workspace, tools: tools ?? 'default' };
}

/**
 * Reads a hello off the start of `socket`, if it opens with one, and leaves every byte after it
 * unread (paused) for MCP. Resolves null when the first bytes are not a hello, or when the
 * socket ends first.
 */
export function readHello(socket: Socket): Promise<Hello | null> {
  return new Promise((resolveHello, reject) => {
    let buffered = Buffer.alloc(0);
    const finish = (rest: Buffer, outcome: () => void) => {
      socket.off('readable', onReadable);
      socket.off('end', onEnd);
      if (rest.length > 0) socket.unshift(rest);
      outcome();
    };
    const onEnd = () => finish(buffered, () => resolveHello(null));
    const onReadable = () => {
      let chunk: Buffer | null;
      while ((chunk = socket.read() as Buffer | null) !== null) {
        buffered = Buffer.concat([buffered, chunk]);
        const head = Math.min(buffered.length, PREFIX.length);
        if (!buffered.subarray(0, head).equals(PREFIX.subarray(0, head)))
          return finish(buffered, () => resolveHello(null));
        const newline = buffered.indexOf(0x0a);
        if (newline !== -1) {
          const line = buffered.subarray(0, newline);
          return finish(buffered.subarray(newline + 1), () => {
            try {
              resolveHello(parseHello(line));
            } catch (error) {
              reject(error);
            }
          });
        }
        if (buffered.length > MAX_HELLO_BYTES)
          return finish(Buffer.alloc(0), () =>
            reject(new HelloError('the opening hello line is too long')),
          );
      }
    };
    socket.on('readable', onReadable);
    socket.on('end', onEnd);
  });
}
