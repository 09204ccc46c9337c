// workflow_status with follow: the run's state now, or, while it runs, progress reports every
// quarter second until it ends (or the caller stops watching, which leaves the run going).
import type { OperationArgs } from '../../shared/operations/registry.ts';
import type { CallContext } from '../call-context.ts';
import type { WorkflowService } from './workflow.service.ts';

const POLL_MS = 250;

export async function followStatus(
  workflows: WorkflowService,
  input: OperationArgs<'workflow_status'>,
  context: CallContext,
) {
  let status = workflows.latestOf(input, context);
  while (input.follow && status.run.status === 'running' && !context.signal.aborted) {
    context.progress({
      phase: `workflow run ${status.run.id}`,
      done: status.progress.done + status.progress.failed,
      total: status.progress.total,
    });
    await pause(POLL_MS, context.signal);
    status = workflows.status(status.run.id);
  }
  return status;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
