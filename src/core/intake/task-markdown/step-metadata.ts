// The `Key: value` lines under a step heading: `Depends on: a, b`, `Parallel: yes`,
// `Timeout: 90s`, `Verify: exit 0`. Keys are case-insensitive and may be bold (`**Depends on**:`).
import {
  isCheckProblem,
  parseCheck,
  type VerifyCheck,
} from '../../../shared/workflow/verify-checks.ts';
import { STEP_ID_PATTERN, WORKFLOW_LIMITS } from '../../../shared/workflow/workflow.schema.ts';

export type MetadataKey = 'depends_on' | 'parallel' | 'timeout' | 'verify';

/** One read line: its key and the value read, or what is wrong with it and where (0-based). */
export type MetadataLine =
  | { key: 'depends_on'; ids: { id: string; index: number }[] }
  | { key: 'parallel'; value: boolean }
  | { key: 'timeout'; seconds: number }
  | { key: 'verify'; check: VerifyCheck; index: number }
  | { key: MetadataKey; problem: string; index: number };

const KEYS: ReadonlyMap<string, MetadataKey> = new Map([
  ['depends on', 'depends_on'],
  ['depends', 'depends_on'],
  ['dependencies', 'depends_on'],
  ['parallel', 'parallel'],
  ['timeout', 'timeout'],
  ['verify', 'verify'],
]);

const LINE =
  /^(\s*(?:\*\*|__)?)(depends on|depends|dependencies|parallel|timeout|verify)((?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*)(.*?)\s*$/i;

const NONE = new Set(['none', 'nothing', '-', '—', 'n/a']);
const YES = new Set(['yes', 'y', 'true', 'on']);
const NO = new Set(['no', 'n', 'false', 'off']);
const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600 };

function dependsOn(value: string, at: number): MetadataLine {
  const ids: { id: string; index: number }[] = [];
  if (NONE.has(value.toLowerCase())) return { key: 'depends_on', ids };
  const pattern = /[^,]+/g;
  for (const match of value.matchAll(pattern)) {
    for (const part of match[0].split(/\s+and\s+/i)) {
      const word = part.trim();
      if (word === '') continue;
      const index = at + match.index + match[0].indexOf(word);
      const id = word
        .replace(/^(?:step|task)\s+/i, '')
        .replace(/^#/, '')
        .replace(/^`(.*)`$/, '$1');
      if (!STEP_ID_PATTERN.test(id) || id.length > WORKFLOW_LIMITS.stepId)
        return {
          key: 'depends_on',
          problem: `"${word}" is not a step id; list the ids of earlier steps separated by commas, e.g. Depends on: setup, build`,
          index,
        };
      if (!ids.some((known) => known.id === id)) ids.push({ id, index });
    }
  }
  return { key: 'depends_on', ids };
}

function parallel(value: string, at: number): MetadataLine {
  const word = value.toLowerCase();
  if (YES.has(word)) return { key: 'parallel', value: true };
  if (NO.has(word)) return { key: 'parallel', value: false };
  return { key: 'parallel', problem: `Parallel takes yes or no, not "${value}"`, index: at };
}

function timeout(value: string, at: number): MetadataLine {
  const match = /^(\d{1,7})\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?)?$/i.exec(value);
  const seconds = match
    ? Number(match[1]) * UNIT_SECONDS[(match[2] ?? 's')[0]!.toLowerCase()]!
    : Number.NaN;
  if (!(seconds >= 1 && seconds <= WORKFLOW_LIMITS.timeoutSeconds))
    return {
      key: 'timeout',
      problem: `Timeout takes a duration from 1s to 24h, such as 90s, 5m or 1h; "${value}" is not one`,
      index: at,
    };
  return { key: 'timeout', seconds };
}

/**
 * The metadata a line holds, or null when it is ordinary text. A `Verify:` line that does not
 * start with a check's name (exit, output, contains) is prose about verifying, so it is text.
 */
export function readMetadataLine(line: string): MetadataLine | null {
  const match = LINE.exec(line);
  if (!match) return null;
  const key = KEYS.get(match[2]!.toLowerCase().replace(/\s+/g, ' '))!;
  const at = match[1]!.length + match[2]!.length + match[3]!.length;
  const value = match[4]!;
  if (key === 'depends_on') return dependsOn(value, at);
  if (key === 'parallel') return parallel(value, at);
  if (key === 'timeout') return timeout(value, at);
  const check = parseCheck(value);
  if (!isCheckProblem(check)) return { key, check, index: at };
  if (check.unknownKey) return null;
  return { key, problem: check.message, index: at + check.index };
}
