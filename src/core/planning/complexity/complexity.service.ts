// analyze_complexity: reads the task, its project's finished work and the files it references
// (outside any transaction, bounded), scores the factors, then stores the score and the
// analysis in one write. A refused file or bad weights stop it before anything is written.
import { statSync } from 'node:fs';
import { AppError } from '../../../shared/errors.ts';
import type {
  ComplexityAnalysis,
  ComplexityFactor,
} from '../../../shared/operations/planning.ops.ts';
import type { OperationArgs, OperationOutput } from '../../../shared/operations/registry.ts';
import type { Task } from '../../../shared/tasks/task.schema.ts';
import type { CallContext } from '../../call-context.ts';
import type { CoreServices } from '../../core-service.ts';
import { canonicalFolder, isInside } from '../../projects/project-resolution.ts';
import type { TaskAnalysesRepo } from '../../store/task-analyses.repo.ts';
import { requireTask } from '../../tasks/task-errors.ts';
import { toTask } from '../../tasks/task-view.ts';
import { measuredTasks, type Measured } from '../history.ts';
import { storePlanning } from '../planning-writes.ts';
import { measureFiles, type MeasuredFile } from './code-files.ts';
import { combineFactors } from './complexity-score.ts';
import {
  codeVolume,
  dependencies,
  historicalData,
  technicalRisk,
  type FactorResult,
} from './factors.ts';
import type { RiskText } from './risk.ts';
import { resolveWeights, type Environment } from './weights.ts';

export type AnalysisOptions = Omit<OperationArgs<'analyze_complexity'>, 'task_id'>;

/** A finished analysis and what it was computed from, before anything is stored. */
export interface Analysed {
  task: Task;
  analysis: ComplexityAnalysis;
  /** The project's measured finished work; null when historical data was not to be used. */
  history: Measured[] | null;
}

const FACTOR_WORDS: Record<ComplexityFactor, string> = {
  code_volume: 'code volume',
  dependencies: 'dependencies',
  technical_risk: 'technical risk',
  historical_data: 'history',
};

/** The folder references are read under, or null with the reason none is. */
function analysisRoot(
  projectRoot: string | null,
  given: string | undefined,
): { root: string | null; why: string | null } {
  const isFolder = (path: string) =>
    statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
  if (given !== undefined) {
    const root = canonicalFolder(given);
    if (!isFolder(root))
      throw new AppError('VALIDATION', `project_root ${given} is not a folder on this machine.`, {
        project_root: given,
      });
    if (projectRoot !== null && !isInside(root, canonicalFolder(projectRoot)))
      throw new AppError(
        'FORBIDDEN',
        `project_root ${given} is outside the project's folder ${projectRoot}; give a folder inside it, or leave project_root out to use the project's folder.`,
        { project_root: given, root_path: projectRoot },
      );
    return { root, why: null };
  }
  if (projectRoot === null)
    return { root: null, why: 'the project has no folder and no project_root was given' };
  const root = canonicalFolder(projectRoot);
  if (!isFolder(root))
    return { root: null, why: `the project folder ${projectRoot} is not on this machine` };
  return { root, why: null };
}

/** The measured files as the analysis reports them, and their lines in all. */
function filesPart(files: readonly MeasuredFile[]) {
  const measured = files.filter((file) => file.lines !== null);
  return {
    estimated_lines_of_code:
      measured.length > 0 ? measured.reduce((sum, file) => sum + file.lines!, 0) : null,
    files: files.map((file) => ({
      path: file.path,
      lines: file.lines,
      imports: [...file.imports.local, ...file.imports.packages],
      note: file.note,
    })),
  };
}

function textOf(task: Task): RiskText {
  return {
    title: task.title,
    description: task.description,
    details: task.details,
    test_strategy: task.test_strategy,
    criteria: task.acceptance_criteria.map((criterion) => criterion.text),
    tags: task.tags,
  };
}

export class ComplexityService {
  private readonly services: CoreServices;
  private readonly analyses: TaskAnalysesRepo;
  private readonly env: Environment;

  constructor(services: CoreServices, analyses: TaskAnalysesRepo, env: Environment) {
    this.services = services;
    this.analyses = analyses;
    this.env = env;
  }

  /** The task, the weights and (when wanted) the project's measured finished work, in one read. */
  private gather(taskId: number, options: AnalysisOptions) {
    const { store } = this.services;
    return store.read(() => {
      const record = requireTask(store, taskId);
      const task = toTask(store, record);
      const weights = resolveWeights(store, this.env);
      let history: Measured[] | null = null;
      if (options.use_historical_data) {
        const finished = this.analyses.finished(record.project_id);
        const tags = store.details.tagsOf(finished.map((row) => row.id));
        history = measuredTasks(finished, tags, record.id);
      }
      return { task, weights, history, rootPath: store.projects.get(record.project_id)!.root_path };
    });
  }

  /** Computes the analysis of `taskId`; stores nothing. */
  analyse(taskId: number, options: AnalysisOptions): Analysed {
    const { task, weights, history, rootPath } = this.gather(taskId, options);
    const { root, why } = analysisRoot(rootPath, options.project_root);
    const wantsFiles = options.estimate_code_volume || options.analyze_dependencies;
    const files = root !== null && wantsFiles ? measureFiles(task.file_refs, root) : [];
    const text = textOf(task);
    const risk = technicalRisk(options.assess_risk, text);
    const results: Record<ComplexityFactor, FactorResult> = {
      code_volume: codeVolume(
        options.estimate_code_volume,
        files,
        task.file_refs.length > 0 ? why : null,
        text,
      ),
      dependencies: dependencies(options.analyze_dependencies, files, task.dependencies),
      technical_risk: risk,
      historical_data: historicalData(options.use_historical_data, task, history ?? []),
    };
    const combined = combineFactors(results, weights);
    const analysis: ComplexityAnalysis = {
      score: combined.score,
      factors: combined.factors,
      weights,
      risk_level: risk.level,
      ...filesPart(files),
      confidence: combined.confidence,
      project_root: root,
      analyzed_at: this.services.clock.now(),
    };
    return { task, analysis, history };
  }

  run(
    input: OperationArgs<'analyze_complexity'>,
    context: CallContext,
  ): OperationOutput<'analyze_complexity'> {
    const { task_id, ...options } = input;
    const { task, analysis } = this.analyse(task_id, options);
    this.services.store.write(() =>
      storePlanning(
        this.services,
        this.analyses,
        task_id,
        { complexity_score: analysis.score },
        [['complexity', analysis]],
        context,
      ),
    );
    const previous = task.complexity_score;
    const was = previous === null || previous === analysis.score ? '' : ` (was ${previous})`;
    return {
      complexity: analysis,
      message: `#${task.id} ${task.title}: complexity ${analysis.score} of 10${was}, stored on the task; ${summary(analysis)}.`,
    };
  }
}

/** "code volume 6.1 (35%), dependencies 2 (25%), ..., history not assessed" */
export function summary(analysis: ComplexityAnalysis): string {
  return analysis.factors
    .map((factor) =>
      factor.value === null || factor.weight === 0
        ? `${FACTOR_WORDS[factor.name]} ${factor.value === null ? 'not assessed' : `${factor.value} (weight 0)`}`
        : `${FACTOR_WORDS[factor.name]} ${factor.value} (${Math.round(factor.weight * 100)}%)`,
    )
    .join(', ');
}
