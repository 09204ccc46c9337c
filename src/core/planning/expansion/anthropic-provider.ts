// Asks Anthropic's Messages API for the subtasks with the official SDK. The answer is requested
// as a forced tool call whose input schema is the answer's, which every Claude model supports;
// a plain text answer holding the JSON is read too. The Messages API no longer takes a
// temperature (SDK 1.x dropped it), so none is sent.
import type { ModelAnswer, ModelRequest } from './model-request.ts';
import { ProviderFailure } from './model-request.ts';
import type { ProviderConfig } from './provider-settings.ts';

const TOOL = 'submit_subtasks';

export async function askAnthropic(
  config: ProviderConfig,
  request: ModelRequest,
): Promise<ModelAnswer> {
  if (config.apiKey === null)
    throw new ProviderFailure('no API key: set ANTHROPIC_API_KEY, or configure a key');
  const { default: Anthropic } = await import('@anthropic-ai/sdk');
  // the key is passed explicitly, so the SDK never looks for other credentials on this machine
  const client = new Anthropic({
    apiKey: config.apiKey,
    ...(config.baseURL === null ? {} : { baseURL: config.baseURL }),
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries,
    logLevel: 'off',
  });
  const message = await client.messages.create(
    {
      model: request.model,
      max_tokens: request.maxTokens,
      system: request.system,
      messages: [{ role: 'user', content: request.user }],
      tools: [
        {
          name: TOOL,
          description: 'Submit the subtasks of the task, in order.',
          input_schema: request.schema as { type: 'object' },
        },
      ],
      tool_choice: { type: 'tool', name: TOOL },
    },
    { signal: request.signal },
  );
  if (message.stop_reason === 'max_tokens')
    throw new ProviderFailure(
      `the answer was cut off at max_tokens (${request.maxTokens}); raise max_tokens`,
    );
  if (message.stop_reason === 'refusal') throw new ProviderFailure('the model refused to answer');
  const call = message.content.find((block) => block.type === 'tool_use' && block.name === TOOL);
  const text = message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
  const input = call?.type === 'tool_use' ? call.input : undefined;
  return {
    raw: typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : text,
    model: message.model || request.model,
    usage: message.usage
      ? { input_tokens: message.usage.input_tokens, output_tokens: message.usage.output_tokens }
      : null,
  };
}
