// The bearer token of the MCP HTTP endpoint: 32 random bytes (base64url) in a file only its owner
// may read, in an owner-only folder next to the database. One token per data folder; rotating it
// replaces the file, and a running endpoint notices the new file on its next request.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  chmodSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../shared/errors.ts';

export const MCP_FOLDER = 'mcp';
export const TOKEN_FILE = 'http-token';
/** 32 bytes: 256 bits, far beyond guessing over a loopback port. */
const TOKEN_BYTES = 32;
const OWNER_ONLY_FILE = 0o600;
const OWNER_ONLY_FOLDER = 0o700;

/** Where the token of the database at `databasePath` is kept. */
export function mcpTokenPath(databasePath: string): string {
  return join(dirname(databasePath), MCP_FOLDER, TOKEN_FILE);
}

export function generateToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

function ensureOwnerFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: OWNER_ONLY_FOLDER });
  if (process.platform !== 'win32') chmodSync(folder, OWNER_ONLY_FOLDER);
}

/** A file with the whole token, made owner-only before the token is in it. */
function writeTemporary(path: string, token: string): string {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, `${token}\n`, { mode: OWNER_ONLY_FILE, flag: 'wx' });
  return temporary;
}

/** The token in the file, or null when there is none (no file, or an empty one). */
export function readToken(path: string): string | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  // a copy restored from a backup may have lost its mode; the token must stay the owner's
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0)
    chmodSync(path, OWNER_ONLY_FILE);
  const token = text.trim();
  return token === '' ? null : token;
}

/**
 * The token, created on first use. Linking a complete temporary file into place creates it
 * atomically: two processes starting at once agree on one token, and no reader sees a half file.
 */
export function ensureToken(path: string): string {
  const existing = readToken(path);
  if (existing !== null) return existing;
  ensureOwnerFolder(dirname(path));
  const temporary = writeTemporary(path, generateToken());
  try {
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
  const token = readToken(path);
  if (token === null)
    throw new AppError('INTERNAL', `The MCP token file ${path} is empty; delete it and retry.`);
  return token;
}

/** Replaces the token; whoever holds the old one is refused from the next request on. */
export function rotateToken(path: string): string {
  ensureOwnerFolder(dirname(path));
  const token = generateToken();
  renameSync(writeTemporary(path, token), path);
  return token;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Compares in constant time: hashing first gives equal lengths whatever was sent. */
export function tokensMatch(sent: string, expected: string): boolean {
  return timingSafeEqual(digest(sent), digest(expected));
}

/**
 * The current token of a running endpoint. A stat per request (microseconds) tells whether the
 * file was replaced or changed since it was last read, so a rotation takes effect at once.
 */
export class TokenFile {
  private token: string | null = null;
  private stamp = '';
  readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  current(): string | null {
    let stamp: string;
    try {
      const stat = statSync(this.path);
      stamp = `${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.stamp = '';
      return (this.token = null);
    }
    if (stamp !== this.stamp) {
      this.token = readToken(this.path);
      this.stamp = stamp;
    }
    return this.token;
  }
}
