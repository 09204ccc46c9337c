// The notifications a question causes: one in the person's inbox when it is asked (cleared once
// it is closed), and one to the asking agent when a person answers or cancels it.
import type { CallContext } from '../call-context.ts';
import { CoreService, type CoreServices } from '../core-service.ts';
import { notify } from '../events/notify.ts';
import type { InterventionRecord, InterventionsRepo } from '../store/interventions.repo.ts';
import { asker, oneLine } from './intervention-text.ts';

export class InterventionNotices extends CoreService {
  private readonly repo: InterventionsRepo;

  constructor(services: CoreServices, repo: InterventionsRepo) {
    super(services);
    this.repo = repo;
  }

  /** The person's inbox entry: "Q-7 [high] claude asks about #3 "Title": …". */
  asked(record: InterventionRecord, title: string, context: CallContext): void {
    const head = `${record.ticket} [${record.urgency}] ${asker(record)} asks about #${record.task_id} "${oneLine(title, 60)}": `;
    const notification = notify(
      { store: this.store, emit: this.emit, clock: this.clock },
      context,
      {
        task: { id: record.task_id, project_id: record.project_id },
        recipient: null,
        kind: 'question',
        message: oneLine(head + record.question),
      },
    );
    this.repo.linkNotification(record.id, notification.id);
  }

  /** Tells the asking agent what became of its question (a person who asked reads the inbox). */
  toAgent(record: InterventionRecord, kind: string, what: string, context: CallContext): void {
    if (record.agent === null) return;
    const reply = notify({ store: this.store, emit: this.emit, clock: this.clock }, context, {
      task: { id: record.task_id, project_id: record.project_id },
      recipient: record.agent,
      kind,
      message: oneLine(`Your question ${record.ticket} on #${record.task_id} was ${what}`),
    });
    this.repo.linkReply(record.id, reply.id);
  }

  /** A closed question leaves the person's inbox: its notification is marked read. */
  closed(record: InterventionRecord, context: CallContext): void {
    this.markRead(record.notification_id, context);
  }

  /**
   * The asking agent has read what became of its question from the question itself (get or
   * wait), so the notification saying so is read too and no longer rides along as a notice.
   */
  delivered(record: InterventionRecord, context: CallContext): void {
    const { caller } = context;
    if (record.status === 'open' || caller.kind !== 'agent' || caller.name !== record.agent) return;
    this.markRead(record.reply_notification_id, context);
  }

  private markRead(id: number | null, context: CallContext): void {
    if (id === null) return;
    const marked = this.store.notifications.markRead([id], this.clock.now());
    if (marked > 0) this.emit.notificationsRead(context, [id], marked);
  }
}
