// Schema 8: the notification that tells the asking agent its question was answered or cancelled,
// so it can be marked read once the agent has the answer from the question itself.
export const migration008 = {
  version: 8,
  name: 'question replies',
  sql: /* sql */ `
ALTER TABLE interventions ADD COLUMN reply_notification_id INTEGER
  REFERENCES notifications(id) ON DELETE SET NULL;
`,
};
