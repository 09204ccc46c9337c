// The tool sets: the default loop stays small enough for an agent's context, `all` and named
// extras add the rest, and an unknown name is refused with the valid ones.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/server';
import { createMcpServer } from '../../../src/host/mcp/server-factory.ts';
import {
  parseToolSelection,
  selectTools,
  type ToolSelection,
} from '../../../src/host/mcp/tool-sets.ts';
import { AppError } from '../../../src/shared/errors.ts';
import { openTestCore, type TestCore } from '../../helpers/temp-orchestrator.ts';

let core: TestCore;
before(() => {
  core = openTestCore();
});
after(() => core.dispose());

/** tools/list as a client receives it, through an in-memory pair (2025 era). */
async function listTools(tools: ToolSelection) {
  const server = createMcpServer(core.orchestrator, { tools, workspace: {}, transport: 'stdio' });
  const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'sizer', version: '1' });
  await client.connect(clientSide);
  const listed = await client.listTools();
  await client.close();
  return listed;
}

test('tools/list of the default set stays under 12 KB, and every tool names its output fields', async () => {
  const defaults = await listTools('default');
  const all = await listTools('all');
  const size = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
  console.log(
    `tools/list: default ${defaults.tools.length} tools, ${size(defaults)} bytes; all ${all.tools.length} tools, ${size(all)} bytes`,
  );
  assert.ok(size(defaults) < 12 * 1024, `default tools/list is ${size(defaults)} bytes`);
  assert.ok(defaults.tools.length >= 14, 'the loop: about 15 tools');
  assert.ok(all.tools.length > defaults.tools.length);
  for (const tool of all.tools) {
    assert.equal(tool.outputSchema?.type, 'object', tool.name);
    assert.ok(
      ((tool.outputSchema?.required as string[] | undefined) ?? []).length > 0,
      `${tool.name} names fields`,
    );
  }
});

test('named tools are added to the default set', () => {
  const names = selectTools(['list_events']).map((contract) => contract.name);
  assert.ok(names.includes('list_events'));
  assert.ok(names.includes('get_task'));
});

test('an unknown or person-only tool name is refused with the valid names', () => {
  for (const name of ['no_such_tool', 'import_project']) {
    assert.throws(
      () => selectTools([name]),
      (error: unknown) =>
        error instanceof AppError &&
        error.code === 'VALIDATION' &&
        error.message.startsWith(`Unknown tool name(s): "${name}".`) &&
        error.message.includes('get_task'),
    );
  }
});

test('--tools reads default, all, or a comma list', () => {
  assert.equal(parseToolSelection(undefined), 'default');
  assert.equal(parseToolSelection(' all '), 'all');
  assert.deepEqual(parseToolSelection('get_task, list_events,'), ['get_task', 'list_events']);
});
