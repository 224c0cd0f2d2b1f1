// Smallest single-parameter relaxations, in the spirit of quota relaxation in sortition tools: along each axis a rule
// of the catalogue offers (a share cap, a minimum, panel sizes, who may chair; see axes.ts) find the least change
// that makes the program feasible, by binary search over the axis's meaningful values (feasibility is monotone
// along each axis: relaxing never removes solutions). An axis whose loosest value is still infeasible is not
// reported.
import { HARD_RULES } from "../constraints/registry.js";
import type { Program } from "../model/schema.js";
import type { RelaxationAxis } from "./axes.js";
import type { Budget } from "./budget.js";
import type { Relaxation, Verdict } from "./types.js";

/**
 * `priority`: path prefixes of the axes to try first, in that order (the axes failed checks point at); with
 * `sensitiveFirst`, the at-risk fixes come before them (nothing else repairs a cause that exists because someone
 * is at risk).
 */
export async function findRelaxations(program: Program, budget: Budget, priority: readonly string[] = [], sensitiveFirst = false): Promise<Relaxation[]> {
  const first = (axis: RelaxationAxis) => (sensitiveFirst && axis.sensitive === true ? -1 : rank(axis.path, priority));
  const axes = relaxationAxes(program).sort((a, b) => first(a) - first(b));
  const out: Relaxation[] = [];
  for (const axis of axes) {
    if (budget.exhausted || axis.steps.length === 0) continue;
    const loosest = axis.steps[axis.steps.length - 1];
    if ((await budget.ask(axis.apply(program, loosest))) !== "feasible") continue;
    // Invariant: steps[hi] is feasible; steps below lo are not, or could not be decided in time.
    const verdicts = new Map<number, Verdict>();
    let lo = 0;
    let hi = axis.steps.length - 1;
    while (lo < hi && !budget.exhausted) {
      const mid = (lo + hi) >> 1;
      const verdict = await budget.ask(axis.apply(program, axis.steps[mid]));
      verdicts.set(mid, verdict);
      if (verdict === "feasible") hi = mid;
      else lo = mid + 1;
    }
    // Smallest for sure when the step just below was proven infeasible (monotonicity covers the rest).
    const smallest = hi === 0 || (lo === hi && verdicts.get(hi - 1) === "infeasible");
    const to = axis.steps[hi];
    out.push({ path: axis.path, from: axis.from, to, smallest, message: axis.describe(to), ...(axis.sensitive === true ? { sensitive: true } : {}) });
  }
  return out;
}

function rank(path: string, priority: readonly string[]): number {
  const k = priority.findIndex((p) => path.startsWith(p));
  return k === -1 ? priority.length : k;
}

/** Every rule's relaxation axes, in catalogue order. */
export function relaxationAxes(program: Program): RelaxationAxis[] {
  return HARD_RULES.flatMap((rule) => rule.explain.axes?.(program) ?? []);
}
