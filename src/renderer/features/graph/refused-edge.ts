// A dependency the server refused, drawn at the edge the person tried to add: the server's own
// message (which names the cycle) and the ids on the cycle, so the canvas can mark them.
import type { ErrorPayload } from '../../../shared/errors.ts';

export interface RefusedEdge {
  /** The prerequisite the person dragged from. */
  source: number;
  /** The task that was to wait for it. */
  target: number;
  message: string;
  /** Ids along the cycle, as the server listed them; empty for other refusals. */
  cycle: number[];
}

function cycleIds(details: Record<string, unknown> | undefined): number[] {
  const cycle = details?.['cycle'];
  if (!Array.isArray(cycle)) return [];
  return cycle
    .map((step: unknown) =>
      typeof step === 'object' && step !== null ? (step as { id?: unknown }).id : undefined,
    )
    .filter((id): id is number => typeof id === 'number');
}

/**
 * The refusal to show on the edge for a failed add_dependency, or null when the failure is not
 * about this edge (the server down, a stale page) and belongs in the banner instead.
 */
export function refusedEdgeOf(
  error: ErrorPayload,
  source: number,
  target: number,
): RefusedEdge | null {
  if (error.code !== 'CYCLE' && error.code !== 'VALIDATION') return null;
  return { source, target, message: error.message, cycle: cycleIds(error.details) };
}

/** The edges (prerequisite -> dependent ids) along a refused cycle, to mark on the canvas. */
export function cycleEdgeIds(refused: RefusedEdge): Set<string> {
  const ids = new Set<string>();
  const { cycle } = refused;
  // the server lists the cycle as "a depends on b depends on c ... a": each step is an edge b->a
  for (let index = 0; index + 1 < cycle.length; index++)
    ids.add(`${cycle[index + 1]}->${cycle[index]}`);
  return ids;
}
