// DESIGN.md §3.1, per participant: presents on exactly `presents` panels, chairs at most mayChair, discusses at
// most mayDiscuss, holds at most policy.maxRoles roles in all, and never two roles on one panel. The search state
// holds one role per (participant, panel) cell, so two roles on one panel cannot arise there; `full` still counts it.
import { NONE, type Problem } from "../model/problem.js";
import { memberTerms, SEAT_CHAIR, SEAT_DISCUSSANT, SEAT_PRESENTER, seatsOf } from "../solvers/mip/context.js";
import { check, plural } from "../explain/counting.js";
import type { NecessaryCheck } from "../explain/types.js";
import { withPolicy } from "../explain/axes.js";
import type { SearchState } from "../solvers/search/state.js";
import type { Admission, HardRule } from "./rule.js";

/** Greedy: i may take another role while below policy.maxRoles. */
class LoadAdmission implements Admission {
  private readonly panelsByParticipant: readonly number[][];
  private readonly maxRoles: number;

  constructor(state: SearchState) {
    this.panelsByParticipant = state.panelsByParticipant;
    this.maxRoles = state.problem.maxRoles;
  }

  allows(i: number): boolean {
    return this.panelsByParticipant[i]!.length < this.maxRoles;
  }
}

export const loadRule: HardRule<"load"> = {
  code: "load",
  kind: "hard",
  violations: ["presents", "chair-load", "discussant-load", "max-roles", "two-roles-one-panel"],
  isActive: () => true,
  search: {
    scope: "participant",
    full(problem, assignment) {
      const n = problem.participantCount;
      const presents = new Int32Array(n);
      const chairs = new Int32Array(n);
      const discusses = new Int32Array(n);
      let doubled = 0;
      for (const roster of assignment.panels) {
        const seen = new Set<number>();
        const hold = (i: number) => {
          if (seen.has(i)) doubled++;
          seen.add(i);
        };
        for (const i of roster.presenters) (presents[i]!++, hold(i));
        if (roster.chair !== NONE) (chairs[roster.chair]!++, hold(roster.chair));
        if (roster.discussant !== NONE) (discusses[roster.discussant]!++, hold(roster.discussant));
      }
      let total = doubled;
      for (let i = 0; i < n; i++) total += participantLoad(problem, i, presents[i]!, chairs[i]!, discusses[i]!);
      return total;
    },
    valuer(state) {
      const { problem, presentCountByParticipant, chairCountByParticipant, discussCountByParticipant } = state;
      return (i) => participantLoad(problem, i, presentCountByParticipant[i]!, chairCountByParticipant[i]!, discussCountByParticipant[i]!);
    },
  },
  mip: {
    closeSeats(problem, closed) {
      const P = problem.panelCount;
      for (let i = 0; i < problem.participantCount; i++) {
        const shut =
          (problem.presentsByParticipant[i] === 0 ? SEAT_PRESENTER : 0) |
          (problem.mayChairByParticipant[i] === 0 ? SEAT_CHAIR : 0) |
          (problem.mayDiscussByParticipant[i] === 0 ? SEAT_DISCUSSANT : 0);
        if (shut !== 0) for (let p = 0; p < P; p++) closed[i * P + p]! |= shut;
      }
    },
    encode(ctx) {
      const { problem, lp, vars } = ctx;
      for (let i = 0; i < problem.participantCount; i++) {
        const presents = seatsOf(ctx, vars.presenter, i);
        const chairs = seatsOf(ctx, vars.chair, i);
        const discussions = seatsOf(ctx, vars.discussant, i);
        lp.addRow(`presents_${i}`, presents, "=", problem.presentsByParticipant[i]!);
        const mayChair = problem.mayChairByParticipant[i]!;
        if (chairs.length > mayChair) lp.addRow(`chairs_${i}`, chairs, "<=", mayChair);
        const mayDiscuss = problem.mayDiscussByParticipant[i]!;
        if (discussions.length > mayDiscuss) lp.addRow(`discuss_${i}`, discussions, "<=", mayDiscuss);
        const most = problem.presentsByParticipant[i]! + Math.min(mayChair, chairs.length) + Math.min(mayDiscuss, discussions.length);
        if (most > problem.maxRoles) lp.addRow(`roles_${i}`, [...presents, ...chairs, ...discussions], "<=", problem.maxRoles);
        // One role per panel; on a panel with a slot, slot-clash's row (one panel per slot) says it already.
        for (let p = 0; p < problem.panelCount; p++) {
          if (problem.slotByPanel[p] !== NONE) continue;
          const terms = memberTerms(ctx, i, p);
          if (terms.length > 1) lp.addRow(`oneRole_${i}_${p}`, terms, "<=", 1);
        }
      }
    },
  },
  greedy: {
    admissionCost: 0,
    admits: (state) => new LoadAdmission(state),
  },
  explain: {
    checks: (problem) => checkParticipantPanels(problem),
    instances: ({ policy }) =>
      policy.maxRoles === null ? [] : [{ rule: "max-roles", path: ["policy", "maxRoles"], instance: `at most ${policy.maxRoles} roles per participant` }],
    relax(draft, isRelaxed) {
      if (isRelaxed(["policy", "maxRoles"])) draft.policy.maxRoles = null;
    },
    axes({ policy }) {
      if (policy.maxRoles === null) return [];
      const current = policy.maxRoles;
      return [
        {
          path: "policy.maxRoles",
          from: current,
          steps: [current + 1, current + 2, current + 3, null],
          apply: (p, v) => withPolicy(p, (pol) => ({ ...pol, maxRoles: v as number | null })),
          describe: (v) => (v === null ? "drop policy.maxRoles (no limit)" : `raise policy.maxRoles from ${current} to ${v}`),
        },
      ];
    },
  },
};

