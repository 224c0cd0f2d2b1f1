// A wall-clock budget shared by every feasibility question one explanation asks, with a count of solves.
import type { Program } from "../model/schema.js";
import type { FeasibilityOracle, Verdict } from "./types.js";

export class Budget {
  solves = 0;
  timedOut = false;
  private deadline: number;

  constructor(
    private readonly oracle: FeasibilityOracle,
    timeLimitMs: number,
    private readonly perSolveMs: number,
    private readonly signal?: AbortSignal,
  ) {
    this.deadline = performance.now() + timeLimitMs;
  }

  get remainingMs(): number {
    return this.deadline - performance.now();
  }

  get exhausted(): boolean {
    return this.remainingMs < 20 || this.signal?.aborted === true;
  }

  /** Runs one phase within a share of what is left, so a long phase cannot starve the next one. */
  async phase<T>(share: number, run: () => Promise<T>): Promise<T> {
    const outer = this.deadline;
    this.deadline = Math.min(outer, performance.now() + share * Math.max(0, this.remainingMs));
    try {
      return await run();
    } finally {
      this.deadline = outer;
    }
  }

  /** "unknown" without asking once the budget is spent. */
  async ask(program: Program): Promise<Verdict> {
    if (this.exhausted) {
      this.timedOut = true;
      return "unknown";
    }
    this.solves++;
    const verdict = await this.oracle(program, Math.min(this.perSolveMs, this.remainingMs));
    if (verdict === "unknown") this.timedOut = true;
    return verdict;
  }
}
