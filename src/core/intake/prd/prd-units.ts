// The PRD's units of work, found by walking its sections: features (feature sections, or the
// items of a features list), phases (one task, or one per item), ordered steps, future ideas;
// plus the requirements stated around them. Units become proposed tasks in parse-prd.ts.
import type { RootContent } from 'mdast';
import type { PrdWarning } from '../../../shared/operations/prd.ops.ts';
import { readBody, type Body, type Entry, type TextAt } from './prd-body.ts';
import type { Section } from './prd-outline.ts';
import { headingWords, kindOf, ownKind, type SectionKind } from './section-kinds.ts';

export type UnitSource = 'feature' | 'phase' | 'phase_item' | 'step' | 'future';

export interface Unit {
  source: UnitSource;
  title: string;
  description: string;
  body: Body;
  line: number;
  endLine: number;
  /** The phase (or step list) it belongs to, in document order; null when unordered. */
  group: number | null;
  /** How sure the reading is, before adjustments for the title. */
  confidence: number;
  /** The phase a phase item belongs to. */
  phase?: string;
}

export interface Requirement extends TextAt {
  kind: 'functional' | 'non_functional' | 'done';
  /** Heading of the section stating it, to match it with a feature of the same name. */
  section: string;
}

export interface Reading {
  units: Unit[];
  requirements: Requirement[];
  /** Criteria stated outside any unit. */
  strayCriteria: TextAt[];
  warnings: PrdWarning[];
}

