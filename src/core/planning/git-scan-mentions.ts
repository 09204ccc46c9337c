// The task ids a commit message mentions: "#42", "task 42", "Task-42", "task #42", "tasks_7".
// A "#" preceded by a word character, "&" or "/" is left alone: "abc#42", the HTML entity
// "&#42;" and "owner/repo#42" (another repository's issue) name no task of ours.
const HASH = /(?<![\w&/])#(\d{1,9})\b/g;
const WORD = /\btasks?[\s_-]*#?(\d{1,9})\b/gi;

/** The distinct ids mentioned in `message`, in order of first mention. */
export function mentionedTaskIds(message: string): number[] {
  const ids = new Set<number>();
  const found = [...message.matchAll(HASH), ...message.matchAll(WORD)].sort(
    (a, b) => a.index - b.index,
  );
  for (const match of found) {
    const id = Number(match[1]);
    if (id > 0) ids.add(id);
  }
  return [...ids];
}
