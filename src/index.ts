// The public API: what a program that embeds tracktwo needs, and nothing of the internals. Loading returns issues
// as data, solving returns a checked Solution (DESIGN.md §5), and nothing here prints or exits.
export { loadProgram, validateProgram, parseDataText } from "./model/load.js";
export { formatInputIssue, formatPath } from "./model/issues.js";
export type { InputIssue, IssuePath, Loaded } from "./model/issues.js";
export { ProgramSchema, programJsonSchema } from "./model/schema.js";
export type { Program, ProgramInput, ParticipantSpec, PanelSpec, Policy, Weights, ObjectiveTerm } from "./model/schema.js";
export { normalizeProgram } from "./model/normalize.js";
export type { Problem, Assignment, PanelRoster } from "./model/problem.js";
export { loadSolution, SolutionSchema, SOLUTION_STATUSES } from "./model/solution.js";
export type { Solution, SolutionPanel, SolutionStatus } from "./model/solution.js";
export { solveProgram } from "./solve.js";
export type { SolveProgramOptions } from "./solve.js";
export { checkSolution } from "./check/check.js";
export type { Violation, RuleCode } from "./check/violations.js";
export { scoreSolution } from "./check/score.js";
export { SOLVERS, isSolverName } from "./solvers/registry.js";
export { SOLVER_NAMES } from "./solvers/solver.js";
export type { Solver, SolverName, SolveOptions, SolveResult, ProgressEvent } from "./solvers/solver.js";
export { publicSolution, redactSolution } from "./report/redact.js";
export type { PublicSolution } from "./report/redact.js";
export { formatSolutionSummary } from "./report/text.js";
export { explainProgram } from "./explain/explain.js";
export type { ExplainOptions } from "./explain/explain.js";
export type { Explanation, Relaxation, Verdict } from "./explain/types.js";
export { loadScenario } from "./scenarios/load.js";
export type { LoadedScenario } from "./scenarios/load.js";
export { applyChanges } from "./scenarios/apply.js";
export type { Change, Scenario } from "./scenarios/schema.js";
