// Provides the one OrchestronClient of this window to every component that needs it.
import { createContext, useContext, type ReactNode } from 'react';
import type { OrchestronClient } from '../../shared/client.ts';

const ClientContext = createContext<OrchestronClient | null>(null);

export function ClientProvider({
  client,
  children,
}: {
  client: OrchestronClient;
  children: ReactNode;
}) {
  return <ClientContext value={client}>{children}</ClientContext>;
}

export function useClient(): OrchestronClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient needs a <ClientProvider> above it.');
  return client;
}
