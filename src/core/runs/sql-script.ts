// The program that runs a sql run inside the sandbox: Node's built-in node:sqlite (no addon to
// expose to the sandbox), statement by statement, printing each query's rows as the sqlite3
// shell's list mode does (header, then values joined by `|`). Run as `node -e SQL_RUNNER
// <file.sql> <database> <readonly 0|1>`; on the first failing statement it prints the line and
// the error and exits with 1.

/**
 * Splits at semicolons outside quotes and comments; a piece SQLite calls incomplete (a trigger
 * body's inner `;`) is joined with the next one, so no SQL grammar lives here.
 */
export const SQL_RUNNER = String.raw`
const { readFileSync } = require('node:fs');
const { DatabaseSync } = require('node:sqlite');
const [file, databasePath, readOnly] = process.argv.slice(1);
const text = readFileSync(file, 'utf8');
const db = new DatabaseSync(databasePath, { readOnly: readOnly === '1' });

function boundaries(sql) {
  const ends = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    const closer = c === "'" ? "'" : c === '"' ? '"' : c === '\x60' ? '\x60' : c === '[' ? ']' : null;
    if (closer) { const j = sql.indexOf(closer, i + 1); i = j < 0 ? sql.length : j + 1; continue; }
    if (c === '-' && sql[i + 1] === '-') { const j = sql.indexOf('\n', i); i = j < 0 ? sql.length : j + 1; continue; }
    if (c === '/' && sql[i + 1] === '*') { const j = sql.indexOf('*/', i + 2); i = j < 0 ? sql.length : j + 2; continue; }
    if (c === ';') ends.push(i + 1);
    i++;
  }
  ends.push(sql.length);
  return ends;
}

function show(value) {
  if (value === null) return '';
  if (value instanceof Uint8Array) return "X'" + Buffer.from(value).toString('hex').toUpperCase() + "'";
  return String(value);
}

function lineOf(offset) {
  return text.slice(0, offset).split('\n').length;
}

let start = 0;
for (const end of boundaries(text)) {
  if (end <= start) continue;
  const piece = text.slice(start, end);
  let statement;
  try {
    statement = db.prepare(piece);
  } catch (error) {
    if (error.message === 'The SQL query contains no statements.') { start = end; continue; }
    if (error.message === 'incomplete input' && end < text.length) continue;
    const at = start + (piece.length - piece.trimStart().length);
    process.stderr.write('Error: near line ' + lineOf(at) + ': ' + error.message + '\n');
    process.exit(1);
  }
  try {
    const columns = statement.columns().map((column) => column.name);
    if (columns.length === 0) statement.run();
    else {
      // rows as arrays keep every column when two share a name
      statement.setReturnArrays(true);
      process.stdout.write(columns.join('|') + '\n');
      for (const row of statement.all()) process.stdout.write(row.map(show).join('|') + '\n');
    }
  } catch (error) {
    const at = start + (piece.length - piece.trimStart().length);
    process.stderr.write('Error: near line ' + lineOf(at) + ': ' + error.message + '\n');
    process.exit(1);
  }
  start = end;
}
`;
