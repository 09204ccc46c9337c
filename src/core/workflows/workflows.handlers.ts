// The workflow operations, bound to one WorkflowService per orchestrator; the runner engine
// runs every command through the runs service, so each is a persisted run.
import { availableParallelism } from 'node:os';
import { AppError } from '../../shared/errors.ts';
import type { FeatureBinding } from '../handlers.ts';
import { RunServiceCommandRunner } from './command-runner.ts';
import { renderReport } from './report-markdown.ts';
import { followStatus } from './workflow-follow.ts';
import { importWorkflow } from './workflow-import.ts';
import { WorkflowService } from './workflow.service.ts';

export const workflowHandlers: FeatureBinding<'workflows'> = (services) => {
  const workflows = new WorkflowService({
    services,
    background: services.background,
    runner: new RunServiceCommandRunner(services.runs),
    cores: availableParallelism(),
  });
  const { store } = services;
  return {
    import_workflow: (input, context) => importWorkflow(services, input, context),
    run_workflow: async ({ markdown, ...input }, context) => {
      if (markdown === undefined) return workflows.run(input, context);
      if (input.task_id !== undefined)
        throw new AppError(
          'VALIDATION',
          'Give either markdown (a document to run) or task_id (a task to run), not both.',
          { field: 'task_id' },
        );
      const imported = await importWorkflow(services, { markdown, ...input }, context);
      return workflows.run({ ...input, task_id: imported.task_id }, context);
    },
    resume_workflow: (input, context) => workflows.resume(input, context),
    workflow_status: (input, context) => followStatus(workflows, input, context),
    pause_workflow: (input, context) => workflows.control(input.run_id, 'pause', context),
    cancel_workflow: (input, context) => workflows.control(input.run_id, 'cancel', context),
    generate_report: (input, context) =>
      store.write(() => {
        const run = workflows.requireRun(input.run_id);
        const markdown = renderReport({
          run,
          projectName: store.projects.get(run.project_id)?.name ?? `project ${run.project_id}`,
          tasks: store.workflows.tasks(run.id),
          attempts: store.workflows.attempts(run.id),
          commands: store.workflows.commands(run.id),
          generatedAt: services.clock.now(),
        });
        const at = services.clock.now();
        const id = store.workflows.insertReport(run.id, markdown, context.actor, at);
        const bytes = Buffer.byteLength(markdown);
        services.emit.workflow(
          context,
          'workflow.report_generated',
          { project_id: run.project_id },
          {
            workflow_run_id: run.id,
            report_id: id,
            bytes,
          },
        );
        return {
          report: store.workflows.report(id)!,
          message: `Report ${id} of workflow run ${run.id} written (${bytes} bytes).`,
        };
      }),
    get_report: ({ report_id }) => {
      const report = store.read(() => store.workflows.report(report_id));
      if (!report)
        throw new AppError(
          'NOT_FOUND',
          `No report ${report_id}; list the reports of a run to find one.`,
          {
            report_id,
          },
          [{ action: 'list reports', operation: 'list_reports', input: {} }],
        );
      return { report };
    },
    list_reports: (input, context) =>
      store.read(() => {
        if (input.run_id !== undefined) {
          workflows.requireRun(input.run_id);
          return { reports: store.workflows.reportsOfRun(input.run_id) };
        }
        const project = services.projects.resolve(input.project_id, context);
        return { reports: store.workflows.reportsOfProject(project.id) };
      }),
  };
};
