// Public outputs (the solution file, the printed summary) must never mark anyone as at risk: the flag protects
// people, and a programme that says "p017 is at risk" would expose exactly them. The solution format has no such
// field, but violations and explanations come from other modules and may name the rule; this is the one gate
// every public output passes through, so it holds whatever those modules write.
import type { Solution, SolutionPanel } from "../model/solution.js";

/** Words that would reveal the at-risk rule or flag: "atRisk", "at-risk", "at risk", "at_risk". */
const AT_RISK = /at[-_ ]?risk/i;

/** What replaces anything that would reveal who is at risk. */
export const WITHHELD = "a safety rule protecting a participant (details withheld)";

export function mentionsAtRisk(text: string): boolean {
  return AT_RISK.test(text);
}

/**
 * A deep copy without at-risk markers: keys naming the flag are dropped, strings mentioning it are replaced, and
 * an object whose `code` names the rule (a checker violation) keeps only its panel, so the participant it would
 * name stays unknown.
 */
export function redactValue(value: unknown): unknown {
  if (typeof value === "string") return mentionsAtRisk(value) ? WITHHELD : value;
  if (Array.isArray(value)) return value.map(redactValue);
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  const code = record["code"];
  if (typeof code === "string" && mentionsAtRisk(code)) {
    const panel = record["panel"];
    return typeof panel === "string" ? { code: "withheld", panel, message: WITHHELD } : { code: "withheld", message: WITHHELD };
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) {
    if (mentionsAtRisk(key)) continue;
    out[key] = redactValue(item);
  }
  return out;
}

/**
 * The solution as it may be published: exactly the format v1 fields (nothing a solver or a future module tucks
 * in), panels with only their roles, stats with only plain values, violations and explanation redacted.
 */
export function redactSolution(solution: Solution): Solution {
  const stats: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(solution.stats)) {
    const plain = value === null || ["number", "string", "boolean"].includes(typeof value);
    if (plain && !mentionsAtRisk(key)) stats[key] = redactValue(value);
  }
  return {
    status: solution.status,
    solver: solution.solver,
    seed: solution.seed,
    objective: solution.objective === null ? null : { total: solution.objective.total, terms: { ...solution.objective.terms } },
    bound: solution.bound,
    panels: solution.panels.map(redactPanel),
    violations: solution.violations.map(redactValue),
    explanation: redactValue(solution.explanation),
    stats,
  };
}

function redactPanel(panel: SolutionPanel): SolutionPanel {
  const roles = { presenters: [...panel.presenters], chair: panel.chair, discussant: panel.discussant };
  return panel.slot === undefined ? { id: panel.id, ...roles } : { id: panel.id, slot: panel.slot, ...roles };
}
