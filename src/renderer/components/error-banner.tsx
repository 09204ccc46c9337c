// Shows a failed call where the user is looking: a headline for its code, the server's message,
// a line per way to fix it (the error's hints), and a way to retry or dismiss.
import {
  isPlaceholder,
  type ErrorCode,
  type ErrorPayload,
  type FixHint,
} from '../../shared/errors.ts';

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

function shown(value: unknown): string {
  return isPlaceholder(value) ? `<${value.placeholder}>` : JSON.stringify(value);
}

/** "To find the right id: list_tasks", with the input to pass when there is one. */
function hintText({ action, operation, input }: FixHint): string {
  const fields = Object.entries(input).map(([key, value]) => `${key}: ${shown(value)}`);
  return `To ${action}: ${operation}${fields.length > 0 ? ` with ${fields.join(', ')}` : ''}`;
}

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
        {error.hints?.map((hint, index) => (
          <p key={index} className="error-banner__hint">
            {hintText(hint)}
          </p>
        ))}
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
