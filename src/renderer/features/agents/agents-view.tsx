// The agents panel: the agents seen lately, live (name, current task, lease expiry, last
// activity, handoffs), and how to connect another one.
import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { ErrorBanner } from '../../components/error-banner.tsx';
import { useClient } from '../../client/client-context.tsx';
import { AgentCard } from './agent-card.tsx';
import { AgentsModel } from './agents-store.ts';
import { ConnectPanel } from './connect-panel.tsx';

export function AgentsView() {
  const client = useClient();
  const model = useMemo(() => new AgentsModel(client), [client]);
  useEffect(() => model.start(), [model]);
  const agents = useStore(model.store, (s) => s.agents);
  const phase = useStore(model.store, (s) => s.phase);
  const error = useStore(model.store, (s) => s.error);
  const now = useStore(model.store, (s) => s.now);

  return (
    <main className="agents-view" aria-labelledby="agents-title">
      <header className="agents-view__header">
        <h1 id="agents-title" className="agents-view__title">
          Agents
        </h1>
        <span className="muted">Who works on what, seen in the last 24 hours</span>
      </header>
      {error && <ErrorBanner error={error} onRetry={() => void model.reload()} />}
      <div className="agents-view__body">
        <section className="agents-view__roster" aria-label="Agents seen lately">
          {phase === 'loading' && agents.length === 0 && <p className="muted">Loading…</p>}
          {phase === 'ready' && agents.length === 0 && (
            <div className="agents-view__empty">
              <p className="agents-view__empty-title">No agent has connected lately.</p>
              <p className="muted">Connect one with the configuration beside this list.</p>
            </div>
          )}
          {agents.map((agent) => (
            <AgentCard key={agent.agent} agent={agent} now={now} />
          ))}
        </section>
        <ConnectPanel />
      </div>
    </main>
  );
}
