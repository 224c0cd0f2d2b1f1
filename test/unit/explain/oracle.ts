// Brute force as a feasibility oracle: the ground truth for tiny programs, independent of every solver.
import type { FeasibilityOracle } from "../../../src/explain/types.js";
import { bruteForce, BRUTE_FORCE_LIMITS } from "../../helpers/brute-force.js";

export const bruteForceOracle = (maxLeaves = 50_000): FeasibilityOracle =>
  async (program) => {
    if (program.participants.length > BRUTE_FORCE_LIMITS.participants || program.panels.length > BRUTE_FORCE_LIMITS.panels) {
      return "unknown";
    }
    const result = bruteForce(program, { maxLeaves });
    return result.status === "optimal" ? "feasible" : result.status === "infeasible" ? "infeasible" : "unknown";
  };
