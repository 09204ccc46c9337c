// Turns one operation contract into a command: positional arguments and options from its input
// schema, help from its description, and an action that builds the input, calls the operation
// and prints the result. The same code serves every operation.
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { CliSpec, OperationContract } from '../../shared/operations/operation.ts';
import type { OperationName } from '../../shared/operations/registry.ts';
import { checkValue, coerceField } from './coerce.ts';
import { fieldOptions, kebab } from './field-options.ts';
import { addGlobalOptions, resolveGlobalOptions } from './global-options.ts';
import { readFileField, readInputOption, readTextFile } from './input-sources.ts';
import { valueAt } from './render/value-at.ts';
import { describeFields, type FieldInfo } from './zod-fields.ts';

/** What actions share with the entry point: the command line, and whether --json was on. */
export interface CliState {
  args: readonly string[];
  json: boolean;
  /** Set by a command whose contract names an exit-code field (exec: the run's exit code). */
  exitCode?: number;
}

/**
 * The exit code the contract names: the whole number at a path (1 when it is missing: a run that
 * was killed), or 0 when a field holds one of the values that mean success, else 1.
 */
function exitCodeOf(output: unknown, spec: NonNullable<CliSpec['exitCode']>): number {
  if (typeof spec !== 'string')
    return spec.ok.includes(String(valueAt(output, spec.field))) ? 0 : 1;
  const value = valueAt(output, spec);
  return typeof value === 'number' && Number.isInteger(value) ? value & 0xff : 1;
}

/** Whether a positional argument names a Markdown document rather than a value. */
function namesDocument(raw: string): boolean {
  return /\.(md|markdown)$/i.test(raw);
}

interface Binding {
  positional: FieldInfo[];
  /** The field that names a folder, read relative to the working directory. */
  folder: string | undefined;
  /** A positional folder the CLI fills in with the working directory when it is left out. */
  defaulted: string | undefined;
  readFile: ReadonlySet<string>;
  readText: ReadonlySet<string>;
  /** Commander attribute name -> field. */
  options: Map<string, FieldInfo>;
  defaults: Readonly<Record<string, unknown>>;
  document: CliSpec['document'];
}

function bindFields(command: Command, contract: OperationContract): Binding {
  const defaults = contract.cli.defaults ?? {};
  const textOptions = new Set(contract.cli.readText ?? []);
  for (const name of contract.cli.positional ?? []) textOptions.delete(name);
  const fields = describeFields(contract.input).map((field) => ({
    ...field,
    ...(field.name in defaults ? { defaultValue: defaults[field.name] } : {}),
    ...(textOptions.has(field.name)
      ? { description: `${field.description} (- reads standard input, @file a file)` }
      : {}),
  }));
  const { document } = contract.cli;
  const names = new Set(fields.map((field) => field.name));
  const positionalNames = contract.cli.positional ?? [];
  const readFile = new Set(contract.cli.readFile ?? []);
  const readText = new Set(contract.cli.readText ?? []);
  const positional = positionalNames.map((name) => fields.find((field) => field.name === name)!);
  for (const field of positional) {
    const what = readFile.has(field.name)
      ? `${field.name}: a JSON file, or - for standard input`
      : readText.has(field.name)
        ? `${field.name}: a text file, or - for standard input`
        : document?.positional === field.name
          ? `${field.description || field.name}, or a task-Markdown file (.md) to import and run`
          : field.description || field.name;
    command.argument(`[${field.name}]`, what);
  }
  const options = new Map<string, FieldInfo>();
  for (const field of fields) {
    if (positionalNames.includes(field.name)) continue;
    for (const option of fieldOptions(field, names)) {
      command.addOption(option);
      options.set(option.attributeName(), field);
    }
  }
  const folder = contract.cli.folder;
  const defaulted = folder !== undefined && positionalNames.includes(folder) ? folder : undefined;
  const usageArgs = positional.map((field) =>
    field.required && field.name !== defaulted ? `<${field.name}>` : `[${field.name}]`,
  );
  command.usage([...usageArgs, '[options]'].join(' '));
  return { positional, folder, defaulted, readFile, readText, options, defaults, document };
}

