// Checks the shape of any call input before its schema reads it: bounded nesting and list
// lengths, and text that can be stored (no NUL, no lone surrogate). Walks with its own stack, so
// an input nested 100,000 levels deep is refused instead of overflowing the call stack.
import { AppError } from './errors.ts';
import { excerpt } from './text/excerpt.ts';
import { describeCodePoint, findLoneSurrogate } from './text/unicode-checks.ts';

/**
 * Far deeper than any operation's input (an imported project document, the deepest, nests
 * about 5 levels: input, document, tasks, a task, its file_refs), far shallower than a stack.
 */
export const MAX_INPUT_DEPTH = 32;
/** Bounds the work one call can ask for before its schema applies its own, smaller limits. */
export const MAX_LIST_ITEMS = 100_000;

export interface InputShapeOptions {
  maxDepth?: number;
  maxListItems?: number;
}

type Key = string | number;

/** An object or array on the walk, with the way back to the root for naming its path. */
interface Frame {
  value: object;
  depth: number;
  parent: Frame | null;
  key: Key | null;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]{0,39}$/;
/** Paths in messages longer than this keep their start and end: the field, and where in it. */
const MAX_SHOWN_PATH = 160;

function formatPath(keys: readonly Key[]): string {
  let path = '';
  for (const key of keys) {
    if (typeof key === 'number') path += `[${key}]`;
    else if (IDENTIFIER.test(key)) path += path ? `.${key}` : key;
    else path += `[${excerpt(key, 30)}]`;
  }
  return path;
}

/** The path as a message shows it; details keep it whole (at most 32 levels of short keys). */
function shown(path: string, whenEmpty: string): string {
  if (path === '') return whenEmpty;
  if (path.length <= MAX_SHOWN_PATH) return path;
  // cut between segments: "tasks.child.child….child.child"
  const head = path.slice(0, 60);
  const tail = path.slice(60 - MAX_SHOWN_PATH);
  const headEnd = Math.max(head.lastIndexOf('.'), head.lastIndexOf('['));
  const tailStart = tail.search(/[.[]/);
  return `${headEnd > 0 ? head.slice(0, headEnd) : head}…${tailStart >= 0 ? tail.slice(tailStart) : tail}`;
}

/** `tags[3]`, `file_refs[0].path`; '' for the input itself. */
function pathOf(parent: Frame | null, key: Key | null): string {
  const keys: Key[] = key === null ? [] : [key];
  for (let frame = parent; frame !== null && frame.key !== null; frame = frame.parent)
    keys.push(frame.key);
  return formatPath(keys.reverse());
}

/** Only what JSON can hold is walked; anything else is left to the operation's schema. */
function isWalkable(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return true;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Where `text` first holds a character that cannot be stored, or null. */
function unstorableAt(text: string): { index: number; nul: boolean } | null {
  const nul = text.indexOf('\0');
  const surrogate = findLoneSurrogate(text);
  if (nul === -1 && surrogate === null) return null;
  if (surrogate === null || (nul !== -1 && nul < surrogate)) return { index: nul, nul: true };
  return { index: surrogate, nul: false };
}

/** `where` names the text in words ("tags[3]", "A key in x"); details say where as data. */
function unstorableText(
  text: string,
  where: string,
  details: { path: string; key?: string },
): AppError | null {
  const bad = unstorableAt(text);
  if (!bad) return null;
  const { index } = bad;
  const character = describeCodePoint(text.charCodeAt(index));
  const why = bad.nul
    ? 'remove it, text cannot hold NUL characters'
    : 'a lone surrogate is not valid Unicode (often half of an emoji that was cut); send whole characters';
  return new AppError(
    'VALIDATION',
    `${where} contains ${character} at index ${index} (${excerpt(text)}); ${why}.`,
    { ...details, index },
  );
}

function checkText(text: string, parent: Frame | null, key: Key | null): void {
  if (!text.includes('\0') && text.isWellFormed()) return;
  const path = pathOf(parent, key);
  const problem = unstorableText(text, shown(path, 'The input'), { path });
  if (problem) throw problem;
}

function checkKey(key: string, frame: Frame): void {
  if (!key.includes('\0') && key.isWellFormed()) return;
  const path = pathOf(frame.parent, frame.key);
  const where = `A key in ${shown(path, 'the input')}`;
  const problem = unstorableText(key, where, { path, key: excerpt(key, 30) });
  if (problem) throw problem;
}

function tooDeep(frame: Frame, maxDepth: number): AppError {
  const path = pathOf(frame.parent, frame.key);
  return new AppError(
    'VALIDATION',
    `The input is nested more than ${maxDepth} levels deep at ${shown(path, 'its top level')}; send flat JSON objects.`,
    { path, max_depth: maxDepth },
  );
}

function tooLong(frame: Frame, length: number, maxItems: number): AppError {
  const path = pathOf(frame.parent, frame.key);
  return new AppError(
    'VALIDATION',
    `${shown(path, 'The input')} is a list of ${length} items, more than the ${maxItems} one call may send; send it in parts.`,
    { path, length, max_items: maxItems },
  );
}

/**
 * Throws VALIDATION, with details.path, for input nested deeper than 32 levels, a list of more
 * than 100,000 items, or a string or key holding a NUL or a lone surrogate; a container's own
 * strings are checked before what is nested in it. An object met twice (a shared reference) is
 * walked again only when met deeper, so the walk stays linear in the input's size.
 */
export function checkInputShape(input: unknown, options: InputShapeOptions = {}): void {
  const maxDepth = options.maxDepth ?? MAX_INPUT_DEPTH;
  const maxItems = options.maxListItems ?? MAX_LIST_ITEMS;
  if (typeof input === 'string') checkText(input, null, null);
  if (!isWalkable(input)) return;
  const stack: Frame[] = [{ value: input, depth: 1, parent: null, key: null }];
  const checkedAtDepth = new Map<object, number>();
  const children: Frame[] = [];
  /** Checks a string at once; queues an object or array to walk after its siblings. */
  const visit = (value: unknown, parent: Frame, key: Key) => {
    if (typeof value === 'string') checkText(value, parent, key);
    else if (isWalkable(value)) children.push({ value, depth: parent.depth + 1, parent, key });
  };
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.depth > maxDepth) throw tooDeep(frame, maxDepth);
    const { value } = frame;
    if ((checkedAtDepth.get(value) ?? 0) >= frame.depth) continue;
    checkedAtDepth.set(value, frame.depth);
    if (Array.isArray(value)) {
      if (value.length > maxItems) throw tooLong(frame, value.length, maxItems);
      for (let index = 0; index < value.length; index++) visit(value[index], frame, index);
    } else {
      for (const key of Object.keys(value)) {
        checkKey(key, frame);
        visit((value as Record<string, unknown>)[key], frame, key);
      }
    }
    // last to first, so that nested values are walked in reading order
    while (children.length > 0) stack.push(children.pop()!);
  }
}
