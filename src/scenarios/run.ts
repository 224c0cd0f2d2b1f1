// One scenario → one answer: solve the changed program (against the baseline when there is one), count who moved,
// count dialogue panels per pair, and explain an infeasible result. Pure library code: no printing, no files.
import { checkSolution } from "../check/check.js";
import { scoreSolution } from "../check/score.js";
import { exactSolverFor } from "../explain/oracle.js";
import type { Explanation } from "../explain/types.js";
import { normalizeProgram } from "../model/normalize.js";
import type { Program } from "../model/schema.js";
import type { Solution, SolutionPanel } from "../model/solution.js";
import { explainFailure, solveProgram } from "../pipeline.js";
import { prepareProgram, solveChecked } from "../solve.js";
import { objectiveBound } from "../solvers/bounds.js";
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
  /** Aborting returns the best found so far and skips the explanation. Not sent to worker threads (not cloneable). */
  readonly signal?: AbortSignal;
  /** Threads each solve may start beside its own (see SolveOptions.helperThreads); runScenarios sets it. */
  readonly helperThreads?: number;
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
  /** Participants whose only change is losing roles on cancelled panels (not counted in `moved`). */
  readonly unseated: readonly ParticipantMove[];
  readonly solution: Solution;
  /** The solve was cut short by an abort: the answer is the best found by then. */
  readonly interrupted: boolean;
}

/**
 * An infeasible capped re-solve is either an infeasible program (null: explain the program) or a feasible program
 * that needs more moves than the cap allows; then say how many, found by minimising moves alone with an exact solver.
 */
async function explainMoveCap(
  program: Program,
  baseline: readonly SolutionPanel[],
  maxMoves: number,
  timeLimitMs: number,
): Promise<Explanation | null> {
  const started = performance.now();
  const movesOnly = { ...program, policy: { ...program.policy, weights: { dialogue: 0, diversity: 0, topicFit: 0, affinity: 0, stability: 1 } } };
  const prepared = prepareProgram(movesOnly, { baseline });
  const fewest = await solveChecked(prepared, { solver: exactSolverFor(prepared.problem), timeLimitMs: timeLimitMs - prepared.normalizeMs, baseline });
  if (fewest.status === "infeasible") return null;
  const stats = { solves: 1, timeMs: Math.round(performance.now() - started), timedOut: fewest.status !== "optimal" };
  const moves = fewest.objective === null ? null : -(fewest.objective.terms["stability"] ?? 0);
  const proven = fewest.status === "optimal" && moves !== null;
  const message =
    moves === null
      ? `no solution within maxMoves ${maxMoves} of the baseline was found, and whether the changed program can be solved at all was not decided in time`
      : proven
        ? `the move cap cannot be met: the changed program can be solved, but only with at least ${movesText(moves)} against the baseline, and maxMoves is ${maxMoves}`
        : `the move cap was not met: the best solution of the changed program found in time takes ${movesText(moves)} against the baseline (fewer was not ruled out), and maxMoves is ${maxMoves}`;
  return {
    verdict: "infeasible",
    checks: [{ code: "max-moves", ok: false, path: "maxMoves", numbers: { maxMoves, ...(moves === null ? {} : { fewestMoves: moves }) }, message }],
    conflicts: [],
    conflictsMinimal: false,
    relaxations:
      moves === null ? [] : [{ path: "maxMoves", from: maxMoves, to: moves, smallest: proven, message: `allow ${movesText(moves)} (maxMoves ${moves})` }],
    stats,
  };
}

const movesText = (n: number) => `${n} move${n === 1 ? "" : "s"}`;

/** The program actually solved: the scenario's program with the stability weight override applied. */
export function scenarioProgram(scenario: LoadedScenario, options: WhatIfOptions): Program {
  const { program } = scenario;
  if (options.stabilityWeight === undefined) return program;
  return { ...program, policy: { ...program.policy, weights: { ...program.policy.weights, stability: options.stabilityWeight } } };
}

