// The short texts questions produce (notification lines of at most 200 characters, so an inbox row
// or an agent's notification list stays small; how a question stands) and the refusals about a
// closed question or an option it does not offer.
import { AppError } from '../../shared/errors.ts';
import type { InterventionRecord } from '../store/interventions.repo.ts';

/** Longest notification message, so a page of them stays small in a context window. */
export const MESSAGE_MAX = 200;

/** `text` on one line, cut to `max` characters with an ellipsis. */
export function oneLine(text: string, max = MESSAGE_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let end = max - 1;
  const unit = flat.charCodeAt(end - 1);
  if (unit >= 0xd800 && unit <= 0xdbff) end--; // never half a surrogate pair
  return `${flat.slice(0, end)}…`;
}

/** Who asked, as the person reads it: the agent's name, else the recorded actor. */
export function asker(record: Pick<InterventionRecord, 'agent' | 'asked_by'>): string {
  return record.agent ?? record.asked_by;
}

/** The answer as one short line: the chosen option, then the text. */
export function answerLine(record: Pick<InterventionRecord, 'chosen_option' | 'answer'>): string {
  const parts = [];
  if (record.chosen_option !== null) parts.push(`[${record.chosen_option}]`);
  if (record.answer !== null) parts.push(record.answer);
  return parts.join(' ');
}

/** Refuses to answer or cancel a question that is already closed, saying who closed it. */
export function closedError(record: InterventionRecord, verb: 'answer' | 'cancel'): AppError {
  const when = `${record.answered_by ?? 'someone'} at ${record.answered_at ?? 'an earlier time'}`;
  const what =
    record.status === 'answered'
      ? `${record.ticket} was already answered by ${when}: ${oneLine(answerLine(record), 120)}`
      : `${record.ticket} was cancelled by ${when}${record.cancel_reason ? ` (${oneLine(record.cancel_reason, 80)})` : ''}`;
  return new AppError(
    'CONFLICT',
    `${what}; there is nothing left to ${verb}. Nothing changed.`,
    {
      ticket: record.ticket,
      status: record.status,
      answered_by: record.answered_by,
      answered_at: record.answered_at,
    },
    [
      {
        action: 'read the question',
        operation: 'get_intervention',
        input: { ticket: record.ticket },
      },
    ],
  );
}

export function notFound(ticket: string): AppError {
  return new AppError('NOT_FOUND', `No question ${ticket}.`, { ticket }, [
    { action: 'see the open questions', operation: 'list_interventions', input: {} },
  ]);
}

/** An option as the person gave it (number, 1 = first, or its text), checked against the list. */
export function chooseOption(
  record: InterventionRecord,
  option: number | string | undefined,
): string | null {
  if (option === undefined) return null;
  const options = record.options;
  if (options === null) {
    throw new AppError('VALIDATION', `${record.ticket} offers no options; answer it in text.`, {
      ticket: record.ticket,
      option,
    });
  }
  if (typeof option === 'number' && option >= 1 && option <= options.length)
    return options[option - 1]!;
  const text = String(option).trim().toLowerCase();
  const match = options.find((candidate) => candidate.toLowerCase() === text);
  if (match !== undefined) return match;
  const listed = options.map((candidate, index) => `${index + 1}. ${candidate}`).join('; ');
  throw new AppError(
    'VALIDATION',
    `${JSON.stringify(oneLine(String(option), 60))} is not one of ${record.ticket}'s options: ${listed}. Give an option's number or its exact text.`,
    { ticket: record.ticket, option, options },
  );
}

/** How a question stands, in one sentence. */
export function describe(record: InterventionRecord): string {
  if (record.status === 'open')
    return `${record.ticket} is open: asked by ${asker(record)} at ${record.created_at}.`;
  if (record.status === 'cancelled') {
    const why = record.cancel_reason ? `: ${oneLine(record.cancel_reason, 120)}` : '';
    return `${record.ticket} was cancelled by ${record.answered_by}${why}.`;
  }
  return `${record.ticket} was answered by ${record.answered_by}: ${oneLine(answerLine(record))}`;
}
