// What the PRD tests and the bench share: the real PRDs in test/fixtures/prd, seed 002's
// sample, a generated PRD of any size, and the checks every preview and import must pass.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OperationOutput } from '../../../../src/shared/operations/registry.ts';
import type { TestCore } from '../../../helpers/temp-orchestrator.ts';

export const PRD_FIXTURES = fileURLToPath(new URL('../../../fixtures/prd', import.meta.url));
/** A copy of the sample PRD in seed 002 (shared/seeds/002_0cda3805928ed261.txt, "PRD Parsing"). */
export const SEED_SAMPLE = fileURLToPath(new URL('fixtures/seed-002-sample.txt', import.meta.url));

export const FIXTURE_FILES = {
  gathergo: '01-2040147482-GatherGo/prd.txt',
  randomovie: '02-0xBADC0FFEE-randomovie/prd.md',
  nutrily: '04-05Prakhar-nutrily-habit-tracker/prd.md',
  vibe: '04-AdamFromdust-vibe/prd.txt',
  monitor: '05-0xYoyo-availability-monitor/prd.md',
  tursi: '06-BlueTursi-tursi-ai/prd.txt',
  taskManagement: '08-0-hu-TaskManagement/prd.md',
} as const;

export function readPrd(name: keyof typeof FIXTURE_FILES): string {
  return readFileSync(`${PRD_FIXTURES}/${FIXTURE_FILES[name]}`, 'utf8');
}

export type Preview = OperationOutput<'parse_prd'>;

export function task(preview: Preview, title: string) {
  const found = preview.tasks.find((candidate) => candidate.title === title);
  assert.ok(
    found,
    `no proposed task "${title}" in ${preview.tasks.map((t) => t.title).join(' | ')}`,
  );
  return found;
}

/** Whether `title` waits for `on` through the preview's dependencies. */
export function dependsOn(preview: Preview, title: string, on: string): boolean {
  const target = task(preview, on).id;
  return task(preview, title).dependencies.some((dependency) => dependency.on === target);
}

export function criteriaOf(preview: Preview, title: string): string[] {
  const ids = new Set(task(preview, title).acceptance_criteria);
  return preview.acceptance_criteria.filter((c) => ids.has(c.id)).map((c) => c.text);
}

/** What every preview must be: no empty or duplicate tasks, acyclic, every criterion attached. */
export function assertSound(preview: Preview): void {
  const titles = preview.tasks.map((t) => t.title.trim().toLowerCase());
  assert.ok(
    titles.every((title) => title !== ''),
    'a proposed task has an empty title',
  );
  assert.equal(new Set(titles).size, titles.length, `duplicate titles: ${titles.join(' | ')}`);
  const ids = new Set(preview.tasks.map((t) => t.id));
  const waits = new Map(preview.tasks.map((t) => [t.id, t.dependencies.map((d) => d.on)]));
  for (const on of [...waits.values()].flat()) assert.ok(ids.has(on), `unknown dependency ${on}`);
  // Kahn: every task can be placed when the graph has no cycle
  const left = new Map([...waits].map(([id, on]) => [id, new Set(on)]));
  let placed = 0;
  for (
    let ready = [...left].filter(([, on]) => on.size === 0).map(([id]) => id);
    ready.length > 0;
  ) {
    const id = ready.pop()!;
    placed++;
    for (const [other, on] of left) if (on.delete(id) && on.size === 0) ready.push(other);
  }
  assert.equal(placed, preview.tasks.length, 'the proposed dependencies form a cycle');
  for (const criterion of preview.acceptance_criteria) {
    assert.ok(
      criterion.task_id !== null && ids.has(criterion.task_id),
      `"${criterion.text}" is attached to no task`,
    );
    assert.ok(
      task(
        preview,
        preview.tasks.find((t) => t.id === criterion.task_id)!.title,
      ).acceptance_criteria.includes(criterion.id),
    );
  }
  for (const t of preview.tasks) assert.ok(t.lines.start <= t.lines.end && t.lines.start >= 1);
}

/** Imports the preview's selected tasks and checks the store holds exactly them. */
export async function assertImports(core: TestCore, preview: Preview) {
  const { summary: _summary, ...document } = preview;
  const project = await core.call('create_project', {
    name: `prd-${Math.random().toString(36).slice(2)}`,
  });
  const result = await core.call('import_prd', {
    preview: document,
    project_id: project.project.id,
  });
  const kept = preview.tasks.filter((t) => t.selected);
  assert.equal(result.tasks.length, kept.length);
  const listed = await core.call('list_tasks', { project_id: project.project.id, limit: 1 });
  assert.equal(listed.count, kept.length);
  return result;
}

/** A PRD of about `bytes` characters: features with criteria, stated dependencies and phases. */
export function generatePrd(bytes: number): string {
  const parts = [
    '# Generated product\n\n## Overview\n\nA product large enough to time the parser.\n\n## Features\n',
  ];
  let size = parts[0]!.length;
  for (let n = 1; size < bytes; n++) {
    const section = [
      `\n### Feature ${n}: Capability number ${n}\n`,
      `- Priority: ${['High', 'Medium', 'Low'][n % 3]}`,
      `- Description: Lets a user do thing ${n} quickly, with clear feedback and an undo. ${'It keeps working offline and syncs when the network is back, without losing any edits. '.repeat(6)}`,
      n > 1 ? `- Depends on: Capability number ${n - 1}` : '- Depends on: nothing',
      '- Acceptance Criteria:',
      `  - The user can start thing ${n} from the main screen`,
      `  - Thing ${n} finishes within two seconds for typical input`,
      `  - Errors in thing ${n} are shown next to the field that caused them`,
      '',
      `As a regular user, I want thing ${n} to remember my last choice so that I save time.`,
      '',
    ].join('\n');
    parts.push(section);
    size += section.length;
  }
  return parts.join('');
}
