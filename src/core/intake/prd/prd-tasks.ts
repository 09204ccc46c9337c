// Units of work made into a clean list of tasks: one task per title (a title stated twice is one
// task, with both texts), and each feature linked to the tasks that carry it out.
import type { PrdWarning } from '../../../shared/operations/prd.ops.ts';
import { distinctive, normalize } from './prd-dependencies.ts';
import { shortTitle, type Unit } from './prd-units.ts';

/** Units with an empty title dropped and those with the same title merged into the first. */
export function mergeDuplicates(units: readonly Unit[], warnings: PrdWarning[]): Unit[] {
  const byTitle = new Map<string, Unit>();
  const kept: Unit[] = [];
  for (const unit of units) {
    const key = normalize(unit.title);
    if (key === '') {
      warnings.push({
        line: unit.line,
        message: 'A feature or phase item without a title was skipped.',
      });
      continue;
    }
    const first = byTitle.get(key);
    if (first === undefined) {
      const copy = { ...unit, body: { ...unit.body, criteria: [...unit.body.criteria] } };
      byTitle.set(key, copy);
      kept.push(copy);
      continue;
    }
    first.description = [first.description, unit.description]
      .filter((text) => text !== '')
      .join('\n\n');
    first.body.criteria.push(...unit.body.criteria);
    first.confidence = Math.max(first.confidence, unit.confidence);
    warnings.push({
      line: unit.line,
      message: `"${unit.title}" is stated again at line ${unit.line} (first at line ${first.line}); both are one proposed task.`,
    });
  }
  return kept;
}

export interface FeatureLinks {
  featureTasks: Map<number, number[]>;
  taskFeature: Map<number, number>;
}

/**
 * A feature is carried out by the task made from it, else by tasks whose title names it or one
 * of its requirements ("Manual Food Logging" carries "Food Logging").
 */
export function linkFeatures(features: readonly Unit[], tasks: readonly Unit[]): FeatureLinks {
  const links: FeatureLinks = { featureTasks: new Map(), taskFeature: new Map() };
  const link = (feature: number, task: number) => {
    links.featureTasks.set(feature, [...(links.featureTasks.get(feature) ?? []), task]);
    if (!links.taskFeature.has(task)) links.taskFeature.set(task, feature);
  };
  features.forEach((feature, index) => {
    const title = normalize(feature.title);
    const requirements = new Set(
      feature.body.entries.map((entry) => normalize(shortTitle(entry.text))),
    );
    tasks.forEach((task, at) => {
      const name = normalize(task.title);
      if (task.line === feature.line || name === title) return link(index, at);
      if (task.source === 'feature') return;
      if ((distinctive(feature.title) && name.includes(title)) || requirements.has(name))
        link(index, at);
    });
  });
  return links;
}
