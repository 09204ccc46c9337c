// Reading a folder's git log: `git log` run directly (execFile, no shell, so nothing in the
// folder name or the options is interpreted), with a commit count limit, an output cap and a
// timeout. Fields are split on ASCII unit and record separators, which commit messages do not
// contain in practice.
import { execFile } from 'node:child_process';
import { AppError } from '../../shared/errors.ts';

export interface LoggedCommit {
  hash: string;
  author: string;
  message: string;
}

/** The most output read: about 6 KB per commit at the 10,000-commit limit. */
const MAX_OUTPUT = 64 * 1024 * 1024;
const TIMEOUT_MS = 30_000;
const FORMAT = '--format=%H%x1f%an <%ae>%x1f%B%x1e';

interface ExecFailure extends Error {
  code?: string | number | null;
  killed?: boolean;
  stderr?: string;
}

function gitError(error: ExecFailure, folder: string): AppError {
  const stderr = (error.stderr ?? '').trim();
  if (error.code === 'ENOENT')
    return new AppError(
      'NOT_FOUND',
      'git is not installed here (or not on PATH); install git to scan commits.',
    );
  if (error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
    return new AppError(
      'LIMIT',
      `The git log of ${folder} is over 64 MiB; scan fewer commits with a smaller limit or a since date.`,
    );
  if (error.killed)
    return new AppError(
      'TIMEOUT',
      `git log in ${folder} took over ${TIMEOUT_MS / 1000} s; scan fewer commits with a smaller limit or a since date.`,
    );
  if (/not a git repository/i.test(stderr))
    return new AppError(
      'VALIDATION',
      `The project folder ${folder} is not a git repository, so it has no commits to scan.`,
      { folder },
    );
  return new AppError(
    'VALIDATION',
    `git log failed in ${folder}: ${stderr.slice(0, 500) || error.message}`,
    { folder },
  );
}

function parse(stdout: string): LoggedCommit[] {
  const commits: LoggedCommit[] = [];
  for (const record of stdout.split('\x1e')) {
    const [hash, author, message] = record.replace(/^\n+/, '').split('\x1f');
    if (!hash || message === undefined || !/^[0-9a-f]{40,64}$/.test(hash)) continue;
    commits.push({ hash, author: author ?? '', message: message.trim() });
  }
  return commits;
}

/** The newest `limit` commits of the checked-out branch in `folder`, newest first; none in a repository without commits. */
export function readGitLog(
  folder: string,
  options: { limit: number; since?: string | undefined },
): Promise<LoggedCommit[]> {
  const args = [
    '-C',
    folder,
    '-c',
    'log.showSignature=false',
    'log',
    '--no-color',
    `--max-count=${options.limit}`,
    FORMAT,
  ];
  if (options.since !== undefined) args.push(`--since=${options.since}`);
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      {
        maxBuffer: MAX_OUTPUT,
        timeout: TIMEOUT_MS,
        windowsHide: true,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(parse(stdout));
        // a repository whose branch has no commit yet has nothing to scan
        if (/does not have any commits yet|bad default revision/i.test(stderr)) return resolve([]);
        reject(gitError(Object.assign(error, { stderr }), folder));
      },
    );
  });
}
