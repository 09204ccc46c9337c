// The session operations, bound to their service.
import type { FeatureBinding } from '../handlers.ts';
import { LeaseLifecycle } from '../tasks/lease-expiry.ts';
import { SessionService } from './session.service.ts';

export const sessionHandlers: FeatureBinding<'sessions'> = (services) => {
  const sessions = new SessionService(services, new LeaseLifecycle(services));
  return {
    start_session: (args, context) => sessions.start(args, context),
    end_session: (args, context) => sessions.end(args, context),
  };
};
