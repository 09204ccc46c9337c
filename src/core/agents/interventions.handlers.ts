// The question operations, bound to their service. The repository and the wake-up signal are
// built once per core, so a wait in this process hears of an answer given in this process at once.
import type { FeatureBinding } from '../handlers.ts';
import { createInterventionsRepo } from '../store/interventions.repo.ts';
import { Wakeup } from './intervention-wait.ts';
import { InterventionService } from './intervention.service.ts';

export const interventionHandlers: FeatureBinding<'interventions'> = (services) => {
  const repo = createInterventionsRepo(services.store.db);
  const questions = new InterventionService(services, services.projects, repo, new Wakeup());
  return {
    request_intervention: (args, context) => questions.request(args, context),
    get_intervention: (args, context) => questions.get(args, context),
    wait_for_intervention: (args, context) => questions.wait(args, context),
    answer_intervention: (args, context) => questions.answer(args, context),
    cancel_intervention: (args, context) => questions.cancel(args, context),
    list_interventions: (args) => questions.list(args),
  };
};
