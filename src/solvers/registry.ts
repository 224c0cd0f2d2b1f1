// Solver names → implementations. An unknown name is a usage error for the CLI, never a silent fallback.
import { autoSolver, searchSolver } from "./auto.js";
import { greedySolver } from "./greedy/greedy.js";
import { highsSolver } from "./mip/highs.js";
import { mipSolver } from "./mip/jslp.js";
import { SOLVER_NAMES, type Solver, type SolverName } from "./solver.js";

export const SOLVERS: Readonly<Record<SolverName, Solver>> = {
  mip: mipSolver,
  highs: highsSolver,
  greedy: greedySolver,
  search: searchSolver,
  auto: autoSolver,
};

export function isSolverName(name: string): name is SolverName {
  return (SOLVER_NAMES as readonly string[]).includes(name);
}
