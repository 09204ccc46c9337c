// Called first by tests that make calls at random (the fuzz runs) or configure providers
// themselves: with a model provider's key in the environment, expand_task with provider auto would
// call a real service. Removing those variables keeps every expansion offline, in this process
// and in the CLI processes it starts.
export function useOfflineModels(): void {
  for (const name of [
    'OPENAI_API_KEY',
    'OPENAI_BASE_URL',
    'OPENAI_MODEL',
    'ANTHROPIC_API_KEY',
    'ANTHROPIC_BASE_URL',
    'ANTHROPIC_MODEL',
    'DEFAULT_LLM_PROVIDER',
    'DEFAULT_LLM_MODEL',
  ])
    delete process.env[name];
}
