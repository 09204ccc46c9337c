// What a PRD section is about, read from its heading in English, Chinese or Korean: the
// sections that propose work (features, phases, ordered steps, future ideas), the ones that state
// requirements, and the context around them (overview, goals, risks...) that proposes nothing.
import type { Section } from './prd-outline.ts';

export type SectionKind =
  | 'features'
  | 'phase'
  | 'steps'
  | 'future'
  | 'excluded'
  | 'criteria'
  | 'requirements'
  | 'nonfunctional'
  | 'context'
  | 'other';

/** Checked in order: the first that matches names the kind. */
const RULES: readonly [SectionKind, RegExp][] = [
  ['excluded', /non[- ]?goals?|out of scope|not in scope|非目标|不包括|不做|범위 외|제외/i],
  [
    'future',
    /^future|future (enhancement|expansion|plan|work|idea)|\bmaybe\b|nice[- ]to[- ]have|未来|后续|향후|추후/i,
  ],
  [
    'steps',
    /dependency chain|build order|implementation (order|steps|sequence)|依赖链|实施步骤|구현 순서/i,
  ],
  [
    'phase',
    /^(phase|stage|milestone|sprint|iteration|release|step)\s*[\d一二三四五六七八九十]+|^v\d+(\.\d+)*\b|^mvp\b|^第.{1,3}(阶段|期)|^阶段\s*\d|^\d+\s*단계|^단계\s*\d/i,
  ],
  ['criteria', /acceptance criteria|验收标准|验收条件|인수 조건|수용 기준|완료 조건/i],
  [
    'nonfunctional',
    /non[- ]?functional|非功能|비기능|performance|security|scalab|usability|reliab|性能|安全|성능|보안|확장성|사용성/i,
  ],
  ['features', /feature|functionalit|capabilit|功能|기능/i],
  ['requirements', /requirement|需求|요구사항|specification/i],
  [
    'context',
    /overview|introduction|summary|problem|solution|background|purpose|goal|objective|vision|audience|user|persona|market|metric|kpi|success|risk|mitigation|challenge|appendix|glossary|reference|question|constraint|platform|stack|technolog|architecture|design|ui\b|ux\b|data ?model|database|schema|principle|approval|change ?log|history|revision|scenario|story|stories|概述|定位|目标|用户|市场|技术|架构|数据|运营|盈利|合规|附录|개요|목적|목표|대상|사용자|아키텍처|데이터|디자인|지표|리스크|부록|승인|일정|용어|참고|변경|시나리오/i,
  ],
];

/** The heading without its numbering ("3.1", "2.", "(a)"), emoji and surrounding marks. */
export function headingWords(title: string): string {
  return title
    .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, '')
    .replace(/^[\s#*_]*(?:\d+(?:\.\d+)*\.?|\(?[a-z]\)|[IVX]+\.)\s+/i, '')
    .replace(/[*_`]/g, '')
    .trim();
}

export function ownKind(title: string): SectionKind {
  const words = headingWords(title);
  for (const [kind, pattern] of RULES) if (pattern.test(words)) return kind;
  return 'other';
}

/**
 * A section's kind in its context: everything inside a features section is a feature (its own
 * heading may say "security"), except what is excluded or future; inside context, only work
 * sections (phases, steps, features) stand out.
 */
export function kindOf(section: Section, parentKind: SectionKind | null): SectionKind {
  const own = ownKind(section.title);
  if (own === 'criteria') return own;
  if (parentKind === 'features') return ['excluded', 'future'].includes(own) ? own : 'features';
  if (parentKind === 'excluded' || parentKind === 'future') return parentKind;
  if (parentKind === 'context' && own !== 'phase' && own !== 'steps' && own !== 'features')
    return 'context';
  // "1. Model Deployment" under "Technical Requirements" states requirements too
  if (own === 'other' && parentKind !== null) return parentKind;
  return own;
}
