// One step's section read into a step: `Key: value` lines set its links and limits, fenced
// blocks in a runnable language become its commands, a ```verify block its checks, and
// everything else, as written, its description.
import type { Code } from 'mdast';
import {
  commandLanguage,
  describeLanguages,
  TEXT_LANGUAGES,
} from '../../../shared/workflow/languages.ts';
import {
  isCheckProblem,
  parseCheck,
  type VerifyCheck,
  type VerifyKey,
} from '../../../shared/workflow/verify-checks.ts';
import {
  normalizeBlockText,
  type StepCommand,
  type VerifySpec,
  type WorkflowStep,
} from '../../../shared/workflow/workflow.schema.ts';
import { isFenced, nestedCode, type Block } from './markdown-blocks.ts';
import type { Problems } from './problems.ts';
import { readMetadataLine, type MetadataLine } from './step-metadata.ts';

export interface StepSection {
  heading: Block;
  id: string;
  title: string;
  idColumn: number;
  blocks: Block[];
}

export interface Position {
  line: number;
  column: number;
}

export interface ReadStep {
  step: WorkflowStep;
  heading: Position;
  /** Where each of step.depends_on was written. */
  dependencies: Position[];
}

const CHECK_NAMES: Readonly<Record<VerifyKey, string>> = {
  exit_code: 'the exit code',
  output_pattern: 'an output pattern',
  output_contains: 'the output text',
};

class StepBuilder {
  readonly description: string[] = [];
  readonly commands: StepCommand[] = [];
  readonly dependencies = new Map<string, Position>();
  readonly checks = new Map<VerifyKey, { check: VerifyCheck; line: number }>();
  parallel: { value: boolean; line: number } | undefined;
  timeout: { seconds: number; line: number } | undefined;

  readonly section: StepSection;
  readonly problems: Problems;

  constructor(section: StepSection, problems: Problems) {
    this.section = section;
    this.problems = problems;
  }

  addCheck(check: VerifyCheck, line: number, column: number): void {
    const earlier = this.checks.get(check.key);
    if (earlier === undefined) this.checks.set(check.key, { check, line });
    else
      this.problems.error(
        line,
        `${CHECK_NAMES[check.key]} is already checked at line ${earlier.line}; keep one of the two`,
        column,
      );
  }

  /** Applies one metadata line; says at which line a repeated setting was given first. */
  apply(meta: MetadataLine, line: number): void {
    if ('problem' in meta) return this.problems.error(line, meta.problem, meta.index + 1);
    if (meta.key === 'depends_on') {
      for (const { id, index } of meta.ids)
        if (!this.dependencies.has(id)) this.dependencies.set(id, { line, column: index + 1 });
    } else if (meta.key === 'parallel') {
      if (this.parallel !== undefined && this.parallel.value !== meta.value)
        return this.problems.error(
          line,
          `Parallel is already set at line ${this.parallel.line}; keep one`,
        );
      this.parallel = { value: meta.value, line };
    } else if (meta.key === 'timeout') {
      if (this.timeout !== undefined && this.timeout.seconds !== meta.seconds)
        return this.problems.error(
          line,
          `Timeout is already set at line ${this.timeout.line}; keep one`,
        );
      this.timeout = { seconds: meta.seconds, line };
    } else this.addCheck(meta.check, line, meta.index + 1);
  }

  verify(): VerifySpec | null {
    if (this.checks.size === 0) return null;
    const verify: VerifySpec = {};
    for (const { check } of this.checks.values()) {
      if (check.key === 'output_pattern') {
        verify.output_pattern = check.value;
        if (check.flags !== '') verify.output_flags = check.flags;
      } else if (check.key === 'exit_code') verify.exit_code = check.value;
      else verify.output_contains = check.value;
    }
    return verify;
  }
}

