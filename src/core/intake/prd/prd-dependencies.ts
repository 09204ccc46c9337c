// Dependencies between proposed tasks: the order of phases and of numbered steps, references the
// PRD states ("depends on", "after", "requires", "builds on", "blocked by"), and mentions of an
// earlier task's title. Added strongest first; one that would close a cycle is dropped, and a
// stated one dropped that way becomes a warning, so the result is always acyclic.
import type { PrdWarning } from '../../../shared/operations/prd.ops.ts';
import type { TextAt } from './prd-body.ts';
import type { Unit } from './prd-units.ts';

export type DependencyReason = 'stated' | 'phase_order' | 'step_order' | 'mention';

export interface Edge {
  from: number;
  on: number;
  reason: DependencyReason;
  evidence: string;
  line: number | null;
}

const REFERENCE =
  /\b(?:depends? on|after|requires?|builds? on|blocked by|once|following)\b([^.;\n]{1,160})|(?:依赖于?|基于|晚于)([^。；;\n]{1,60})|在([^。；;\n]{1,60}?)(?:之后|以后|完成后)|([^。；;\n]{1,60}?)(?:이후|에 의존|을 기반으로|를 기반으로|완료 후)/giu;
const ORDINAL =
  /\b(phase|stage|step|milestone|feature|sprint)\s*#?(\d+)\b|阶段\s*(\d+)|(\d+)\s*단계/giu;

const CJK = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WORD = /[\p{L}\p{N}]/u;

/** Title words long enough to mean one thing when found in another task's text. */
export function distinctive(title: string): boolean {
  const cjk = [...title].filter((character) => CJK.test(character)).length;
  if (cjk > 0) return cjk >= 4;
  return title.trim().split(/\s+/).length >= 2 && title.length >= 6;
}

export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s*_`"'“”‘’]+/g, ' ')
    .trim();
}

/** Whether `title` occurs in `text` as whole words (CJK text has no word boundaries). */
function mentions(text: string, title: string): boolean {
  const whole = CJK.test(title);
  for (let at = text.indexOf(title); at !== -1; at = text.indexOf(title, at + 1)) {
    if (whole) return true;
    const before = text[at - 1];
    const after = text[at + title.length];
    if (!(before && WORD.test(before)) && !(after && WORD.test(after))) return true;
  }
  return false;
}

class Graph {
  readonly edges: Edge[] = [];
  private readonly out: Set<number>[];

  constructor(size: number) {
    this.out = Array.from({ length: size }, () => new Set<number>());
  }

  has(from: number, on: number): boolean {
    return this.out[from]!.has(on);
  }

  /** Whether `on` already (transitively) depends on `from`: the edge would close a cycle. */
  closesCycle(from: number, on: number): boolean {
    if (from === on) return true;
    const seen = new Set<number>([on]);
    const stack = [on];
    while (stack.length > 0) {
      for (const next of this.out[stack.pop()!]!) {
        if (next === from) return true;
        if (seen.has(next)) continue;
        seen.add(next);
        stack.push(next);
      }
    }
    return false;
  }

  add(edge: Edge): void {
    this.out[edge.from]!.add(edge.on);
    this.edges.push(edge);
  }
}

function orderEdges(units: readonly Unit[], graph: Graph): void {
  const groups = new Map<number, number[]>();
  units.forEach((unit, index) => {
    if (unit.group !== null) groups.set(unit.group, [...(groups.get(unit.group) ?? []), index]);
  });
  let previous: number[] = [];
  for (const members of [...groups.keys()].sort((a, b) => a - b).map((key) => groups.get(key)!)) {
    if (units[members[0]!]!.source === 'step') {
      for (let at = 1; at < members.length; at++) {
        const [from, on] = [members[at]!, members[at - 1]!];
        graph.add({
          from,
          on,
          reason: 'step_order',
          evidence: `step ${at + 1} follows step ${at}`,
          line: units[from]!.line,
        });
      }
      continue;
    }
    for (const from of members)
      for (const on of previous)
        graph.add({
          from,
          on,
          reason: 'phase_order',
          evidence: `"${units[from]!.phase ?? units[from]!.title}" follows "${units[on]!.phase ?? units[on]!.title}"`,
          line: units[from]!.line,
        });
    previous = members;
  }
}

/** The task an ordinal names: the Nth step or feature, or the phase titled "Stage N". */
function byOrdinal(kind: string, number: number, units: readonly Unit[]): number {
  if (kind === 'step' || kind === 'feature') {
    const source = kind === 'step' ? 'step' : 'feature';
    let seen = 0;
    const hit = units.findIndex((unit) => unit.source === source && ++seen === number);
    if (hit !== -1) return hit;
  }
  const named = new RegExp(`^${kind}\\s*#?${number}(?!\\d)`, 'i');
  return units.findIndex((unit) => named.test(unit.phase ?? unit.title));
}

