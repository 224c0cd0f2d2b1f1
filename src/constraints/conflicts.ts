// DESIGN.md §3.5-3.6, the pairwise rules: two members who may not share a panel. Opt-outs (avoid.participants,
// avoid.nationalities, dialogue "out"), policy.keepApart and policy.separate all say so of a pair of participants,
// and normalizeProgram folds them into one relation, Problem.conflictsByParticipant, that every solver reads.
// Violation = co-member pairs in conflict.
import { idList, type RelaxationAxis } from "../explain/axes.js";
import { sortedIncludes, type Problem } from "../model/problem.js";
import type { Program } from "../model/schema.js";
import { memberTerms } from "../solvers/mip/context.js";
import { ROLE_NONE, type Role, type SearchState, type Tracker, type TrackerKind } from "../solvers/search/state.js";
import { rosterMembers, type Admission, type HardRule, type NamedInstance } from "./rule.js";

/** Members of p other than i that i may not share a panel with. */
export function conflictsWithMembers(state: SearchState, i: number, p: number): number {
  const conflicts = state.problem.conflictsByParticipant[i]!;
  if (conflicts.length === 0) return 0;
  const members = state.membersByPanel[p]!;
  let count = 0;
  // Few conflicts: look each up in the role matrix; many: binary-search each co-member (no scattered reads).
  if (conflicts.length <= members.length) {
    const panels = state.panelCount;
    const roles = state.roleByParticipantPanel;
    for (let k = 0; k < conflicts.length; k++) if (roles[conflicts[k]! * panels + p] !== ROLE_NONE) count++;
    return count;
  }
  for (let k = 0; k < members.length; k++) {
    const j = members[k]!;
    if (j !== i && sortedIncludes(conflicts, j)) count++;
  }
  return count;
}

interface ConflictPairs extends Tracker {
  /** Pairs of co-members of p that may not share a panel. */
  readonly pairsByPanel: Int32Array;
}

class ConflictPairTracker implements ConflictPairs {
  readonly pairsByPanel: Int32Array;

  constructor(private readonly state: SearchState) {
    this.pairsByPanel = new Int32Array(state.panelCount);
  }

  add(i: number, p: number): void {
    this.pairsByPanel[p]! += conflictsWithMembers(this.state, i, p);
  }

  remove(i: number, p: number): void {
    this.pairsByPanel[p]! -= conflictsWithMembers(this.state, i, p);
  }
}

const CONFLICT_PAIRS: TrackerKind<ConflictPairs> = {
  name: "conflicting co-members",
  create: (state) => new ConflictPairTracker(state),
};

/** Greedy: i shares p with no member (nor companion) i may not share a panel with. */
class ConflictAdmission implements Admission {
  constructor(private readonly state: SearchState) {}

  allows(i: number, p: number, _role: Role, companions: readonly number[]): boolean {
    if (conflictsWithMembers(this.state, i, p) > 0) return false;
    const conflicts = this.state.problem.conflictsByParticipant[i]!;
    for (const j of companions) if (j !== i && conflicts.includes(j)) return false;
    return true;
  }
}

