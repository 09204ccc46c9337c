// Runs ELK layouts in one Web Worker per graph view, created on first use and ended by dispose().
// Above ELK_TASK_LIMIT tasks ELK takes seconds (about 5 s for 2,000), so those graphs get the
// linear-time layered layout of quick-layout.ts instead, in milliseconds.
import ELK from 'elkjs/lib/elk-api.js';
import { layoutInput, positionsOf } from './layout-input.ts';
import { quickLayout } from './quick-layout.ts';
import type { GraphEdge } from './graph-filters.ts';
import type { Position } from './graph-edits.ts';

/**
 * The most tasks laid out by ELK. In the worker ELK takes about 1 s for 500 tasks on first use
 * (its 2 MB script loads too) and 5 s for 2,000; the layered layout of quick-layout.ts takes
 * milliseconds and reads as well for plans in phases (`npm run bench -- --only ui`).
 */
export const ELK_TASK_LIMIT = 300;

export class LayoutRunner {
  private elk: InstanceType<typeof ELK> | null = null;

  async layout(ids: readonly number[], edges: readonly GraphEdge[]): Promise<Position[]> {
    if (ids.length > ELK_TASK_LIMIT) return quickLayout(ids, edges);
    this.elk ??= new ELK({
      workerFactory: () =>
        new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' }),
    });
    const result = await this.elk.layout(layoutInput(ids, edges));
    return positionsOf(result);
  }

  dispose(): void {
    this.elk?.terminateWorker();
    this.elk = null;
  }
}
