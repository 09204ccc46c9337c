// parse_prd and import_prd on input that must not go through: each gives a clear error or a
// warning in the preview, nothing is written, and nothing in the text is ever run.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openTestCore, snapshot, type TestCore } from '../../../helpers/temp-orchestrator.ts';
import { assertSound, dependsOn, generatePrd, task, type Preview } from './prd-helpers.ts';

const CYCLE = `# Shop

## Features

### Catalog
Browse products by category.

### Cart
- Depends on: Catalog
- Add items and change quantities

### Checkout
The checkout builds on the Cart and requires Payments.

### Payments
- Depends on: Checkout
- Card payments through a provider
`;

describe('parse_prd and import_prd refuse bad input', () => {
  let core: TestCore;
  let before_: string;
  before(() => {
    core = openTestCore();
  });
  after(() => core.dispose());

  async function refused(name: 'parse_prd' | 'import_prd', input: unknown) {
    before_ = snapshot(core);
    const error = await core.fails(name, input);
    assert.equal(snapshot(core), before_, `${name} changed the store`);
    return error;
  }

  const parse = async (content: string): Promise<Preview> => {
    const stored = snapshot(core);
    const preview = await core.call('parse_prd', { content });
    assert.equal(snapshot(core), stored);
    assertSound(preview);
    return preview;
  };
  const document = ({ summary: _summary, ...rest }: Preview) => rest;

  test('an empty or blank PRD', async () => {
    for (const content of ['', '  \n\n\t\n']) {
      const { code, message } = await refused('parse_prd', { content });
      assert.equal(code, 'VALIDATION');
      assert.match(message, /The PRD is empty/);
      assert.match((await refused('import_prd', { content })).message, /The PRD is empty/);
    }
  });

  test('a binary file: NUL bytes and other control characters, by line', async () => {
    const nul = await refused('parse_prd', { content: '# PRD\n\nabc\u0000\u0001\u0002' });
    assert.equal(nul.code, 'VALIDATION');
    assert.match(nul.message, /NUL/);
    const control = await refused('parse_prd', { content: '# PRD\n\n## Features\n\u0007bell' });
    assert.match(control.message, /U\+0007.*line 4.*UTF-8 text/);
  });

  test('a 20 MB PRD is refused by the size limit', async () => {
    const { code, message } = await refused('parse_prd', { content: generatePrd(20_000_000) });
    assert.equal(code, 'VALIDATION');
    assert.match(message, /longer than 2000000 characters; split it into several documents/);
    const imported = await refused('import_prd', { content: 'x'.repeat(20_000_000) });
    assert.match(imported.message, /longer than 2000000 characters/);
  });

  test('HTML with a script is kept as text and never run', async () => {
    const marker = '__prd_script_ran__';
    const content = `# Widgets\n\n## Features\n\n### Embed widget\n\n<script>globalThis.${marker} = true</script>\n\n- Description: Shows <b>bold</b> and <img src=x onerror="globalThis.${marker}=1"> as text\n- Acceptance Criteria:\n  - The widget renders <script>alert(1)</script> as text\n`;
    const preview = await parse(content);
    assert.equal((globalThis as Record<string, unknown>)[marker], undefined);
    const widget = task(preview, 'Embed widget');
    assert.match(widget.description, /<img src=x onerror=/);
    assert.deepEqual(
      preview.acceptance_criteria.map((c) => c.text),
      ['The widget renders <script>alert(1)</script> as text'],
    );
    const result = await core.call('import_prd', { preview: document(preview) });
    const stored = await core.call('get_task', { task_id: result.tasks[0]!.task_id });
    assert.equal(
      stored.task.acceptance_criteria[0]!.text,
      'The widget renders <script>alert(1)</script> as text',
    );
    assert.equal((globalThis as Record<string, unknown>)[marker], undefined);
  });

  test('lists and quotes nested 10,000 levels deep do not crash the parser', async () => {
    for (const deep of [
      '- '.repeat(10_000) + 'deep item',
      '> '.repeat(10_000) + 'deep quote',
      '1. - > '.repeat(3_400) + 'x',
    ]) {
      const started = performance.now();
      const preview = await parse(`# Deep\n\n## Features\n\n### Nested thing\n\n${deep}\n`);
      assert.ok(
        preview.warnings.some((w) => w.line === 7 && /deeper than 16 levels/.test(w.message)),
      );
      assert.equal(preview.tasks.length, 1);
      assert.ok(performance.now() - started < 10_000, 'flattened nesting parses quickly');
    }
    let indented = '# Deep\n\n## Features\n\n### Indented\n\n';
    for (let level = 0; level < 400; level++) indented += `${'  '.repeat(level)}- level ${level}\n`;
    const preview = await parse(indented);
    assert.ok(preview.warnings.some((w) => /deeper than 16 levels/.test(w.message)));
  });

  test('stated dependencies that form a cycle: a warning, and the import stays acyclic', async () => {
    const preview = await parse(CYCLE);
    assert.ok(dependsOn(preview, 'Cart', 'Catalog'));
    assert.ok(dependsOn(preview, 'Checkout', 'Cart'));
    assert.ok(dependsOn(preview, 'Checkout', 'Payments'));
    assert.ok(!dependsOn(preview, 'Payments', 'Checkout'));
    const warning = preview.warnings.find((w) => w.line === 16)!;
    assert.match(
      warning.message,
      /"Payments" is said to depend on "Checkout", which already depends on it/,
    );
    const result = await core.call('import_prd', { preview: document(preview) });
    assert.equal(result.tasks.length, 4);
    assert.equal(result.dependencies, 3);
  });

  test('an edited preview whose dependencies form a cycle is refused whole', async () => {
    const preview = document(await parse(CYCLE));
    const payments = preview.tasks.find((t) => t.title === 'Payments')!;
    const checkout = preview.tasks.find((t) => t.title === 'Checkout')!;
    payments.dependencies.push({
      on: checkout.id,
      reason: 'stated',
      evidence: 'edited',
      line: null,
    });
    const { code, message } = await refused('import_prd', { preview });
    assert.equal(code, 'VALIDATION');
    assert.match(message, /form a cycle; remove one of them/);
  });

  test('a preview naming ids it does not have is refused, listing them', async () => {
    const preview = document(await parse(CYCLE));
    preview.tasks[0]!.dependencies.push({ on: 'T99', reason: 'stated', evidence: 'x', line: null });
    preview.tasks[1]!.acceptance_criteria.push('C42');
    const { code, message } = await refused('import_prd', { preview, keep: ['T1', 'T77'] });
    assert.equal(code, 'VALIDATION');
    assert.match(message, /T1 depends on T99, which is not a proposed task/);
    assert.match(message, /T2 lists criterion C42/);
    assert.match(message, /T77 is not a proposed task/);
  });

  test('import_prd needs exactly one of preview and content, and something to keep', async () => {
    assert.match((await refused('import_prd', {})).message, /either preview .* or content/);
    const preview = document(await parse(CYCLE));
    assert.match((await refused('import_prd', { preview, content: CYCLE })).message, /not both/);
    assert.match(
      (await refused('import_prd', { preview, keep: [] })).message,
      /None of the proposed tasks is kept/,
    );
    assert.match(
      (await refused('import_prd', { content: '# Notes\n\nJust some prose.\n' })).message,
      /proposes no tasks/,
    );
  });

  test('keep and edits choose and rename; a dependency on a task left out is reported', async () => {
    const preview = document(await parse(CYCLE));
    const [catalog, cart] = preview.tasks;
    // the same PRD went in above: a second import is refused unless asked for
    const unchanged = snapshot(core);
    const twice = await core.fails('import_prd', { preview, keep: [cart!.id] });
    assert.equal(twice.code, 'CONFLICT');
    assert.match(
      twice.message,
      /was imported into project "[^"]+" before .*tagged prd-[0-9a-f]{12}/,
    );
    assert.equal(snapshot(core), unchanged);
    const result = await core.call('import_prd', {
      preview,
      again: true,
      keep: [cart!.id],
      edits: [{ id: cart!.id, title: 'Shopping cart', priority: 'urgent' }],
    });
    assert.deepEqual(
      result.tasks.map((t) => t.title),
      ['Shopping cart'],
    );
    assert.deepEqual(result.dropped_dependencies, [{ task: cart!.id, on: catalog!.id }]);
    const stored = await core.call('get_task', { task_id: result.tasks[0]!.task_id });
    assert.equal(stored.task.priority_label, 'urgent');
  });

  test('the options turn off what they name', async () => {
    const content = `${CYCLE}\nAs a shopper, I want to save my cart so that I can buy later.\n`;
    const bare = await core.call('parse_prd', {
      content,
      generate_tasks: false,
      extract_user_stories: false,
    });
    assert.deepEqual(
      [bare.tasks.length, bare.user_stories.length, bare.features.length],
      [0, 0, 4],
    );
    const flat = await core.call('parse_prd', {
      content,
      analyze_dependencies: false,
      confidence_threshold: 0.9,
    });
    assert.ok(flat.tasks.every((t) => t.dependencies.length === 0 && !t.selected));
    assert.equal(flat.user_stories[0]!.role, 'shopper');
  });
});
