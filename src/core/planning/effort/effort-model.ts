// Hours from complexity. With at least five completed tasks that have a measured duration and a
// complexity score, the project's own rate is used: the median hours per complexity point, the
// range from the middle half of those rates. Otherwise a default curve: 30 minutes at
// complexity 1, doubling every 1.5 points (about 3 h at 5, 32 h at 10), ranged -40%/+80%
// because estimates overrun more often than they underrun.
import { hoursText, quantile, roundTo, type Measured } from '../history.ts';

/** Completed tasks needed before the project's own rate replaces the default curve. */
export const CALIBRATION_MINIMUM = 5;
const BASE_HOURS = 0.5;
const POINTS_PER_DOUBLING = 1.5;
/** Hours are given to the quarter hour, never below it. */
const STEP = 0.25;

export const hoursForComplexity = (score: number) =>
  BASE_HOURS * 2 ** ((score - 1) / POINTS_PER_DOUBLING);

/** The inverse of the curve, 1..10: the complexity the default would give a task of `hours`. */
export const complexityForHours = (hours: number) =>
  Math.min(10, Math.max(1, 1 + POINTS_PER_DOUBLING * Math.log2(hours / BASE_HOURS)));

const quarter = (hours: number) => Math.max(STEP, roundTo(hours, STEP));

export interface EffortResult {
  hours: number;
  low: number;
  high: number;
  method: 'calibrated' | 'default';
  calibration: { tasks: number; hours_per_point: number } | null;
  reasons: string[];
}

function calibrated(score: number, rated: readonly Measured[]): EffortResult {
  const rates = rated.map((task) => task.hours / task.complexity_score!);
  const rate = quantile(rates, 0.5);
  let [low, high] = [quantile(rates, 0.25) * score, quantile(rates, 0.75) * score];
  const hours = rate * score;
  // identical rates give no spread; an estimate is never exact
  if (high - low < hours * 0.2) [low, high] = [hours * 0.8, hours * 1.25];
  return {
    hours: quarter(hours),
    low: quarter(Math.min(low, hours)),
    high: quarter(Math.max(high, hours)),
    method: 'calibrated',
    calibration: { tasks: rated.length, hours_per_point: Math.round(rate * 100) / 100 },
    reasons: [
      `calibrated on ${rated.length} completed tasks of this project: a complexity point took ${hoursText(rate)} (median)`,
      `complexity ${score} × ${hoursText(rate)} = ${hoursText(hours)}; the range is the middle half of their rates`,
    ],
  };
}

/** The estimate for complexity `score`; `history` null when historical data is not to be used. */
export function estimateHours(score: number, history: readonly Measured[] | null): EffortResult {
  const rated = (history ?? []).filter((task) => task.complexity_score !== null);
  if (history !== null && rated.length >= CALIBRATION_MINIMUM) return calibrated(score, rated);
  const hours = hoursForComplexity(score);
  const why =
    history === null
      ? 'use_historical_data is off'
      : `${rated.length} completed task${rated.length === 1 ? ' has' : 's have'} a measured duration and a complexity score; ${CALIBRATION_MINIMUM} are needed to calibrate`;
  return {
    hours: quarter(hours),
    low: quarter(hours * 0.6),
    high: quarter(hours * 1.8),
    method: 'default',
    calibration: null,
    reasons: [
      `${why}, so the default applies`,
      `default for complexity ${score}: ${hoursText(hours)} (30 min at 1, doubling every ${POINTS_PER_DOUBLING} points)`,
    ],
  };
}
