// Stability against a baseline (what-if re-solves, DESIGN.md §4) and the hard cap Problem.maxMoves. changed_i = 1
// when i's set of (panel, role) differs from the baseline: forced up by every baseline seat left and by any
// other seat taken (aggregated per role, capped by how many of that role i can hold).
import { NONE, type Problem } from "../../../model/problem.js";
import type { Term } from "../linear-model.js";
import type { EncodeContext } from "./context.js";

export function encodeStability(ctx: EncodeContext): void {
  const { problem, lp, vars } = ctx;
  const baseline = problem.baseline;
  if (baseline === null) return;
  const weight = problem.weights.stability;
  const capped = Number.isFinite(problem.maxMoves);
  if (weight === 0 && !capped) return;
  const P = problem.panelCount;
  const seatsOf = baselineSeats(problem);
  const changes: Term[] = [];
  let alwaysChanged = 0;

  for (let i = 0; i < problem.participantCount; i++) {
    const kept = seatsOf[i]!;
    const tables = [vars.presenter, vars.chair, vars.discussant];
    const caps = [problem.presentsByParticipant[i]!, problem.mayChairByParticipant[i]!, problem.mayDiscussByParticipant[i]!];
    // A baseline seat that no longer exists, or more baseline presentations than i now gives, is a sure change.
    const presentsKept = kept.filter((s) => s.role === 0).length;
    if (kept.some((s) => tables[s.role]![i * P + s.panel] === NONE) || presentsKept !== caps[0]) {
      alwaysChanged++;
      continue;
    }
    const changed = lp.addBinary(`changed_${i}`, -weight);
    changes.push({ variable: changed, coefficient: 1 });
    for (const s of kept) {
      lp.addRow(`stayed_${i}_${s.role}_${s.panel}`, [{ variable: tables[s.role]![i * P + s.panel]!, coefficient: 1 }, { variable: changed, coefficient: 1 }], ">=", 1);
    }
    tables.forEach((table, role) => {
      if (role === 0) return; // presents is exact: keeping every baseline presentation leaves no room for another
      const keptHere = new Set(kept.filter((s) => s.role === role).map((s) => s.panel));
      const others: Term[] = [];
      for (let p = 0; p < P; p++) {
        const v = table[i * P + p]!;
        if (v !== NONE && !keptHere.has(p)) others.push({ variable: v, coefficient: 1 });
      }
      const most = Math.min(others.length, caps[role]!);
      if (most > 0) lp.addRow(`moved_${i}_${role}`, [...others, { variable: changed, coefficient: -most }], "<=", 0);
    });
  }
  lp.addOffset(-weight * alwaysChanged);
  if (capped) lp.addRow("maxMoves", changes, "<=", problem.maxMoves - alwaysChanged);
}

interface Seat {
  readonly panel: number;
  readonly role: 0 | 1 | 2; // presenter, chair, discussant
}

function baselineSeats(problem: Problem): Seat[][] {
  const seats: Seat[][] = Array.from({ length: problem.participantCount }, () => []);
  problem.baseline!.panels.forEach((roster, p) => {
    for (const i of roster.presenters) seats[i]!.push({ panel: p, role: 0 });
    if (roster.chair !== NONE) seats[roster.chair]!.push({ panel: p, role: 1 });
    if (roster.discussant !== NONE) seats[roster.discussant]!.push({ panel: p, role: 2 });
  });
  return seats;
}
