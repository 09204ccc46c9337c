// A model's answer read as subtasks: the JSON found in it (code fences and prose around it
// tolerated), small slips normalised (null fields, "High" priorities), then checked with the
// same schema add_subtasks uses, nested no deeper than asked. The key is cut out first, so no
// subtask can carry it into the database.
import { subtaskSpecs, type SubtaskSpec } from '../../../shared/operations/expansion.ops.ts';
import { ProviderFailure } from './model-request.ts';
import { redact } from './provider-settings.ts';

function parseJson(text: string): unknown {
  const start = text.search(/[[{]/);
  const end = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
  if (start < 0 || end < start) throw new ProviderFailure('the answer held no JSON');
  try {
    return JSON.parse(text.slice(start, end + 1));
  } catch (error) {
    throw new ProviderFailure(
      `the answer was not valid JSON (${(error as Error).message.slice(0, 120)})`,
    );
  }
}

/** Drops null fields and lower-cases priority words, at every level. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value)
    .filter(([, field]) => field !== null)
    .map(([key, field]) => [
      key,
      key === 'priority' && typeof field === 'string'
        ? field.trim().toLowerCase()
        : normalise(field),
    ]);
  return Object.fromEntries(entries);
}

/** The subtasks in a model's answer, or a ProviderFailure saying what was wrong with it. */
export function readAnswer(
  raw: string | Record<string, unknown>,
  depth: number,
  key: string | null,
): SubtaskSpec[] {
  const text = redact(typeof raw === 'string' ? raw : JSON.stringify(raw), key);
  const value = normalise(parseJson(text));
  const list = Array.isArray(value) ? value : (value as { subtasks?: unknown }).subtasks;
  if (list === undefined) throw new ProviderFailure('the answer had no "subtasks" list');
  const parsed = subtaskSpecs(depth, false).safeParse(list);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${['subtasks', ...issue.path].join('.')}: ${issue.message}`);
  throw new ProviderFailure(`the answer did not match the subtask shape (${problems.join('; ')})`);
}
