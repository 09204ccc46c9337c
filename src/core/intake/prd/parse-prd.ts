// A PRD read into the preview import_prd takes back: its units of work become proposed tasks
// (features when the PRD has no plan; its phases and steps when it has one), with criteria,
// requirements, stories and dependencies attached by preview-local ids. Pure: stores nothing.
import { createHash } from 'node:crypto';
import type { OperationArgs } from '../../../shared/operations/registry.ts';
import { AppError } from '../../../shared/errors.ts';
import {
  PRD_LIMITS,
  type PrdPreview,
  type PrdWarning,
} from '../../../shared/operations/prd.ops.ts';
import { TASK_LIMITS } from '../../../shared/tasks/task-fields.ts';
import { acceptPrd } from './prd-input.ts';
import { outline, parseMarkdown } from './prd-outline.ts';
import { findDependencies, normalize } from './prd-dependencies.ts';
import { readUnits, type Unit } from './prd-units.ts';
import { priorityOf } from './prd-priority.ts';
import { findStories, paragraphs } from './user-stories.ts';
import { headingWords } from './section-kinds.ts';
import { linkFeatures, mergeDuplicates } from './prd-tasks.ts';

type Options = Omit<OperationArgs<'parse_prd'>, 'content'>;

const lines = (start: number, end: number) => ({ start, end: Math.max(start, end) });
const clip = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

/** Short or very long titles are less likely to name one piece of work. */
function confidenceOf(unit: Unit): number {
  const length = unit.title.length;
  const penalty = length < 3 ? 0.3 : length > 100 ? 0.15 : 0;
  return Math.round(Math.max(0.05, Math.min(1, unit.confidence - penalty)) * 100) / 100;
}

