// The solution file contract (DESIGN.md §5, format v1), readable back by `tracktwo check` and what-if baselines.
import { z } from "zod";
import type { InputIssue, IssuePath, Loaded } from "./issues.js";
import { readDataFile, zodIssues } from "./load.js";
import { AUDIENCES } from "../report/audience.js";
import { inputName, type InputOptions } from "./read.js";
import type { Program } from "./schema.js";

export const SOLUTION_STATUSES = ["optimal", "feasible", "infeasible", "timeout"] as const;
export type SolutionStatus = (typeof SOLUTION_STATUSES)[number];

export const SolutionPanelSchema = z
  .object({
    id: z.string().min(1),
    slot: z.string().nullable().optional(),
    presenters: z.array(z.string().min(1)),
    chair: z.string().min(1).nullable().default(null),
    discussant: z.string().min(1).nullable().default(null),
  })
  .strict();

export const SolutionSchema = z
  .object({
    /** Who may read the file (src/report/audience.ts); tracktwo writes "public" solution files. */
    audience: z.enum(AUDIENCES).optional(),
    status: z.enum(SOLUTION_STATUSES),
    solver: z.string(),
    seed: z.number().int().nullable().default(null),
    objective: z
      .object({ total: z.number(), terms: z.record(z.string(), z.number()) })
      .nullable()
      .default(null),
    bound: z.number().nullable().default(null),
    panels: z.array(SolutionPanelSchema),
    violations: z.array(z.unknown()).default([]),
    explanation: z.unknown().nullable().default(null),
    stats: z.record(z.string(), z.unknown()).default({}),
  })
  .loose();

export type SolutionPanel = z.output<typeof SolutionPanelSchema>;
export type Solution = z.output<typeof SolutionSchema>;

const SOLUTION_FILE = "a solution file (.json, as written by `tracktwo solve --out`)";

export function loadSolution(file: string, options: InputOptions = {}): Loaded<Solution> {
  const data = readDataFile(file, SOLUTION_FILE, options);
  if (!data.ok) return data;
  const parsed = SolutionSchema.safeParse(data.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: zodIssues(parsed.error, inputName(file)) };
}

/**
 * What makes a solution file unreadable against its program, as input issues of the solution file: a panel id the
 * program does not have, a panel listed twice, a participant id the program does not have. (The checker would
 * skip such entries and go on; a user should fix the file first.) `programFile` names the program in the hints.
 */
export function crossCheckSolution(program: Program, solution: Solution, file: string, programFile: string): InputIssue[] {
  const issues: InputIssue[] = [];
  const add = (path: IssuePath, message: string, expected: string) => issues.push({ file, path, message, expected });
  const panelIds = new Set(program.panels.map((p) => p.id));
  const participantIds = new Set(program.participants.map((p) => p.id));
  const firstListing = new Map<string, number>();
  const knownParticipant = (path: IssuePath, id: string | null) => {
    if (id !== null && !participantIds.has(id)) add(path, `unknown participant "${id}"`, `the id of a participant in ${programFile}`);
  };
  solution.panels.forEach((panel, k) => {
    const at = ["panels", k] as const;
    const first = firstListing.get(panel.id);
    if (!panelIds.has(panel.id)) add([...at, "id"], `unknown panel "${panel.id}"`, `the id of a panel in ${programFile}`);
    else if (first !== undefined) add([...at, "id"], `panel "${panel.id}" is listed twice (first at panels[${first}])`, "each panel once");
    else firstListing.set(panel.id, k);
    panel.presenters.forEach((id, j) => knownParticipant([...at, "presenters", j], id));
    knownParticipant([...at, "chair"], panel.chair);
    knownParticipant([...at, "discussant"], panel.discussant);
  });
  return issues;
}
