// The readable summary of a solution (what `tracktwo solve` prints): one block per panel with its members, their
// roles and nationalities and the dialogue pairs it realises (for a large program: totals and the weakest panels),
// then the objective and how the solve went.
// Pure functions returning strings, for organisers: never who is at risk (see redact.ts). Names, titles and labels
// are free text, escaped here so a line break or control character in one cannot forge or hide a line.
import { realisedPairsOf, scorePanels, type PanelScore } from "../check/score.js";
import type { PanelSpec, ParticipantSpec, Program } from "../model/schema.js";
import type { Solution, SolutionPanel } from "../model/solution.js";
import { formatExplanation as formatExplanationText } from "../explain/format.js";
import type { Explanation } from "../explain/types.js";
import { escapeTerminal } from "./escape.js";
import { redactSolution } from "./redact.js";

/** What the summary looks up per member and panel, built once per summary so that it stays linear in size. */
export interface ProgramLookup {
  readonly participantById: ReadonlyMap<string, ParticipantSpec>;
  readonly panelById: ReadonlyMap<string, PanelSpec>;
  readonly slotLabelById: ReadonlyMap<string, string | undefined>;
}

export function programLookup(program: Program): ProgramLookup {
  return {
    participantById: new Map(program.participants.map((p) => [p.id, p])),
    panelById: new Map(program.panels.map((p) => [p.id, p])),
    slotLabelById: new Map(program.slots.map((s) => [s.id, s.label])),
  };
}

/** Members in display order: presenters, then chair, then discussant. */
export function membersWithRoles(panel: SolutionPanel): { id: string; role: "presenter" | "chair" | "discussant" }[] {
  const members: { id: string; role: "presenter" | "chair" | "discussant" }[] = panel.presenters.map((id) => ({
    id,
    role: "presenter",
  }));
  if (panel.chair !== null) members.push({ id: panel.chair, role: "chair" });
  if (panel.discussant !== null) members.push({ id: panel.discussant, role: "discussant" });
  return members;
}

/**
 * One panel: header (id, title, slot, recorded), each member with role, nationalities and name, the dialogue pairs
 * it realises, and with `showScore` its share of the objective. `lookup` and `score` default to being computed
 * here; a summary of many panels passes them in.
 */
export function formatPanelBlock(
  program: Program,
  panel: SolutionPanel,
  known: { readonly lookup?: ProgramLookup; readonly score?: PanelScore; readonly showScore?: boolean } = {},
): string {
  const lookup = known.lookup ?? programLookup(program);
  const spec = lookup.panelById.get(panel.id);
  const slotId = panel.slot ?? spec?.slot ?? null;
  const slotLabel = slotId === null ? undefined : lookup.slotLabelById.get(slotId);
  const header = [
    panel.id,
    spec?.title === undefined ? null : `"${escapeTerminal(spec.title)}"`,
    slotId === null ? null : `slot ${slotId}${slotLabel === undefined ? "" : ` (${escapeTerminal(slotLabel)})`}`,
    spec?.recorded === true ? "recorded" : null,
  ].filter((part): part is string => part !== null);

  const members = membersWithRoles(panel);
  const lines = [header.join("  ")];
  if (members.length === 0) lines.push("  (no members)");
  const idWidth = Math.max(0, ...members.map((m) => m.id.length));
  for (const { id, role } of members) {
    const participant = lookup.participantById.get(id);
    const name = participant?.name === undefined ? "" : `  ${escapeTerminal(participant.name)}`;
    const codes = participant === undefined ? "?" : participant.nationalities.join("/");
    lines.push(`  ${role.padEnd(10)} ${id.padEnd(idWidth)}  ${codes.padEnd(5)}${name}`.trimEnd());
  }
  const score = known.score ?? scorePanels(program, [panel]).find((s) => s.id === panel.id);
  if (score !== undefined && score.pairs.length > 0) {
    const text = score.pairs.map((p) => `${p.between[0]}-${p.between[1]} (weight ${formatNumber(p.weight)})`).join(", ");
    lines.push(`  dialogue   ${text}`);
  }
  if (known.showScore === true && score !== undefined) {
    const terms = Object.entries(score.terms).map(([term, value]) => `${term} ${formatNumber(value)}`);
    lines.push(`  score      ${formatNumber(score.total)} (${terms.join(", ")})`);
  }
  return `${lines.join("\n")}\n`;
}

/** (bound - total) relative to the larger magnitude; 0 when both are 0, null without a bound or an objective. */
export function relativeGap(total: number | null, bound: number | null): number | null {
  if (total === null || bound === null) return null;
  const scale = Math.max(Math.abs(total), Math.abs(bound));
  return scale === 0 ? 0 : Math.max(0, bound - total) / scale;
}

export function formatObjective(program: Program, solution: Solution): string {
  const { objective } = solution;
  if (objective === null) return "objective  (none: no assignment)\n";
  const weights: Readonly<Record<string, number>> = program.policy.weights;
  const names = Object.keys(objective.terms);
  const width = Math.max(5, ...names.map((n) => n.length));
  const lines = ["objective"];
  for (const name of names) {
    const value = objective.terms[name] ?? 0;
    const weight = weights[name] ?? 1;
    lines.push(`  ${name.padEnd(width)}  ${formatNumber(value).padStart(6)}  x ${formatNumber(weight)}`);
  }
  lines.push(`  ${"total".padEnd(width)}  ${formatNumber(objective.total).padStart(6)}`);
  if (solution.bound !== null) {
    const gap = relativeGap(objective.total, solution.bound);
    const gapText = gap === null ? "" : `  gap ${(gap * 100).toFixed(gap === 0 ? 0 : 2)}%`;
    lines.push(`  ${"bound".padEnd(width)}  ${formatNumber(solution.bound).padStart(6)}${gapText}`);
  }
  return `${lines.join("\n")}\n`;
}