/**
 * A scenario that changes nothing (no changes, so no policy edits either) whose baseline passes the checker asks
 * nothing new: the baseline itself is the answer, with zero moves and the baseline's own score. Re-solving would
 * not be a minimal-change answer to "what if nothing changed": a feasible but suboptimal baseline would be traded
 * for a better total at the price of moves (16 people at stability weight 1 on a heuristic baseline), and a solver
 * that times out could even lose the published programme. Its status is "feasible": nothing was proven optimal.
 * Zero moves meet any --max-moves, and the stability weight does not matter when nobody moves.
 */
function keptBaseline(scenario: LoadedScenario, program: Program, options: WhatIfOptions): Solution | null {
  const baseline = scenario.baseline;
  if (scenario.changeCount > 0 || baseline === null) return null;
  const started = performance.now();
  if (checkSolution(program, baseline.panels).length > 0) return null;
  // The checker passed, so every program panel is listed exactly once: list them in program order, slots written out.
  const listed = new Map(baseline.panels.map((p) => [p.id, p]));
  const panels = program.panels.map((spec): SolutionPanel => {
    const panel = listed.get(spec.id)!;
    return { id: spec.id, slot: spec.slot ?? null, presenters: [...panel.presenters], chair: panel.chair, discussant: panel.discussant };
  });
  const maxMoves = options.maxMoves ?? scenario.maxMoves ?? undefined;
  const problem = normalizeProgram(program, { baseline: panels, ...(maxMoves === undefined ? {} : { maxMoves }) });
  return {
    status: "feasible",
    solver: "baseline",
    seed: options.seed ?? null,
    objective: scoreSolution(program, panels, panels),
    bound: objectiveBound(problem),
    panels,
    violations: [],
    explanation: null,
    stats: { timeMs: Math.round(performance.now() - started), kept: "the scenario changes nothing and the baseline passes the checker" },
  };
}

export async function runScenario(scenario: LoadedScenario, options: WhatIfOptions = {}): Promise<ScenarioOutcome> {
  const program = scenarioProgram(scenario, options);
  const baselinePanels = scenario.baseline?.panels ?? null;
  const maxMoves = options.maxMoves ?? scenario.maxMoves ?? undefined;
  const kept = keptBaseline(scenario, program, options);
  if (kept !== null) return outcomeOf(scenario, program, kept, baselinePanels, false);
  let solution = await solveProgram(program, {
    ...(options.solver === undefined ? {} : { solver: options.solver }),
    ...(options.timeLimitMs === undefined ? {} : { timeLimitMs: options.timeLimitMs }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    baseline: baselinePanels,
    ...(maxMoves === undefined || baselinePanels === null ? {} : { maxMoves }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.helperThreads === undefined ? {} : { helperThreads: options.helperThreads }),
  });
  const interrupted = options.signal?.aborted === true;
  // After an abort the user wants the answers now, not a 30-second explanation.
  const explain = options.explain !== false && !interrupted;
  if (solution.status === "infeasible" && explain) {
    const budgetMs = options.explainTimeLimitMs ?? 30_000;
    const capped = maxMoves !== undefined && baselinePanels !== null ? await explainMoveCap(program, baselinePanels, maxMoves, budgetMs) : null;
    const explanation = capped ?? (await explainFailure(program, "infeasible", { timeLimitMs: budgetMs, seed: options.seed }));
    solution = { ...solution, explanation };
  } else if (solution.status === "timeout" && explain) {
    // Nothing found in time: explained only when a counting check proves there is nothing to find.
    const explanation = await explainFailure(program, "timeout", { timeLimitMs: options.explainTimeLimitMs ?? 30_000, seed: options.seed });
    if (explanation !== null) solution = { ...solution, explanation };
  }
  return outcomeOf(scenario, program, solution, baselinePanels, interrupted);
}

function outcomeOf(
  scenario: LoadedScenario,
  program: Program,
  solution: Solution,
  baselinePanels: readonly SolutionPanel[] | null,
  interrupted: boolean,
): ScenarioOutcome {
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
    unseated: diff?.unseated ?? [],
    solution,
    interrupted,
  };
}
