// Entry of the renderer bundle: builds the client for this shell and mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { ClientProvider } from './client/client-context.tsx';
import { createShellClient } from './client/shell-client.ts';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element to mount Orchestron into.');

createRoot(container).render(
  <StrictMode>
    <ClientProvider client={createShellClient()}>
      <App />
    </ClientProvider>
  </StrictMode>,
);
