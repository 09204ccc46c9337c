// The claim, release, pause and lease-length operations, bound to their services.
import type { FeatureBinding } from '../handlers.ts';
import { NextTaskService } from '../planning/next-task.service.ts';
import { ClaimService } from './claim.service.ts';
import { LEASE_MINUTES_PREFERENCE, LeaseLifecycle, defaultLeaseMinutes } from './lease-expiry.ts';
import { PauseService } from './pause.service.ts';

export const claimHandlers: FeatureBinding<'claims'> = (services) => {
  const { store, projects, clock } = services;
  const leases = new LeaseLifecycle(services);
  const claims = new ClaimService(services, new NextTaskService(store, projects, clock), leases);
  const pauses = new PauseService(services, leases);
  return {
    claim_next_task: (args, context) => claims.claimNext(args, context),
    claim_task: (args, context) => claims.claim(args, context),
    release_task: (args, context) => claims.release(args, context),
    pause_task: (args, context) => pauses.pause(args, context),
    resume_task: (args, context) => pauses.resume(args, context),
    set_lease_minutes: ({ minutes }) =>
      store.write(() => {
        const previous = defaultLeaseMinutes(store);
        store.preferences.set(LEASE_MINUTES_PREFERENCE, minutes);
        return {
          minutes,
          previous,
          message: `Claims now last ${minutes} minute(s) without activity from their holder (was ${previous}).`,
        };
      }),
  };
};