/** A positional value as typed: for the `each` field, split at commas (1,2,3). */
function eachValues(raw: string): string[] {
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** The inputs of a command: one, or one per id when the `each` field lists several. */
function buildInputs(
  command: Command,
  binding: Binding,
  contract: OperationContract,
  values: readonly unknown[],
): Record<string, unknown>[] {
  const { each } = contract.cli;
  const index = each === undefined ? -1 : binding.positional.findIndex((f) => f.name === each);
  const raw = values[index];
  const ids = index >= 0 && typeof raw === 'string' ? eachValues(raw) : [];
  const variants =
    ids.length > 1
      ? ids.map((id) => values.map((value, at) => (at === index ? id : value)))
      : [values];
  return variants.map((variant) => buildInput(command, binding, variant));
}

/** A folder as typed, made absolute against the working directory ("null" stays null). */
function absoluteFolder(binding: Binding, field: FieldInfo, raw: string): string {
  return field.name === binding.folder && raw.trim() !== 'null' && raw.trim() !== ''
    ? resolve(process.cwd(), raw)
    : raw;
}

function buildInput(
  command: Command,
  binding: Binding,
  values: readonly unknown[],
): Record<string, unknown> {
  const opts = command.opts<Record<string, unknown>>();
  const input: Record<string, unknown> = {
    ...binding.defaults,
    ...(typeof opts['input'] === 'string' ? readInputOption(opts['input']) : {}),
  };
  binding.positional.forEach((field, index) => {
    const raw = values[index];
    if (typeof raw !== 'string') {
      if (field.required && input[field.name] === undefined && field.name !== binding.defaulted) {
        command.error(`error: missing required argument '${field.name}'`, {
          exitCode: 2,
          code: 'commander.missingArgument',
        });
      }
      return;
    }
    if (binding.readFile.has(field.name)) {
      input[field.name] = readFileField(raw, field.name);
      return;
    }
    if (binding.readText.has(field.name)) {
      input[field.name] = readTextFile(raw, field.name);
      return;
    }
    if (binding.document?.positional === field.name && namesDocument(raw)) {
      input[binding.document.into] = readTextFile(raw, binding.document.into);
      return;
    }
    input[field.name] = coerceField(field, absoluteFolder(binding, field, raw));
    checkValue(field, input[field.name], field.name);
  });
  if (binding.defaulted !== undefined && input[binding.defaulted] === undefined)
    input[binding.defaulted] = process.cwd();
  for (const [attribute, field] of binding.options) {
    const raw = opts[attribute];
    if (typeof raw !== 'string' && typeof raw !== 'boolean' && !Array.isArray(raw)) continue;
    // a text option named in readText: - reads standard input, @path a file (exec --stdin -)
    if (binding.readText.has(field.name) && typeof raw === 'string' && /^(-|@.+)$/.test(raw)) {
      input[field.name] = readTextFile(raw === '-' ? raw : raw.slice(1), `--${kebab(field.name)}`);
      continue;
    }
    const text = typeof raw === 'string' ? absoluteFolder(binding, field, raw) : raw;
    input[field.name] = coerceField(field, text as string | boolean | string[]);
    checkValue(field, input[field.name], `--${kebab(field.name)}`);
  }
  return input;
}

/** The operation that takes the call: the command's own, or the one its input is for. */
function diverted(contract: OperationContract, inputs: Record<string, unknown>[]) {
  const divert = contract.cli.divert;
  if (divert === undefined || inputs.length !== 1 || !divert.when(inputs[0]!))
    return { target: contract, inputs };
  return { target: divert.operation(), inputs: [divert.convert(inputs[0]!)] };
}

/** Makes `command` run `contract`: adds its arguments, options, help and action. */
export function attachOperation(
  command: Command,
  contract: OperationContract,
  state: CliState,
): void {
  const binding = bindFields(command, contract);
  command.addOption(
    new Option(
      '--input <json>',
      'all input fields as a JSON object, @file, or - for stdin; flags override it',
    ),
  );
  addGlobalOptions(command, true)
    .addHelpText(
      'after',
      `\nOperation: ${contract.name}${contract.annotations.readOnly ? ' (read-only)' : ''}. Add --json for the output as JSON.`,
    )
    .action(async (...args: unknown[]) => {
      const self = args.at(-1) as Command;
      const globals = resolveGlobalOptions(self);
      state.json = globals.json;
      const values = args.slice(0, binding.positional.length);
      const built = buildInputs(self, binding, contract, values);
      const { target, inputs } = diverted(contract, built);
      const [{ callOperation }, { writeResult }] = await Promise.all([
        import('./call-operation.ts'),
        import('./output.ts'),
      ]);
      const streamed = target.cli.streams === true && !globals.json && globals.out === undefined;
      const outputs = await callOperation(target.name as OperationName, inputs, globals, {
        streamed,
      });
      writeResult(outputs, inputs.length > 1, target.cli.render, globals, {
        args: state.args,
        streamed,
      });
      if (target.cli.exitCode) state.exitCode = exitCodeOf(outputs[0], target.cli.exitCode);
    });
}
