// Paged reads agents make all the time: the ready set and list_tasks pages (first page and a
// page deep into the project via its cursor, in full and compact form).
import { FAST_RUNS, type BenchContext } from './bench-context.ts';

export async function runReadScenarios(bench: BenchContext): Promise<void> {
  const project_id = bench.projectId;
  const { metrics } = await bench.call('list_tasks', {
    project_id,
    limit: 1,
    include_metrics: true,
  });
  if (metrics) {
    const completed = metrics.by_status['completed'] ?? 0;
    bench.note(
      `As imported: ${completed.toLocaleString('en')} completed, ${metrics.ready.toLocaleString('en')} ready, the rest pending.`,
    );
  }
  await bench.record(
    'get_ready_tasks (limit 50)',
    'single',
    () => bench.call('get_ready_tasks', { project_id, limit: 50 }),
    FAST_RUNS,
  );
  const middle = await cursorNear(bench, Math.floor(bench.size / 2));
  for (const fields of ['full', 'compact'] as const) {
    await bench.record(
      `list_tasks first page of 50 (${fields})`,
      'single',
      () => bench.call('list_tasks', { project_id, limit: 50, fields }),
      FAST_RUNS,
    );
    await bench.record(
      `list_tasks later page of 50 via cursor (${fields})`,
      'single',
      () => bench.call('list_tasks', { project_id, limit: 50, fields, cursor: middle }),
      FAST_RUNS,
    );
  }
}

/** A cursor issued by list_tasks itself (cursors are opaque), reached in pages of up to 500. */
async function cursorNear(bench: BenchContext, position: number): Promise<string> {
  const step = Math.min(500, Math.max(1, position));
  let cursor: string | undefined;
  for (let seen = 0; seen < position; seen += step) {
    const page = await bench.call('list_tasks', {
      project_id: bench.projectId,
      limit: step,
      fields: 'compact',
      ...(cursor ? { cursor } : {}),
    });
    if (!page.next_cursor) break;
    cursor = page.next_cursor;
  }
  if (!cursor) throw new Error(`list_tasks gave no cursor into a ${bench.size}-task project`);
  return cursor;
}
