// Reading a program and a solution for it, as check, export and notices all do: both files' problems reported at
// once (one stderr line each, exit 2), then the solution's ids checked against the program. And the one rule for
// what may be published: a solution the checker accepts.
import { checkSolution } from "../check/check.js";
import { loadProgram } from "../model/load.js";
import type { InputOptions } from "../model/read.js";
import type { Program } from "../model/schema.js";
import { crossCheckSolution, loadSolution, type Solution } from "../model/solution.js";
import { reportInputIssues, type CliIo } from "./io.js";

/**
 * A program and a solution for it, or null after every problem of both files has been reported (exit 2). Ids the
 * program does not know, or a panel listed twice, are mistakes in the solution file, not rule violations.
 */
export function loadProgramAndSolution(
  programFile: string,
  solutionFile: string,
  io: CliIo,
  input: InputOptions = {},
): { program: Program; solution: Solution } | null {
  const program = loadProgram(programFile, input);
  const solution = loadSolution(solutionFile, input);
  if (!program.ok || !solution.ok) {
    reportInputIssues([...(program.ok ? [] : program.issues), ...(solution.ok ? [] : solution.issues)], io);
    return null;
  }
  const unreadable = crossCheckSolution(program.value, solution.value, solutionFile, programFile);
  if (unreadable.length > 0) {
    reportInputIssues(unreadable, io);
    return null;
  }
  return { program: program.value, solution: solution.value };
}

/** Why a solution holds no assignment ("status ..."), or null: what check, export and notices refuse first. */
export function noAssignment(solution: Solution, solutionFile: string): string | null {
  return solution.status === "infeasible" || solution.status === "timeout" ? `${solutionFile}: status "${solution.status}": the file holds no assignment` : null;
}

/** Why a solution cannot be published (no assignment, or broken rules), or null. Counts only: details may be sensitive. */
export function unpublishable(program: Program, solution: Solution, solutionFile: string, programFile: string): string | null {
  const empty = noAssignment(solution, solutionFile);
  if (empty !== null) return empty;
  const violations = checkSolution(program, solution.panels);
  if (violations.length === 0) return null;
  return `${solutionFile}: ${violations.length} violation${violations.length === 1 ? "" : "s"} of hard constraints; refusing to publish it (\`tracktwo check ${programFile} ${solutionFile}\` lists them)`;
}
