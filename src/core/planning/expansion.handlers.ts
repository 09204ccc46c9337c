// The expansion operations: expand_task, add_subtasks (the agent's answer, or anyone's plan)
// and the model provider settings.
import type { FeatureBinding } from '../handlers.ts';
import { ExpansionService } from './expansion/expansion.service.ts';
import {
  describeSettings,
  PROVIDERS_PREFERENCE,
  readStoredProviders,
  type StoredProvider,
} from './expansion/provider-settings.ts';
import { planSubtasks } from './expansion/subtask-plan.ts';
import { writePlan } from './expansion/subtask-writer.ts';

const SETTING_FIELDS = ['base_url', 'model', 'api_key', 'timeout_ms', 'max_retries'] as const;

export const expansionHandlers: FeatureBinding<'expansion'> = (services) => {
  const expansion = new ExpansionService(services);
  const { store } = services;
  return {
    expand_task: (args, context) => expansion.expand(args, context),
    add_subtasks: (args, context) => {
      const plan = planSubtasks(args.subtasks);
      const written = writePlan(services, args.task_id, plan, context);
      const count = written.subtasks.length;
      return {
        ...written,
        warnings: plan.warnings,
        message: `Added ${count} subtask${count === 1 ? '' : 's'} under #${written.task.id} "${written.task.title}".`,
      };
    },
    set_expansion_provider: (args) => {
      const stored = store.write(() => {
        const current = readStoredProviders(store);
        const own: StoredProvider = { ...current[args.provider] };
        for (const field of SETTING_FIELDS) {
          const value = args[field];
          if (value === null) delete own[field];
          else if (value !== undefined) (own as Record<string, unknown>)[field] = value;
        }
        const next = { ...current, [args.provider]: own };
        if (args.default === true) next.default = args.provider;
        if (args.default === false && next.default === args.provider) delete next.default;
        store.preferences.set(PROVIDERS_PREFERENCE, next);
        return next;
      });
      return describeSettings(stored);
    },
    get_expansion_settings: () => describeSettings(readStoredProviders(store)),
  };
};
