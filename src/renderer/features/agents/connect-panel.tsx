// "Connect an agent": the configuration for Claude Code, Cursor or Codex, exactly the text
// `orchestron mcp config <client>` prints (the core builds both), with a button that copies it.
import { useCallback, useEffect, useState } from 'react';
import { toErrorPayload, type ErrorPayload } from '../../../shared/errors.ts';
import type { ConnectConfig } from '../../../shared/operations/agents.ops.ts';
import { useClient } from '../../client/client-context.tsx';
import { ErrorBanner } from '../../components/error-banner.tsx';
import { copyText } from './copy-text.ts';

export function ConnectPanel() {
  const client = useClient();
  const [configs, setConfigs] = useState<readonly ConnectConfig[]>([]);
  const [chosen, setChosen] = useState(0);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [copied, setCopied] = useState<string | null>(null);

  const read = useCallback(() => {
    client.call('get_connect_config', {}).then(
      (result) => {
        setConfigs(result.configs);
        setError(null);
      },
      (failure: unknown) => setError(toErrorPayload(failure)),
    );
  }, [client]);
  useEffect(read, [read]);

  const config = configs[chosen];
  const copy = async () => {
    if (!config) return;
    const done = await copyText(config.text);
    setCopied(done ? config.client : 'failed');
  };

  return (
    <section className="connect-panel" aria-labelledby="connect-title">
      <h2 id="connect-title" className="connect-panel__title">
        Connect an agent
      </h2>
      <p className="muted">
        Agents on this machine reach Orchestron through the stdio bridge. Paste this into your
        agent's configuration (or run the one-line command), then restart it.
      </p>
      {error && <ErrorBanner error={error} onRetry={read} />}
      <div className="connect-panel__tabs" role="tablist" aria-label="Agent">
        {configs.map((item, index) => (
          <button
            key={item.client}
            type="button"
            role="tab"
            aria-selected={index === chosen}
            className={index === chosen ? '' : 'button--quiet'}
            onClick={() => {
              setChosen(index);
              setCopied(null);
            }}
          >
            {item.label}
          </button>
        ))}
      </div>
      {config && (
        <div className="connect-panel__config" role="tabpanel" aria-label={config.label}>
          <pre className="connect-panel__text" data-client={config.client}>
            {config.text}
          </pre>
          <div className="connect-panel__actions">
            <button type="button" onClick={() => void copy()}>
              Copy {config.label} configuration
            </button>
            <span className="muted" role="status">
              {copied === config.client
                ? 'Copied.'
                : copied === 'failed'
                  ? 'Could not copy: select the text and copy it yourself.'
                  : ''}
            </span>
            <span className="muted connect-panel__cli">
              Same as <code>orchestron mcp config {config.client}</code>
            </span>
          </div>
        </div>
      )}
    </section>
  );
}
