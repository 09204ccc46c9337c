// What makes an artifact name safe to use as a file name on every platform: one name inside
// the task's folder, never a path out of it, and nothing Windows or macOS would refuse or alias.
import { findControlCharacter } from '../text/unicode-checks.ts';

export const ARTIFACT_NAME_CHARS = 200;
/** Most file systems hold at most 255 bytes per name. */
const NAME_BYTES = 255;
/** Windows refuses these characters in file names; ':' would also open an alternate stream. */
const WINDOWS_FORBIDDEN = /[<>:"|?*]/;
/** Device names Windows reserves with any extension (CON.txt is the console). */
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

const EXAMPLE = 'choose a plain file name such as report.md or test-log.txt';

/** Why `name` cannot be an artifact's name, or null when it can. */
export function artifactNameProblem(name: string): string | null {
  if (name.length === 0) return `the name is empty; ${EXAMPLE}`;
  if (name.length > ARTIFACT_NAME_CHARS || new TextEncoder().encode(name).length > NAME_BYTES)
    return `the name is longer than ${ARTIFACT_NAME_CHARS} characters (or ${NAME_BYTES} bytes); shorten it`;
  if (name.includes('/') || name.includes('\\'))
    return `the name contains a path separator (/ or \\); an artifact is one file in its task's folder, so ${EXAMPLE}`;
  if (name.includes('..'))
    return `the name contains "..", which could lead out of the task's folder; ${EXAMPLE}`;
  if (name === '.') return `"." is not a file name; ${EXAMPLE}`;
  const control = findControlCharacter(name, { multiline: false });
  if (control)
    return `the name contains a control character (U+${control.codePoint.toString(16).toUpperCase().padStart(4, '0')}); ${EXAMPLE}`;
  if (WINDOWS_FORBIDDEN.test(name))
    return `the name contains one of < > : " | ? *, which Windows does not allow in file names; ${EXAMPLE}`;
  if (/[. ]$/.test(name) || /^\s/.test(name))
    return `the name starts with a space or ends with a dot or space, which Windows drops; ${EXAMPLE}`;
  if (WINDOWS_DEVICES.test(name)) return `"${name}" is a device name on Windows; ${EXAMPLE}`;
  return null;
}
