// A PRD preview into tasks: the kept proposals created prerequisites first through the task
// service, with their acceptance criteria, priorities and dependencies, all in one transaction.
// A dependency on a proposal that was not kept is left out and reported.
import { AppError } from '../../../shared/errors.ts';
import type { PrdPreview, ProposedTask } from '../../../shared/operations/prd.ops.ts';
import type { OperationArgs, OperationOutput } from '../../../shared/operations/registry.ts';
import { PRIORITY_LABELS } from '../../../shared/tasks/task-fields.ts';
import type { CallContext } from '../../call-context.ts';
import type { FeatureServices } from '../../handlers.ts';
import { TaskService } from '../../tasks/task.service.ts';
import { parsePrd } from './parse-prd.ts';
import { checkPreview } from './preview-check.ts';

type Input = OperationArgs<'import_prd'>;

function previewOf(input: Input): PrdPreview {
  if ((input.preview === undefined) === (input.content === undefined))
    throw new AppError(
      'VALIDATION',
      'Pass either preview (as parsing the PRD returned it) or content (the PRD text), not both and not neither.',
    );
  if (input.preview) return input.preview;
  return parsePrd(input.content!, {
    generate_tasks: true,
    analyze_dependencies: true,
    extract_user_stories: false,
    parse_acceptance_criteria: true,
    confidence_threshold: input.confidence_threshold ?? 0.5,
    ...(input.project_id === undefined ? {} : { project_id: input.project_id }),
  });
}

function detailsOf(preview: PrdPreview, task: ProposedTask): string {
  const range =
    task.lines.start === task.lines.end
      ? `line ${task.lines.start}`
      : `lines ${task.lines.start}-${task.lines.end}`;
  return `From the PRD "${preview.title}", ${range} (${task.source.replace('_', ' ')}, confidence ${task.confidence}).`;
}

export function importPrd(
  services: FeatureServices,
  input: Input,
  context: CallContext,
): OperationOutput<'import_prd'> {
  const preview = previewOf(input);
  const edits = new Map((input.edits ?? []).map((edit) => [edit.id, edit]));
  const ordered = checkPreview(preview, input.keep, [...edits.keys()]);
  const kept = new Set(
    input.keep ?? preview.tasks.filter((task) => task.selected).map((task) => task.id),
  );
  if (kept.size === 0)
    throw new AppError(
      'VALIDATION',
      preview.tasks.length === 0
        ? 'The PRD preview proposes no tasks; nothing to import. Check that the PRD has feature headings, phases or numbered steps.'
        : 'None of the proposed tasks is kept (none is selected and keep names none); nothing to import. Name the tasks to create in keep.',
    );
  const criteria = new Map(
    preview.acceptance_criteria.map((criterion) => [criterion.id, criterion.text.trim()]),
  );
  const tasks = new TaskService(services, services.projects);
  return services.store.write(() => {
    const project = services.projects.resolve(
      input.project_id ?? preview.project_id ?? undefined,
      context,
    );
    const tag = `prd-${preview.digest}`;
    const earlier = services.store.taskLists.page({ project_id: project.id, tag }, 0, 1)[0];
    if (earlier && !input.again)
      throw new AppError(
        'CONFLICT',
        `"${preview.title}" was imported into project "${project.name}" before (task #${earlier.id} is one of its tasks, tagged ${tag}); nothing was created. Import it again only to get a second copy.`,
        { tag, task_id: earlier.id },
        [{ action: 'import a second copy', operation: 'import_prd', input: { again: true } }],
      );
    const created = new Map<string, { task_id: number; title: string }>();
    const dropped: { task: string; on: string }[] = [];
    let dependencies = 0;
    for (const proposal of ordered) {
      if (!kept.has(proposal.id)) continue;
      const edit = edits.get(proposal.id);
      const on = proposal.dependencies.map((dependency) => dependency.on);
      for (const missing of on.filter((id) => !kept.has(id)))
        dropped.push({ task: proposal.id, on: missing });
      const prerequisites = on.filter((id) => kept.has(id)).map((id) => created.get(id)!.task_id);
      dependencies += prerequisites.length;
      const task = tasks.create(
        {
          project_id: project.id,
          title: edit?.title ?? proposal.title,
          description: proposal.description,
          details: detailsOf(preview, proposal),
          priority: edit?.priority ?? PRIORITY_LABELS.indexOf(proposal.priority),
          acceptance_criteria: proposal.acceptance_criteria
            .map((id) => criteria.get(id)!)
            .filter((text) => text !== '')
            .map((text) => ({ text, done: false })),
          dependencies: prerequisites,
          tags: [tag],
        } as OperationArgs<'create_task'>,
        context,
      );
      created.set(proposal.id, { task_id: task.id, title: task.title });
    }
    const result = [...created].map(([previewId, task]) => ({ preview_id: previewId, ...task }));
    const warnings =
      dropped.length > 0
        ? [`${dropped.length} dependencies on proposed tasks that were not kept were left out.`]
        : [];
    return {
      project_id: project.id,
      tasks: result,
      dependencies,
      dropped_dependencies: dropped,
      warnings,
      message: `Created ${result.length} task(s) with ${dependencies} dependencies from "${preview.title}" in project "${project.name}"${preview.tasks.length > result.length ? ` (${preview.tasks.length - result.length} proposed task(s) not kept)` : ''}.`,
    };
  });
}
