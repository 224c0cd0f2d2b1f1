// The public API (package.json `exports`): what a program that embeds tracktwo needs, and nothing of the internals.
// Loading returns issues as data, solving returns a checked Solution, and nothing here prints or exits. The README
// section "Using tracktwo as a library" documents it with a runnable example. The CLI never imports this file
// (src/cli/main.ts loads each command's modules when it runs), so what it pulls in costs `tracktwo --help` nothing.

// Programs: load a file or validate an object; every problem comes back as an InputIssue, never as an exception.
export { loadProgram, validateProgram, parseDataText } from "./model/load.js";
export { formatInputIssue, formatPath } from "./model/issues.js";
export type { InputIssue, IssuePath, Loaded } from "./model/issues.js";
export { ProgramSchema, programJsonSchema } from "./model/schema.js";
export type { Program, ProgramInput, ParticipantSpec, PanelSpec, Policy, Weights, ObjectiveTerm } from "./model/schema.js";
export { normalizeProgram } from "./model/normalize.js";
export type { Problem, Assignment, PanelRoster } from "./model/problem.js";

// Solving: one call from program to checked solution, within one time limit.
export { solveProgram } from "./solve.js";
export type { SolveProgramOptions } from "./solve.js";
export { SOLVERS, isSolverName } from "./solvers/registry.js";
export { SOLVER_NAMES, DEFAULT_SOLVE_OPTIONS } from "./solvers/solver.js";
export type { Solver, SolverName, SolveOptions, SolveResult, SolveStats, ProgressEvent } from "./solvers/solver.js";

// Solutions: the file format, the independent checker and scorer.
export { loadSolution, SolutionSchema, SOLUTION_STATUSES } from "./model/solution.js";
export type { Solution, SolutionPanel, SolutionStatus } from "./model/solution.js";
export { checkSolution } from "./check/check.js";
export type { Violation, RuleCode } from "./check/violations.js";
export { scoreSolution, scorePanels, realisedPairs } from "./check/score.js";
export type { ObjectiveScore, PanelScore, RealisedPair } from "./check/score.js";

// Explanations of infeasible programs.
export { explainProgram } from "./explain/explain.js";
export type { ExplainOptions } from "./explain/explain.js";
export type { Explanation, Relaxation, Verdict, NecessaryCheck, ConflictMember } from "./explain/types.js";
export { formatExplanation } from "./explain/format.js";
export type { FormatExplanationOptions } from "./explain/format.js";

// What-if: changes applied to a program, scenario files, and who moved against a published solution.
export { applyChanges } from "./scenarios/apply.js";
export type { Change, Scenario } from "./scenarios/schema.js";
export { loadScenario } from "./scenarios/load.js";
export type { LoadedScenario } from "./scenarios/load.js";
export { runScenario } from "./scenarios/run.js";
export type { WhatIfOptions, ScenarioOutcome } from "./scenarios/run.js";
export { diffAgainstBaseline } from "./scenarios/diff.js";
export type { BaselineDiff, ParticipantMove, RoleAt, Role } from "./scenarios/diff.js";

// Spreadsheets in, a published programme out: the registration import, the programme export (HTML, CSV,
// Markdown; public or organisers) and change notices after a re-solve. Public files are built from publicSource.
export { importProgram } from "./import/import.js";
export type { ImportFiles, ImportResult } from "./import/import.js";
export { formatImportIssue } from "./import/issues.js";
export type { ImportIssue, ColumnRef } from "./import/issues.js";
export { exportProgramme, EXPORT_FORMATS, isExportFormat } from "./export/export.js";
export type { ExportFile, ExportFormat, ExportOptions } from "./export/export.js";
export { changeNotices, noticesCsv, CHANGE_KINDS } from "./export/notices.js";
export type { ChangeKind, Notice } from "./export/notices.js";
export { publicSource } from "./export/programme.js";
export type { PublicSource } from "./export/programme.js";
export { AUDIENCES } from "./report/audience.js";
export type { Audience } from "./report/audience.js";

// Reports, one gate per audience: the public solution file, and what organisers see.
export { publicSolution, redactSolution } from "./report/redact.js";
export type { PublicSolution } from "./report/redact.js";
export { formatSolutionSummary } from "./report/text.js";
export type { SummaryOptions } from "./report/text.js";
