// Symmetry breaking for interchangeable panels: same slot, size, needs, topics and recorded flag, no pins, no
// baseline roster, and the same seats open to the same participants. Any solution can permute such panels, so we
// keep only the representative whose panels are ordered by their lowest-ranked member (a packing orbitope:
// nobody sits on two panels of one slot). With candidates ranked t = 0, 1, ... and class panels q_0, q_1, ...:
//   member t is not on q_j for j > t, and member t is on q_j (j >= 1) only if some member ranked below t is on
//   q_{j-1}.
// The second family is written through prefix sums F[t][j] = members ranked <= t on q_j when rows would be long.
import { NONE, type Problem } from "../../model/problem.js";
import type { Term } from "./linear-model.js";
import { memberTerms, type EncodeContext } from "./context.js";

const DIRECT_RANK_LIMIT = 24;

export function interchangeablePanelClasses(ctx: EncodeContext): number[][] {
  const { problem, vars } = ctx;
  const P = problem.panelCount;
  const byKey = new Map<string, number[]>();
  for (let p = 0; p < P; p++) {
    if (hasPins(problem, p) || hasBaselineRoster(problem, p)) continue;
    const spec = problem.program.panels[p]!;
    const pattern: string[] = [];
    for (const i of ctx.candidatesByPanel[p]!) {
      const k = i * P + p;
      pattern.push(`${i}:${+(vars.presenter[k] !== NONE)}${+(vars.chair[k] !== NONE)}${+(vars.discussant[k] !== NONE)}`);
    }
    const key = [
      problem.slotByPanel[p],
      problem.minPresentersByPanel[p],
      problem.maxPresentersByPanel[p],
      problem.needsChairByPanel[p],
      problem.needsDiscussantByPanel[p],
      problem.recordedByPanel[p],
      [...new Set(spec.topics)].sort().join("\u0001"),
      pattern.join(","),
    ].join("|");
    const group = byKey.get(key);
    if (group === undefined) byKey.set(key, [p]);
    else group.push(p);
  }
  return [...byKey.values()].filter((g) => g.length > 1 && isPacking(ctx, g[0]!));
}

/** Orders each class of interchangeable panels; returns the classes (panel indices in the order used). */
export function encodeSymmetryBreaking(ctx: EncodeContext, withRows: boolean): number[][] {
  const classes = interchangeablePanelClasses(ctx);
  for (const panels of classes) breakClass(ctx, panels, withRows);
  return classes;
}

function breakClass(ctx: EncodeContext, panels: readonly number[], withRows: boolean): void {
  const { lp } = ctx;
  const ranked = ctx.candidatesByPanel[panels[0]!]!;
  const seats = (t: number, j: number) => memberTerms(ctx, ranked[t]!, panels[j]!);
  for (let t = 0; t < ranked.length; t++) {
    for (let j = t + 1; j < panels.length; j++) for (const s of seats(t, j)) lp.setBounds(s.variable, 0, 0);
  }
  if (!withRows) return;
  if (ranked.length <= DIRECT_RANK_LIMIT) {
    for (let j = 1; j < panels.length; j++) {
      for (let t = j; t < ranked.length; t++) {
        const below: Term[] = [];
        for (let s = 0; s < t; s++) memberTerms(ctx, ranked[s]!, panels[j - 1]!, -1, below);
        lp.addRow(`sym_${panels[j]}_${t}`, [...seats(t, j), ...below], "<=", 0);
      }
    }
    return;
  }
  // prefix[j][t] = members ranked <= t on panels[j], as continuous variables.
  const prefix = panels.map((p) => {
    const sums: number[] = [];
    for (let t = 0; t < ranked.length; t++) {
      const f = lp.addVariable(`symPrefix_${p}_${t}`, 0, t + 1, false);
      const terms: Term[] = [{ variable: f, coefficient: 1 }, ...memberTerms(ctx, ranked[t]!, p, -1)];
      if (t > 0) terms.push({ variable: sums[t - 1]!, coefficient: -1 });
      lp.addRow(`symPrefixDef_${p}_${t}`, terms, "=", 0);
      sums.push(f);
    }
    return sums;
  });
  for (let j = 1; j < panels.length; j++) {
    for (let t = j; t < ranked.length; t++) {
      lp.addRow(`sym_${panels[j]}_${t}`, [...seats(t, j), { variable: prefix[j - 1]![t - 1]!, coefficient: -1 }], "<=", 0);
    }
  }
}

function hasPins(problem: Problem, p: number): boolean {
  return problem.pinnedPresentersByPanel[p]!.length > 0 || problem.pinnedChairByPanel[p] !== NONE || problem.pinnedDiscussantByPanel[p] !== NONE;
}

function hasBaselineRoster(problem: Problem, p: number): boolean {
  const roster = problem.baseline?.panels[p];
  return roster !== undefined && (roster.presenters.length > 0 || roster.chair !== NONE || roster.discussant !== NONE);
}

/** Can a participant sit on two panels of the class? Not when they share a slot, nor when nobody holds two roles. */
function isPacking(ctx: EncodeContext, p: number): boolean {
  const { problem } = ctx;
  if (problem.slotByPanel[p] !== NONE) return true;
  return [...ctx.candidatesByPanel[p]!].every(
    (i) => Math.min(problem.maxRoles, problem.presentsByParticipant[i]! + problem.mayChairByParticipant[i]! + problem.mayDiscussByParticipant[i]!) <= 1,
  );
}
