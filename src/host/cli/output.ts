// Writes a command's result: exactly the operation's output as JSON with --json, the readable
// rendering otherwise; to standard output, or to the --out file.
import { writeFileSync } from 'node:fs';
import { AppError } from '../../shared/errors.ts';
import type { CliRender } from '../../shared/operations/operation.ts';
import type { GlobalOptions } from './global-options.ts';
import { renderOutput, type RenderContext } from './render/render-output.ts';

/** With --json, the output (an array of them when the command ran once per id); else text. */
export function formatResult(
  outputs: readonly unknown[],
  many: boolean,
  render: CliRender,
  options: GlobalOptions,
  context: RenderContext,
): string {
  const text = options.json
    ? JSON.stringify(many ? outputs : outputs[0])
    : outputs.map((output) => renderOutput(output, render, context)).join('\n');
  return text.endsWith('\n') ? text : `${text}\n`;
}

export function writeResult(
  outputs: readonly unknown[],
  many: boolean,
  render: CliRender,
  options: GlobalOptions,
  context: RenderContext,
): void {
  const text = formatResult(outputs, many, render, options, context);
  if (options.out === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(options.out, text);
  } catch (error) {
    throw new AppError(
      'VALIDATION',
      `Cannot write ${options.out}: ${(error as Error).message}. Pass --out with a writable file path.`,
      {
        path: options.out,
      },
    );
  }
  if (!options.json) process.stderr.write(`Wrote ${options.out}\n`);
}
