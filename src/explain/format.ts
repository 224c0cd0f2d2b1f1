// Explanation → terminal text. Only causes by default (failed checks, conflict members, relaxations); passing checks
// ("... - fine") only when asked, as `tracktwo explain` does. Sensitive entries (derived from someone being at
// risk) are withheld unless the caller asks to reveal them: the text goes to terminals and logs that others read.
import { publishExplanation } from "./sensitive.js";
import type { Explanation } from "./types.js";

/** Beyond this many members, an unfinished conflict search is summarised instead of listed. */
const NARROWED = 10;

export interface FormatExplanationOptions {
  /** Also list the checks that passed. */
  readonly showPassing?: boolean;
  /** Show sensitive entries as they are (for the organiser's eyes only); default: withheld. */
  readonly revealSensitive?: boolean;
  /**
   * The option that sets the explanation's time budget in the command printing it (`--explain-time-limit` for
   * whatif, `--time-limit` for explain), named in the "longer budget" hint; without it the hint names no flag.
   */
  readonly budgetFlag?: string;
  /** The option that reveals sensitive entries, named when some were withheld (default: explain's). */
  readonly revealFlag?: string;
}

/** " [path]", or nothing for a withheld entry (its path would name who it protects). */
const at = (path: string) => (path === "" ? "" : `  [${path}]`);

export function formatExplanation(given: Explanation, options: FormatExplanationOptions = {}): string {
  const explanation = options.revealSensitive === true ? given : publishExplanation(given);
  const moveCap = moveCapText(explanation);
  if (moveCap !== null) return moveCap;
  const lines: string[] = [];
  const failing = explanation.checks.filter((c) => !c.ok);
  const passing = explanation.checks.filter((c) => c.ok);

  if (explanation.verdict === "feasible") lines.push("The program is feasible.");
  else if (explanation.verdict === "unknown") lines.push("Feasibility undecided within the time limit.");
  else lines.push("The program is infeasible.");

  if (failing.length > 0) {
    lines.push("", "Why (each of these alone rules out every solution):");
    for (const c of failing) lines.push(`  - ${c.message}${at(c.path)}`);
  }
  if (options.showPassing === true && passing.length > 0) {
    lines.push("", "Checked:");
    for (const c of passing) lines.push(`  - ${c.message}`);
  }
  if (explanation.conflicts.length > NARROWED && !explanation.conflictsMinimal) {
    // An unfinished search still holds rules that are not causes: count them by rule rather than list noise.
    const byRule = new Map<string, number>();
    for (const c of explanation.conflicts) byRule.set(c.rule, (byRule.get(c.rule) ?? 0) + 1);
    const counts = [...byRule].map(([rule, n]) => `${n} ${rule}`).join(", ");
    lines.push("", `The time limit ran out before the conflict was narrowed below ${explanation.conflicts.length} rules (${counts});`,
      `${options.budgetFlag === undefined ? "a longer explanation budget" : `a longer ${options.budgetFlag}`} narrows it further. The full list is in the explanation data.`);
  } else if (explanation.conflicts.length > 0) {
    const minimal = explanation.conflictsMinimal ? "minimal" : "the time limit stopped before this set was proven minimal";
    const count = explanation.conflicts.length;
    lines.push("", count === 1 ? `This rule cannot hold on its own (${minimal}); relax it:` : `These ${count} rules cannot all hold together (${minimal}); relax one of them:`);
    for (const c of explanation.conflicts) {
      const alone = c.fixesAlone === true ? "  <- relaxing this alone makes the program feasible" : "";
      lines.push(`  - ${c.instance}${at(c.path)}${alone}`);
    }
  } else if (explanation.verdict === "infeasible" && failing.length === 0 && explanation.conflictsMinimal) {
    lines.push("", "Infeasible even with every named rule relaxed: the panel sizes, roles and presentation counts conflict by themselves.");
  }
  if (explanation.relaxations.length > 0) {
    lines.push("", "Smallest single changes that make it feasible:");
    for (const r of explanation.relaxations) lines.push(`  - ${r.message}${r.smallest || r.sensitive === true ? "" : " (a smaller change was not decided in time)"}`);
  }
  const withheld = options.revealSensitive !== true && showsSensitiveEntries(given, options.showPassing === true);
  if (withheld) {
    const how = options.revealFlag === undefined ? "`tracktwo explain PROGRAM --reveal-at-risk`" : options.revealFlag;
    lines.push("", `Withheld: a cause that would tell who is at risk. ${how} names it and how to fix it (organisers only).`);
  }
  if (explanation.stats.timedOut && explanation.verdict !== "feasible") {
    lines.push("", `(searched ${explanation.stats.solves} program${explanation.stats.solves === 1 ? "" : "s"} in ${(explanation.stats.timeMs / 1000).toFixed(1)} s; some answers were cut short by the time limit)`);
  }
  return `${lines.join("\n")}\n`;
}

/** Would a withheld entry be printed: a sensitive cause, fix, or (when passing checks are listed) passing check? */
function showsSensitiveEntries(explanation: Explanation, showPassing: boolean): boolean {
  const checks = explanation.checks.filter((c) => !c.ok || showPassing);
  return [...checks, ...explanation.conflicts, ...explanation.relaxations].some((e) => e.sensitive === true);
}

/**
 * A what-if re-solve that failed only because of its cap on moves (src/scenarios/run.ts): the program is not
 * infeasible, so say that the cap cannot be met, and how many moves would do.
 */
function moveCapText(explanation: Explanation): string | null {
  const cap = explanation.checks.find((c) => c.code === "max-moves");
  if (cap === undefined) return null;
  const lines = [`${cap.message.charAt(0).toUpperCase()}${cap.message.slice(1)}.`];
  for (const r of explanation.relaxations) {
    lines.push("", `Smallest change that makes it feasible: ${r.message}${r.smallest ? "" : " (fewer moves were not ruled out in time)"}`);
  }
  if (explanation.stats.timedOut) lines.push("", `(searched for ${(explanation.stats.timeMs / 1000).toFixed(1)} s; cut short by the explanation time limit)`);
  return `${lines.join("\n")}\n`;
}
