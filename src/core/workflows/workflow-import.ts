// A task-Markdown document as tasks: one for the document (its title and objective), tagged with
// the digest of its text, and one subtask per step, in an order that puts prerequisites first,
// with its title, description, dependencies, run spec (its commands, timeout, parallel flag) and
// verify spec. All of them are created in one write, or none is. The same text imported again
// into the same project finds its tasks instead of making a second copy.
import { createHash } from 'node:crypto';
import type { OperationArgs } from '../../shared/operations/registry.ts';
import type { WorkflowDocument } from '../../shared/workflow/workflow.schema.ts';
import type { CallContext } from '../call-context.ts';
import type { FeatureServices } from '../handlers.ts';
import { TaskService } from '../tasks/task.service.ts';

function inDependencyOrder(document: WorkflowDocument) {
  const placed = new Set<string>();
  const ordered: WorkflowDocument['steps'] = [];
  const pending = [...document.steps];
  while (pending.length > 0) {
    const index = pending.findIndex((step) => step.depends_on.every((id) => placed.has(id)));
    const [step] = pending.splice(index, 1);
    ordered.push(step!);
    placed.add(step!.id);
  }
  return ordered;
}

export async function importWorkflow(
  services: FeatureServices,
  input: OperationArgs<'import_workflow'>,
  context: CallContext,
) {
  const { parseTaskMarkdown } = await import('../intake/task-markdown/parse-task-markdown.ts');
  const { document } = parseTaskMarkdown(input.markdown);
  const tasks = new TaskService(services, services.projects);
  const tag = documentTag(input.markdown);
  return services.store.write(() => {
    const project = services.projects.resolve(input.project_id, context);
    const { store } = services;
    const [earlier] = store.taskLists.page({ project_id: project.id, tag, parent_id: null }, 0, 1);
    if (earlier) {
      // created in dependency order, which the same text always gives again
      const order = inDependencyOrder(document);
      const steps = store.taskLists
        .page({ project_id: project.id, parent_id: earlier.id }, 0, document.steps.length)
        .map((task, index) => ({
          step: order[index]?.id ?? String(index + 1),
          task_id: task.id,
          title: task.title,
        }));
      return {
        project_id: project.id,
        task_id: earlier.id,
        reused: true,
        tasks: steps,
        message: `"${document.title}" was imported before as task #${earlier.id} in project "${project.name}"; its ${steps.length} step task(s) are reused.`,
      };
    }
    const root = tasks.create(
      {
        project_id: project.id,
        title: document.title,
        description: document.objective,
        tags: [tag],
      } as OperationArgs<'create_task'>,
      context,
    );
    const ids = new Map<string, number>();
    const created = inDependencyOrder(document).map((step) => {
      const task = tasks.create(
        {
          project_id: project.id,
          parent_id: root.id,
          title: step.title,
          description: step.description,
          dependencies: step.depends_on.map((id) => ids.get(id)!),
        } as OperationArgs<'create_task'>,
        context,
      );
      if (step.commands.length > 0 || step.verify !== null)
        tasks.update(
          {
            task_id: task.id,
            run_spec:
              step.commands.length === 0
                ? null
                : {
                    commands: step.commands,
                    parallel: step.parallel,
                    ...(step.timeout_seconds === undefined
                      ? {}
                      : { timeout_seconds: Math.min(step.timeout_seconds, 3600) }),
                  },
            verify_spec: step.verify,
          } as OperationArgs<'update_task'>,
          context,
        );
      ids.set(step.id, task.id);
      return { step: step.id, task_id: task.id, title: task.title };
    });
    const runnable = document.steps.filter((step) => step.commands.length > 0).length;
    return {
      project_id: project.id,
      task_id: root.id,
      reused: false,
      tasks: created,
      message: `Created task #${root.id} "${document.title}" with ${created.length} step subtask(s) in project "${project.name}" (${runnable} with commands to run).`,
    };
  });
}

/** The tag that finds a document's tasks again: a digest of its exact text. */
function documentTag(markdown: string): string {
  return `workflow-${createHash('sha256').update(markdown).digest('hex').slice(0, 12)}`;
}
