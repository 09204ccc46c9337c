// expand_task: picks the strategy (auto: a configured model provider, else offline), runs it,
// and writes what it produced with the same planner and writer add_subtasks uses. A provider
// that fails in any way (HTTP error, timeout, bad JSON, a plan that does not hold) gives way to
// the offline expansion, and the answer says why. The model's answer is awaited outside any
// transaction; the subtasks are written in one, when no other call's is open.
import { AppError } from '../../../shared/errors.ts';
import type { ModelProvider, Strategy } from '../../../shared/operations/expansion.ops.ts';
import type { OperationOutput } from '../../../shared/operations/registry.ts';
import type { CallContext } from '../../call-context.ts';
import type { FeatureServices } from '../../handlers.ts';
import { askAnthropic } from './anthropic-provider.ts';
import { readAnswer } from './answer-reading.ts';
import {
  answerSchema,
  buildPrompt,
  readBrief,
  type ExpandOptions,
  type ExpansionBrief,
} from './expansion-prompt.ts';
import { describeSdkError, type ModelAnswer } from './model-request.ts';
import { offlineSubtasks } from './offline-expansion.ts';
import { askOpenAI } from './openai-provider.ts';
import {
  autoProvider,
  providerConfig,
  readStoredProviders,
  redact,
  type ProviderConfig,
} from './provider-settings.ts';
import { planSubtasks } from './subtask-plan.ts';
import { requireExpandable, writePlan, type WrittenPlan } from './subtask-writer.ts';

type ExpandOutput = OperationOutput<'expand_task'>;

/** Seed 002's default: some variety in the plan, still on topic. */
const DEFAULT_TEMPERATURE = 0.7;

const ASK: Record<ModelProvider, typeof askOpenAI> = { openai: askOpenAI, anthropic: askAnthropic };

function refuseEmpty(options: ExpandOptions): void {
  if (options.include_implementation || options.include_tests || options.include_documentation)
    return;
  throw new AppError(
    'VALIDATION',
    'Nothing to expand into: include_implementation, include_tests and include_documentation are all false; turn on at least one.',
  );
}

const quoted = (brief: ExpansionBrief) => `#${brief.task.id} "${brief.task.title}"`;

export class ExpansionService {
  private readonly services: FeatureServices;

  constructor(services: FeatureServices) {
    this.services = services;
  }

  async expand(options: ExpandOptions, context: CallContext): Promise<ExpandOutput> {
    refuseEmpty(options);
    const { store } = this.services;
    const brief = store.read(() => {
      requireExpandable(this.services, options.task_id, context);
      return readBrief(store, options.task_id);
    });
    const stored = readStoredProviders(store);
    const auto = options.provider === 'auto' ? autoProvider(stored) : null;
    const strategy: Strategy = options.provider === 'auto' ? (auto ?? 'offline') : options.provider;
    if (strategy === 'agent') return this.agentPrompt(brief, options);
    if (strategy === 'offline') {
      const why = options.provider === 'auto' ? ' (no model provider is configured)' : '';
      return this.offline(brief, options, context, [], why);
    }
    const config = providerConfig(strategy, stored);
    try {
      return await this.withModel(brief, options, context, config);
    } catch (error) {
      if (context.signal.aborted)
        throw new AppError(
          'CANCELLED',
          'The call was cancelled while waiting for the model; nothing was created.',
        );
      if (error instanceof AppError && error.code === 'FORBIDDEN') throw error;
      const described =
        error instanceof AppError
          ? `its subtasks were refused: ${error.message}`
          : describeSdkError(error, config.timeoutMs, config.maxRetries);
      const reason = redact(described, config.apiKey);
      const warning = `${strategy} failed: ${reason}; the offline expansion ran instead.`;
      return this.offline(
        brief,
        options,
        context,
        [warning],
        ` because ${strategy} failed (${reason})`,
      );
    }
  }

