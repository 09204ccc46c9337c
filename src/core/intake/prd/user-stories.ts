// User stories wherever the PRD states them: "As a <role>, I want <goal> so that <benefit>", and
// the same pattern in Chinese (作为…，我希望…，以便…) and Korean (…로서 …하고 싶다).
import type { Root } from 'mdast';
import type { TextAt } from './prd-body.ts';
import { endLine, plainText, startLine } from './prd-outline.ts';

export interface Story extends TextAt {
  role: string;
  want: string;
  benefit: string | null;
  confidence: number;
}

const PATTERNS: readonly RegExp[] = [
  /\bas an? ([^,.;]{2,120}?),? I (?:want|need|would like|wish|can)(?: to)? (.+?)(?:,? so (?:that )?(?:I can )?(.+?))?(?:[.!]\s|[.!]?$)/iu,
  /作为(?:一[个名位])?([^，,。]{1,60})[，,]\s*我(?:想要|希望|想|需要|要)([^。]+?)(?:[，,]\s*(?:以便|从而|这样|以)([^。]+?))?(?:。|$)/u,
  /([^,.。]{1,60}?)(?:으로서|로서)[,，]?\s*([^.。]+?(?:하고 싶다|하고 싶습니다|을 원한다|를 원한다))(?:[,，]?\s*(?:그래서|그러면)\s*([^.。]+))?/u,
];

/** Every paragraph's text, with lines: stories sit in paragraphs and in list items. */
export function paragraphs(tree: Root): TextAt[] {
  const found: TextAt[] = [];
  const stack: Root['children'] = [...tree.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'paragraph') {
      found.push({ text: plainText(node), line: startLine(node), endLine: endLine(node) });
      continue;
    }
    if ('children' in node)
      for (let index = node.children.length - 1; index >= 0; index--)
        stack.push(node.children[index] as Root['children'][number]);
  }
  return found;
}

export function findStories(texts: readonly TextAt[]): Story[] {
  const stories: Story[] = [];
  for (const text of texts) {
    for (const [index, pattern] of PATTERNS.entries()) {
      const match = pattern.exec(text.text);
      if (!match) continue;
      const benefit = match[3]?.trim() || null;
      stories.push({
        ...text,
        text: match[0].trim().slice(0, 2_000),
        role: match[1]!.trim().slice(0, 2_000),
        want: match[2]!.trim().slice(0, 2_000),
        benefit: benefit?.slice(0, 2_000) ?? null,
        // English is the form the pattern was made for; a story without "so that" is half a story
        confidence: (index === 0 ? 0.9 : 0.8) - (benefit === null ? 0.15 : 0),
      });
      break;
    }
  }
  return stories;
}
