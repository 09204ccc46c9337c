// The score: the weighted mean of the factors that could be assessed, 1..10. A factor turned
// off or without data gives its weight to the others (their shares are renormalised), and the
// confidence drops by the weight that went unused.
import { AppError } from '../../../shared/errors.ts';
import {
  COMPLEXITY_FACTORS,
  type ComplexityAnalysis,
  type ComplexityFactor,
} from '../../../shared/operations/planning.ops.ts';
import type { FactorResult } from './factors.ts';
import type { Weights } from './weights.ts';

export interface Combined {
  score: number;
  factors: ComplexityAnalysis['factors'];
  confidence: number;
}

export function combineFactors(
  results: Record<ComplexityFactor, FactorResult>,
  weights: Weights,
): Combined {
  const counts = (factor: ComplexityFactor) =>
    results[factor].value !== null && weights[factor].value > 0;
  const counted = COMPLEXITY_FACTORS.filter(counts);
  const total = counted.reduce((sum, factor) => sum + weights[factor].value, 0);
  if (total === 0) {
    const why = COMPLEXITY_FACTORS.map(
      (factor) => `${factor}: ${results[factor].reasons[0] ?? `weight ${weights[factor].value}`}`,
    );
    throw new AppError(
      'VALIDATION',
      `No factor with a weight above 0 could be assessed (${why.join('; ')}); turn on another factor or give it a weight.`,
      { factors: results },
    );
  }
  const all = COMPLEXITY_FACTORS.reduce((sum, factor) => sum + weights[factor].value, 0);
  let mean = 0;
  let confidence = 0;
  for (const factor of counted) {
    mean += (weights[factor].value * results[factor].value!) / total;
    confidence += (weights[factor].value * results[factor].confidence) / all;
  }
  return {
    score: Math.min(10, Math.max(1, Math.round(mean * 10) / 10)),
    factors: COMPLEXITY_FACTORS.map((factor) => {
      const { value, reasons } = results[factor];
      const weight = counts(factor) ? weights[factor].value / total : 0;
      const unweighted = value !== null && weights[factor].value === 0;
      return {
        name: factor,
        value,
        weight: Math.round(weight * 1000) / 1000,
        reasons: unweighted ? [...reasons, 'its weight is 0, so it does not count'] : reasons,
      };
    }),
    confidence: Math.round(confidence * 100) / 100,
  };
}
