// set_complexity_weights: the weights kept for this database, which win over the environment.
// Given weights are merged into those already set; reset forgets them first; none shows them.
import {
  COMPLEXITY_FACTORS,
  type ComplexityFactor,
} from '../../../shared/operations/planning.ops.ts';
import type { OperationArgs, OperationOutput } from '../../../shared/operations/registry.ts';
import type { Store } from '../../store/store.ts';
import {
  describeWeights,
  resolveWeights,
  storedWeights,
  WEIGHTS_PREFERENCE,
  type Environment,
} from './weights.ts';

export function setComplexityWeights(
  store: Store,
  env: Environment,
  input: OperationArgs<'set_complexity_weights'>,
): OperationOutput<'set_complexity_weights'> {
  const given: Partial<Record<ComplexityFactor, number>> = {};
  for (const factor of COMPLEXITY_FACTORS)
    if (input[factor] !== undefined) given[factor] = input[factor];
  if (Object.keys(given).length === 0 && !input.reset) {
    const weights = store.read(() => resolveWeights(store, env));
    return { weights, message: `Complexity weights: ${describeWeights(weights)}.` };
  }
  // in one write: weights adding up to nothing (or a bad environment value) roll it back
  const weights = store.write(() => {
    const kept = input.reset ? {} : storedWeights(store);
    store.preferences.set(WEIGHTS_PREFERENCE, { ...kept, ...given });
    return resolveWeights(store, env);
  });
  return {
    weights,
    message: `Complexity weights are now ${describeWeights(weights)}. They apply to the next analyses; scores already stored stay as they are.`,
  };
}
