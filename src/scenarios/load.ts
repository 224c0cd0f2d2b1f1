// Scenario file → the program to solve (base + changes) and the baseline to stay close to. Paths inside a scenario
// are relative to the scenario file, so a scenario set can be moved around with its data. Every problem a scenario
// has is reported in one pass: an unreadable base or baseline is named by the scenario's own field, the contents
// of files that do load are reported against those files.
import { basename, dirname, extname, resolve } from "node:path";
import type { InputIssue, Loaded } from "../model/issues.js";
import { parseDataText, readDataFile, validateProgram, zodIssues } from "../model/load.js";
import { inputName, readInputText, type InputOptions } from "../model/read.js";
import { ProgramSchema, type Program } from "../model/schema.js";
import { crossCheckSolution, SolutionSchema, type Solution } from "../model/solution.js";
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

export function loadScenario(file: string, options: InputOptions = {}): Loaded<LoadedScenario> {
  const data = readDataFile(file, "a scenario file (.yaml or .json)", options);
  if (!data.ok) return data;
  const parsed = ScenarioSchema.safeParse(data.value);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error, inputName(file)) };
  return resolveScenario(parsed.data, inputName(file), options);
}

/**
 * `file` names the scenario in messages; the files it names are read relative to its folder (the current one for
 * standard input).
 */
export function resolveScenario(scenario: Scenario, file: string, options: InputOptions = {}): Loaded<LoadedScenario> {
  const here = dirname(file);
  const issues: InputIssue[] = [];
  const baseFile = resolve(here, scenario.base);
  const baseData = readReferenced(file, "base", scenario.base, baseFile, options);
  const base = baseData.ok ? validateAllowingCapacity(baseData.value, baseFile) : baseData;
  if (!base.ok) issues.push(...base.issues);

  let baseline: Solution | null = null;
  let baselineFile: string | null = null;
  if (scenario.baseline !== undefined) {
    baselineFile = resolve(here, scenario.baseline);
    const data = readReferenced(file, "baseline", scenario.baseline, baselineFile, options);
    if (!data.ok) issues.push(...data.issues);
    else {
      const parsed = SolutionSchema.safeParse(data.value);
      if (parsed.success) baseline = parsed.data;
      else issues.push(...zodIssues(parsed.error, baselineFile));
    }
  } else if (scenario.maxMoves !== undefined) {
    issues.push({ file, path: ["maxMoves"], message: "maxMoves needs a baseline", expected: "a baseline solution path" });
  }

  // The baseline was published for the base program: its ids must be the base program's (a withdrawn participant
  // or a cancelled panel is still in the base program, so only a wrong file or a typo trips this).
  if (baseline !== null && baselineFile !== null && base.ok) {
    issues.push(...crossCheckSolution(base.value, baseline, baselineFile, `the base program ${scenario.base} of ${file}`));
    baseline = withBaseSlots(baseline, base.value);
  }

  // Changes are checked against the base program, so only a base that loaded can check them.
  const program = base.ok ? applyChanges(base.value, scenario.changes, file) : null;
  if (program !== null && !program.ok) issues.push(...program.issues);
  if (issues.length > 0 || program === null || !program.ok) return { ok: false, issues };
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
 * The baseline with each panel's slot written out (from the base program where the file omits it), so a diff can
 * say where people were even on a panel the scenario cancels or moves to another slot.
 */
function withBaseSlots(baseline: Solution, base: Program): Solution {
  const slots = new Map(base.panels.map((p) => [p.id, p.slot ?? null]));
  return {
    ...baseline,
    panels: baseline.panels.map((panel) => (panel.slot !== undefined || !slots.has(panel.id) ? panel : { ...panel, slot: slots.get(panel.id)! })),
  };
}

/**
 * A file a scenario names in `field`: a file that cannot be read is the scenario's problem (reported at that field,
 * quoting the path as written), a file that reads but does not parse is that file's own.
 */
function readReferenced(scenarioFile: string, field: "base" | "baseline", written: string, file: string, options: InputOptions): Loaded<unknown> {
  // A named file is a file: "-" here is a file called "-", never standard input.
  const read = readInputText(file, { ...options, stdinText: undefined });
  if (!read.ok) {
    const issue = { file: scenarioFile, path: [field], message: `cannot load ${JSON.stringify(written)}: ${read.problem}` };
    return { ok: false, issues: [read.expected === undefined ? issue : { ...issue, expected: read.expected }] };
  }
  return parseDataText(read.text, file);
}

/**
 * Like loadProgram, but a program whose presentations do not fit its seats still loads: for what-if answers and
 * explanations that is the finding, not an input error.
 */
export function loadBaseProgram(file: string, options: InputOptions = {}): Loaded<Program> {
  const data = readDataFile(file, undefined, options);
  if (!data.ok) return data;
  return validateAllowingCapacity(data.value, inputName(file));
}

export function validateAllowingCapacity(value: unknown, file: string): Loaded<Program> {
  const result = validateProgram(value, file);
  if (result.ok) return result;
  const real: InputIssue[] = result.issues.filter((issue) => !isCapacityIssue(issue));
  if (real.length > 0) return { ok: false, issues: real };
  // Only the capacity complaint: the schema passed, so parsing again cannot fail.
  return { ok: true, value: ProgramSchema.parse(value) };
}
