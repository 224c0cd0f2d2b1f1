// The solution file contract (DESIGN.md §5, format v1), readable back by `tracktwo check` and what-if baselines.
import { z } from "zod";
import type { Loaded } from "./issues.js";
import { readDataFile, zodIssues } from "./load.js";

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

export function loadSolution(file: string): Loaded<Solution> {
  const data = readDataFile(file);
  if (!data.ok) return data;
  const parsed = SolutionSchema.safeParse(data.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: zodIssues(parsed.error, file) };
}
