// Sorts a document's top-level blocks into its parts: the `# Title`, the objective (a
// `## Objective` section, an `Objective:` paragraph, or else the paragraph right under the
// title), the steps (each heading `Step <id>: <title>` with the blocks under it), and notes
// (everything else, such as an overview or a resources list, kept as written).
import type { Code, Heading } from 'mdast';
import { commandLanguage } from '../../../shared/workflow/languages.ts';
import { headingSource, type Block } from './markdown-blocks.ts';
import type { Problems } from './problems.ts';
import { matchStepHeading } from './step-heading.ts';
import type { StepSection } from './step-reader.ts';

export interface Outline {
  title: { text: string; line: number } | null;
  objective: string[];
  notes: string[];
  steps: StepSection[];
}

type Mode =
  | { kind: 'notes' }
  | { kind: 'objective'; depth: number }
  | { kind: 'notes-section'; depth: number }
  | { kind: 'step'; depth: number; section: StepSection };

const OBJECTIVE_HEADING = /^(?:\*\*|__)?(?:objective|goal)(?:\*\*|__)?:?$/i;
const NOTES_HEADING = /^(?:\*\*|__)?notes(?:\*\*|__)?:?$/i;
const OBJECTIVE_PARAGRAPH = /^(?:\*\*|__)?(?:objective|goal)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*/i;

class OutlineBuilder {
  readonly outline: Outline = { title: null, objective: [], notes: [], steps: [] };
  mode: Mode = { kind: 'notes' };
  /** An `Objective:` paragraph's text, used when there is no objective section. */
  markedObjective: string | undefined;
  /** The paragraph right under the title: the objective when nothing else says which it is. */
  firstParagraph: { index: number; raw: string } | undefined;
  afterTitle = false;

  readonly text: string;
  readonly problems: Problems;

  constructor(text: string, problems: Problems) {
    this.text = text;
    this.problems = problems;
  }

  heading(block: Block, node: Heading): void {
    const { source, column } = headingSource(node, this.text);
    const step = node.depth >= 2 ? matchStepHeading(source) : null;
    if (step !== null) {
      const section = { heading: block, ...step, idColumn: column + step.idIndex, blocks: [] };
      this.outline.steps.push(section);
      this.mode = { kind: 'step', depth: node.depth, section };
      return;
    }
    if (this.mode.kind !== 'notes' && node.depth > this.mode.depth) return this.inSection(block);
    if (node.depth === 1 && this.outline.title === null) {
      this.outline.title = { text: source, line: block.line };
      this.mode = { kind: 'notes' };
      this.afterTitle = true;
      return;
    }
    if (OBJECTIVE_HEADING.test(source)) this.mode = { kind: 'objective', depth: node.depth };
    else if (NOTES_HEADING.test(source)) this.mode = { kind: 'notes-section', depth: node.depth };
    else {
      this.mode = { kind: 'notes' };
      this.outline.notes.push(block.raw);
    }
  }

  /** A block inside the current section (step, objective or notes). */
  inSection(block: Block): void {
    if (this.mode.kind === 'step') this.mode.section.blocks.push(block);
    else if (this.mode.kind === 'objective') this.outline.objective.push(block.raw);
    else this.note(block);
  }

  /** A block outside any step: code there is never run, and a verify block checks nothing. */
  note(block: Block): void {
    const { node } = block;
    if (node.type === 'code') this.strayCode(block, node);
    if (node.type === 'paragraph' && this.mode.kind === 'notes') {
      const marker = OBJECTIVE_PARAGRAPH.exec(block.raw.trimStart());
      if (marker && this.markedObjective === undefined) {
        const rest = block.raw.trimStart().slice(marker[0].length).trim();
        if (rest !== '') {
          this.markedObjective = rest;
          return;
        }
      }
      if (this.afterTitle)
        this.firstParagraph = { index: this.outline.notes.length, raw: block.raw };
    }
    this.outline.notes.push(block.raw);
  }

  strayCode(block: Block, node: Code): void {
    const name = node.lang ?? '';
    const where = this.outline.steps.length === 0 ? 'before any step' : 'outside any step';
    if (name.toLowerCase() === 'verify')
      this.problems.error(
        block.line,
        `this verify block is ${where}, so it would check nothing; put it under the heading of the step it checks (## Step <id>: <title>)`,
      );
    else if (commandLanguage(name) !== undefined)
      this.problems.warn(
        block.line,
        `this ${name} block is ${where}, so it is kept in the notes and never run; put it under a step heading (## Step <id>: <title>) to run it`,
      );
  }

  add(block: Block): void {
    if (block.node.type === 'heading') this.heading(block, block.node);
    else if (this.mode.kind === 'notes') this.note(block);
    else this.inSection(block);
    if (block.node.type !== 'heading' || this.outline.title?.line !== block.line)
      this.afterTitle = false;
  }

  finish(): Outline {
    const { outline } = this;
    if (outline.objective.length > 0) return outline;
    if (this.markedObjective !== undefined) outline.objective.push(this.markedObjective);
    else if (this.firstParagraph !== undefined) {
      outline.notes.splice(this.firstParagraph.index, 1);
      outline.objective.push(this.firstParagraph.raw);
    }
    return outline;
  }
}

export function outlineDocument(
  blocks: readonly Block[],
  text: string,
  problems: Problems,
): Outline {
  const builder = new OutlineBuilder(text, problems);
  for (const block of blocks) builder.add(block);
  return builder.finish();
}
