// The Markdown report of a workflow run, built only from its persisted rows: the real commands,
// their exit codes, output excerpts (marked when truncated), durations, each check with the
// value it saw, and a completion matrix of task × attempt. Nothing here is inferred or assumed.
import type { WorkflowRun, WorkflowTask } from '../../shared/operations/workflows.ops.ts';
import type { AttemptRecord, CommandRecord } from '../store/workflows.repo.ts';

/** Characters of each command's output head and tail the report shows. */
const EXCERPT_CHARS = 2_000;

export interface ReportRows {
  run: WorkflowRun;
  projectName: string;
  tasks: WorkflowTask[];
  attempts: AttemptRecord[];
  commands: (CommandRecord & { id: number })[];
  generatedAt: string;
}

function fence(text: string, language = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${language}\n${text.replace(/\r\n/g, '\n').replace(/\n$/, '')}\n${ticks}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function outputExcerpt(command: CommandRecord): string {
  const head = command.head.slice(0, EXCERPT_CHARS);
  const tail = command.tail.slice(-EXCERPT_CHARS);
  const cut =
    command.truncated || head.length < command.head.length || tail.length < command.tail.length;
  if (command.total_bytes === 0 && command.status !== 'refused') return '_No output._';
  if (!cut) return fence(command.head + command.tail);
  return [
    `Output: ${command.total_bytes} bytes, **truncated**: the first and last parts are shown.`,
    fence(head),
    '…',
    fence(tail),
  ].join('\n\n');
}

function commandSection(command: CommandRecord): string {
  const end =
    command.status === 'refused'
      ? 'not started (refused)'
      : command.exit_code !== null
        ? `exit code ${command.exit_code}`
        : `ended by ${command.signal ?? command.status}`;
  return [
    `Command ${command.position + 1} (${command.language}, ${command.status}, ${end}, ${command.duration_ms} ms${command.sandbox ? `, sandbox ${command.sandbox}` : ''}):`,
    fence(command.code, command.language),
    outputExcerpt(command),
  ].join('\n\n');
}

function attemptSection(attempt: AttemptRecord, commands: CommandRecord[]): string {
  const lines = [
    `#### Attempt ${attempt.attempt}: ${attempt.status.toUpperCase()}${attempt.duration_ms === null ? '' : ` (${attempt.duration_ms} ms)`}`,
  ];
  if (attempt.error) lines.push(`_${attempt.error}_`);
  lines.push(...commands.map(commandSection));
  if (attempt.verification) {
    lines.push('| Check | Expected | Actual | Result |', '| --- | --- | --- | --- |');
    for (const check of attempt.verification)
      lines.push(
        `| ${check.check} | ${cell(check.expected)} | ${cell(check.actual)} | ${check.passed ? 'PASSED' : 'FAILED'} |`,
      );
  } else if (attempt.status !== 'running')
    lines.push('No verification was recorded for this attempt.');
  return lines.join('\n\n');
}

export function renderReport(rows: ReportRows): string {
  const { run, tasks, attempts, commands } = rows;
  const maxAttempts = Math.max(1, ...attempts.map((attempt) => attempt.attempt));
  const byAttempt = new Map<string, AttemptRecord>(
    attempts.map((attempt) => [`${attempt.task_id}:${attempt.attempt}`, attempt]),
  );
  const done = tasks.filter(
    (task) => task.state === 'passed' || task.state === 'done_before',
  ).length;
  const out = [
    `# Workflow run ${run.id}: ${rows.projectName}`,
    `- Status: **${run.status}**`,
    `- Started ${run.started_at}${run.finished_at ? `, finished ${run.finished_at}` : ', not finished'}`,
    `- Completion: ${done}/${tasks.length} tasks (${tasks.length === 0 ? 0 : Math.round((done / tasks.length) * 100)}%)`,
    `- Settings: concurrency ${run.concurrency}, retries ${run.retries}, backoff ${run.backoff_ms} ms${run.fail_fast ? ', fail fast' : ''}`,
    `- Report generated ${rows.generatedAt} from the recorded runs.`,
    '## Completion matrix',
    [
      `| Task | ${Array.from({ length: maxAttempts }, (_, index) => `Attempt ${index + 1}`).join(' | ')} | State |`,
      `| --- | ${Array.from({ length: maxAttempts }, () => '---').join(' | ')} | --- |`,
      ...tasks.map((task) => {
        const cells = Array.from(
          { length: maxAttempts },
          (_, index) => byAttempt.get(`${task.task_id}:${index + 1}`)?.status ?? '',
        );
        return `| #${task.task_id} ${cell(task.title)} | ${cells.join(' | ')} | ${task.state.toUpperCase()}${task.note ? ` (${cell(task.note)})` : ''} |`;
      }),
    ].join('\n'),
    '## Tasks',
  ];
  for (const task of tasks) {
    out.push(`### #${task.task_id} ${task.title}: ${task.state.toUpperCase()}`);
    const own = attempts.filter((attempt) => attempt.task_id === task.task_id);
    if (own.length === 0) out.push(`Not run${task.note ? `: ${task.note}` : ''}.`);
    for (const attempt of own)
      out.push(
        attemptSection(
          attempt,
          commands.filter((command) => command.attempt_id === attempt.id),
        ),
      );
  }
  return `${out.join('\n\n')}\n`;
}
