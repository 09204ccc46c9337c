// The Task Master operations, bound to the import and export services (loaded on first use, so
// other commands do not pay for them).
import type { FeatureBinding } from '../handlers.ts';

export const taskmasterHandlers: FeatureBinding<'taskmaster'> = (services) => ({
  import_taskmaster: async (args, context) => {
    const { TaskMasterImport } = await import('./taskmaster/taskmaster-import.ts');
    return new TaskMasterImport(services, services.projects).run(args, context);
  },
  export_taskmaster: async (args, context) => {
    const { TaskMasterExport } = await import('./taskmaster/taskmaster-export.ts');
    return new TaskMasterExport(services, services.projects).run(args, context);
  },
});
