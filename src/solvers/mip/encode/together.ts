// Co-authors (DESIGN.md §3.8): all members of a group present together on at least one common panel. One witness
// w per group and panel where all of them may present: w <= x_i for each member, sum of w >= 1. When every member
// presents once this is as tight as x_i = x_j (the witnesses then equal the x's in the LP too).
import { NONE } from "../../../model/problem.js";
import type { Term } from "../linear-model.js";
import type { EncodeContext } from "./context.js";

export function encodeTogether(ctx: EncodeContext): void {
  const { problem, lp, vars } = ctx;
  const P = problem.panelCount;
  problem.groups.forEach((group, g) => {
    if (group.length < 2) return;
    const witnesses: Term[] = [];
    for (let p = 0; p < P; p++) {
      if (group.length > problem.maxPresentersByPanel[p]!) continue;
      const seats = Array.from(group, (i) => vars.presenter[i * P + p]!);
      if (seats.some((v) => v === NONE)) continue;
      const w = lp.addBinary(`together_${g}_${p}`);
      for (const v of seats) lp.addRow(`togetherLink_${g}_${p}_${v}`, [{ variable: w, coefficient: 1 }, { variable: v, coefficient: -1 }], "<=", 0);
      witnesses.push({ variable: w, coefficient: 1 });
    }
    lp.addRow(`together_${g}`, witnesses, ">=", 1);
  });
}
