// How the CLI shows a code run (exec, run get) and the doctor's report: the run's output as the
// program printed it (head, a gap note, tail), then one line of how it ended; the doctor's
// sandbox with what it guarantees and lacks, and each runtime.
import { isRecord, type Row } from './task-table.ts';

/** The run; `streamed` when its output was already printed as it came, so only its end is said. */
export function renderRun(output: Row, streamed = false): string {
  const run = isRecord(output['execution']) ? output['execution'] : {};
  const blocks: string[] = [];
  const setupFailed = isRecord(run['setup']) && run['setup']['ok'] === false;
  if (streamed && !setupFailed) {
    const shown = `${String(run['head'] ?? '')}${String(run['tail'] ?? '')}`;
    // the next line starts on a line of its own, after output that ended mid-line
    if (shown !== '' && !shown.endsWith('\n')) blocks.push('');
    if (run['truncated'] === true) blocks.push(`(full log: ${String(run['log_path'])})`);
    blocks.push(endLine(output, run));
    return blocks.join('\n');
  }
  const head = String(run['head'] ?? '');
  const tail = String(run['tail'] ?? '');
  if (head !== '') blocks.push(head.replace(/\r\n/g, '\n').replace(/\n$/, ''));
  if (run['truncated'] === true)
    blocks.push(
      `… (output cut: ${String(run['total_bytes'])} bytes in all; full log: ${String(run['log_path'])})`,
    );
  if (tail !== '') blocks.push(tail.replace(/\r\n/g, '\n').replace(/\n$/, ''));
  const setup = isRecord(run['setup']) ? run['setup'] : null;
  if (setup && setup['ok'] === false) blocks.push(String(setup['output']));
  blocks.push(endLine(output, run));
  return blocks.join('\n');
}

function endLine(output: Row, run: Row): string {
  const message = typeof output['message'] === 'string' ? output['message'] : '';
  const sandbox = isRecord(run['sandbox']) ? ` [${String(run['sandbox']['kind'])} sandbox]` : '';
  return `${message || `Run ${String(run['id'])}: ${String(run['status'])}`}${sandbox}`;
}

export function renderDoctor(output: Row): string {
  const sandbox = isRecord(output['sandbox']) ? output['sandbox'] : {};
  const list = (value: unknown) =>
    Array.isArray(value) ? value.map((line) => `  - ${String(line)}`) : [];
  const lines = [
    `Sandbox: ${String(sandbox['kind'])} (code runs as uid ${String(sandbox['uid'])})`,
    String(sandbox['summary']),
    'Guarantees:',
    ...list(sandbox['guarantees']),
    'Does not guarantee:',
    ...list(sandbox['gaps']),
  ];
  if (sandbox['how_to_strengthen'])
    lines.push(`Stronger sandbox: ${String(sandbox['how_to_strengthen'])}`);
  else lines.push('This is the strongest sandbox Orchestron offers.');
  lines.push('Runtimes:');
  for (const runtime of Array.isArray(output['runtimes'])
    ? output['runtimes'].filter(isRecord)
    : []) {
    const found =
      runtime['path'] === null
        ? `missing: ${String(runtime['install'])}`
        : `${String(runtime['version'] ?? 'version unknown')} (${String(runtime['path'])})`;
    const languages =
      Array.isArray(runtime['languages']) && runtime['languages'].length > 0
        ? ` for ${runtime['languages'].join(', ')}`
        : ' for packages';
    lines.push(`  ${String(runtime['name'])}${languages}: ${found}`);
  }
  return lines.join('\n');
}
