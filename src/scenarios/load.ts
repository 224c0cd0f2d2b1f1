// Scenario file → the program to solve (base + changes) and the baseline to stay close to. Paths inside a scenario
// are relative to the scenario file, so a scenario set can be moved around with its data.
import { basename, dirname, extname, resolve } from "node:path";
import type { InputIssue, Loaded } from "../model/issues.js";
import { readDataFile, validateProgram, zodIssues } from "../model/load.js";
import { ProgramSchema, type Program } from "../model/schema.js";
import { loadSolution, type Solution } from "../model/solution.js";
import { applyChanges, isCapacityIssue } from "./apply.js";
import { ScenarioSchema, type Scenario } from "./schema.js";

export interface LoadedScenario {
  readonly name: string;
  readonly file: string;
  readonly description: string | null;
  readonly baseFile: string;
  readonly baselineFile: string | null;
  /** The base program with every change applied. */
  readonly program: Program;
  readonly baseline: Solution | null;
  readonly maxMoves: number | null;
  readonly changeCount: number;
}

export function loadScenario(file: string): Loaded<LoadedScenario> {
  const data = readDataFile(file);
  if (!data.ok) return data;
  const parsed = ScenarioSchema.safeParse(data.value);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error, file) };
  return resolveScenario(parsed.data, file);
}

export function resolveScenario(scenario: Scenario, file: string): Loaded<LoadedScenario> {
  const here = dirname(file);
  const baseFile = resolve(here, scenario.base);
  const base = loadBaseProgram(baseFile);
  if (!base.ok) return base;

  let baseline: Solution | null = null;
  const baselineFile = scenario.baseline === undefined ? null : resolve(here, scenario.baseline);
  if (baselineFile !== null) {
    const loaded = loadSolution(baselineFile);
    if (!loaded.ok) return loaded;
    baseline = loaded.value;
  }
  if (scenario.maxMoves !== undefined && baseline === null) {
    return { ok: false, issues: [{ file, path: ["maxMoves"], message: "maxMoves needs a baseline", expected: "a baseline solution path" }] };
  }

  const program = applyChanges(base.value, scenario.changes, file);
  if (!program.ok) return program;
  return {
    ok: true,
    value: {
      name: scenario.name ?? basename(file, extname(file)),
      file,
      description: scenario.description ?? null,
      baseFile,
      baselineFile,
      program: program.value,
      baseline,
      maxMoves: scenario.maxMoves ?? null,
      changeCount: scenario.changes.length,
    },
  };
}

/**
 * Like loadProgram, but a program whose presentations do not fit its seats still loads: for what-if answers and
 * explanations that is the finding, not an input error.
 */
export function loadBaseProgram(file: string): Loaded<Program> {
  const data = readDataFile(file);
  if (!data.ok) return data;
  return validateAllowingCapacity(data.value, file);
}

export function validateAllowingCapacity(value: unknown, file: string): Loaded<Program> {
  const result = validateProgram(value, file);
  if (result.ok) return result;
  const real: InputIssue[] = result.issues.filter((issue) => !isCapacityIssue(issue));
  if (real.length > 0) return { ok: false, issues: real };
  // Only the capacity complaint: the schema passed, so parsing again cannot fail.
  return { ok: true, value: ProgramSchema.parse(value) };
}
