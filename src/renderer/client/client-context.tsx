// Provides the one OrchestronClient of this window to every component that needs it.
import { createContext, useContext, type ReactNode } from 'react';
import type { RendererClient } from './feed-status.ts';

const ClientContext = createContext<RendererClient | null>(null);

export function ClientProvider({
  client,
  children,
}: {
  client: RendererClient;
  children: ReactNode;
}) {
  return <ClientContext value={client}>{children}</ClientContext>;
}

export function useClient(): RendererClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient needs a <ClientProvider> above it.');
  return client;
}