const FEATURE_HEADING = /^(feature|功能|기능)\s*[\d一二三四五六七八九十]*\s*[:：\-—]\s*(\S.*)$/i;
/** A list item's title ends where its explanation starts: "Search (by type, city)". */
const TITLE_BREAK = /\s*(?:[（(:：，]|\s[-–—]\s)/;
/** Titles longer than this are cut at a word; the whole text stays in the description. */
export const TITLE_MAX = 120;

/** The blocks under a section and its subsections; those of "Acceptance Criteria" apart. */
function descendantsBlocks(section: Section): { blocks: RootContent[]; criteria: RootContent[] } {
  const blocks: RootContent[] = [];
  const criteria: RootContent[] = [];
  const stack: [Section, boolean][] = [[section, false]];
  while (stack.length > 0) {
    const [current, inCriteria] = stack.pop()!;
    (inCriteria ? criteria : blocks).push(...current.blocks);
    for (let index = current.children.length - 1; index >= 0; index--) {
      const child = current.children[index]!;
      stack.push([child, inCriteria || ownKind(child.title) === 'criteria']);
    }
  }
  return { blocks, criteria };
}

export function shortTitle(text: string): string {
  const cut = TITLE_BREAK.exec(text);
  let title = cut && cut.index >= 2 ? text.slice(0, cut.index) : text;
  title = title.replace(/[.。;；]+$/, '').trim();
  if (title.length <= TITLE_MAX) return title;
  const space = title.lastIndexOf(' ', TITLE_MAX);
  return `${title.slice(0, space > 40 ? space : TITLE_MAX)}…`;
}

function describe(body: Body, fallback = ''): string {
  const prose = body.description?.text ?? body.goal?.text ?? body.paragraphs[0]?.text ?? fallback;
  const parts = [prose];
  if (body.tasks.length > 0) parts.push(body.tasks.map((task) => `- ${task.text}`).join('\n'));
  const listed = body.entries.filter((entry) => entry.checked !== true);
  if (listed.length > 0) parts.push(listed.map((entry) => `- ${entry.whole}`).join('\n'));
  return parts.filter((part) => part !== '').join('\n\n');
}

function sectionUnit(section: Section, source: UnitSource, confidence: number): Unit {
  const { blocks, criteria } = descendantsBlocks(section);
  const body = readBody(blocks);
  const listed = readBody(criteria);
  body.criteria.push(...listed.criteria, ...listed.entries, ...listed.paragraphs);
  const labelled = body.priority || body.description || body.criteria.length > 0;
  const title = headingWords(section.title);
  return {
    source,
    title: FEATURE_HEADING.exec(title)?.[2] ?? title,
    description: describe(body),
    body,
    line: section.line,
    endLine: section.endLine,
    group: null,
    confidence: labelled ? Math.max(confidence, 0.95) : confidence,
  };
}

function entryUnit(entry: Entry, source: UnitSource, confidence: number): Unit {
  const body = readBody(entry.nested);
  const rest = entry.lead ? entry.text.slice(entry.lead.length).replace(/^[*\s:：]+/, '') : '';
  return {
    source,
    title: entry.lead ?? shortTitle(entry.text),
    description: describe(body, entry.lead ? rest : entry.text),
    body,
    line: entry.line,
    endLine: entry.endLine,
    group: null,
    confidence: entry.lead ? confidence + 0.05 : confidence,
  };
}

class SectionWalker {
  readonly reading: Reading = { units: [], requirements: [], strayCriteria: [], warnings: [] };
  private groups = 0;

  walk(root: Section): Reading {
    // an explicit stack of (section, parent kind), so any depth of headings is safe
    const stack: [Section, SectionKind | null][] = root.children
      .map((child) => [child, null] as [Section, SectionKind | null])
      .reverse();
    const rootBody = readBody(root.blocks);
    this.reading.strayCriteria.push(...rootBody.criteria);
    while (stack.length > 0) {
      const [section, parentKind] = stack.pop()!;
      const kind = kindOf(section, parentKind);
      const descend = this.visit(section, kind, parentKind);
      if (descend)
        for (let index = section.children.length - 1; index >= 0; index--)
          stack.push([section.children[index]!, kind]);
    }
    return this.reading;
  }

  /** Reads one section; true when its subsections still need reading. */
  private visit(section: Section, kind: SectionKind, parentKind: SectionKind | null): boolean {
    const work = section.children.filter((child) => kindOf(child, kind) !== 'criteria');
    switch (kind) {
      case 'features':
        return this.features(section, parentKind, work.length > 0);
      case 'phase':
        this.phase(section);
        return false;
      case 'steps':
      case 'future':
        this.ordered(section, kind);
        return false;
      case 'requirements':
      case 'nonfunctional':
        this.requirements(section, kind);
        return true;
      case 'criteria':
        // a criteria section outside any feature or phase
        this.reading.strayCriteria.push(...readBody(section.blocks).entries);
        return false;
      default:
        this.reading.strayCriteria.push(...readBody(section.blocks).criteria);
        return true;
    }
  }

  private features(section: Section, parentKind: SectionKind | null, grouped: boolean): boolean {
    const title = headingWords(section.title);
    const container = parentKind !== 'features' && !FEATURE_HEADING.test(title);
    if (grouped) return true;
    if (!container) {
      this.reading.units.push(sectionUnit(section, 'feature', 0.85));
      return false;
    }
    // "Core Features" with a list: each item is a feature
    const body = readBody(section.blocks);
    for (const entry of body.entries) this.reading.units.push(entryUnit(entry, 'feature', 0.75));
    this.reading.strayCriteria.push(...body.criteria);
    return false;
  }

  private phase(section: Section): void {
    const unit = sectionUnit(section, 'phase', 0.85);
    const group = this.groups++;
    const { body } = unit;
    const whole = body.tasks.length > 0 || body.criteria.length > 0 || body.goal !== null;
    const items = body.entries.filter((entry) => entry.checked !== true);
    for (const done of body.entries.filter((entry) => entry.checked === true))
      this.reading.requirements.push({ ...done, kind: 'done', section: unit.title });
    if (body.entries.length > items.length)
      this.reading.warnings.push({
        line: section.line,
        message: `${body.entries.length - items.length} item(s) of "${unit.title}" are checked as done; they are listed as requirements, not proposed as tasks.`,
      });
    if (whole || (items.length === 0 && body.entries.length === 0)) {
      this.reading.units.push({ ...unit, group });
      return;
    }
    for (const item of items)
      this.reading.units.push({ ...entryUnit(item, 'phase_item', 0.8), group, phase: unit.title });
  }

  private ordered(section: Section, kind: 'steps' | 'future'): void {
    const source = kind === 'steps' ? 'step' : 'future';
    const confidence = kind === 'steps' ? 0.85 : 0.3;
    const group = kind === 'steps' ? this.groups++ : null;
    const units =
      section.children.length > 0
        ? section.children.map((child) => sectionUnit(child, source, confidence))
        : readBody(section.blocks).entries.map((entry) => entryUnit(entry, source, confidence));
    for (const unit of units) this.reading.units.push({ ...unit, group });
  }

  private requirements(section: Section, kind: 'requirements' | 'nonfunctional'): void {
    const body = readBody(section.blocks);
    const title = headingWords(section.title);
    for (const entry of body.entries)
      this.reading.requirements.push({
        ...entry,
        kind: kind === 'nonfunctional' ? 'non_functional' : 'functional',
        section: title,
      });
    this.reading.strayCriteria.push(...body.criteria);
  }
}

export function readUnits(root: Section): Reading {
  return new SectionWalker().walk(root);
}
