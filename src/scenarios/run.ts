// One scenario → one answer: solve the changed program (against the baseline when there is one), count who moved,
// count dialogue panels per pair, and explain an infeasible result. Pure library code: no printing, no files.
import { explainProgram } from "../explain/explain.js";
import type { Program } from "../model/schema.js";
import type { Solution } from "../model/solution.js";
import { solveProgram } from "../solve.js";
import type { SolverName } from "../solvers/solver.js";
import { diffAgainstBaseline, dialoguePanelsByPair, type ParticipantMove } from "./diff.js";
import type { LoadedScenario } from "./load.js";

export interface WhatIfOptions {
  readonly solver?: SolverName;
  readonly timeLimitMs?: number;
  readonly seed?: number;
  /** Overrides policy.weights.stability (the price of moving one participant). */
  readonly stabilityWeight?: number;
  /** Hard cap on moves against the baseline; overrides the scenario's own maxMoves. */
  readonly maxMoves?: number;
  /** Explain infeasible results (default true), within this many milliseconds (default 30 s). */
  readonly explain?: boolean;
  readonly explainTimeLimitMs?: number;
}

export interface ScenarioOutcome {
  readonly name: string;
  readonly file: string;
  readonly status: Solution["status"];
  readonly objective: Solution["objective"];
  /** "RU-UA" → panels realising that dialogue pair. */
  readonly dialoguePanels: Readonly<Record<string, number>>;
  /** Participants whose (panel, role) set differs from the baseline; null without a baseline or a solution. */
  readonly moved: number | null;
  readonly moves: readonly ParticipantMove[];
  /** Baseline participants no longer in the program (withdrawn), with the roles they left. */
  readonly departed: readonly ParticipantMove[];
  readonly solution: Solution;
}

/** The program actually solved: the scenario's program with the stability weight override applied. */
export function scenarioProgram(scenario: LoadedScenario, options: WhatIfOptions): Program {
  const { program } = scenario;
  if (options.stabilityWeight === undefined) return program;
  return { ...program, policy: { ...program.policy, weights: { ...program.policy.weights, stability: options.stabilityWeight } } };
}

export async function runScenario(scenario: LoadedScenario, options: WhatIfOptions = {}): Promise<ScenarioOutcome> {
  const program = scenarioProgram(scenario, options);
  const baselinePanels = scenario.baseline?.panels ?? null;
  const maxMoves = options.maxMoves ?? scenario.maxMoves ?? undefined;
  let solution = await solveProgram(program, {
    ...(options.solver === undefined ? {} : { solver: options.solver }),
    ...(options.timeLimitMs === undefined ? {} : { timeLimitMs: options.timeLimitMs }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    baseline: baselinePanels,
    ...(maxMoves === undefined || baselinePanels === null ? {} : { maxMoves }),
  });
  if (solution.status === "infeasible" && options.explain !== false) {
    const explanation = await explainProgram(program, {
      timeLimitMs: options.explainTimeLimitMs ?? 30_000,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
    });
    solution = { ...solution, explanation };
  }
  const found = solution.status === "optimal" || solution.status === "feasible";
  const diff = found && baselinePanels !== null ? diffAgainstBaseline(program, baselinePanels, solution.panels) : null;
  return {
    name: scenario.name,
    file: scenario.file,
    status: solution.status,
    objective: solution.objective,
    dialoguePanels: found ? dialoguePanelsByPair(program, solution.panels) : {},
    moved: diff === null ? null : diff.moves.length,
    moves: diff?.moves ?? [],
    departed: diff?.departed ?? [],
    solution,
  };
}
