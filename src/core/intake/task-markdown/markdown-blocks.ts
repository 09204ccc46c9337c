// The Markdown as a list of top-level blocks (headings, paragraphs, lists, code), each with its
// lines and its source text exactly as written, parsed by mdast-util-from-markdown (CommonMark).
// Descriptions are kept as source, not re-printed from the tree, so they read back unchanged.
import type { Code, Heading, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';

export interface Block {
  node: RootContent;
  /** 1-based first and last line. */
  line: number;
  endLine: number;
  /** The block's source, from the start of its first line when only spaces precede it there. */
  raw: string;
}

export function readBlocks(text: string): Block[] {
  const tree = fromMarkdown(text);
  return tree.children.map((node) => {
    const start = node.position!.start;
    const end = node.position!.end;
    const lineStart = start.offset! - (start.column - 1);
    const from = /^[ \t]*$/.test(text.slice(lineStart, start.offset)) ? lineStart : start.offset!;
    return { node, line: start.line, endLine: end.line, raw: text.slice(from, end.offset) };
  });
}

/** A heading's text as written (inline Markdown kept), on one line; its column on the line. */
export function headingSource(heading: Heading, text: string): { source: string; column: number } {
  const first = heading.children[0];
  const last = heading.children.at(-1);
  if (first === undefined || last === undefined)
    return { source: '', column: heading.position!.start.column };
  const source = text
    .slice(first.position!.start.offset, last.position!.end.offset)
    .replace(/[ \t]*\n[ \t]*/g, ' ');
  return { source, column: first.position!.start.column };
}

/** Whether a code block was fenced (``` or ~~~) rather than indented by four spaces. */
export function isFenced(block: Block): boolean {
  return /^[ \t]*(`{3,}|~{3,})/.test(block.raw);
}

/** The fenced code blocks nested anywhere inside a block (in list items, quotes). */
export function nestedCode(node: RootContent): Code[] {
  const found: Code[] = [];
  const walk = (current: RootContent) => {
    if ('children' in current)
      for (const child of current.children as RootContent[]) {
        if (child.type === 'code') found.push(child);
        else walk(child);
      }
  };
  walk(node);
  return found;
}
