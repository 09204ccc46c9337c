// What get_task shows of the work on a task besides its fields: its checkpoints, and its
// artifacts by name (read their content with get_artifact).
import type { Store } from '../store/store.ts';

export function workDetails(store: Store, taskId: number) {
  return {
    checkpoints: store.progress.checkpoints(taskId),
    artifacts: store.artifacts
      .ofTask(taskId)
      .map(({ name, size, media_type, created_at }) => ({ name, size, media_type, created_at })),
  };
}
