// What an empty project shows: how to create the first task from a terminal.
export function EmptyState() {
  return (
    <div className="empty-state">
      <h2>No tasks yet</h2>
      <p>Create the first one from a terminal in the Orchestron folder:</p>
      <pre>
        <code>npx orchestron task create --title "Write the README"</code>
      </pre>
      <p className="muted">
        It appears here as soon as it is created, without a reload.{' '}
        <code>npx orchestron task create --help</code> lists the other fields; agents connected over
        MCP can create tasks too.
      </p>
    </div>
  );
}
