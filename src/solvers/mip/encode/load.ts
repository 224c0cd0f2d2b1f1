// Load (DESIGN.md §3.1): presents exactly, chairs and discussant roles at most, roles in all at most maxRoles.
import { NONE } from "../../../model/problem.js";
import type { Term } from "../linear-model.js";
import type { EncodeContext } from "./context.js";

export function encodeLoad(ctx: EncodeContext): void {
  const { problem, lp, vars } = ctx;
  const P = problem.panelCount;
  for (let i = 0; i < problem.participantCount; i++) {
    const seats = (table: Int32Array): Term[] => {
      const out: Term[] = [];
      for (let p = 0; p < P; p++) {
        const v = table[i * P + p]!;
        if (v !== NONE) out.push({ variable: v, coefficient: 1 });
      }
      return out;
    };
    const presents = seats(vars.presenter);
    const chairs = seats(vars.chair);
    const discussions = seats(vars.discussant);
    lp.addRow(`presents_${i}`, presents, "=", problem.presentsByParticipant[i]!);
    const mayChair = problem.mayChairByParticipant[i]!;
    if (chairs.length > mayChair) lp.addRow(`chairs_${i}`, chairs, "<=", mayChair);
    const mayDiscuss = problem.mayDiscussByParticipant[i]!;
    if (discussions.length > mayDiscuss) lp.addRow(`discuss_${i}`, discussions, "<=", mayDiscuss);
    const most = problem.presentsByParticipant[i]! + Math.min(mayChair, chairs.length) + Math.min(mayDiscuss, discussions.length);
    if (most > problem.maxRoles) lp.addRow(`roles_${i}`, [...presents, ...chairs, ...discussions], "<=", problem.maxRoles);
  }
}
