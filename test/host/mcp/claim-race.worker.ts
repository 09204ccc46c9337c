// A client process for claim-race.test.ts: an agent on the official v2 MCP client over the core's
// socket. It connects as agent <name> (its client name), says "ready", waits for its standard
// input to close (the parent closes every worker's at once), then:
//   next <calls>   claim_next_task up to <calls> times, completing (update_task_status) each
//                  claimed task before claiming again
//   one <task id>  claim_task on that task once
// and prints one JSON line: the tasks it claimed, in order, and how every other call ended.
import { Client } from '@modelcontextprotocol/client';
import { SocketClientTransport } from './socket-transport.ts';

const [socketPath, name, mode, argument] = process.argv.slice(2);
if (!socketPath || !name || !mode || !argument)
  throw new Error('usage: claim-race.worker.ts <socket> <agent> next|one <calls|task id>');

interface ToolResult {
  isError?: boolean;
  content?: unknown;
  structuredContent?: unknown;
}

function textOf(result: ToolResult): string {
  const content = result.content as { type: string; text?: string }[] | undefined;
  return content?.find((block) => block.type === 'text')?.text ?? '';
}

const client = new Client({ name, version: '1.0.0' });
await client.connect(new SocketClientTransport(socketPath));
// as an agent starts: the tool list (its output schemas check every result from here on)
await client.listTools();
const go = new Promise<void>((resolveGo) => process.stdin.once('end', () => resolveGo()));
process.stdin.resume();
process.stdout.write('ready\n');
await go;

const claimed: number[] = [];
const outcomes: string[] = [];
const call = (tool: string, args: Record<string, unknown>) =>
  client.callTool({ name: tool, arguments: args }) as Promise<ToolResult>;

try {
  if (mode === 'next') {
    for (let calls = 0; calls < Number(argument); calls++) {
      const result = await call('claim_next_task', {});
      if (result.isError) throw new Error(`claim_next_task failed: ${textOf(result)}`);
      const task = (result.structuredContent as { task: { id: number } | null }).task;
      if (!task) {
        outcomes.push('nothing');
        await new Promise((resolveWait) => setTimeout(resolveWait, 2));
        continue;
      }
      claimed.push(task.id);
      const done = await call('update_task_status', { task_id: task.id, status: 'completed' });
      if (done.isError) throw new Error(`completing #${task.id} failed: ${textOf(done)}`);
    }
  } else {
    const result = await call('claim_task', { task_id: Number(argument) });
    if (result.isError) outcomes.push(textOf(result));
    else claimed.push((result.structuredContent as { task: { id: number } }).task.id);
  }
  process.stdout.write(`${JSON.stringify({ ok: true, claimed, outcomes })}\n`);
} catch (error) {
  process.stdout.write(
    `${JSON.stringify({ ok: false, claimed, outcomes, error: String(error) })}\n`,
  );
  process.exitCode = 1;
} finally {
  await client.close();
}
