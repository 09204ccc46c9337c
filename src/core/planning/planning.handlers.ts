// The planning operations (complexity, effort, weights, commit scanning), bound to their services.
// The environment is read at each call, so COMPLEXITY_WEIGHTS_* set after start-up apply.
import type { FeatureBinding } from '../handlers.ts';
import { createTaskAnalysesRepo } from '../store/task-analyses.repo.ts';
import { ComplexityService } from './complexity/complexity.service.ts';
import { setComplexityWeights } from './complexity/weights.service.ts';
import { EffortService } from './effort/effort.service.ts';
import { GitScanService } from './git-scan.service.ts';

export const planningHandlers: FeatureBinding<'planning'> = (services) => {
  const analyses = createTaskAnalysesRepo(services.store.db);
  const complexity = new ComplexityService(services, analyses, process.env);
  const effort = new EffortService(services, analyses, complexity);
  const scanner = new GitScanService(services);
  return {
    analyze_complexity: (args, context) => complexity.run(args, context),
    estimate_effort: (args, context) => effort.run(args, context),
    set_complexity_weights: (args) => setComplexityWeights(services.store, process.env, args),
    scan_commits: (args, context) => scanner.scan(args, context),
  };
};