function participantLoad(problem: Problem, i: number, presents: number, chairs: number, discusses: number): number {
  return (
    Math.abs(presents - problem.presentsByParticipant[i]!) +
    Math.max(0, chairs - problem.mayChairByParticipant[i]!) +
    Math.max(0, discusses - problem.mayDiscussByParticipant[i]!) +
    Math.max(0, presents + chairs + discusses - problem.maxRoles)
  );
}

/**
 * Can every participant present as often as they must: no more than maxRoles allows, and on panels they may present
 * on in as many distinct slots (at most one panel per slot; panels without a slot never clash)?
 */
function checkParticipantPanels(problem: Problem): NecessaryCheck[] {
  const failures: NecessaryCheck[] = [];
  const { program, panelCount } = problem;
  for (let i = 0; i < problem.participantCount; i++) {
    const presents = problem.presentsByParticipant[i]!;
    if (presents === 0) continue;
    const id = problem.participantIds[i]!;
    if (presents > problem.maxRoles) {
      failures.push(check("presents", false, `participants[${i}].presents`, { presents, maxRoles: problem.maxRoles },
        `${id} must present ${plural(presents, "time")} but policy.maxRoles allows ${problem.maxRoles} roles`));
      continue;
    }
    const slots = new Set<number>();
    let unslotted = 0;
    let eligible = 0;
    for (let p = 0; p < panelCount; p++) {
      if (problem.mayPresent[i * panelCount + p] !== 1) continue;
      eligible++;
      const slot = problem.slotByPanel[p]!;
      if (slot === NONE) unslotted++;
      else slots.add(slot);
    }
    const reachable = slots.size + unslotted;
    if (reachable >= presents) continue;
    const person = program.participants[i]!;
    const reasons: string[] = [];
    if (person.unavailable.length > 0) reasons.push(`unavailable in ${person.unavailable.join(", ")}`);
    // The recorded panels they could otherwise attend. Named only for the organiser: the reason makes the check
    // differ from the one without anyone at risk, so it is marked sensitive (and only when it is a reason).
    const recorded = program.panels.filter((panel) => panel.recorded && (panel.slot === undefined || !person.unavailable.includes(panel.slot)));
    if (person.atRisk && recorded.length > 0) reasons.push(`at risk, so kept off the recorded panels ${recorded.map((panel) => panel.id).join(", ")}`);
    if (program.policy.topics === "required" && person.topics.length > 0) reasons.push(`topics ${person.topics.join(", ")} required`);
    const where =
      eligible === 0
        ? "may present on no panel"
        : `may present on ${plural(eligible, "panel")} in only ${plural(reachable, "distinct slot")}`;
    failures.push(check("presents", false, `participants[${i}]`, { presents, eligiblePanels: eligible, reachableSlots: reachable },
      `${id} must present ${plural(presents, "time")} but ${where}${reasons.length > 0 ? ` (${reasons.join("; ")})` : ""}`));
  }
  if (failures.length > 0) return failures;
  return [check("presents", true, "participants", { participants: problem.participantCount },
    "every participant can reach enough panels in distinct slots for their presentations")];
}
