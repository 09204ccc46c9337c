// The four complexity factors, each a value 0..10 with its reasons and how much it rests on
// measurement (its confidence), or null when not assessed. Pure: the service gathers the files,
// the task and the history, and these turn them into numbers a reader can check.
import { complexityForHours } from '../effort/effort-model.ts';
import { hoursText, quantile, resemblance, type Measured, type Subject } from '../history.ts';
import type { MeasuredFile } from './code-files.ts';
import { assessRisk, type RiskText } from './risk.ts';

export interface FactorResult {
  value: number | null;
  reasons: string[];
  /** 0..1: 1 when measured, lower when inferred from words or little data. */
  confidence: number;
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const clamp = (value: number) => Math.min(10, Math.max(0, value));
const off = (option: string): FactorResult => ({
  value: null,
  reasons: [`not assessed (${option} is false)`],
  confidence: 0,
});

/** How many names a reason lists before "…". */
const LISTED = 8;
const listed = (names: readonly string[]) =>
  names.slice(0, LISTED).join(', ') + (names.length > LISTED ? ', …' : '');

/** 10 at 5,000 lines, logarithmic below: 50 lines ≈ 2.3, 500 ≈ 5.9, 2,000 ≈ 8.4. */
const volumeValue = (lines: number) => clamp((10 * Math.log10(1 + lines / 20)) / Math.log10(251));

export function codeVolume(
  enabled: boolean,
  files: readonly MeasuredFile[],
  whyNoFiles: string | null,
  text: RiskText,
): FactorResult {
  if (!enabled) return off('estimate_code_volume');
  const measured = files.filter((file) => file.lines !== null);
  const notes = files
    .filter((file) => file.note !== null)
    .map((file) => `${file.path}: ${file.note}`);
  if (measured.length > 0) {
    const lines = measured.reduce((sum, file) => sum + file.lines!, 0);
    const each = listed(measured.map((file) => `${file.path} ${file.lines}`));
    return {
      value: round1(volumeValue(lines)),
      reasons: [`${lines} lines in ${measured.length} referenced file(s): ${each}`, ...notes],
      confidence: 1,
    };
  }
  const words = `${text.description} ${text.details}`.split(/\s+/).filter(Boolean).length;
  const criteria = text.criteria.length;
  const why =
    whyNoFiles ??
    (files.length === 0 ? 'the task references no files' : 'no referenced file could be measured');
  return {
    // each acceptance criterion is a piece of work; 150 words of description about another
    value: round1(Math.min(10, Math.max(1, 1 + 0.6 * criteria + words / 150))),
    reasons: [
      `${why}; estimated from its text: ${criteria} acceptance criteria, ${words} words`,
      ...notes,
    ],
    confidence: 0.4,
  };
}

/** 10 at 40 weighted dependencies, logarithmic below: 3 ≈ 3.7, 8 ≈ 5.9, 20 ≈ 8.2. */
const dependencyValue = (count: number) => clamp((10 * Math.log2(1 + count)) / Math.log2(41));

export function dependencies(
  enabled: boolean,
  files: readonly MeasuredFile[],
  prerequisites: readonly number[],
): FactorResult {
  if (!enabled) return off('analyze_dependencies');
  const local = [...new Set(files.flatMap((file) => file.imports.local))];
  const packages = [...new Set(files.flatMap((file) => file.imports.packages))];
  const reasons: string[] = [];
  if (local.length > 0) reasons.push(`imports ${local.length} local module(s): ${listed(local)}`);
  if (packages.length > 0)
    reasons.push(`imports ${packages.length} package(s): ${listed(packages)}`);
  if (prerequisites.length > 0)
    reasons.push(
      `depends on ${prerequisites.length} task(s): ${listed(prerequisites.map((id) => `#${id}`))}`,
    );
  const read = files.some((file) => file.lines !== null);
  if (reasons.length === 0)
    reasons.push(
      read
        ? 'no imports in the referenced files and no prerequisite tasks'
        : 'no referenced file measured and no prerequisite tasks',
    );
  // a prerequisite task is an integration point (heavier than an import); a package is an API
  // to learn but usually a stable one (lighter than a local module)
  const weighted = local.length + 0.5 * packages.length + 1.5 * prerequisites.length;
  return { value: round1(dependencyValue(weighted)), reasons, confidence: read ? 1 : 0.6 };
}

export function technicalRisk(enabled: boolean, text: RiskText) {
  if (!enabled) return { ...off('assess_risk'), level: null };
  const risk = assessRisk(text);
  // read from words, not measured: worth less than a measurement
  return { value: risk.value, reasons: risk.reasons, confidence: 0.7, level: risk.level };
}

/** Similar finished tasks needed before their durations say anything about this one. */
const MIN_SIMILAR = 2;

export function historicalData(
  enabled: boolean,
  subject: Subject,
  history: readonly Measured[],
): FactorResult {
  if (!enabled) return off('use_historical_data');
  const similar = history
    .map((task) => ({ task, why: resemblance(subject, task) }))
    .filter((entry) => entry.why !== null);
  if (similar.length < MIN_SIMILAR) {
    const reason =
      history.length === 0
        ? 'no completed task of this project has a measured duration yet'
        : `${history.length} completed task(s) have a measured duration, but ${similar.length} resemble this one (a shared tag, language or two title words; ${MIN_SIMILAR} needed)`;
    return { value: null, reasons: [reason], confidence: 0 };
  }
  const median = quantile(
    similar.map((entry) => entry.task.hours),
    0.5,
  );
  const examples = listed(similar.map((entry) => `#${entry.task.id} ${entry.why}`));
  return {
    value: round1(complexityForHours(median)),
    reasons: [
      `${similar.length} similar completed task(s) took a median of ${hoursText(median)}: ${examples}`,
    ],
    confidence: Math.min(1, similar.length / 5),
  };
}
