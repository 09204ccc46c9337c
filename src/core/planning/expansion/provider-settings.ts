// Where the model providers' settings come from: the database's preferences (set with
// set_expansion_provider) first, then the environment (OPENAI_API_KEY, OPENAI_BASE_URL,
// ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL, DEFAULT_LLM_PROVIDER, DEFAULT_LLM_MODEL from seed 002),
// then defaults. Keys stay inside this module's results and the SDK clients; outputs say only
// where a key comes from.
import type { ModelProvider } from '../../../shared/operations/expansion.ops.ts';
import { MODEL_PROVIDERS } from '../../../shared/operations/expansion.ops.ts';
import type { Store } from '../../store/store.ts';

export const PROVIDERS_PREFERENCE = 'expansion.providers';

export interface StoredProvider {
  base_url?: string;
  model?: string;
  api_key?: string;
  timeout_ms?: number;
  max_retries?: number;
}

export interface StoredProviders {
  openai?: StoredProvider;
  anthropic?: StoredProvider;
  default?: ModelProvider;
}

export interface ProviderConfig {
  provider: ModelProvider;
  apiKey: string | null;
  keySource: 'settings' | 'environment' | 'none';
  /** null: the SDK's official endpoint. */
  baseURL: string | null;
  model: string;
  timeoutMs: number;
  maxRetries: number;
  /** auto may use it: a key, or (OpenAI-compatible) a base URL of a server that needs none. */
  configured: boolean;
}

/** Current models that take a temperature and structured output; settings override them. */
const DEFAULT_MODELS: Record<ModelProvider, string> = {
  openai: 'gpt-4.1-mini',
  anthropic: 'claude-sonnet-4-6',
};
/** A plan answer is a few kilobytes: a minute is ample, and a stuck server is not waited on for long. */
const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_RETRIES = 2;

const ENV = {
  openai: { key: 'OPENAI_API_KEY', url: 'OPENAI_BASE_URL', model: 'OPENAI_MODEL' },
  anthropic: { key: 'ANTHROPIC_API_KEY', url: 'ANTHROPIC_BASE_URL', model: 'ANTHROPIC_MODEL' },
} as const;

type Env = Readonly<Record<string, string | undefined>>;

const present = (value: string | undefined) =>
  value !== undefined && value.trim() !== '' ? value.trim() : undefined;

export function readStoredProviders(store: Store): StoredProviders {
  const value = store.read(() => store.preferences.get(PROVIDERS_PREFERENCE));
  return typeof value === 'object' && value !== null ? (value as StoredProviders) : {};
}

/** One provider's settings as they apply now. */
export function providerConfig(
  provider: ModelProvider,
  stored: StoredProviders,
  env: Env = process.env,
): ProviderConfig {
  const own = stored[provider] ?? {};
  const names = ENV[provider];
  const storedKey = present(own.api_key);
  const envKey = present(env[names.key]);
  const apiKey = storedKey ?? envKey ?? null;
  const baseURL = present(own.base_url) ?? present(env[names.url]) ?? null;
  const defaultModel =
    present(env['DEFAULT_LLM_PROVIDER']) === provider
      ? present(env['DEFAULT_LLM_MODEL'])
      : undefined;
  return {
    provider,
    apiKey,
    keySource: storedKey ? 'settings' : envKey ? 'environment' : 'none',
    baseURL,
    model:
      present(own.model) ?? present(env[names.model]) ?? defaultModel ?? DEFAULT_MODELS[provider],
    timeoutMs: own.timeout_ms ?? DEFAULT_TIMEOUT_MS,
    maxRetries: own.max_retries ?? DEFAULT_RETRIES,
    configured: apiKey !== null || (provider === 'openai' && baseURL !== null),
  };
}

/** The provider auto runs: the default one if configured, else the first configured, else none. */
export function autoProvider(
  stored: StoredProviders,
  env: Env = process.env,
): ModelProvider | null {
  const preferred = [stored.default, present(env['DEFAULT_LLM_PROVIDER'])].filter(
    (name): name is ModelProvider => MODEL_PROVIDERS.includes(name as ModelProvider),
  );
  for (const provider of [...preferred, ...MODEL_PROVIDERS])
    if (providerConfig(provider, stored, env).configured) return provider;
  return null;
}

/** The settings as callers see them: where keys come from, never the keys. */
export function describeSettings(stored: StoredProviders, env: Env = process.env) {
  const providers = MODEL_PROVIDERS.map((provider) => {
    const config = providerConfig(provider, stored, env);
    return {
      provider,
      configured: config.configured,
      base_url: config.baseURL === null ? null : withoutCredentials(config.baseURL),
      model: config.model,
      key: config.keySource,
      timeout_ms: config.timeoutMs,
      max_retries: config.maxRetries,
    };
  });
  const auto: ModelProvider | 'offline' = autoProvider(stored, env) ?? 'offline';
  const configured = providers.filter((p) => p.configured).map((p) => p.provider);
  const message = configured.length
    ? `Expansion with provider auto uses ${auto}; configured: ${configured.join(', ')}.`
    : 'No model provider is configured, so expansion with provider auto runs offline. Set OPENAI_API_KEY, OPENAI_BASE_URL or ANTHROPIC_API_KEY, or configure a provider.';
  return { providers, auto, message };
}

/** A URL fit to show: user and password removed. */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(an invalid URL)';
  }
}

/** Text with every occurrence of the key replaced, so no answer or error carries it. */
export function redact(text: string, key: string | null): string {
  return key && key.length >= 4 ? text.split(key).join('[redacted]') : text;
}
