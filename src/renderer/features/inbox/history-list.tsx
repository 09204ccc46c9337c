// Questions answered or withdrawn lately, newest first: what was asked and what came back.
import { memo } from 'react';
import type { Intervention } from '../../../shared/operations/interventions.ops.ts';
import { TimeAgo } from './time-ago.tsx';

function outcome(question: Intervention): string {
  if (question.status === 'cancelled')
    return `withdrawn${question.cancel_reason ? `: ${question.cancel_reason}` : ''}`;
  const parts = [question.chosen_option, question.answer].filter((part) => part !== null);
  return parts.join(' — ');
}

const HistoryRow = memo(function HistoryRow({ question }: { question: Intervention }) {
  return (
    <li className="inbox-history__row" data-status={question.status}>
      <span className="inbox-history__ticket muted">{question.ticket}</span>
      <span className="inbox-history__text">
        <span className="inbox-history__question">{question.question}</span>
        <span className="inbox-history__answer">
          {question.status === 'answered' ? '→ ' : ''}
          {outcome(question)}
        </span>
      </span>
      <span className="inbox-history__meta muted">
        {question.agent ?? question.asked_by}
        {question.answered_at && (
          <>
            {' · '}
            <TimeAgo at={question.answered_at} />
          </>
        )}
      </span>
    </li>
  );
});

export function HistoryList({ questions }: { questions: readonly Intervention[] }) {
  return (
    <ol className="inbox-history">
      {questions.map((question) => (
        <HistoryRow key={question.ticket} question={question} />
      ))}
    </ol>
  );
}
