// The affinity pairs of a Problem as symmetric pair weights, in the form a hot loop reads fastest: a dense n x n
// matrix when nearly every pair has a weight (MDGP), else per-participant neighbour lists. Built once per Problem,
// on first use, by whichever solver asks first.
import type { Problem } from "./problem.js";

/** Dense matrices above this many participants would cost too much memory (n² doubles). */
const DENSE_MAX_PARTICIPANTS = 2500;

export interface AffinityWeights {
  /** n x n weights, [i * n + j], when affinities are dense; null otherwise (then the lists below hold them). */
  readonly matrix: Float64Array | null;
  readonly neighbours: readonly Int32Array[];
  readonly weights: readonly Float64Array[];
  /** A pair listed with the same participant twice: counts whenever that participant is a member. */
  readonly self: Float64Array;
}

const cache = new WeakMap<Problem, AffinityWeights>();

/** One symmetric weight per unordered pair (repeated pairs add up). */
export function affinityWeightsOf(problem: Problem): AffinityWeights {
  const known = cache.get(problem);
  if (known !== undefined) return known;
  const n = problem.participantCount;
  const dense = problem.affinities.length * 4 >= n * n && n <= DENSE_MAX_PARTICIPANTS;
  const matrix = dense ? new Float64Array(n * n) : null;
  const self = new Float64Array(n);
  const byNeighbour: Map<number, number>[] = dense ? [] : Array.from({ length: n }, () => new Map());
  for (const { i, j, weight } of problem.affinities) {
    if (i === j) self[i]! += weight;
    else if (matrix !== null) {
      matrix[i * n + j]! += weight;
      matrix[j * n + i]! += weight;
    } else {
      byNeighbour[i]!.set(j, (byNeighbour[i]!.get(j) ?? 0) + weight);
      byNeighbour[j]!.set(i, (byNeighbour[j]!.get(i) ?? 0) + weight);
    }
  }
  const weights: AffinityWeights = {
    matrix,
    neighbours: byNeighbour.map((m) => Int32Array.from(m.keys())),
    weights: byNeighbour.map((m) => Float64Array.from(m.values())),
    self,
  };
  cache.set(problem, weights);
  return weights;
}
