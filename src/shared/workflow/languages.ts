// The languages a workflow step's code blocks may be written in: the runners' five, the names
// people put after ``` for them, and the names of blocks that are shown as text, never run.

export const COMMAND_LANGUAGES = ['bash', 'python', 'javascript', 'typescript', 'sql'] as const;
export type CommandLanguage = (typeof COMMAND_LANGUAGES)[number];

/** What may follow ``` for each runnable language; the first is the one Markdown is written with. */
const ALIASES: Readonly<Record<CommandLanguage, readonly string[]>> = {
  bash: ['bash', 'sh', 'shell'],
  python: ['python', 'py', 'python3'],
  javascript: ['javascript', 'js', 'node'],
  typescript: ['typescript', 'ts'],
  sql: ['sql', 'sqlite'],
};

const BY_NAME: ReadonlyMap<string, CommandLanguage> = new Map(
  COMMAND_LANGUAGES.flatMap((language) => ALIASES[language].map((name) => [name, language])),
);

/**
 * Blocks that document rather than run: sample output, configuration, data. They stay in the
 * step's description. Any other language is refused, so that a typo (```pyhton) is not
 * silently kept as text.
 */
export const TEXT_LANGUAGES: ReadonlySet<string> = new Set([
  'text',
  'txt',
  'plain',
  'plaintext',
  'console',
  'output',
  'log',
  'json',
  'jsonc',
  'yaml',
  'yml',
  'toml',
  'ini',
  'xml',
  'html',
  'css',
  'csv',
  'diff',
  'markdown',
  'md',
  'mermaid',
]);

/** The language a ``` name runs as (case-insensitive), or undefined. */
export function commandLanguage(name: string): CommandLanguage | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** Every name a runnable block may carry, for messages: "bash (or sh, shell), python (or py…)". */
export function describeLanguages(): string {
  return COMMAND_LANGUAGES.map((language) => {
    const [, ...others] = ALIASES[language];
    return others.length > 0 ? `${language} (or ${others.join(', ')})` : language;
  }).join(', ');
}
