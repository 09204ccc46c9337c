// The approval-gate operations, bound to their services.
import type { FeatureBinding } from '../handlers.ts';
import { ApprovalGateService } from './approval-gate.service.ts';
import { ClarificationService } from './clarification.service.ts';
import { ReviewService } from './review.service.ts';

export const gateHandlers: FeatureBinding<'gates'> = (services) => {
  const reviews = new ReviewService(services, services.projects);
  const gates = new ApprovalGateService(services, services.projects);
  const clarifications = new ClarificationService(services);
  return {
    list_reviews: (args) => reviews.list(args),
    approve_task: (args, context) => reviews.approve(args, context),
    reject_task: (args, context) => reviews.reject(args, context),
    set_approval_gate: (args, context) => gates.set(args, context),
    add_clarification: (args, context) => clarifications.add(args, context),
  };
};
