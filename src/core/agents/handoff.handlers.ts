// The progress, handoff (context, handoff, resume) and artifact operations, bound to their services.
import type { FeatureBinding } from '../handlers.ts';
import { ArtifactService } from './artifact.service.ts';
import { ContextService } from './context.service.ts';
import { HandoffService } from './handoff.service.ts';
import { ProgressService } from './progress.service.ts';

export const progressHandlers: FeatureBinding<'progress'> = (services) => {
  const progress = new ProgressService(services);
  return {
    update_progress: (args, context) => progress.update(args, context),
    set_checkpoints: (args, context) => progress.setCheckpoints(args, context),
    check_step: (args, context) => progress.checkStep(args, context),
  };
};

export const handoffHandlers: FeatureBinding<'handoff'> = (services) => {
  const contexts = new ContextService(services);
  const handoffs = new HandoffService(services);
  return {
    save_context: (args, context) => contexts.save(args, context),
    load_context: (args, context) => contexts.load(args, context),
    prepare_handoff: (args, context) => handoffs.prepare(args, context),
    resume_work: (args, context) => handoffs.resume(args, context),
  };
};

export const artifactHandlers: FeatureBinding<'artifacts'> = (services) => {
  const artifacts = new ArtifactService(services);
  return {
    store_artifact: (args, context) => artifacts.save(args, context),
    get_artifact: (args) => artifacts.get(args),
    list_artifacts: (args) => artifacts.list(args),
  };
};
