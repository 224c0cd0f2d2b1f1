// Text for what-if and sweep results: one comparison table (Markdown, so the same text reads on a terminal and
// pastes into a README), and per-scenario diff files. Pure formatting; the CLI prints and writes.
import { audienceNotice } from "../report/audience.js";
import { escapeTableCell } from "../report/escape.js";
import type { ParticipantMove, RoleAt } from "./diff.js";
import type { ScenarioOutcome } from "./run.js";
import { pairColumns, termColumns } from "./sweep.js";

const num = (v: number | undefined | null) => (v === undefined || v === null ? "-" : Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000));

/** status, total, each objective term, dialogue panels per pair, and moved against the baseline. */
export function comparisonTable(outcomes: readonly ScenarioOutcome[], firstColumn = "scenario", label: (o: ScenarioOutcome) => string = (o) => o.name): string {
  const terms = termColumns(outcomes);
  const pairs = pairColumns(outcomes);
  const showMoved = outcomes.some((o) => o.moved !== null);
  // Labels are scenario names or swept values, written by people: a pipe in one would split its cell.
  const header = [escapeTableCell(firstColumn), "status", "total", ...terms, ...pairs.map((p) => `${p} panels`), ...(showMoved ? ["moved"] : [])];
  const rows = outcomes.map((o) => [
    escapeTableCell(label(o)),
    o.status,
    num(o.objective?.total),
    ...terms.map((t) => num(o.objective?.terms[t])),
    ...pairs.map((p) => num(o.dialoguePanels[p])),
    ...(showMoved ? [num(o.moved)] : []),
  ]);
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
  const numeric = header.map((_, k) => k >= 2);
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, k) => (numeric[k] ? c.padStart(widths[k]!) : c.padEnd(widths[k]!))).join(" | ")} |`;
  const rule = `|${widths.map((w, k) => (numeric[k] ? `${"-".repeat(w + 1)}:` : `${"-".repeat(w + 2)}`)).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n") + "\n";
}

/**
 * The per-participant diff file of one scenario: for organisers only (who moved when a panel became recorded is
 * who is at risk), and it says so in its first fields.
 */
export function diffDocument(outcome: ScenarioOutcome, baselineFile: string | null): unknown {
  return {
    audience: "organisers",
    notice: audienceNotice("organisers"),
    scenario: outcome.name,
    baseline: baselineFile,
    status: outcome.status,
    moved: outcome.moved,
    moves: outcome.moves,
    departed: outcome.departed,
    unseated: outcome.unseated,
  };
}

export function formatMove(move: ParticipantMove): string {
  const roles = (list: readonly RoleAt[]) =>
    list.length === 0 ? "(nothing)" : list.map((r) => `${r.role} ${r.panel}${r.slot === null ? "" : ` ${r.slot}`}`).join(", ");
  return `${move.participant}: ${roles(move.from)} -> ${roles(move.to)}`;
}