const STATUS_TEXT: Readonly<Record<Solution["status"], string>> = {
  optimal: "optimal (proven)",
  feasible: "feasible (not proven optimal)",
  infeasible: "infeasible: no assignment satisfies every hard constraint",
  timeout: "timeout: no assignment found",
};

/** Why a run that found nothing stopped early, when the solver said (a heuristic's construction, a refusal). */
function stopReason(solution: Solution): string {
  const raw = solution.stats["raw"];
  return solution.status === "timeout" && typeof raw === "string" && raw !== "" ? ` (${raw})` : "";
}

export function formatStatusLine(solution: Solution): string {
  const timeMs = solution.stats["timeMs"];
  const time = typeof timeMs === "number" ? `  time ${formatDuration(timeMs)}` : "";
  const seed = solution.seed === null ? "" : `  seed ${solution.seed}`;
  // A heuristic may not claim optimal, but an answer that reaches a proven bound is optimal all the same.
  const status = solution.status === "feasible" && reachesBound(solution) ? "feasible (reaches the bound: optimal)" : STATUS_TEXT[solution.status];
  return `status ${status}${stopReason(solution)}  solver ${solution.solver}${seed}${time}\n`;
}

/** Does the objective reach the proven bound (a gap of 0)? Then no assignment scores more. */
function reachesBound(solution: Solution): boolean {
  return solution.objective !== null && relativeGap(solution.objective.total, solution.bound) === 0;
}

/** Programs up to this many panels get every panel in the summary; larger ones get totals and the weakest. */
export const FULL_LISTING_MAX_PANELS = 40;
/** Panels a large program's summary shows: those with the lowest share of the objective. */
export const WEAKEST_PANELS_SHOWN = 10;

export interface SummaryOptions {
  /** "all": every panel; a number: totals and that many of the weakest panels. Default: see FULL_LISTING_MAX_PANELS. */
  readonly panels?: "all" | number;
}

/**
 * The whole summary: panels (all of them, or for a large program totals and the weakest), objective, status, and
 * for infeasible runs the explanation. Linear in the size of the program and the solution.
 */
export function formatSolutionSummary(program: Program, unredacted: Solution, options: SummaryOptions = {}): string {
  const solution = redactSolution(unredacted);
  const parts: string[] = [];
  if (program.name !== undefined) parts.push(`${escapeTerminal(program.name)}\n`);
  if (solution.panels.length > 0) {
    const lookup = programLookup(program);
    const scores = new Map(scorePanels(program, solution.panels).map((score) => [score.id, score]));
    const shown = options.panels ?? (solution.panels.length <= FULL_LISTING_MAX_PANELS ? "all" : WEAKEST_PANELS_SHOWN);
    if (shown === "all") {
      for (const panel of solution.panels) parts.push(formatPanelBlock(program, panel, { lookup, score: scores.get(panel.id) }));
    } else {
      parts.push(formatTotals(program, [...scores.values()]));
      const weakest = weakestPanels(solution.panels, scores, shown);
      if (weakest.length > 0) {
        parts.push(`the ${weakest.length} weakest of ${solution.panels.length} panels (lowest share of the objective; --panels all lists every panel):\n`);
        for (const panel of weakest) parts.push(formatPanelBlock(program, panel, { lookup, score: scores.get(panel.id), showScore: true }));
      }
    }
  }
  parts.push(formatObjective(program, solution));
  parts.push(formatStatusLine(solution));
  const explanation = formatExplanation(solution.explanation);
  if (explanation !== "") parts.push(explanation);
  return parts.join("\n");
}

/** Panels in all, and how many panels realise each dialogue pair. */
export function formatTotals(program: Program, scores: readonly PanelScore[]): string {
  const dialoguePanels = scores.filter((score) => score.pairs.length > 0).length;
  const lines = [`panels     ${scores.length}, ${dialoguePanels} of them realising a dialogue pair`];
  const realised = realisedPairsOf(program, scores);
  if (realised.length > 0) {
    lines.push(`dialogue   ${realised.map(({ pair, panels }) => `${pair[0]}-${pair[1]} on ${panels.length}`).join(", ")}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The `count` panels with the lowest weighted score, in ascending score, ties in program order. */
function weakestPanels(panels: readonly SolutionPanel[], scores: ReadonlyMap<string, PanelScore>, count: number): SolutionPanel[] {
  const total = (panel: SolutionPanel) => scores.get(panel.id)?.total ?? 0;
  return panels
    .map((panel, order) => ({ panel, order, total: total(panel) }))
    .sort((x, y) => x.total - y.total || x.order - y.order)
    .slice(0, Math.max(0, count))
    .map(({ panel }) => panel);
}

/** An Explanation from src/explain gets its own wording; plain text is shown as is, anything else as JSON. */
export function formatExplanation(explanation: unknown): string {
  if (explanation === null || explanation === undefined) return "";
  if (isExplanation(explanation)) return `why:\n${formatExplanationText(explanation).replace(/^(?=.)/gm, "  ")}`;
  if (typeof explanation === "string") return `why: ${explanation}\n`;
  if (Array.isArray(explanation) && explanation.every((line) => typeof line === "string")) {
    return `why:\n${explanation.map((line) => `  - ${line}`).join("\n")}\n`;
  }
  return `why: ${JSON.stringify(explanation)}\n`;
}

function isExplanation(value: unknown): value is Explanation {
  return typeof value === "object" && value !== null && "verdict" in value && "checks" in value && "relaxations" in value;
}

export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Math.round(value * 1000) / 1000);
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
