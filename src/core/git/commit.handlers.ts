// The commit-link operation, bound to its service.
import type { FeatureBinding } from '../handlers.ts';
import { CommitLinkService } from './commit-link.service.ts';

export const commitHandlers: FeatureBinding<'commits'> = (services) => {
  const commits = new CommitLinkService(services);
  return { link_git_commit: (args, context) => commits.link(args, context) };
};
