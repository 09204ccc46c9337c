// Events and records as the core writes them, for the attention tests: built by hand, checked
// against the event schema so a test never folds an event the core could not have written.
import assert from 'node:assert/strict';
import { EventSchema, type OrchestronEvent } from '../../../src/shared/events/event-types.ts';
import type { Intervention } from '../../../src/shared/operations/interventions.ops.ts';
import type { Notification } from '../../../src/shared/operations/notifications.ops.ts';

let nextId = 1;

export function event(
  fields: Partial<OrchestronEvent> & Pick<OrchestronEvent, 'type'>,
): OrchestronEvent {
  const built = {
    id: nextId++,
    at: '2026-03-02T14:00:00.000Z',
    actor: 'agent:claude#s1',
    project_id: 1,
    task_id: 3,
    before: null,
    after: null,
    ...fields,
  };
  const parsed = EventSchema().safeParse(built);
  assert.ok(parsed.success, `not an event the core writes: ${parsed.error?.message}`);
  return parsed.data;
}

export function question(ticket: number, fields: Partial<Intervention> = {}): Intervention {
  return {
    ticket: `Q-${ticket}`,
    task_id: 3,
    project_id: 1,
    kind: 'clarification',
    question: 'Which database should the cache use?',
    options: ['SQLite', 'Redis'],
    urgency: 'normal',
    status: 'open',
    asked_by: 'agent:claude#s1',
    agent: 'claude',
    previous_status: 'in_progress',
    answer: null,
    chosen_option: null,
    cancel_reason: null,
    answered_by: null,
    created_at: `2026-03-02T14:00:0${ticket % 10}.000Z`,
    answered_at: null,
    ...fields,
  };
}

export function personNotice(
  id: number,
  kind: string,
  fields: Partial<Notification> = {},
): Notification {
  return {
    id,
    project_id: 1,
    task_id: 3,
    kind,
    recipient: null,
    message: `agent claude went silent on #3 "Cache" (lease expired at 14:15 UTC)`,
    created_at: '2026-03-02T14:20:00.000Z',
    read_at: null,
    ...fields,
  };
}

export const review = (id: number) => ({
  id,
  title: `Task ${id}`,
  priority: 3,
  project_id: 1,
  project: 'shop',
  submitted_by: 'agent:claude#s1',
  submitted_at: '2026-03-02T14:00:00.000Z',
});
