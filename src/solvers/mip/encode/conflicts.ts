// Pairwise conflicts (keep-apart, separate, avoid, dialogue "out": DESIGN.md §3.5-6, folded by normalize into
// Problem.conflictsByParticipant). Participants with the same conflict set form a class; two classes in conflict
// form a complete bipartite conflict graph, whose stable-set polytope is given by its edges. We write that polytope
// either edge by edge (m_i + m_j <= 1) or, when smaller, with one continuous z per panel and class pair
// (m_i <= z for one class, m_j <= 1 - z for the other): the same LP relaxation in |C| + |D| rows instead of |C| * |D|.
import type { Problem } from "../../../model/problem.js";
import { memberTerms, type EncodeContext } from "./context.js";

interface ConflictClasses {
  readonly classOf: Int32Array; // NONE (-1) for participants without conflicts
  readonly members: readonly number[][];
  /** Pairs of class indices [c, d] with c < d whose members conflict with each other. */
  readonly edges: readonly (readonly [number, number])[];
}

export function conflictClasses(problem: Problem): ConflictClasses {
  const classOf = new Int32Array(problem.participantCount).fill(-1);
  const members: number[][] = [];
  const byKey = new Map<string, number>();
  problem.conflictsByParticipant.forEach((list, i) => {
    if (list.length === 0) return;
    const key = list.join(",");
    let c = byKey.get(key);
    if (c === undefined) {
      byKey.set(key, (c = members.length));
      members.push([]);
    }
    members[c]!.push(i);
    classOf[i] = c;
  });
  const edges: [number, number][] = [];
  members.forEach((group, c) => {
    const neighbours = new Set<number>();
    for (const j of problem.conflictsByParticipant[group[0]!]!) neighbours.add(classOf[j]!);
    for (const d of [...neighbours].sort((x, y) => x - y)) if (c < d) edges.push([c, d]);
  });
  return { classOf, members, edges };
}

export function encodeConflicts(ctx: EncodeContext): void {
  const { problem, lp } = ctx;
  const classes = conflictClasses(problem);
  const P = problem.panelCount;
  for (let p = 0; p < P; p++) {
    const candidates = new Set(ctx.candidatesByPanel[p]!);
    const onPanel = (group: readonly number[]) => group.filter((i) => candidates.has(i));
    for (const [c, d] of classes.edges) {
      const left = onPanel(classes.members[c]!);
      const right = onPanel(classes.members[d]!);
      if (left.length === 0 || right.length === 0) continue;
      if (left.length * right.length <= left.length + right.length) {
        for (const i of left) {
          for (const j of right) lp.addRow(`apart_${p}_${i}_${j}`, [...memberTerms(ctx, i, p), ...memberTerms(ctx, j, p)], "<=", 1);
        }
        continue;
      }
      const z = lp.addVariable(`apartSide_${p}_${c}_${d}`, 0, 1, false);
      for (const i of left) lp.addRow(`apartL_${p}_${i}_${d}`, [...memberTerms(ctx, i, p), { variable: z, coefficient: -1 }], "<=", 0);
      for (const j of right) lp.addRow(`apartR_${p}_${j}_${c}`, [...memberTerms(ctx, j, p), { variable: z, coefficient: 1 }], "<=", 1);
    }
  }
}
