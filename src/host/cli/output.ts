// Writes a command's result: exactly the operation's output as JSON with --json, the readable
// rendering otherwise; to standard output, or to the --out file.
import { writeFileSync } from 'node:fs';
import { AppError } from '../../shared/errors.ts';
import type { GlobalOptions } from './global-options.ts';
import { renderOutput, type RenderContext } from './render/render-output.ts';

export function formatResult(
  output: unknown,
  options: GlobalOptions,
  context: RenderContext,
): string {
  const text = options.json ? JSON.stringify(output) : renderOutput(output, context);
  return text.endsWith('\n') ? text : `${text}\n`;
}

export function writeResult(output: unknown, options: GlobalOptions, context: RenderContext): void {
  const text = formatResult(output, options, context);
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