/**
 * The tasks a reference's words name: by ordinal ("Stage 3", "step 2") or by title; in running
 * text a short title counts only right after the keyword ("requires Payments"), not anywhere in
 * the sentence.
 */
function resolve(
  words: string,
  units: readonly Unit[],
  titles: readonly Title[],
  self: number,
  labelled: boolean,
): number[] {
  const found = new Set<number>();
  for (const match of words.matchAll(ORDINAL)) {
    const kind = (match[1] ?? (match[3] ? 'phase' : 'phase')).toLowerCase();
    const hit = byOrdinal(kind, Number(match[2] ?? match[3] ?? match[4]), units);
    if (hit !== -1) found.add(hit);
  }
  const text = normalize(words);
  // right after "depends on" any title names a task; further on, only a distinctive one
  const near = labelled ? text : text.slice(0, 40);
  titles.forEach(({ text: title, distinct }, index) => {
    if (title.length < 3) return;
    if (mentions(near, title) || (distinct && mentions(text, title))) found.add(index);
  });
  found.delete(self);
  return [...found];
}

function statedTexts(unit: Unit): TextAt[] {
  const { body } = unit;
  return [
    ...body.paragraphs,
    ...body.entries,
    ...body.tasks,
    ...(body.description ? [body.description] : []),
  ];
}

/** A task's title as references are matched against it, worked out once per parse. */
interface Title {
  text: string;
  distinct: boolean;
}

function statedEdges(
  units: readonly Unit[],
  titles: readonly Title[],
  graph: Graph,
  warnings: PrdWarning[],
): void {
  units.forEach((unit, from) => {
    const found: [number, TextAt][] = [];
    for (const text of unit.body.depends)
      for (const on of resolve(text.text, units, titles, from, true)) found.push([on, text]);
    for (const text of statedTexts(unit))
      for (const match of text.text.matchAll(REFERENCE))
        for (const on of resolve(
          match[1] ?? match[2] ?? match[3] ?? match[4] ?? '',
          units,
          titles,
          from,
          false,
        ))
          found.push([on, text]);
    for (const [on, text] of found) {
      if (graph.has(from, on)) continue;
      if (graph.closesCycle(from, on)) {
        warnings.push({
          line: text.line,
          message: `"${unit.title}" is said to depend on "${units[on]!.title}", which already depends on it; that dependency was left out to keep the plan free of cycles.`,
        });
        continue;
      }
      graph.add({ from, on, reason: 'stated', evidence: text.text.slice(0, 200), line: text.line });
    }
  });
}

/** A task whose text names an earlier task's distinctive title builds on it. */
function mentionEdges(units: readonly Unit[], titles: readonly Title[], graph: Graph): void {
  units.forEach((unit, from) => {
    const text = normalize(`${unit.title} ${unit.description}`);
    for (let on = 0; on < from; on++) {
      const { text: title, distinct } = titles[on]!;
      if (!distinct || units[on]!.source === 'future') continue;
      if (!mentions(text, title) || graph.has(from, on) || graph.closesCycle(from, on)) continue;
      graph.add({
        from,
        on,
        reason: 'mention',
        evidence: `mentions "${units[on]!.title}"`,
        line: unit.line,
      });
    }
  });
}

export function findDependencies(units: readonly Unit[], warnings: PrdWarning[]): Edge[] {
  const graph = new Graph(units.length);
  const titles = units.map((unit) => ({
    text: normalize(unit.title),
    distinct: distinctive(unit.title),
  }));
  orderEdges(units, graph);
  statedEdges(units, titles, graph, warnings);
  mentionEdges(units, titles, graph);
  return graph.edges;
}
