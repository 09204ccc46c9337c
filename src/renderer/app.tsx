// The renderer's root component: the app shell (header, views, inspector).
import { AppShell } from './shell/app-shell.tsx';

export function App() {
  return <AppShell />;
}
