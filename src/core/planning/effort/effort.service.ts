// estimate_effort: analyses the task's complexity (as analyze_complexity does, same options),
// turns it into hours with a range (effort-model.ts), and stores the hours, the score and both
// analyses in one write.
import type { EffortEstimate } from '../../../shared/operations/planning.ops.ts';
import type { OperationArgs, OperationOutput } from '../../../shared/operations/registry.ts';
import type { CallContext } from '../../call-context.ts';
import type { CoreServices } from '../../core-service.ts';
import type { TaskAnalysesRepo } from '../../store/task-analyses.repo.ts';
import type { ComplexityService } from '../complexity/complexity.service.ts';
import { hoursText } from '../history.ts';
import { storePlanning } from '../planning-writes.ts';
import { estimateHours } from './effort-model.ts';

export class EffortService {
  private readonly services: CoreServices;
  private readonly analyses: TaskAnalysesRepo;
  private readonly complexity: ComplexityService;

  constructor(services: CoreServices, analyses: TaskAnalysesRepo, complexity: ComplexityService) {
    this.services = services;
    this.analyses = analyses;
    this.complexity = complexity;
  }

  run(
    input: OperationArgs<'estimate_effort'>,
    context: CallContext,
  ): OperationOutput<'estimate_effort'> {
    const { task_id, ...options } = input;
    const { task, analysis, history } = this.complexity.analyse(task_id, options);
    const effort: EffortEstimate = {
      ...estimateHours(analysis.score, history),
      complexity_score: analysis.score,
      estimated_at: analysis.analyzed_at,
    };
    this.services.store.write(() =>
      storePlanning(
        this.services,
        this.analyses,
        task_id,
        { complexity_score: analysis.score, estimated_hours: effort.hours },
        [
          ['complexity', analysis],
          ['effort', effort],
        ],
        context,
      ),
    );
    const how =
      effort.method === 'calibrated'
        ? `calibrated on ${effort.calibration!.tasks} completed tasks of this project`
        : `from its complexity (${effort.reasons[0]})`;
    return {
      effort,
      complexity: analysis,
      message: `#${task.id} ${task.title}: about ${hoursText(effort.hours)} (${hoursText(effort.low)} to ${hoursText(effort.high)}), ${how}; complexity ${analysis.score}. Stored as its estimated hours.`,
    };
  }
}
