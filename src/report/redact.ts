// The redaction gates, one per audience (src/report/audience.ts).
//
// Public (publicSolution): the solution file `solve --out` and `solve --json` write, and each what-if scenario's
// solution file. It is built from the assignment alone: which participant holds which role on which panel, with the
// run's status, solver, seed and time. Everything derived from the program is left out: the objective (its dialogue
// and diversity terms count nationalities), the bound, the violations, the explanation of an infeasible program, the
// solver's own statistics. Any of them could differ between two programs that differ only in nationalities, in who
// is at risk or in who opted out of what, and even a "details withheld" placeholder tells a reader that someone is
// at risk. Whoever needs the objective recomputes it from the program (check, export). The gate takes no program,
// so it cannot look at a secret; a property test (test/property/privacy.prop.test.ts) holds it to that.
//
// Organisers (redactValue, redactSolution): everything else tracktwo prints or writes (summaries, check reports,
// explanations, what-if tables and diffs, sweep tables and CSV). They may show nationalities and opt-outs, but by
// default not who is at risk: an explanation entry marked `sensitive` where it was made (src/explain) is withheld, a
// checker violation is judged by its code, a key naming the flag is dropped. `explain --reveal-at-risk` and
// `check --reveal-at-risk` show it. Searching text cannot do this job: it misses derived facts ("ru04 opts out of
// dialogue panels" when ru04 wrote no opt-out) and hits harmless ids ("combat-risk"). So structured explanations
// are never searched; only free text that carries no structure (a string some other module put in) still meets a
// word-exact net.
import { isExplanation, publishExplanation, WITHHELD } from "../explain/sensitive.js";
import type { Program } from "../model/schema.js";
import type { Solution, SolutionPanel } from "../model/solution.js";

export { WITHHELD };

/**
 * Does this text name the at-risk flag or rule ("atRisk", "at-risk", "at risk", "at_risk") as words of its own?
 * The net for free text only; "combat-risk" or "at-risky" is not a match.
 */
export function mentionsAtRisk(text: string): boolean {
  return /(?<![a-z0-9])at[-_ ]?risk(?![a-z0-9])/i.test(text) || /(?<![a-z0-9])atRisk/.test(text);
}

/** Keys naming the flag ("atRisk", "atRiskByParticipant"); other keys (a group "combat-risk") stay. */
const isFlagKey = mentionsAtRisk;

/**
 * A deep copy fit to publish. An Explanation is published by src/explain/sensitive.ts, its wording untouched (it
 * names ids, and an id may well contain "risk"). Any other object marked `sensitive: true` becomes a withheld entry
 * (all of a list's at its end, as one). A checker violation naming the at-risk rule, or a dialogue opt-out that may
 * be the at-risk default, keeps only its panel; with `program`, one of someone who wrote dialogue "out" is kept.
 * Keys naming the flag are dropped, and free text naming it is withheld.
 */
export function redactValue(value: unknown, program?: Program): unknown {
  if (typeof value === "string") return mentionsAtRisk(value) ? WITHHELD : value;
  if (Array.isArray(value)) {
    const kept = value.filter((v) => !isMarkedSensitive(v)).map((v) => redactValue(v, program));
    return kept.length < value.length ? [...kept, { sensitive: true, message: WITHHELD }] : kept;
  }
  if (value === null || typeof value !== "object") return value;
  if (isExplanation(value)) return publishExplanation(value);
  if (isMarkedSensitive(value)) return { sensitive: true, message: WITHHELD };
  const record = value as Record<string, unknown>;
  if (violationRevealsAtRisk(record, program)) {
    const panel = record["panel"];
    return typeof panel === "string" ? { code: "withheld", panel, message: WITHHELD } : { code: "withheld", message: WITHHELD };
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) if (!isFlagKey(key)) out[key] = redactValue(item, program);
  return out;
}

const isMarkedSensitive = (value: unknown) =>
  typeof value === "object" && value !== null && !Array.isArray(value) && (value as Record<string, unknown>)["sensitive"] === true;

/**
 * Checker violations (src/check/violations.ts) that reveal someone at risk: "at-risk-recorded" always, and
 * "dialogue-out" when the participant wrote no dialogue field (then "out" is the at-risk default). Without the
 * program nobody's field is known, so every dialogue-out violation is withheld.
 */
function violationRevealsAtRisk(record: Record<string, unknown>, program: Program | undefined): boolean {
  const code = record["code"];
  if (code === "at-risk-recorded") return true;
  if (code !== "dialogue-out") return false;
  const person = program?.participants.find((p) => p.id === record["participant"]);
  return person === undefined || person.dialogue === undefined;
}

/**
 * The solution as organisers see it by default: exactly the format v1 fields (nothing a solver or a future module tucks
 * in), panels with only their roles, stats with only plain values, violations and explanation redacted. Pass the
 * program when at hand: it lets a written dialogue opt-out violation through (see redactValue).
 */
export function redactSolution(solution: Solution, program?: Program): Solution {
  const stats: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(solution.stats)) {
    const plain = value === null || ["number", "string", "boolean"].includes(typeof value);
    if (plain && !isFlagKey(key)) stats[key] = redactValue(value);
  }
  return {
    status: solution.status,
    solver: solution.solver,
    seed: solution.seed,
    objective: solution.objective === null ? null : { total: solution.objective.total, terms: { ...solution.objective.terms } },
    bound: solution.bound,
    panels: solution.panels.map(redactPanel),
    violations: solution.violations.map((v) => redactValue(v, program)),
    explanation: redactValue(solution.explanation, program),
    stats,
  };
}

/** A solution file for the public: format v1, marked `"audience": "public"`, with nothing derived from the program. */
export type PublicSolution = Solution & { readonly audience: "public"; readonly objective: null; readonly bound: null };

/**
 * The public gate: the solution as a published programme. Depends only on the assignment (panels and roles) and on
 * what describes the run (status, solver, seed, time); objective, bound, violations, explanation and the other stats
 * are left out, as the header comment says why.
 */
export function publicSolution(solution: Solution): PublicSolution {
  const timeMs = solution.stats["timeMs"];
  return {
    audience: "public",
    status: solution.status,
    solver: solution.solver,
    seed: solution.seed,
    objective: null,
    bound: null,
    panels: solution.panels.map(redactPanel),
    violations: [],
    explanation: null,
    stats: typeof timeMs === "number" ? { timeMs } : {},
  };
}

function redactPanel(panel: SolutionPanel): SolutionPanel {
  const roles = { presenters: [...panel.presenters], chair: panel.chair, discussant: panel.discussant };
  return panel.slot === undefined ? { id: panel.id, ...roles } : { id: panel.id, slot: panel.slot, ...roles };
}
