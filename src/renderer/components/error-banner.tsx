// Shows a failed call where the user is looking: a headline for its code, the server's message
// (which says what to do), and a way to retry or dismiss.
import type { ErrorCode, ErrorPayload } from '../../shared/errors.ts';

const HEADLINES: Record<ErrorCode, string> = {
  NOT_FOUND: 'Not found',
  VALIDATION: 'The request was refused',
  CYCLE: 'That would create a dependency cycle',
  CONFLICT: 'Changed by someone else',
  FORBIDDEN: 'Not allowed',
  TIMEOUT: 'Orchestron is not answering',
  CANCELLED: 'Cancelled',
  LIMIT: 'Too much at once',
  INTERNAL: 'Something went wrong inside Orchestron',
};

interface ErrorBannerProps {
  error: ErrorPayload;
  onRetry?: () => void;
  onDismiss?: () => void;
}

export function ErrorBanner({ error, onRetry, onDismiss }: ErrorBannerProps) {
  return (
    <div className="error-banner" role="alert" data-code={error.code}>
      <div className="error-banner__text">
        <strong className="error-banner__headline">{HEADLINES[error.code]}</strong>
        <span className="error-banner__code">{error.code}</span>
        <p className="error-banner__message">{error.message}</p>
      </div>
      <div className="error-banner__actions">
        {onRetry && (
          <button type="button" onClick={onRetry}>
            Retry
          </button>
        )}
        {onDismiss && (
          <button type="button" className="button--quiet" onClick={onDismiss}>
            Dismiss
          </button>
        )}
      </div>
    </div>
  );
}