  private async withModel(
    brief: ExpansionBrief,
    options: ExpandOptions,
    context: CallContext,
    config: ProviderConfig,
  ): Promise<ExpandOutput> {
    const { system, user } = buildPrompt(brief, options);
    const model = options.model ?? config.model;
    const warnings: string[] = [];
    if (config.provider === 'anthropic' && options.temperature !== undefined)
      warnings.push("Anthropic's Messages API no longer takes a temperature; it was not sent.");
    const answer: ModelAnswer = await ASK[config.provider](config, {
      system,
      user,
      schema: answerSchema(options.depth),
      model,
      maxTokens: options.max_tokens,
      temperature: options.temperature ?? DEFAULT_TEMPERATURE,
      signal: context.signal,
    });
    const plan = planSubtasks(readAnswer(answer.raw, options.depth, config.apiKey));
    const written = await this.write(brief, plan, context);
    const label = `${config.provider} (${answer.model})`;
    return this.result(config.provider, options, written, [...warnings, ...plan.warnings], {
      model: answer.model,
      usage: answer.usage,
      message: `Expanded ${quoted(brief)} into ${count(written)} with ${label}.`,
    });
  }

  private async offline(
    brief: ExpansionBrief,
    options: ExpandOptions,
    context: CallContext,
    warnings: string[],
    why: string,
  ): Promise<ExpandOutput> {
    const { specs, skipped } = offlineSubtasks(brief, options);
    const notes = [...warnings];
    if (options.context)
      notes.push('The offline expansion follows rules and does not read context.');
    if (skipped > 0)
      notes.push(
        `${skipped} subtask(s) it would make exist already (same title); they were not made again.`,
      );
    if (specs.length === 0) {
      return this.result('offline', options, { task: refOf(brief), subtasks: [] }, notes, {
        model: null,
        usage: null,
        message: `${quoted(brief)} already has the subtasks the offline expansion makes; nothing was created.`,
      });
    }
    const plan = planSubtasks(specs);
    const written = await this.write(brief, plan, context);
    return this.result('offline', options, written, [...notes, ...plan.warnings], {
      model: null,
      usage: null,
      message: `Expanded ${quoted(brief)} into ${count(written)} offline${why}.`,
    });
  }

  /** Writes when no other call's transaction is open on the shared connection. */
  private write(
    brief: ExpansionBrief,
    plan: ReturnType<typeof planSubtasks>,
    context: CallContext,
  ) {
    return this.services.background.exclusive(() =>
      writePlan(this.services, brief.task.id, plan, context),
    );
  }

  private agentPrompt(brief: ExpansionBrief, options: ExpandOptions): ExpandOutput {
    const { system, user } = buildPrompt(brief, options);
    const prompt = `${system}\n\n${user}\n\nThen call add_subtasks with task_id ${brief.task.id} and your "subtasks" list.`;
    return {
      ...this.result('agent', options, { task: refOf(brief), subtasks: [] }, [], {
        model: null,
        usage: null,
        message: `Nothing was created yet: answer the prompt, then submit the subtasks with add_subtasks (task_id ${brief.task.id}).`,
      }),
      prompt,
      answer_schema: answerSchema(options.depth),
    };
  }

  private result(
    strategy: Strategy,
    options: ExpandOptions,
    written: WrittenPlan,
    warnings: string[],
    extra: Pick<ExpandOutput, 'model' | 'usage' | 'message'>,
  ): ExpandOutput {
    return {
      strategy,
      requested: options.provider,
      task: written.task,
      subtasks: written.subtasks,
      warnings,
      ...extra,
    };
  }
}

function refOf(brief: ExpansionBrief) {
  return { id: brief.task.id, title: brief.task.title, status: brief.task.status };
}

function count(written: WrittenPlan): string {
  const n = written.subtasks.length;
  return n === 1 ? '1 subtask' : `${n} subtasks`;
}
