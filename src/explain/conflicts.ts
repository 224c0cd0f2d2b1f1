// A minimal conflict set by deletion filtering over named constraint instances (MiniZinc FindMUS in spirit):
// relax chunks of instances; a chunk whose relaxation keeps the program infeasible is dropped for good, a chunk
// that restores feasibility is split, and a single instance that restores feasibility is a member. Because
// relaxing never removes solutions, a member found necessary stays necessary as the active set shrinks, so the
// result is minimal: relaxing any one member (with the non-members relaxed) makes the program feasible.
import type { Program } from "../model/schema.js";
import type { Budget } from "./budget.js";
import { listConstraintInstances, relaxInstances, type ConstraintInstance } from "./instances.js";

export interface ConflictSearch {
  /** Instances that cannot hold together (with every other named instance relaxed). */
  readonly members: readonly ConstraintInstance[];
  /** False when a solve was undecided or the budget ran out (members then may include unneeded instances). */
  readonly minimal: boolean;
  /** True when the program stays infeasible with every named instance relaxed: the cause is structural. */
  readonly structural: boolean;
}

export async function findConflictSet(program: Program, budget: Budget): Promise<ConflictSearch> {
  const all = listConstraintInstances(program);
  const allPaths = all.map((c) => c.path);
  const active = new Set(allPaths);
  const relaxedWithout = (chunk: readonly string[]) =>
    relaxInstances(program, new Set([...allPaths.filter((p) => !active.has(p)), ...chunk]));

  const background = await budget.ask(relaxInstances(program, new Set(allPaths)));
  if (background === "infeasible") return { members: [], minimal: true, structural: true };

  let minimal = background === "feasible";
  const queue: string[][] = split(allPaths);
  while (queue.length > 0) {
    const chunk = queue.shift()!;
    if (budget.exhausted) {
      minimal = false;
      break; // the rest stays active: a conflict set, maybe not minimal
    }
    const verdict = await budget.ask(relaxedWithout(chunk));
    if (verdict === "infeasible") {
      for (const p of chunk) active.delete(p);
    } else if (chunk.length > 1) {
      queue.unshift(...split(chunk));
    } else if (verdict === "unknown") {
      minimal = false;
    }
  }
  return { members: all.filter((c) => active.has(c.path)), minimal, structural: false };
}

function split(paths: readonly string[]): string[][] {
  if (paths.length === 0) return [];
  if (paths.length === 1) return [[...paths]];
  const half = Math.ceil(paths.length / 2);
  return [paths.slice(0, half), paths.slice(half)];
}
