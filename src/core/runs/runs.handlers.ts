// The code-run operations, bound to the run service the composition root built.
import type { FeatureBinding } from '../handlers.ts';

export const runHandlers: FeatureBinding<'runs'> = ({ runs }) => ({
  execute_code: async (args, context) => {
    const execution = await runs.execute(args, context, { onOutput: context.output });
    return { execution, message: runMessage(execution) };
  },
  get_run: ({ run_id }) => ({ execution: runs.get(run_id) }),
  cancel_run: async ({ run_id }, context) => {
    const wasRunning = runs.get(run_id).status === 'running';
    const execution = await runs.cancel(run_id, context);
    const message = !wasRunning
      ? `Run ${run_id} had already ended (${execution.status}); nothing to stop.`
      : execution.status === 'running'
        ? `Run ${run_id} is being stopped (TERM, then KILL after 2 s).`
        : runMessage(execution);
    return { execution, message };
  },
  send_run_input: async ({ run_id, text, end_input }, context) => {
    const bytes = await runs.sendInput(run_id, text, end_input, context);
    const ended = end_input ? ' and closed its input' : '';
    return { run_id, bytes, message: `Typed ${bytes} byte(s) into run ${run_id}${ended}.` };
  },
  get_doctor_report: () => runs.doctor(),
});

function runMessage(run: {
  id: number;
  status: string;
  exit_code: number | null;
  signal: string | null;
  duration_ms: number | null;
  setup: { output: string } | null;
}): string {
  const took = run.duration_ms === null ? '' : ` in ${run.duration_ms} ms`;
  switch (run.status) {
    case 'succeeded':
      return `Run ${run.id} succeeded${took}.`;
    case 'failed':
      return `Run ${run.id} failed with exit code ${run.exit_code}${took}.`;
    case 'killed':
      return `Run ${run.id} was killed by ${run.signal}${took}.`;
    case 'timed_out':
      return `Run ${run.id} ran out of time and was stopped${took}.`;
    case 'cancelled':
      return `Run ${run.id} was cancelled${took}.`;
    case 'setup_failed':
      return `Run ${run.id} did not start: its packages could not be installed (the code never ran). ${lastLine(run.setup?.output ?? '')}`.trim();
    default:
      return `Run ${run.id} is ${run.status}.`;
  }
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return lines[lines.length - 1] ?? '';
}
