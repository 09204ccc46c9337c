// The task's status and what a person may do with it: the legal moves only, approve or reject
// while it waits in review, and pause or resume. Each refusal shows in this section.
import { useId, useState } from 'react';
import type { ErrorPayload } from '../../../shared/errors.ts';
import type { Task, TaskRef } from '../../../shared/tasks/task.schema.ts';
import { useClient } from '../../client/client-context.tsx';
import { ErrorBanner } from '../../components/error-banner.tsx';
import { FlowMarker, StatusBadge } from '../tasks/status-badge.tsx';
import { FieldError } from './editable-field.tsx';
import { placeErrors } from './field-errors.ts';
import { attempt, useInspectorModel } from './inspector-context.ts';
import { offeredMoves, STATUS_LABELS } from './status-moves.ts';

function StatusMoves({ task, prerequisites }: { task: Task; prerequisites: readonly TaskRef[] }) {
  const client = useClient();
  const model = useInspectorModel();
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const offer = offeredMoves(task.status, prerequisites);
  const move = async (status: Task['status']) => {
    setBusy(true);
    const input = { task_id: task.id, status, expected_version: task.version };
    setError(await attempt(model, () => client.call('update_task_status', input)));
    setBusy(false);
  };
  return (
    <div className="status-moves">
      <div className="status-moves__buttons" role="group" aria-label="Move to status">
        {offer.moves.map((status) => (
          <button
            key={status}
            type="button"
            className={`button--quiet status-move status-move--${status}`}
            disabled={busy}
            onClick={() => void move(status)}
          >
            {STATUS_LABELS[status]}
          </button>
        ))}
      </div>
      {offer.waitingOn.length > 0 && (
        <p className="muted status-moves__note">
          Waits on {offer.waitingOn.map((ref) => `#${ref.id}`).join(', ')} before it can start or
          complete.
        </p>
      )}
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
    </div>
  );
}

function ReviewActions({ task }: { task: Task }) {
  const client = useClient();
  const model = useInspectorModel();
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const decide = async (approve: boolean) => {
    const failure = await attempt(model, () =>
      approve
        ? client.call('approve_task', { task_id: task.id, ...(text.trim() ? { note: text } : {}) })
        : client.call('reject_task', { task_id: task.id, reason: text }),
    );
    const field = approve ? 'note' : 'reason';
    setError(failure ? (placeErrors(failure, [field]).byField[field] ?? failure.message) : null);
    if (!failure) setText('');
  };
  return (
    <div className="review-actions">
      <label htmlFor={id}>Note for the agent (a reason is required to reject)</label>
      <textarea
        id={id}
        rows={2}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setText(event.target.value)}
      />
      <FieldError id={`${id}-error`} message={error} />
      <div className="review-actions__buttons">
        <button type="button" onClick={() => void decide(true)}>
          Approve
        </button>
        <button type="button" className="button--danger" onClick={() => void decide(false)}>
          Reject
        </button>
      </div>
    </div>
  );
}

function PauseControl({ task }: { task: Task }) {
  const client = useClient();
  const model = useInspectorModel();
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (task.paused_at) {
    const resume = async () => {
      const failure = await attempt(model, () => client.call('resume_task', { task_id: task.id }));
      setError(failure?.message ?? null);
    };
    return (
      <div className="pause-control pause-control--paused">
        <p>
          Paused by {task.paused_by ?? 'a person'}
          {task.paused_reason ? `: ${task.paused_reason}` : ''}. Agents leave it alone.
        </p>
        <button type="button" onClick={() => void resume()}>
          Resume
        </button>
        <FieldError id={`${id}-error`} message={error} />
      </div>
    );
  }
  const pause = async () => {
    const failure = await attempt(model, () =>
      client.call('pause_task', { task_id: task.id, reason }),
    );
    setError(
      failure ? (placeErrors(failure, ['reason']).byField['reason'] ?? failure.message) : null,
    );
    if (!failure) setReason('');
  };
  return (
    <div className="pause-control">
      <label htmlFor={id}>Pause reason</label>
      <div className="inline-form">
        <input
          id={id}
          type="text"
          value={reason}
          placeholder="Why agents should leave it alone"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setReason(event.target.value)}
          onKeyDown={(event) => event.key === 'Enter' && void pause()}
        />
        <button type="button" className="button--quiet" onClick={() => void pause()}>
          Pause
        </button>
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

function Lease({ task }: { task: Task }) {
  if (!task.lease_holder) return null;
  const until = task.lease_expires_at
    ? ` until ${new Date(task.lease_expires_at).toLocaleTimeString()}`
    : '';
  return (
    <p className="lease">
      Claimed by <strong>{task.lease_holder}</strong>
      {until}
    </p>
  );
}

export function StatusSection({
  task,
  prerequisites,
  lastRejection,
}: {
  task: Task;
  prerequisites: readonly TaskRef[];
  lastRejection: { reason: string; by: string } | null;
}) {
  return (
    <section className="inspector-section" aria-labelledby="inspector-status">
      <h3 id="inspector-status">Status</h3>
      <div className="status-line">
        <StatusBadge status={task.status} />
        <FlowMarker ready={task.ready} waitingOnFailed={task.waiting_on_failed} />
        <span className="muted">progress {task.progress}%</span>
      </div>
      <Lease task={task} />
      {task.status === 'review' && <ReviewActions task={task} />}
      {lastRejection && task.status !== 'completed' && (
        <p className="muted">
          Last sent back by {lastRejection.by}: “{lastRejection.reason}”
        </p>
      )}
      <StatusMoves task={task} prerequisites={prerequisites} />
      <PauseControl task={task} />
    </section>
  );
}
