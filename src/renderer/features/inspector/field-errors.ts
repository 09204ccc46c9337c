// Puts a refused call's message where the person typed: a VALIDATION error names each bad field
// in its issues (path[0] is the input field), so each message goes under its field; any other
// refusal of a one-field edit (a conflict, a rule of the server) goes under that field too.
import type { ErrorPayload } from '../../../shared/errors.ts';

export interface PlacedErrors {
  /** Messages by the field they are about. */
  byField: Record<string, string>;
  /** What belongs to no field that was sent: shown at the top of the form. */
  rest: string | null;
}

interface Issue {
  path: string[];
  message: string;
}

function issuesOf(error: ErrorPayload): Issue[] {
  const issues = error.details?.['issues'];
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (issue): issue is Issue =>
      typeof issue === 'object' &&
      issue !== null &&
      Array.isArray((issue as Issue).path) &&
      typeof (issue as Issue).message === 'string',
  );
}

/** "title: title must not be empty" reads "title must not be empty" under the title field. */
function withoutPath(message: string, path: readonly string[]): string {
  const prefix = `${path.join('.')}: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

export function placeErrors(error: ErrorPayload, sentFields: readonly string[]): PlacedErrors {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  const issues = issuesOf(error);
  for (const issue of issues) {
    const field = issue.path[0];
    if (field !== undefined && sentFields.includes(field)) {
      const message = withoutPath(issue.message, issue.path);
      byField[field] = byField[field] ? `${byField[field]}; ${message}` : message;
    } else rest.push(issue.message);
  }
  if (issues.length === 0) {
    if (sentFields.length === 1) byField[sentFields[0]!] = error.message;
    else rest.push(error.message);
  }
  return { byField, rest: rest.length > 0 ? rest.join('; ') : null };
}
