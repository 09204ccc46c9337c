// Runs ELK layouts in one Web Worker per graph view, created on first use and ended by dispose().
import ELK from 'elkjs/lib/elk-api.js';
import { layoutInput, positionsOf } from './layout-input.ts';
import type { GraphEdge } from './graph-filters.ts';
import type { Position } from './graph-edits.ts';

export class LayoutRunner {
  private elk: InstanceType<typeof ELK> | null = null;

  async layout(ids: readonly number[], edges: readonly GraphEdge[]): Promise<Position[]> {
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
