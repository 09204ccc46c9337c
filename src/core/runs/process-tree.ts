// Finds every process a run started, from /proc: the descendants of its first process and
// whatever still sits in its session or process group after a parent exited (a background job
// reparented to init). Killing only the group would miss children that moved to a new group.
import { readdirSync, readFileSync } from 'node:fs';

interface ProcessEntry {
  pid: number;
  ppid: number;
  pgid: number;
  sid: number;
}

function readEntry(pid: number): ProcessEntry | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may hold spaces and parentheses: parse after the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z') return null; // a zombie holds no resources and ignores signals
    return { pid, ppid: Number(fields[1]), pgid: Number(fields[2]), sid: Number(fields[3]) };
  } catch {
    return null; // it exited while we looked
  }
}

function listProcesses(): ProcessEntry[] {
  const entries: ProcessEntry[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const entry = readEntry(Number(name));
    if (entry) entries.push(entry);
  }
  return entries;
}

/** Live processes of the run whose first process (session and group leader) is `leader`. */
export function runProcesses(leader: number): number[] {
  const all = listProcesses();
  const found = new Set<number>();
  for (const entry of all)
    if (entry.pid === leader || entry.sid === leader || entry.pgid === leader) found.add(entry.pid);
  // descendants by parent link, repeated until nothing new: children may have left the session
  let grew = true;
  while (grew) {
    grew = false;
    for (const entry of all)
      if (!found.has(entry.pid) && found.has(entry.ppid)) {
        found.add(entry.pid);
        grew = true;
      }
  }
  return [...found];
}

/** Sends `signal` to each pid, ignoring those that are already gone. */
export function signalEach(pids: readonly number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // already exited, or not ours any more
    }
  }
}

/** How many processes and threads `uid` runs now, which RLIMIT_NPROC counts against. */
export function countTasksOf(uid: number): number {
  let count = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const realUid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
      if (realUid === uid) count += Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? 1);
    } catch {
      // exited while we looked
    }
  }
  return count;
}
