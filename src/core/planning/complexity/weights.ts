// The complexity factors' weights: those set for this database (a preference) win, then seed
// 002's COMPLEXITY_WEIGHTS_* environment variables, then seed 002's defaults. A bad value in the
// environment is refused with the variable's name rather than silently replaced.
import { AppError } from '../../../shared/errors.ts';
import {
  COMPLEXITY_FACTORS,
  type ComplexityFactor,
} from '../../../shared/operations/planning.ops.ts';
import type { Store } from '../../store/store.ts';

export const WEIGHTS_PREFERENCE = 'complexity_weights';

/** Seed 002's defaults: code volume matters most, history least (it is the least specific). */
export const DEFAULT_WEIGHTS: Record<ComplexityFactor, number> = {
  code_volume: 0.35,
  dependencies: 0.25,
  technical_risk: 0.25,
  historical_data: 0.15,
};

export type Weights = Record<
  ComplexityFactor,
  { value: number; source: 'settings' | 'environment' | 'default' }
>;

export type Environment = Readonly<Record<string, string | undefined>>;

export const envName = (factor: ComplexityFactor) => `COMPLEXITY_WEIGHTS_${factor.toUpperCase()}`;

/** The weights stored for this database; an unreadable preference counts as none. */
export function storedWeights(store: Store): Partial<Record<ComplexityFactor, number>> {
  const value = store.preferences.get(WEIGHTS_PREFERENCE);
  if (typeof value !== 'object' || value === null) return {};
  const stored: Partial<Record<ComplexityFactor, number>> = {};
  for (const factor of COMPLEXITY_FACTORS) {
    const weight = (value as Record<string, unknown>)[factor];
    if (typeof weight === 'number' && Number.isFinite(weight) && weight >= 0)
      stored[factor] = weight;
  }
  return stored;
}

function environmentWeight(env: Environment, factor: ComplexityFactor): number | undefined {
  const text = env[envName(factor)]?.trim();
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 100)
    throw new AppError(
      'VALIDATION',
      `The environment variable ${envName(factor)} is "${text.slice(0, 40)}"; a weight must be a number from 0 to 100, e.g. 0.35. Fix or unset it, or set the weight for this database instead.`,
      { variable: envName(factor), value: text.slice(0, 40) },
      [
        {
          action: 'set the weights for this database',
          operation: 'set_complexity_weights',
          input: {},
        },
      ],
    );
  return value;
}

/** Every factor's weight and where it came from; refuses weights that add up to nothing. */
export function resolveWeights(store: Store, env: Environment): Weights {
  const stored = storedWeights(store);
  const weights = {} as Weights;
  for (const factor of COMPLEXITY_FACTORS) {
    const set = stored[factor];
    // the environment is read only where nothing is set here, so a bad variable can be overridden
    const fromEnv = set === undefined ? environmentWeight(env, factor) : undefined;
    weights[factor] =
      set !== undefined
        ? { value: set, source: 'settings' }
        : fromEnv !== undefined
          ? { value: fromEnv, source: 'environment' }
          : { value: DEFAULT_WEIGHTS[factor], source: 'default' };
  }
  refuseAllZero(weights);
  return weights;
}

export function refuseAllZero(weights: Weights): void {
  if (COMPLEXITY_FACTORS.some((factor) => weights[factor].value > 0)) return;
  const where = COMPLEXITY_FACTORS.map(
    (factor) => `${factor} ${weights[factor].value} (${weights[factor].source})`,
  ).join(', ');
  throw new AppError(
    'VALIDATION',
    `Every complexity weight is 0 (${where}), so no factor would count; give at least one factor a weight above 0.`,
    { weights },
  );
}

/** "code volume 0.35, dependencies 0.25 (environment), ..." */
export function describeWeights(weights: Weights): string {
  return COMPLEXITY_FACTORS.map((factor) => {
    const { value, source } = weights[factor];
    return `${factor.replaceAll('_', ' ')} ${value}${source === 'default' ? '' : ` (${source})`}`;
  }).join(', ');
}
