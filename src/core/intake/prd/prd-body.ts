// The body of one PRD unit (a feature section, a phase, a list item) read into its labelled
// parts, "Priority:", "Description:", "Acceptance Criteria:", "Depends on:", "Tasks:", "Goal:",
// each as a list item, a paragraph, or a paragraph followed by a list, and its plain list items.
import type { List, ListItem, Nodes, RootContent } from 'mdast';
import { endLine, plainText, startLine } from './prd-outline.ts';

export interface TextAt {
  text: string;
  line: number;
  endLine: number;
}

export interface Entry extends TextAt {
  /** The bold lead of "**Title**: rest", when the item opens with one. */
  lead: string | null;
  /** GFM task-list state: true for "- [x]". */
  checked: boolean | null;
  /** Nested blocks under the item's first paragraph. */
  nested: RootContent[];
  /** The item's whole text, nested items included, on one line. */
  whole: string;
}

export interface Body {
  priority: TextAt | null;
  description: TextAt | null;
  goal: TextAt | null;
  criteria: TextAt[];
  depends: TextAt[];
  tasks: TextAt[];
  entries: Entry[];
  paragraphs: TextAt[];
}

type Label = 'priority' | 'description' | 'goal' | 'criteria' | 'depends' | 'tasks';

const LABELS: readonly [Label, RegExp][] = [
  ['priority', /^(priority|优先级|優先順位|우선순위|중요도)$/i],
  ['description', /^(description|what it does|summary|描述|说明|설명)$/i],
  ['goal', /^(goals?|objectives?|purpose|目标|목표)$/i],
  [
    'criteria',
    /^(acceptance criteria|acceptance|验收标准|验收条件|인수 조건|수용 기준|완료 조건)$/i,
  ],
  [
    'depends',
    /^(depends on|dependencies|dependency|requires|prerequisites?|blocked by|after|builds on|依赖|前置条件|선행 작업|의존성)$/i,
  ],
  ['tasks', /^(tasks|deliverables|work items|todo|任务|工作项|작업|할 일)$/i],
];

const LABEL_LINE = /^\s*([^:：]{2,40}?)\s*[:：]\s*(.*)$/s;

/** "Priority: High" → ['priority', 'High']; null for text that is not a known label. */
export function readLabel(text: string): [Label, string] | null {
  const match = LABEL_LINE.exec(text);
  if (!match) return null;
  for (const [label, pattern] of LABELS)
    if (pattern.test(match[1]!.replace(/[*_]/g, '').trim())) return [label, match[2]!.trim()];
  return null;
}

function at(node: Nodes, text = plainText(node)): TextAt {
  return { text, line: startLine(node), endLine: endLine(node) };
}

function boldLead(item: ListItem): string | null {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return null;
  const lead = first.children[0];
  if (lead?.type !== 'strong') return null;
  const text = plainText(lead)
    .replace(/[:：]$/, '')
    .trim();
  return text === '' ? null : text;
}

function entryOf(item: ListItem): Entry {
  const first = item.children[0];
  const text = first ? plainText(first) : '';
  return {
    text,
    line: startLine(item),
    endLine: endLine(item),
    lead: boldLead(item),
    checked: item.checked ?? null,
    nested: first?.type === 'paragraph' ? item.children.slice(1) : item.children,
    whole: plainText(item),
  };
}

/** Items of the first list among `blocks` (a labelled item's children, or the next block). */
function listItems(blocks: readonly RootContent[]): TextAt[] {
  const list = blocks.find((block): block is List => block.type === 'list');
  return list ? list.children.map((item) => at(item, entryOf(item).text || plainText(item))) : [];
}

function emptyBody(): Body {
  return {
    priority: null,
    description: null,
    goal: null,
    criteria: [],
    depends: [],
    tasks: [],
    entries: [],
    paragraphs: [],
  };
}

function putLabel(body: Body, label: Label, value: TextAt, items: TextAt[]): void {
  if (label === 'priority' || label === 'description' || label === 'goal') {
    const text = value.text || items.map((item) => item.text).join('; ');
    if (text !== '' && body[label] === null) body[label] = { ...value, text };
    return;
  }
  const list = body[label];
  if (value.text !== '') list.push(value);
  list.push(...items);
}

/** Reads blocks in order; a label with nothing after its colon takes the list that follows it. */
export function readBody(blocks: readonly RootContent[]): Body {
  const body = emptyBody();
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    if (block.type === 'list') {
      for (const item of block.children) readItem(body, item);
      continue;
    }
    const text = plainText(block);
    if (text === '') continue;
    const label = block.type === 'paragraph' ? readLabel(text) : null;
    if (label === null) {
      body.paragraphs.push(at(block, text));
      continue;
    }
    const next = blocks[index + 1];
    const takesList = label[1] === '' && next?.type === 'list';
    putLabel(body, label[0], at(block, label[1]), takesList ? listItems([next]) : []);
    if (takesList) index++;
  }
  return body;
}

function readItem(body: Body, item: ListItem): void {
  const entry = entryOf(item);
  const label = readLabel(entry.text);
  if (label === null) {
    body.entries.push(entry);
    return;
  }
  putLabel(body, label[0], { ...entry, text: label[1] }, listItems(entry.nested));
}
