// The project operations, bound to the project and transfer services.
import type { FeatureBinding } from '../handlers.ts';
import { TransferService } from './transfer.service.ts';

export const projectHandlers: FeatureBinding<'projects'> = ({ projects }) => ({
  create_project: (args, context) => ({
    project: projects.create(args, context),
    message: `Created project "${args.name}".`,
  }),
  init_project: (args, context) => projects.init(args, context),
  update_project: (args, context) => projects.update(args, context),
  use_project: (args) => projects.use(args),
  get_current_project: (_args, context) => projects.current(context),
  list_projects: () => ({ projects: projects.list() }),
});

export const transferHandlers: FeatureBinding<'transfer'> = (services) => {
  const transfer = new TransferService(services, services.projects);
  return {
    export_project: (args, context) => transfer.export(args, context),
    import_project: (args, context) => transfer.import(args, context),
  };
};
