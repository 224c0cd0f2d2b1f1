// The readable summary of a solution (what `tracktwo solve` prints): one block per panel with its members, their
// roles and nationalities and the dialogue pairs it realises, then the objective and how the solve went.
// Pure functions returning strings, for organisers: never who is at risk (see redact.ts). Names, titles and labels
// are free text, escaped here so a line break or control character in one cannot forge or hide a line.
import type { Program, ParticipantSpec } from "../model/schema.js";
import type { Solution, SolutionPanel } from "../model/solution.js";
import { formatExplanation as formatExplanationText } from "../explain/format.js";
import type { Explanation } from "../explain/types.js";
import { escapeTerminal } from "./escape.js";
import { redactSolution } from "./redact.js";

export interface RealisedPair {
  readonly between: readonly [string, string];
  readonly weight: number;
}

/** Dialogue pairs a panel realises: one member holds A and a *different* member holds B (DESIGN.md §1). */
export function realisedPairs(program: Program, memberIds: readonly string[]): RealisedPair[] {
  const byId = participantsById(program);
  const nationalities = memberIds.map((id) => byId.get(id)?.nationalities ?? []);
  const holder = (code: string, except: number) =>
    nationalities.findIndex((codes, k) => k !== except && codes.includes(code));
  return program.policy.dialogue.pairs
    .filter(({ between: [a, b] }) =>
      nationalities.some((codes, k) => codes.includes(a) && holder(b, k) !== -1),
    )
    .map((pair) => ({ between: pair.between, weight: pair.weight }));
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

export function formatPanelBlock(program: Program, panel: SolutionPanel): string {
  const byId = participantsById(program);
  const spec = program.panels.find((p) => p.id === panel.id);
  const slotId = panel.slot ?? spec?.slot ?? null;
  const slotLabel = slotId === null ? undefined : program.slots.find((s) => s.id === slotId)?.label;
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
    const participant = byId.get(id);
    const name = participant?.name === undefined ? "" : `  ${escapeTerminal(participant.name)}`;
    const codes = participant === undefined ? "?" : participant.nationalities.join("/");
    lines.push(`  ${role.padEnd(10)} ${id.padEnd(idWidth)}  ${codes.padEnd(5)}${name}`.trimEnd());
  }
  const pairs = realisedPairs(program, members.map((m) => m.id));
  if (pairs.length > 0) {
    const text = pairs.map((p) => `${p.between[0]}-${p.between[1]} (weight ${formatNumber(p.weight)})`).join(", ");
    lines.push(`  dialogue   ${text}`);
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
  return `status ${STATUS_TEXT[solution.status]}${stopReason(solution)}  solver ${solution.solver}${seed}${time}\n`;
}

/** The whole summary: panels (when there are any), objective, status, and for infeasible runs the explanation. */
export function formatSolutionSummary(program: Program, unredacted: Solution): string {
  const solution = redactSolution(unredacted);
  const parts: string[] = [];
  if (program.name !== undefined) parts.push(`${escapeTerminal(program.name)}\n`);
  for (const panel of solution.panels) parts.push(formatPanelBlock(program, panel));
  parts.push(formatObjective(program, solution));
  parts.push(formatStatusLine(solution));
  const explanation = formatExplanation(solution.explanation);
  if (explanation !== "") parts.push(explanation);
  return parts.join("\n");
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

function participantsById(program: Program): Map<string, ParticipantSpec> {
  return new Map(program.participants.map((p) => [p.id, p]));
}
