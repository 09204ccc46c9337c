// The inbox: what waits for the person (open questions from agents, tasks waiting for approval,
// agents that went silent on a task) and the questions answered lately. Live: agents' questions
// appear as they are asked, from any process. The address's #fragment names an item to show.
import { useEffect, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { attentionCount } from '../../../shared/attention/attention-state.ts';
import { badgeText } from '../../../shared/attention/badge.ts';
import { ErrorBanner } from '../../components/error-banner.tsx';
import { HistoryList } from './history-list.tsx';
import { NotificationsToggle } from './notifications-toggle.tsx';
import { QuestionCard } from './question-card.tsx';
import { ReviewCard } from './review-card.tsx';
import { SilentCard } from './silent-card.tsx';
import { useAttention, useAttentionRunning } from './use-attention.ts';

/** Brings the item the address names (#question-Q-7, #review-12) into view, focused. */
function useItemFromAddress(ready: boolean) {
  useEffect(() => {
    if (!ready) return;
    const show = () => {
      const key = decodeURIComponent(window.location.hash.slice(1));
      const item = key === '' ? null : document.getElementById(key);
      if (!item) return;
      item.scrollIntoView({ block: 'center' });
      item.focus({ preventScroll: true });
    };
    show();
    window.addEventListener('hashchange', show);
    return () => window.removeEventListener('hashchange', show);
  }, [ready]);
}

function Section({
  title,
  count,
  children,
}: {
  title: string;
  count: number;
  children: ReactNode;
}) {
  if (count === 0) return null;
  return (
    <section className="inbox-section" aria-label={title}>
      <h2 className="inbox-section__title">
        {title} <span className="inbox-section__count">{count}</span>
      </h2>
      {children}
    </section>
  );
}

export function InboxView() {
  const model = useAttentionRunning();
  const { questions, reviews, silent, history, phase, error } = useAttention(
    useShallow((s) => ({
      questions: s.questions,
      reviews: s.reviews,
      silent: s.silent,
      history: s.history,
      phase: s.phase,
      error: s.error,
    })),
  );
  const count = useAttention(attentionCount);
  useItemFromAddress(phase === 'ready');

  return (
    <main className="inbox-view" aria-labelledby="inbox-title">
      <header className="inbox-view__header">
        <h1 id="inbox-title" className="inbox-view__title">
          Inbox
          <span className="inbox-view__badge" data-count={count} aria-label={`${count} waiting`}>
            {badgeText(count) || '0'}
          </span>
        </h1>
        <span className="muted">Questions from agents, work to approve, agents gone silent</span>
        <span className="inbox-view__spacer" />
        <NotificationsToggle />
      </header>
      {error && <ErrorBanner error={error} onRetry={() => void model.store.getState().reload()} />}
      {phase === 'loading' && count === 0 && <p className="muted inbox-view__empty">Loading…</p>}
      {phase === 'ready' && count === 0 && (
        <div className="inbox-view__empty">
          <p className="inbox-view__empty-title">Nothing waits for you.</p>
          <p className="muted">
            When an agent asks a question, hands in work for approval or goes silent on a task, it
            shows up here.
          </p>
        </div>
      )}
      <Section title="Questions" count={questions.length}>
        {questions.map((question) => (
          <QuestionCard key={question.ticket} question={question} />
        ))}
      </Section>
      <Section title="Waiting for approval" count={reviews.length}>
        {reviews.map((review) => (
          <ReviewCard key={review.id} review={review} />
        ))}
      </Section>
      <Section title="Agents gone silent" count={silent.length}>
        {silent.map((notice) => (
          <SilentCard key={notice.id} notice={notice} />
        ))}
      </Section>
      <Section title="Answered lately" count={history.length}>
        <HistoryList questions={history} />
      </Section>
    </main>
  );
}
