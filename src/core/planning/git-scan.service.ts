// scan_commits: reads the project folder's git log, then links every commit to the tasks of
// this project its message mentions, through link_git_commit's service (so each new link is
// recorded as it would be by hand). A commit already linked to a task is skipped, which makes a
// second scan link nothing new. All links of one scan are written in one transaction.
import { AppError, placeholder } from '../../shared/errors.ts';
import type { OperationArgs, OperationOutput } from '../../shared/operations/registry.ts';
import { TASK_LIMITS } from '../../shared/tasks/task-fields.ts';
import type { CallContext } from '../call-context.ts';
import { CommitLinkService } from '../git/commit-link.service.ts';
import type { FeatureServices } from '../handlers.ts';
import { readGitLog } from './git-scan-log.ts';
import { mentionedTaskIds } from './git-scan-mentions.ts';

/** New links listed in the answer at most; linked_count has them all. */
const LISTED = 100;

type Linked = OperationOutput<'scan_commits'>['linked'][number];

export class GitScanService {
  private readonly services: FeatureServices;
  private readonly links: CommitLinkService;

  constructor(services: FeatureServices) {
    this.services = services;
    this.links = new CommitLinkService(services);
  }

  async scan(
    input: OperationArgs<'scan_commits'>,
    context: CallContext,
  ): Promise<OperationOutput<'scan_commits'>> {
    const { store, projects } = this.services;
    const project = store.read(() => projects.resolve(input.project_id, context));
    if (project.root_path === null)
      throw new AppError(
        'VALIDATION',
        `Project "${project.name}" has no folder, so there is no git log to read; give it the folder of its code base first.`,
        { project_id: project.id },
        [
          {
            action: 'set its folder',
            operation: 'update_project',
            input: { project_id: project.id, root_path: placeholder('folder') },
          },
        ],
      );
    const commits = await readGitLog(project.root_path, { limit: input.limit, since: input.since });
    const mentions = commits.map((commit) => ({ commit, ids: mentionedTaskIds(commit.message) }));
    const linked: Linked[] = [];
    let already = 0;
    const unknown = new Set<number>();
    store.write(() => {
      const ids = [...new Set(mentions.flatMap((entry) => entry.ids))];
      const ours = new Set(
        store.tasks
          .getMany(ids)
          .filter((task) => task.project_id === project.id)
          .map((task) => task.id),
      );
      // oldest first, so the links are recorded in the order the work happened
      for (const { commit, ids: mentioned } of mentions.reverse()) {
        for (const id of mentioned) {
          if (!ours.has(id)) unknown.add(id);
          else if (store.commits.get(id, commit.hash)) already++;
          else {
            this.links.link(
              {
                task_id: id,
                commit_hash: commit.hash,
                commit_message: commit.message.slice(0, TASK_LIMITS.description),
                author: commit.author.trim().slice(0, TASK_LIMITS.shortText) || null,
              },
              context,
            );
            linked.push({
              task_id: id,
              hash: commit.hash,
              subject: commit.message.split('\n')[0]!,
            });
          }
        }
      }
    });
    const unknownIds = [...unknown].sort((a, b) => a - b);
    const message =
      `Scanned ${commits.length} commit(s) in ${project.root_path}: linked ${linked.length} new` +
      `${already > 0 ? `, ${already} already linked` : ''}` +
      `${
        unknown.size > 0
          ? `; ${unknown.size} mentioned id(s) are no task of "${project.name}" (${unknownIds
              .slice(0, 10)
              .map((id) => `#${id}`)
              .join(', ')})`
          : ''
      }.`;
    return {
      scanned: commits.length,
      linked: linked.slice(-LISTED),
      linked_count: linked.length,
      already_linked: already,
      unknown_ids: unknownIds.slice(0, LISTED),
      message,
    };
  }
}