export const conflictsRule: HardRule<"conflicts"> = {
  code: "conflicts",
  kind: "hard",
  violations: ["avoid-nationality", "avoid-participant", "dialogue-out", "keep-apart", "separate"],
  isActive: (problem) => problem.conflictsByParticipant.some((list) => list.length > 0),
  search: {
    scope: "panel",
    full(problem, assignment) {
      let total = 0;
      for (const roster of assignment.panels) {
        const members = [...new Set(rosterMembers(roster))];
        for (let a = 0; a < members.length; a++) {
          for (let b = a + 1; b < members.length; b++) {
            if (sortedIncludes(problem.conflictsByParticipant[members[a]!]!, members[b]!)) total++;
          }
        }
      }
      return total;
    },
    valuer(state) {
      const { pairsByPanel } = state.use(CONFLICT_PAIRS);
      return (p) => pairsByPanel[p]!;
    },
  },
  mip: {
    // Participants with the same conflict list form a class; two classes in conflict form a complete bipartite
    // conflict graph, whose stable-set polytope is given by its edges. That polytope is written either edge by
    // edge (m_i + m_j <= 1) or, when smaller, with one continuous z per panel and class pair (m_i <= z for one
    // class, m_j <= 1 - z for the other): the same LP relaxation in |C| + |D| rows instead of |C| * |D|.
    encode(ctx) {
      const { problem, lp } = ctx;
      const classes = conflictClasses(problem);
      for (let p = 0; p < problem.panelCount; p++) {
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
    },
  },
  greedy: {
    admissionCost: 2,
    admits: (state) => (state.problem.conflictsByParticipant.every((list) => list.length === 0) ? null : new ConflictAdmission(state)),
  },
  explain: {
    instances(program) {
      const out: NamedInstance[] = [];
      const anyPairs = program.policy.dialogue.pairs.length > 0;
      program.participants.forEach((p, i) => {
        p.avoid.participants.forEach((ref, j) =>
          out.push({ rule: "avoid-participant", path: ["participants", i, "avoid", "participants", j], instance: `${p.id} avoids ${ref}` }));
        p.avoid.nationalities.forEach((code, j) =>
          out.push({ rule: "avoid-nationality", path: ["participants", i, "avoid", "nationalities", j], instance: `${p.id} avoids panels with ${code}` }));
        if (anyPairs && (p.dialogue ?? (p.atRisk ? "out" : "in")) === "out") {
          // Written by the participant, an opt-out anyone may have; left out, it is the at-risk default.
          const byDefault = p.dialogue === undefined;
          out.push({
            rule: "dialogue-out",
            path: ["participants", i, "dialogue"],
            instance: byDefault ? `${p.id} is kept off dialogue panels (at-risk default)` : `${p.id} opts out of dialogue panels`,
            ...(byDefault ? { sensitive: true } : {}),
          });
        }
      });
      program.policy.keepApart.forEach(([a, b], k) => out.push({ rule: "keep-apart", path: ["policy", "keepApart", k], instance: `keep ${a} and ${b} apart` }));
      program.policy.separate.forEach(([a, b], k) => out.push({ rule: "separate", path: ["policy", "separate", k], instance: `separate ${a} from ${b}` }));
      return out;
    },
    relax(draft, isRelaxed) {
      draft.participants.forEach((p, i) => {
        p.avoid = {
          participants: p.avoid.participants.filter((_, j) => !isRelaxed(["participants", i, "avoid", "participants", j])),
          nationalities: p.avoid.nationalities.filter((_, j) => !isRelaxed(["participants", i, "avoid", "nationalities", j])),
        };
        if (isRelaxed(["participants", i, "dialogue"])) p.dialogue = "in";
      });
      draft.policy.keepApart = draft.policy.keepApart.filter((_, k) => !isRelaxed(["policy", "keepApart", k]));
      draft.policy.separate = draft.policy.separate.filter((_, k) => !isRelaxed(["policy", "separate", k]));
    },
    axes: (program) => dialogueInAxes(program),
  },
};

interface ConflictClasses {
  readonly classOf: Int32Array; // -1 for participants without conflicts
  readonly members: readonly number[][];
  /** Pairs of class indices [c, d] with c < d whose members conflict with each other. */
  readonly edges: readonly (readonly [number, number])[];
}

function conflictClasses(problem: Problem): ConflictClasses {
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

/**
 * The organiser's fix for a dialogue opt-out that exists only because someone is at risk: let an at-risk participant
 * whose dialogue field is unwritten take part in dialogue panels, if they agree (the default keeps them off). Never
 * "clear the flag": that is not a fix but a risk.
 */
function dialogueInAxes(program: Program): RelaxationAxis[] {
  if (program.policy.dialogue.pairs.length === 0) return [];
  const keptOut = program.participants.flatMap((p, i) => (p.atRisk && p.dialogue === undefined ? [{ p, i }] : []));
  if (keptOut.length === 0) return [];
  return [
    {
      path: "participants[].dialogue",
      from: "out",
      steps: Array.from({ length: keptOut.length }, (_, k) => k + 1),
      apply: (p, n) => {
        const joining = new Set(keptOut.slice(0, n as number).map(({ i }) => i));
        return { ...p, participants: p.participants.map((person, i) => (joining.has(i) ? { ...person, dialogue: "in" as const } : person)) };
      },
      describe: (n) => {
        const chosen = keptOut.slice(0, n as number);
        const where = chosen.length === 1 ? `participants[${chosen[0]!.i}]` : "participants[]";
        return `let the at-risk ${idList(chosen.map(({ p }) => p.id))} take part in dialogue panels (${where}.dialogue: "in"; at risk, they are kept off them unless they say so), if they agree`;
      },
      sensitive: true,
    },
  ];
}
