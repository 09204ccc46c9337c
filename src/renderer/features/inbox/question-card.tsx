// One open question from an agent: who asks, about which task, the question, its options as
// buttons and a free-text answer (Ctrl/Cmd+Enter sends). A refused answer shows the server's
// message under the card, and the typed text stays.
import { memo, useState, type KeyboardEvent } from 'react';
import { toErrorPayload, type ErrorPayload } from '../../../shared/errors.ts';
import type { Intervention } from '../../../shared/operations/interventions.ops.ts';
import { ErrorBanner } from '../../components/error-banner.tsx';
import { TimeAgo } from './time-ago.tsx';
import { useAttention } from './use-attention.ts';

export const QuestionCard = memo(function QuestionCard({ question }: { question: Intervention }) {
  const answer = useAttention((state) => state.answer);
  const title = useAttention((state) => state.titles[question.task_id]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);

  const send = async (option?: string) => {
    const typed = text.trim();
    if (option === undefined && typed === '') return;
    setBusy(true);
    setError(null);
    try {
      await answer(question.ticket, {
        ...(option === undefined ? {} : { option }),
        ...(typed === '' ? {} : { answer: typed }),
      });
    } catch (failure) {
      setError(toErrorPayload(failure));
      setBusy(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    }
  };

  const fieldId = `answer-${question.ticket}`;
  return (
    <article
      className="inbox-card inbox-card--question"
      id={`question-${question.ticket}`}
      tabIndex={-1}
      aria-label={`Question ${question.ticket} from ${question.agent ?? question.asked_by}`}
      data-urgency={question.urgency}
    >
      <header className="inbox-card__head">
        <span className="inbox-card__who">{question.agent ?? question.asked_by}</span>
        <span className="muted">asks about</span>
        <span className="inbox-card__task">
          #{question.task_id}
          {title ? ` ${title}` : ''}
        </span>
        <span className={`inbox-pill inbox-pill--${question.urgency}`}>{question.urgency}</span>
        <span className="inbox-pill">{question.kind}</span>
        <span className="inbox-card__meta muted">
          {question.ticket} · <TimeAgo at={question.created_at} />
        </span>
      </header>
      <p className="inbox-card__question">{question.question}</p>
      {question.options && (
        <div className="inbox-card__options" role="group" aria-label="Answer with an option">
          {question.options.map((option) => (
            <button key={option} type="button" disabled={busy} onClick={() => void send(option)}>
              {option}
            </button>
          ))}
        </div>
      )}
      <div className="inbox-card__reply">
        <label htmlFor={fieldId} className="visually-hidden">
          Your answer to {question.ticket}
        </label>
        <textarea
          id={fieldId}
          rows={2}
          value={text}
          placeholder={question.options ? 'Or answer in your own words…' : 'Your answer…'}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          disabled={busy}
        />
        <button
          type="button"
          className="button--quiet"
          disabled={busy || text.trim() === ''}
          onClick={() => void send()}
        >
          Send answer
        </button>
      </div>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
    </article>
  );
});
