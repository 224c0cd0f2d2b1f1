// What every encoder sees: the Problem, the model builder and the role variables created for it. Encoders add rows
// and auxiliary variables only; they never create role variables.
import { NONE, type Problem } from "../../../model/problem.js";
import type { LinearModelBuilder, Term } from "../linear-model.js";

/** Variable index of each role seat, [participant * panelCount + panel], NONE when the seat is not allowed. */
export interface RoleVars {
  readonly presenter: Int32Array;
  readonly chair: Int32Array;
  readonly discussant: Int32Array;
}

export interface EncodeContext {
  readonly problem: Problem;
  readonly lp: LinearModelBuilder;
  readonly vars: RoleVars;
  /** Participants with at least one seat on the panel, ascending. */
  readonly candidatesByPanel: readonly Int32Array[];
  /** Fewest and most members a panel can have. */
  readonly minMembersByPanel: Int32Array;
  readonly maxMembersByPanel: Int32Array;
}

/** The terms of "i is a member of p" (presenter + chair + discussant seats), scaled by `coefficient`. */
export function memberTerms(ctx: EncodeContext, i: number, p: number, coefficient = 1, out: Term[] = []): Term[] {
  const k = i * ctx.problem.panelCount + p;
  for (const seats of [ctx.vars.presenter, ctx.vars.chair, ctx.vars.discussant]) {
    const v = seats[k]!;
    if (v !== NONE) out.push({ variable: v, coefficient });
  }
  return out;
}

/** Terms of "number of members of p among `participants`". */
export function countTerms(ctx: EncodeContext, participants: Iterable<number>, p: number, coefficient = 1): Term[] {
  const out: Term[] = [];
  for (const i of participants) memberTerms(ctx, i, p, coefficient, out);
  return out;
}

export function inConflict(problem: Problem, i: number, j: number): boolean {
  const list = problem.conflictsByParticipant[i]!;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid]!;
    if (v === j) return true;
    if (v < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

export function holdsNationality(problem: Problem, i: number, k: number): boolean {
  return problem.nationalitiesByParticipant[i]!.includes(k);
}
