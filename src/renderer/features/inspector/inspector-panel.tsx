// The inspector: every field of the selected task, editable, with its status actions, related
// tasks, files, commits, artifacts, saved context and activity. It follows the shared selection
// and the event feed; Escape (outside a field being edited) or the close button closes it.
import { useEffect, useMemo, type KeyboardEvent } from 'react';
import { useClient } from '../../client/client-context.tsx';
import { ErrorBanner } from '../../components/error-banner.tsx';
import { useSelection } from '../../stores/selection.ts';
import { CriteriaSection } from './criteria-section.tsx';
import { ApprovalField, EditableField, PriorityField } from './editable-field.tsx';
import { FileRefsSection } from './file-refs-section.tsx';
import { InspectorContext, useInspector, useInspectorModel } from './inspector-context.ts';
import { InspectorModel } from './inspector-model.ts';
import { LinksSection } from './links-section.tsx';
import { ArtifactsSection, CommitsSection, ContextSection } from './records-section.tsx';
import { StatusSection } from './status-section.tsx';
import { TimelineSection } from './timeline-section.tsx';

function Fields() {
  const task = useInspector((state) => state.detail?.task);
  if (!task) return null;
  return (
    <>
      <EditableField field="description" value={task.description} multiline />
      <div className="field-grid">
        <PriorityField value={task.priority} />
        <EditableField field="assignee" value={task.assignee} placeholder="nobody" />
        <EditableField field="tags" value={task.tags} placeholder="comma, separated" />
        <EditableField field="progress" value={task.progress} />
        <EditableField field="complexity_score" value={task.complexity_score} placeholder="1..10" />
        <EditableField field="estimated_hours" value={task.estimated_hours} />
        <EditableField field="code_language" value={task.code_language} />
        <EditableField field="execution_environment" value={task.execution_environment} />
        <EditableField field="parent_id" value={task.parent_id} placeholder="top level" />
      </div>
      <ApprovalField value={task.requires_approval} />
      <EditableField field="details" value={task.details} multiline />
      <EditableField field="test_strategy" value={task.test_strategy} multiline />
      <details className="field-more">
        <summary>Run and verify specs (JSON)</summary>
        <EditableField field="run_spec" value={task.run_spec} multiline />
        <EditableField field="verify_spec" value={task.verify_spec} multiline />
      </details>
    </>
  );
}

function Sections() {
  const detail = useInspector((state) => state.detail);
  const timeline = useInspector((state) => state.timeline);
  const context = useInspector((state) => state.context);
  if (!detail) return null;
  const { task } = detail;
  return (
    <>
      <EditableField field="title" value={task.title} className="field--heading" />
      <StatusSection
        task={task}
        prerequisites={detail.dependencies}
        lastRejection={detail.last_rejection}
      />
      <Fields />
      <CriteriaSection criteria={task.acceptance_criteria} />
      <LinksSection
        taskId={task.id}
        projectId={task.project_id}
        dependencies={detail.dependencies}
        dependents={detail.dependents}
        subtasks={detail.subtasks}
        counts={detail.counts}
      />
      <FileRefsSection refs={task.file_refs} />
      <CommitsSection commits={detail.commits} count={detail.counts.commits} />
      <ArtifactsSection taskId={task.id} artifacts={detail.artifacts} />
      <ContextSection context={context} />
      <TimelineSection taskId={task.id} events={timeline} />
    </>
  );
}

function Body() {
  const model = useInspectorModel();
  const error = useInspector((state) => state.error);
  const deleted = useInspector((state) => state.deleted);
  const loaded = useInspector((state) => state.detail !== null);
  return (
    <div className="inspector__body">
      {error && <ErrorBanner error={error} onDismiss={() => model.dismissError()} />}
      {deleted && <p className="inspector__deleted">This task was deleted.</p>}
      {!loaded && !error && <p className="muted">Loading…</p>}
      <Sections />
    </div>
  );
}

export function InspectorPanel({ taskId }: { taskId: number }) {
  const client = useClient();
  const select = useSelection((state) => state.select);
  const model = useMemo(() => new InspectorModel(client, taskId), [client, taskId]);
  useEffect(() => model.start(), [model]);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && !event.defaultPrevented) select(null);
  };
  return (
    <InspectorContext value={model}>
      <aside
        className="inspector"
        aria-label={`Task #${taskId}`}
        data-task-id={taskId}
        onKeyDown={onKeyDown}
      >
        <header className="inspector__header">
          <span className="inspector__id">Task #{taskId}</span>
          <button
            type="button"
            className="icon-button"
            aria-label="Close the inspector"
            title="Close (Esc)"
            onClick={() => select(null)}
          >
            ×
          </button>
        </header>
        <Body />
      </aside>
    </InspectorContext>
  );
}