/** Leading `Key: value` lines are settings; the rest of the paragraph is description. */
function readParagraph(builder: StepBuilder, block: Block): void {
  const lines = block.raw.split('\n');
  let index = 0;
  for (; index < lines.length; index++) {
    const meta = readMetadataLine(lines[index]!);
    if (meta === null) break;
    builder.apply(meta, block.line + index);
  }
  if (index === lines.length) return;
  builder.description.push(lines.slice(index).join('\n'));
  for (let later = index + 1; later < lines.length; later++)
    if (readMetadataLine(lines[later]!) !== null)
      builder.problems.warn(
        block.line + later,
        'this line is read as text because it follows text in the same paragraph; put a blank line before it to make it a setting of the step',
      );
}

function readVerifyBlock(builder: StepBuilder, block: Block, code: Code): void {
  const indent = /^[ \t]*/.exec(block.raw)![0].length;
  const lines = code.value.split('\n');
  let found = 0;
  lines.forEach((text, offset) => {
    if (text.trim() === '' || text.trimStart().startsWith('#')) return;
    found++;
    const line = block.line + 1 + offset;
    const check = parseCheck(text);
    if (isCheckProblem(check))
      builder.problems.error(line, check.message, indent + check.index + 1);
    else builder.addCheck(check, line, indent + 1);
  });
  if (found === 0)
    builder.problems.error(
      block.line,
      'the verify block is empty; write exit: 0, output: /regex/ or contains: text in it',
    );
}

function readCode(builder: StepBuilder, block: Block, code: Code): void {
  const name = code.lang ?? '';
  const language = commandLanguage(name);
  if (name.toLowerCase() === 'verify') return readVerifyBlock(builder, block, code);
  if (language !== undefined) {
    if (code.value.trim() === '')
      builder.problems.error(
        block.line,
        `the ${name} block is empty; write the commands to run in it, or remove it`,
      );
    else builder.commands.push({ language, code: code.value });
    return;
  }
  builder.description.push(block.raw);
  if (name === '') {
    if (isFenced(block))
      builder.problems.warn(
        block.line,
        'this code block has no language, so it is kept as description text and not run; write ```bash (or another language) after the fence to run it, or ```text to keep it as text',
      );
  } else if (!TEXT_LANGUAGES.has(name.toLowerCase()))
    builder.problems.error(
      block.line,
      `unknown code language "${name}": steps run ${describeLanguages()}; write one of these, or \`text\` for a block that is only shown`,
      block.raw.indexOf(name) + 1,
    );
}

/** A runnable or verify block inside a list or quote is not run: say so rather than drop it. */
function warnNestedCode(builder: StepBuilder, block: Block): void {
  for (const code of nestedCode(block.node)) {
    const name = (code.lang ?? '').toLowerCase();
    if (commandLanguage(name) === undefined && name !== 'verify') continue;
    builder.problems.warn(
      code.position!.start.line,
      `this ${name} block is inside a list or quote, so it is kept as text and not ${name === 'verify' ? 'checked' : 'run'}; move it out, starting at the beginning of a line, to make it part of the step`,
    );
  }
}

export function readStep(section: StepSection, problems: Problems): ReadStep {
  const builder = new StepBuilder(section, problems);
  for (const block of section.blocks) {
    if (block.node.type === 'paragraph') readParagraph(builder, block);
    else if (block.node.type === 'code') readCode(builder, block, block.node);
    else {
      builder.description.push(block.raw);
      warnNestedCode(builder, block);
    }
  }
  const heading = { line: section.heading.line, column: section.idColumn };
  const verify = builder.verify();
  if (builder.commands.length > 0 && verify === null)
    problems.warn(
      heading.line,
      `step "${section.id}" has commands but no verify block, so only their exit codes will be checked; add a \`\`\`verify block (exit: 0, output: /regex/) to say what must hold`,
    );
  const step: WorkflowStep = {
    id: section.id,
    title: section.title,
    description: normalizeBlockText(builder.description.join('\n\n')),
    depends_on: [...builder.dependencies.keys()],
    parallel: builder.parallel?.value ?? false,
    commands: builder.commands,
    verify,
  };
  if (builder.timeout !== undefined) step.timeout_seconds = builder.timeout.seconds;
  return { step, heading, dependencies: [...builder.dependencies.values()] };
}
