// Asks an OpenAI-compatible chat completions endpoint (OpenAI itself, or a local server such as
// Ollama, LM Studio or vLLM) for the subtasks, with the official SDK: structured JSON output by
// schema, the SDK's timeout and retries, the call's signal to stop it.
import type { ModelAnswer, ModelRequest } from './model-request.ts';
import { ProviderFailure } from './model-request.ts';
import type { ProviderConfig } from './provider-settings.ts';

/** OpenAI's own endpoint wants max_completion_tokens; compatible servers know max_tokens. */
function isOfficial(baseURL: string | null): boolean {
  return baseURL === null || /^https:\/\/api\.openai\.com(\/|$)/.test(baseURL);
}

export async function askOpenAI(
  config: ProviderConfig,
  request: ModelRequest,
): Promise<ModelAnswer> {
  if (config.apiKey === null && config.baseURL === null)
    throw new ProviderFailure('no API key: set OPENAI_API_KEY, or configure a key or a base URL');
  const { default: OpenAI } = await import('openai');
  const client = new OpenAI({
    // a local server needs no key, but the SDK refuses to start without one
    apiKey: config.apiKey ?? 'no-key',
    ...(config.baseURL === null ? {} : { baseURL: config.baseURL }),
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries,
    logLevel: 'off',
  });
  const tokens = isOfficial(config.baseURL)
    ? { max_completion_tokens: request.maxTokens }
    : { max_tokens: request.maxTokens };
  const completion = await client.chat.completions.create(
    {
      model: request.model,
      messages: [
        { role: 'system', content: request.system },
        { role: 'user', content: request.user },
      ],
      temperature: request.temperature,
      ...tokens,
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'subtasks', schema: request.schema, strict: false },
      },
    },
    { signal: request.signal },
  );
  const choice = completion.choices?.[0];
  if (!choice) throw new ProviderFailure('the answer held no message');
  if (choice.message?.refusal)
    throw new ProviderFailure(`the model refused: ${choice.message.refusal.slice(0, 200)}`);
  if (choice.finish_reason === 'length')
    throw new ProviderFailure(
      `the answer was cut off at max_tokens (${request.maxTokens}); raise max_tokens`,
    );
  const usage = completion.usage;
  return {
    raw: choice.message?.content ?? '',
    model: completion.model || request.model,
    usage: usage
      ? { input_tokens: usage.prompt_tokens, output_tokens: usage.completion_tokens }
      : null,
  };
}
