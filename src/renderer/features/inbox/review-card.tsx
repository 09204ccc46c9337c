// A task an agent finished that waits for the person's approval: approve it, or send it back
// with a reason the agent receives. A refused call shows the server's message on the card.
import { memo, useState } from 'react';
import type { Review } from '../../../shared/attention/attention-state.ts';
import { toErrorPayload, type ErrorPayload } from '../../../shared/errors.ts';
import { ErrorBanner } from '../../components/error-banner.tsx';
import { TimeAgo } from './time-ago.tsx';
import { useAttention } from './use-attention.ts';

/** "agent:claude#s1" reads as "claude". */
function who(actor: string | null): string {
  return actor === null ? 'someone' : actor.replace(/^[a-z]+:/, '').replace(/#.*$/, '');
}

export const ReviewCard = memo(function ReviewCard({ review }: { review: Review }) {
  const approve = useAttention((state) => state.approve);
  const reject = useAttention((state) => state.reject);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(toErrorPayload(failure));
      setBusy(false);
    }
  };
  const reasonId = `reject-reason-${review.id}`;
  return (
    <article
      className="inbox-card inbox-card--review"
      id={`review-${review.id}`}
      tabIndex={-1}
      aria-label={`Task #${review.id} waits for approval`}
    >
      <header className="inbox-card__head">
        <span className="inbox-card__task">
          #{review.id} {review.title}
        </span>
        <span className="inbox-pill">{review.project}</span>
        <span className="inbox-card__meta muted">
          handed in by {who(review.submitted_by)}
          {review.submitted_at && (
            <>
              {' · '}
              <TimeAgo at={review.submitted_at} />
            </>
          )}
        </span>
      </header>
      {rejecting ? (
        <div className="inbox-card__reply">
          <label htmlFor={reasonId} className="visually-hidden">
            Why task #{review.id} goes back
          </label>
          <textarea
            id={reasonId}
            rows={2}
            autoFocus
            value={reason}
            placeholder="What is wrong, and what to do instead…"
            onChange={(event) => setReason(event.target.value)}
            disabled={busy}
          />
          <button
            type="button"
            className="button--danger"
            disabled={busy || reason.trim() === ''}
            onClick={() => void run(() => reject(review.id, reason.trim()))}
          >
            Send back
          </button>
          <button
            type="button"
            className="button--quiet"
            disabled={busy}
            onClick={() => setRejecting(false)}
          >
            Cancel
          </button>
        </div>
      ) : (
        <div className="inbox-card__actions">
          <button type="button" disabled={busy} onClick={() => void run(() => approve(review.id))}>
            Approve
          </button>
          <button
            type="button"
            className="button--quiet"
            disabled={busy}
            onClick={() => setRejecting(true)}
          >
            Reject…
          </button>
        </div>
      )}
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
    </article>
  );
});
