// The agents operations (the person's roster and the connect text), bound to their service.
import type { FeatureBinding } from '../handlers.ts';
import { AgentRosterService } from './agent-roster.service.ts';

export const agentHandlers: FeatureBinding<'agents'> = (services) => {
  const roster = new AgentRosterService(services);
  return {
    list_agents: (args) => roster.list(args),
    get_connect_config: (args) => roster.connectConfig(args),
  };
};
