// Media types of artifacts: guessed from the name when the caller gives none, and which of them
// read back as text by default.

const BY_EXTENSION: Readonly<Record<string, string>> = {
  md: 'text/markdown',
  markdown: 'text/markdown',
  txt: 'text/plain',
  log: 'text/plain',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  html: 'text/html',
  htm: 'text/html',
  css: 'text/css',
  xml: 'application/xml',
  json: 'application/json',
  jsonl: 'application/jsonl',
  ndjson: 'application/x-ndjson',
  yaml: 'application/yaml',
  yml: 'application/yaml',
  toml: 'application/toml',
  diff: 'text/x-diff',
  patch: 'text/x-diff',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  zip: 'application/zip',
  gz: 'application/gzip',
  tar: 'application/x-tar',
};

/** Source files an agent writes are text whatever their language. */
const SOURCE = new Set([
  'ts',
  'tsx',
  'js',
  'jsx',
  'mjs',
  'cjs',
  'py',
  'rs',
  'go',
  'java',
  'c',
  'h',
  'cpp',
  'hpp',
  'cs',
  'rb',
  'php',
  'sh',
  'sql',
  'swift',
  'kt',
]);

export function guessMediaType(name: string, encoding: 'utf8' | 'base64'): string {
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if (BY_EXTENSION[extension]) return BY_EXTENSION[extension];
  if (SOURCE.has(extension)) return 'text/plain';
  return encoding === 'utf8' ? 'text/plain' : 'application/octet-stream';
}

export function isTextMediaType(mediaType: string): boolean {
  return (
    mediaType.startsWith('text/') ||
    /^application\/(json|jsonl|x-ndjson|xml|yaml|toml|javascript)$/.test(mediaType) ||
    /\+(json|xml)$/.test(mediaType)
  );
}
