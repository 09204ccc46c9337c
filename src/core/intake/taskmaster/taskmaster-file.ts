// Reads the text of a Task Master tasks.json into its tags and raw tasks: the flat layout
// {"tasks": [...]} (one unnamed tag) and the tagged one {"<tag>": {"tasks": [...], "metadata"}}.
// Types are checked here, leniently where real files vary (ids as numbers or strings, subtasks
// as objects or plain strings, null lists); meaning is given in import-plan.ts.
import { z } from 'zod';
import { AppError } from '../../../shared/errors.ts';
import { checkInputShape } from '../../../shared/input-guard.ts';

const Id = z.union([z.number(), z.string()]);
const Text = z.string().nullish();
const Ids = z.array(Id).nullish();

const common = {
  title: Text,
  description: Text,
  details: Text,
  testStrategy: Text,
  status: Text,
  priority: z.union([z.string(), z.number()]).nullish(),
  dependencies: Ids,
  acceptanceCriteria: z.union([z.string(), z.array(z.string())]).nullish(),
  complexity: z.union([z.number(), z.string()]).nullish(),
  tags: z.array(z.string()).nullish(),
  assignee: Text,
  createdAt: Text,
  updatedAt: Text,
};

const RawSubtask = z.looseObject({ id: Id.nullish(), ...common });
const RawTask = z.looseObject({
  id: Id,
  ...common,
  subtasks: z.array(z.union([z.string(), RawSubtask])).nullish(),
});
const RawTag = z.looseObject({ tasks: z.array(RawTask) });

export type RawSubtask = z.infer<typeof RawSubtask>;
export type RawTask = z.infer<typeof RawTask>;

export interface TaskMasterTag {
  /** null for the flat layout, which has no tag. */
  name: string | null;
  tasks: RawTask[];
}

export interface TaskMasterFile {
  layout: 'flat' | 'tagged';
  tags: TaskMasterTag[];
  /** Top-level keys that hold no tasks (a tagged file's stray entries). */
  ignoredKeys: string[];
}

const SHAPE_HELP =
  'A Task Master tasks.json is {"tasks": [...]} or, with tags, {"master": {"tasks": [...], "metadata": {...}}}.';

/** The file's tags and tasks, or a VALIDATION error saying where the file is wrong. */
export function readTaskMasterFile(content: string): TaskMasterFile {
  const value = parseJson(content);
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new AppError('VALIDATION', `The file is not a JSON object. ${SHAPE_HELP}`);
  checkInputShape(value);
  const record = value as Record<string, unknown>;
  if ('tasks' in record) {
    return {
      layout: 'flat',
      tags: [{ name: null, tasks: parseTasks(RawTag, record, []) }],
      ignoredKeys: [],
    };
  }
  const tags: TaskMasterTag[] = [];
  const ignoredKeys: string[] = [];
  for (const [name, tag] of Object.entries(record)) {
    const holdsTasks =
      tag !== null && typeof tag === 'object' && 'tasks' in (tag as Record<string, unknown>);
    if (holdsTasks) tags.push({ name, tasks: parseTasks(RawTag, tag, [name]) });
    else ignoredKeys.push(name);
  }
  if (tags.length === 0)
    throw new AppError('VALIDATION', `The file has no "tasks" list, in no tag. ${SHAPE_HELP}`);
  return { layout: 'tagged', tags, ignoredKeys };
}

function parseJson(content: string): unknown {
  try {
    return JSON.parse(content);
  } catch (error) {
    const reason = (error as Error).message;
    const at = /position (\d+)/.exec(reason);
    const where = at ? ` (${lineAndColumn(content, Number(at[1]))})` : '';
    throw new AppError(
      'VALIDATION',
      `The file is not valid JSON${where}: ${reason.slice(0, 200)}. Nothing was imported; fix the file and retry.`,
      at ? { position: Number(at[1]) } : undefined,
    );
  }
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return `line ${line}, column ${position - before.lastIndexOf('\n')}`;
}

function parseTasks(schema: typeof RawTag, value: unknown, path: string[]): RawTask[] {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data.tasks;
  const issues = parsed.error.issues.slice(0, 5).map((issue) => {
    const at = [...path, ...issue.path.map(String)].join('.');
    return `${at}: ${issue.message}`;
  });
  throw new AppError(
    'VALIDATION',
    `The file is JSON but not a Task Master tasks.json: ${issues.join('; ')}. ${SHAPE_HELP} Nothing was imported.`,
    { issues },
  );
}
