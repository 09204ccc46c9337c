// Schema 7: the leased tasks, found without scanning every task. Every claim first looks for
// leases to end, and only a few of a project's tasks are leased at any time.
export const migration007 = {
  version: 7,
  name: 'leased tasks index',
  sql: /* sql */ `
CREATE INDEX tasks_leased ON tasks (lease_holder) WHERE lease_holder IS NOT NULL;
`,
};
