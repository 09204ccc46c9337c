// The PRD as a tree of sections (one per heading, with the blocks under it), parsed by
// mdast-util-from-markdown with GFM (tables, task-list items). Plain-text PRDs get headings from
// lines that read like them. Every walk here uses its own stack, never recursion.
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

export interface Section {
  title: string;
  depth: number;
  /** 1-based lines of the heading and of the section's last line. */
  line: number;
  endLine: number;
  blocks: RootContent[];
  children: Section[];
  parent: Section | null;
}

export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** A node's text without markup, its blocks separated by spaces. */
export function plainText(node: Nodes): string {
  const parts: string[] = [];
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if ('value' in current && typeof current.value === 'string' && current.type !== 'html')
      parts.push(current.value);
    else if (current.type === 'html') parts.push(current.value);
    else if (current.type === 'break') parts.push(' ');
    if ('children' in current) {
      const children = current.children as Nodes[];
      for (let index = children.length - 1; index >= 0; index--) {
        stack.push(children[index]!);
        // blocks read as separate words
        if (index > 0 && isBlock(children[index]!)) stack.push({ type: 'text', value: ' ' });
      }
    }
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function isBlock(node: Nodes): boolean {
  return ['paragraph', 'list', 'listItem', 'heading', 'code', 'table', 'blockquote'].includes(
    node.type,
  );
}

export function startLine(node: Nodes): number {
  return node.position?.start.line ?? 1;
}
export function endLine(node: Nodes): number {
  return node.position?.end.line ?? startLine(node);
}

/** In a plain-text PRD, a one-line paragraph in capitals or ending with ":" is a heading. */
function looksLikeHeading(node: RootContent): boolean {
  if (node.type !== 'paragraph' || startLine(node) !== endLine(node)) return false;
  const text = plainText(node);
  if (text.length < 3 || text.length > 80) return false;
  return /[:：]$/.test(text) || (/[A-Z]/.test(text) && text === text.toUpperCase());
}

function headingOf(node: RootContent, plain: boolean): { depth: number; title: string } | null {
  if (node.type === 'heading') return { depth: (node as Heading).depth, title: plainText(node) };
  if (plain && looksLikeHeading(node))
    return { depth: 2, title: plainText(node).replace(/[:：]$/, '') };
  return null;
}

/** The section tree under a root section titled by the document's one H1, when it has one. */
export function outline(tree: Root, format: 'markdown' | 'taskmaster' | 'plain'): Section {
  const lastLine = endLine(tree);
  const topHeadings = tree.children.filter(
    (node) => node.type === 'heading' && node.depth === 1,
  ).length;
  const root: Section = {
    title: '',
    depth: 0,
    line: 1,
    endLine: lastLine,
    blocks: [],
    children: [],
    parent: null,
  };
  const stack: Section[] = [root];
  for (const node of tree.children) {
    const heading = headingOf(node, format === 'plain');
    if (heading === null) {
      stack.at(-1)!.blocks.push(node);
      continue;
    }
    // the document's only H1 is its title, not a section
    if (heading.depth === 1 && topHeadings === 1 && root.title === '') {
      root.title = heading.title;
      continue;
    }
    while (stack.length > 1 && stack.at(-1)!.depth >= heading.depth) close(stack, startLine(node));
    const parent = stack.at(-1)!;
    const section: Section = {
      ...heading,
      line: startLine(node),
      endLine: lastLine,
      blocks: [],
      children: [],
      parent,
    };
    parent.children.push(section);
    stack.push(section);
  }
  while (stack.length > 1) close(stack, lastLine + 1);
  return root;
}

function close(stack: Section[], nextLine: number): void {
  const section = stack.pop()!;
  const lastBlock = section.blocks.at(-1);
  const lastChild = section.children.at(-1);
  section.endLine = Math.max(
    section.line,
    lastChild?.endLine ?? 0,
    lastBlock ? endLine(lastBlock) : 0,
    Math.min(nextLine - 1, section.line),
  );
}
