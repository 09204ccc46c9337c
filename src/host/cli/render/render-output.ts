// Chooses the readable form of an operation's output by its shape, never by operation name:
// a lone document as pretty JSON, a text graph raw, otherwise the message, then each field, and
// for paged lists how many there are and the command that fetches the next page.
import { renderField } from './generic.ts';
import { isRecord, isTaskList } from './task-table.ts';

export interface RenderContext {
  /** The words after `orchestron`, to print the command that fetches the next page. */
  args: readonly string[];
}

const SAFE_WORD = /^[\w@%+=:,./-]+$/;

function shellQuote(word: string): string {
  return SAFE_WORD.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The same command line with `--cursor <next>` instead of any cursor it had. */
export function nextPageCommand(args: readonly string[], cursor: string): string {
  const kept: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--cursor') index++;
    else if (!arg.startsWith('--cursor=')) kept.push(arg);
  }
  return ['orchestron', ...kept, '--cursor', cursor].map(shellQuote).join(' ');
}

function pagingFooter(
  output: Record<string, unknown>,
  key: string,
  shown: number,
  context: RenderContext,
): string[] {
  const lines: string[] = [];
  const total = output['count'];
  if (typeof total === 'number')
    lines.push(`${shown} of ${total} ${key.replaceAll('_', ' ')} shown.`);
  const cursor = output['next_cursor'];
  if (typeof cursor === 'string' && cursor !== '')
    lines.push(`More on the next page: ${nextPageCommand(context.args, cursor)}`);
  return lines;
}

export function renderOutput(output: unknown, context: RenderContext): string {
  if (!isRecord(output)) return renderField('result', output);
  const entries = Object.entries(output).filter(([, value]) => value !== undefined);
  const [only] = entries;
  if (entries.length === 1 && only && isRecord(only[1])) return JSON.stringify(only[1], null, 2);
  const text = entries.find(
    ([key, value]) => key !== 'message' && typeof value === 'string' && value.includes('\n'),
  );
  if (text) return String(text[1]).replace(/\n$/, '');
  const blocks: string[] = [];
  if (typeof output['message'] === 'string') blocks.push(output['message']);
  const paged = entries.find(
    ([, value]) => isTaskList(value) || (Array.isArray(value) && 'next_cursor' in output),
  );
  const footerKeys = paged ? new Set(['count', 'next_cursor']) : new Set<string>();
  for (const [key, value] of entries) {
    if (key === 'message' || footerKeys.has(key)) continue;
    blocks.push(renderField(key, value));
  }
  if (paged && Array.isArray(paged[1]))
    blocks.push(...pagingFooter(output, paged[0], paged[1].length, context));
  return blocks.join('\n');
}
