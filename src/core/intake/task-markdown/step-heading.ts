// Which headings start a step: `Step <id>: <title>` or `Task <id>: <title>`, with `:`, ` - `
// or `. ` after the id, also when the first words are bold (`**Step 2:** Build`). A heading
// `Step 3` alone is a step titled "Step 3"; `Task list` is not a step (its id has no digit).

export interface StepHeading {
  id: string;
  title: string;
  /** Index of the id in the heading's text. */
  idIndex: number;
}

const START = /^(step|task)\s+([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/i;
const SEPARATOR = /^(?:\s*:\s*|\s+[-–—]\s+|\.\s+)/;

/** The step a heading starts, or null when it is an ordinary heading. */
export function matchStepHeading(source: string): StepHeading | null {
  const wrap = /^(\*\*|__)/.exec(source)?.[1] ?? '';
  const rest = source.slice(wrap.length);
  const start = START.exec(rest);
  if (!start) return null;
  const [matched, word, id] = start as unknown as [string, string, string];
  let after = rest.slice(matched.length);
  if (wrap && after.startsWith(wrap)) after = after.slice(wrap.length);
  const separator = SEPARATOR.exec(after);
  if (!separator) {
    // "Step 3" alone; but "Task list" or "Step by step" are ordinary headings
    if ((after === '' || after === wrap) && /\d/.test(id))
      return { id, title: `${word} ${id}`, idIndex: wrap.length + matched.length - id.length };
    return null;
  }
  let title = after.slice(separator[0].length);
  if (wrap && title.startsWith(wrap)) title = title.slice(wrap.length).trimStart();
  if (wrap && title.endsWith(wrap)) title = title.slice(0, -wrap.length).trimEnd();
  return {
    id,
    title: title === '' ? `${word} ${id}` : title,
    idIndex: wrap.length + matched.length - id.length,
  };
}
