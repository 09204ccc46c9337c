// convert_task and render_task_markdown through the core, as every shell calls them: validated
// input, a result that passes the output schema, errors by line, and nothing stored.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { agent, openTestCore, snapshot, type TestCore } from '../../helpers/temp-orchestrator.ts';
import { readExample, readSeed } from './task-markdown-helpers.ts';

describe('convert_task and render_task_markdown', () => {
  let core: TestCore;
  before(() => {
    core = openTestCore();
  });
  after(() => core.dispose());

  test('convert the documented example, with a readable summary, and store nothing', async () => {
    const stored = snapshot(core);
    const { document, warnings, summary } = await core.call('convert_task', {
      markdown: readExample(),
    });
    assert.equal(document.steps.length, 4);
    assert.deepEqual(warnings, []);
    assert.match(summary, /^Count words two ways: 4 steps\n/);
    assert.match(
      summary,
      /\n {2}report {8}Sum up\n {16}after count-bash, count-python; 1 command \(sql\)/,
    );
    assert.equal(snapshot(core), stored);
  });

  test('an agent converts seed 004 and renders it back to Markdown that converts the same', async () => {
    const { document } = await core.callAs(agent('claude'), 'convert_task', {
      markdown: readSeed(),
    });
    const { markdown, warnings } = await core.callAs(agent('claude'), 'render_task_markdown', {
      document,
    });
    assert.deepEqual(warnings, []);
    const again = await core.call('convert_task', { markdown });
    assert.deepEqual(again.document, document);
  });

  test('a document that cannot convert fails with its problems by line', async () => {
    const failure = await core.fails('convert_task', {
      markdown: '# T\n\n## Step a: A\nDepends on: b\n',
    });
    assert.equal(failure.code, 'VALIDATION');
    assert.match(
      failure.message,
      /line 4, column 13: step "a" depends on "b", but no step has that id/,
    );
    assert.deepEqual(failure.details?.['problem_count'], 1);
  });

  test('text with a NUL character is refused before it is parsed', async () => {
    const failure = await core.fails('convert_task', { markdown: '# T\n\u0000' });
    assert.equal(failure.code, 'VALIDATION');
    assert.match(failure.message, /markdown contains U\+0000 \(NUL\) at index 4/);
  });

  test('render_task_markdown refuses a document with a cycle, naming it', async () => {
    const failure = await core.fails('render_task_markdown', {
      document: {
        title: 'T',
        steps: [
          { id: 'a', title: 'A', depends_on: ['b'] },
          { id: 'b', title: 'B', depends_on: ['a'] },
        ],
      },
    });
    assert.equal(failure.code, 'VALIDATION');
    assert.match(
      failure.message,
      /"a" depends on "b" and "b" on "a"; remove one of these dependencies/,
    );
  });
});