export function parsePrd(content: string, options: Options): PrdPreview {
  const accepted = acceptPrd(content);
  const warnings: PrdWarning[] = [...accepted.warnings];
  const tree = parseMarkdown(accepted.text);
  const root = outline(tree, accepted.format);
  const reading = readUnits(root);
  warnings.push(...reading.warnings);

  const features = reading.units.filter((unit) => unit.source === 'feature');
  const planned = reading.units.some((unit) =>
    ['phase', 'phase_item', 'step'].includes(unit.source),
  );
  // with a plan, its phases and steps are the work; a feature is a task only with its own criteria
  const candidates = reading.units.filter(
    (unit) => !planned || unit.source !== 'feature' || unit.body.criteria.length > 0,
  );
  const units = options.generate_tasks ? mergeDuplicates(candidates, warnings) : [];
  if (units.length > PRD_LIMITS.tasks)
    throw new AppError(
      'LIMIT',
      `The PRD proposes ${units.length} tasks, more than the ${PRD_LIMITS.tasks} one import takes; split it into several documents.`,
    );
  const edges = options.analyze_dependencies ? findDependencies(units, warnings) : [];
  const taskId = (index: number) => `T${index + 1}`;
  const featureId = (index: number) => `F${index + 1}`;
  const links = linkFeatures(features, units);
  const ranks = phaseRanks(units);

  const criteria: PrdPreview['acceptance_criteria'] = [];
  const tasks: PrdPreview['tasks'] = units.map((unit, index) => {
    const own = options.parse_acceptance_criteria ? unit.body.criteria : [];
    const ids = own.slice(0, TASK_LIMITS.acceptanceCriteria).map((criterion) => {
      criteria.push({
        id: `C${criteria.length + 1}`,
        text: clip(criterion.text, TASK_LIMITS.criterionLength),
        lines: lines(criterion.line, criterion.endLine),
        task_id: taskId(index),
      });
      return criteria.at(-1)!.id;
    });
    if (own.length > ids.length)
      warnings.push({
        line: unit.line,
        message: `"${unit.title}" states ${own.length} acceptance criteria; a task keeps the first ${ids.length}.`,
      });
    const confidence = confidenceOf(unit);
    const feature = links.taskFeature.get(index);
    return {
      id: taskId(index),
      title: clip(unit.title, TASK_LIMITS.title),
      description: clip(
        unit.phase ? `${unit.phase}: ${unit.description}`.replace(/: $/, '') : unit.description,
        TASK_LIMITS.description,
      ),
      priority: priorityOf(unit, unit.group === null ? null : ranks.get(unit.group)!),
      source: unit.source,
      feature_id: feature === undefined ? null : featureId(feature),
      dependencies: edges
        .filter((edge) => edge.from === index)
        .slice(0, TASK_LIMITS.dependencies)
        .map((edge) => ({
          on: taskId(edge.on),
          reason: edge.reason,
          evidence: clip(edge.evidence, 500),
          line: edge.line,
        })),
      acceptance_criteria: ids,
      lines: lines(unit.line, unit.endLine),
      confidence,
      selected: confidence >= options.confidence_threshold,
    };
  });
  for (const stray of options.parse_acceptance_criteria ? reading.strayCriteria : []) {
    criteria.push({
      id: `C${criteria.length + 1}`,
      text: clip(stray.text, TASK_LIMITS.criterionLength),
      lines: lines(stray.line, stray.endLine),
      task_id: null,
    });
    warnings.push({
      line: stray.line,
      message: `The acceptance criterion "${clip(stray.text, 60)}" is outside any feature or phase; attach it to a task by hand.`,
    });
  }

  const within = (line: number) => {
    let best = -1;
    units.forEach((unit, index) => {
      if (
        line >= unit.line &&
        line <= unit.endLine &&
        (best === -1 || unit.line >= units[best]!.line)
      )
        best = index;
    });
    return best === -1 ? null : taskId(best);
  };
  const featureWithin = (line: number) => {
    const hit = features.findIndex((unit) => line >= unit.line && line <= unit.endLine);
    return hit === -1 ? null : featureId(hit);
  };

  const requirements: PrdPreview['requirements'] = [];
  features.forEach((feature, index) => {
    for (const entry of feature.body.entries)
      requirements.push({
        id: '',
        text: clip(entry.text, TASK_LIMITS.criterionLength),
        kind: 'functional',
        lines: lines(entry.line, entry.endLine),
        feature_id: featureId(index),
        task_id: within(entry.line),
      });
  });
  for (const stated of reading.requirements) {
    const named = features.findIndex(
      (feature) => normalize(feature.title) === normalize(stated.section),
    );
    requirements.push({
      id: '',
      text: clip(stated.text, TASK_LIMITS.criterionLength),
      kind: stated.kind,
      lines: lines(stated.line, stated.endLine),
      feature_id: named === -1 ? null : featureId(named),
      task_id: within(stated.line),
    });
  }
  requirements.sort((a, b) => a.lines.start - b.lines.start);
  requirements.forEach((requirement, index) => (requirement.id = `R${index + 1}`));

  const stories = options.extract_user_stories ? findStories(paragraphs(tree)) : [];
  return {
    title: clip(root.title || firstLine(accepted.text), TASK_LIMITS.title),
    digest: createHash('sha256').update(content).digest('hex').slice(0, 12),
    format: accepted.format,
    project_id: options.project_id ?? null,
    confidence_threshold: options.confidence_threshold,
    features: features.map((feature, index) => ({
      id: featureId(index),
      title: clip(feature.title, TASK_LIMITS.title),
      description: clip(feature.description, TASK_LIMITS.description),
      lines: lines(feature.line, feature.endLine),
      task_ids: (links.featureTasks.get(index) ?? []).map(taskId),
      confidence: confidenceOf(feature),
    })),
    user_stories: stories.map((story, index) => ({
      id: `S${index + 1}`,
      text: story.text,
      role: story.role,
      want: story.want,
      benefit: story.benefit,
      lines: lines(story.line, story.endLine),
      task_id: within(story.line) ?? featureTasks(links, featureWithin(story.line), taskId),
      confidence: story.confidence,
    })),
    requirements,
    acceptance_criteria: criteria,
    tasks,
    warnings,
  };
}

function featureTasks(
  links: ReturnType<typeof linkFeatures>,
  feature: string | null,
  taskId: (index: number) => string,
): string | null {
  if (feature === null) return null;
  const first = links.featureTasks.get(Number(feature.slice(1)) - 1)?.[0];
  return first === undefined ? null : taskId(first);
}

/** Each phase's rank among those that propose tasks: 0 for the first, 1 for the next... */
function phaseRanks(units: readonly Unit[]): Map<number, number> {
  const groups = new Set(units.flatMap((unit) => (unit.group === null ? [] : [unit.group])));
  return new Map([...groups].sort((a, b) => a - b).map((group, rank) => [group, rank]));
}

function firstLine(text: string): string {
  const line = text.split('\n').find((candidate) => candidate.trim() !== '') ?? '';
  return headingWords(line.replace(/^#+\s*/, '')) || 'PRD';
}
