// An agent that went silent on a task: its lease expired and the task went back to the ready
// set. The person reads it and dismisses it (the notice is marked read for every window).
import { memo, useState } from 'react';
import type { SilentNotice } from '../../../shared/attention/attention-state.ts';
import { toErrorPayload, type ErrorPayload } from '../../../shared/errors.ts';
import { ErrorBanner } from '../../components/error-banner.tsx';
import { TimeAgo } from './time-ago.tsx';
import { useAttention } from './use-attention.ts';

export const SilentCard = memo(function SilentCard({ notice }: { notice: SilentNotice }) {
  const dismiss = useAttention((state) => state.dismissSilent);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const onDismiss = async () => {
    setBusy(true);
    try {
      await dismiss([notice.id]);
    } catch (failure) {
      setError(toErrorPayload(failure));
      setBusy(false);
    }
  };
  return (
    <article
      className="inbox-card inbox-card--silent"
      id={`silent-${notice.id}`}
      tabIndex={-1}
      aria-label="An agent went silent"
    >
      <header className="inbox-card__head">
        <span className="inbox-card__message">{notice.message}</span>
        <span className="inbox-card__meta muted">
          <TimeAgo at={notice.created_at} />
        </span>
        <button
          type="button"
          className="button--quiet"
          disabled={busy}
          onClick={() => void onDismiss()}
        >
          Dismiss
        </button>
      </header>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
    </article>
  );
});
