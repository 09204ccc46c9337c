// A proposed task's priority: what the PRD states ("Priority: High", P0, 高, 높음, must have),
// else what its place says (the first phase first, future ideas last).
import type { PriorityLabel } from '../../../shared/tasks/task-fields.ts';
import type { Unit } from './prd-units.ts';

const STATED: readonly [PriorityLabel, RegExp][] = [
  ['urgent', /urgent|blocker|紧急|긴급/i],
  ['critical', /critical|\bp0\b|must[- ]have|最高|关键|최우선|치명/i],
  ['high', /high|\bp1\b|important|高|높음|상/i],
  ['medium', /medium|normal|\bp2\b|should[- ]have|中|중간|보통|중/i],
  ['low', /low|minor|\bp[34]\b|could[- ]have|nice[- ]to[- ]have|低|낮음|하/i],
];

export function statedPriority(text: string): PriorityLabel | null {
  for (const [label, pattern] of STATED) if (pattern.test(text)) return label;
  return null;
}

/** Earlier phases matter more: the first (or an MVP) high, the second medium, later ones low. */
export function priorityOf(unit: Unit, phaseRank: number | null): PriorityLabel {
  const stated = unit.body.priority ? statedPriority(unit.body.priority.text) : null;
  if (stated) return stated;
  if (unit.source === 'future') return 'low';
  if (/\bmvp\b/i.test(unit.phase ?? unit.title) && unit.source !== 'feature') return 'high';
  if (phaseRank === null || unit.source === 'step') return 'medium';
  if (phaseRank === 0) return 'high';
  // a staged plan needs every stage; only the items of late phases can wait
  return unit.source === 'phase_item' && phaseRank > 1 ? 'low' : 'medium';
}
