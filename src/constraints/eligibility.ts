// DESIGN.md §3.6-3.7 per (participant, panel): never on a panel in an unavailable slot, an at-risk participant
// never on a recorded panel (both folded into Problem.mayJoin), and under topics "required" a presenter shares a
// topic with the panel (Problem.mayPresent). Violation = roles held where they may not be.
import { idList, withPolicy, type RelaxationAxis } from "../explain/axes.js";
import { NONE } from "../model/problem.js";
import type { Program } from "../model/schema.js";
import { SEAT_ANY, SEAT_PRESENTER } from "../solvers/mip/context.js";
import { ROLE_PRESENTER, type Role, type SearchState, type Tracker, type TrackerKind } from "../solvers/search/state.js";
import type { Admission, HardRule, NamedInstance } from "./rule.js";

interface Ineligible extends Tracker {
  /** Members who may not join p, plus presenters who may not present on p. */
  readonly ineligibleByPanel: Int32Array;
}

/** The cells of Problem.mayPresent (for a presenter) and Problem.mayJoin (any other role), read by role. */
class EligibleCells {
  private readonly mayPresent: Uint8Array;
  private readonly mayJoin: Uint8Array;
  private readonly panelCount: number;

  constructor(state: SearchState) {
    this.mayPresent = state.problem.mayPresent;
    this.mayJoin = state.problem.mayJoin;
    this.panelCount = state.panelCount;
  }

  /** 1 when i may hold `role` on p, else 0. */
  protected eligible(i: number, p: number, role: Role): number {
    return (role === ROLE_PRESENTER ? this.mayPresent : this.mayJoin)[i * this.panelCount + p]!;
  }
}

class IneligibleTracker extends EligibleCells implements Ineligible {
  readonly ineligibleByPanel: Int32Array;

  constructor(state: SearchState) {
    super(state);
    this.ineligibleByPanel = new Int32Array(state.panelCount);
  }

  add(i: number, p: number, role: Role): void {
    this.ineligibleByPanel[p]! += 1 - this.eligible(i, p, role);
  }

  remove(i: number, p: number, role: Role): void {
    this.ineligibleByPanel[p]! -= 1 - this.eligible(i, p, role);
  }
}

const INELIGIBLE: TrackerKind<Ineligible> = {
  name: "ineligible roles",
  create: (state) => new IneligibleTracker(state),
};

/** Greedy: i may hold `role` on p. */
class EligibilityAdmission extends EligibleCells implements Admission {
  allows(i: number, p: number, role: Role): boolean {
    return this.eligible(i, p, role) === 1;
  }
}

export const eligibilityRule: HardRule<"eligibility"> = {
  code: "eligibility",
  kind: "hard",
  violations: ["unavailable-slot", "at-risk-recorded", "topic-required"],
  isActive: (problem) => problem.mayPresent.includes(0),
  search: {
    scope: "panel",
    full(problem, assignment) {
      let total = 0;
      const panels = problem.panelCount;
      assignment.panels.forEach((roster, p) => {
        for (const i of roster.presenters) total += 1 - problem.mayPresent[i * panels + p]!;
        for (const i of [roster.chair, roster.discussant]) if (i !== NONE) total += 1 - problem.mayJoin[i * panels + p]!;
      });
      return total;
    },
    valuer(state) {
      const { ineligibleByPanel } = state.use(INELIGIBLE);
      return (p) => ineligibleByPanel[p]!;
    },
  },
  mip: {
    // No rows: a seat where the rule forbids the role is never created.
    closeSeats(problem, closed) {
      for (let k = 0; k < closed.length; k++) {
        if (problem.mayJoin[k] === 0) closed[k] = SEAT_ANY;
        else if (problem.mayPresent[k] === 0) closed[k]! |= SEAT_PRESENTER;
      }
    },
  },
  greedy: {
    admissionCost: 0,
    admits: (state) => new EligibilityAdmission(state),
  },
  explain: {
    instances(program) {
      const out: NamedInstance[] = [];
      program.participants.forEach((p, i) =>
        p.unavailable.forEach((slot, j) =>
          out.push({ rule: "unavailable-slot", path: ["participants", i, "unavailable", j], instance: `${p.id} is unavailable in ${slot}` })));
      // A recorded panel matters only because someone at risk exists: listed then, and marked sensitive.
      const atRisk = program.participants.filter((p) => p.atRisk).map((p) => p.id);
      if (atRisk.length > 0) {
        program.panels.forEach((panel, k) => {
          if (panel.recorded) {
            out.push({ rule: "at-risk-recorded", path: ["panels", k, "recorded"], instance: `${panel.id} is recorded, so the at-risk ${atRisk.join(", ")} may not sit on it`, sensitive: true });
          }
        });
      }
      if (program.policy.topics === "required") {
        out.push({ rule: "topic-required", path: ["policy", "topics"], instance: 'presenters share a topic with their panel (policy.topics "required")' });
      }
      return out;
    },
    relax(draft, isRelaxed) {
      draft.participants.forEach((p, i) => {
        p.unavailable = p.unavailable.filter((_, j) => !isRelaxed(["participants", i, "unavailable", j]));
      });
      draft.panels.forEach((panel, k) => {
        if (isRelaxed(["panels", k, "recorded"])) panel.recorded = false;
      });
      if (isRelaxed(["policy", "topics"])) draft.policy.topics = "preferred";
    },
    axes(program) {
      const axes: RelaxationAxis[] = [];
      if (program.policy.topics === "required") {
        axes.push({
          path: "policy.topics",
          from: "required",
          steps: ["preferred"],
          apply: (p) => withPolicy(p, (pol) => ({ ...pol, topics: "preferred" })),
          describe: () => 'make topics "preferred" instead of "required"',
        });
      }
      axes.push(...stopRecordingAxes(program));
      return axes;
    },
  },
};

/**
 * The organiser's fix for a recorded panel an at-risk participant cannot sit on: stop recording some panels, those
 * an at-risk participant is pinned to first (those pins cannot hold otherwise), then in program order. Never "clear
 * the flag": that is not a fix but a risk.
 */
function stopRecordingAxes(program: Program): RelaxationAxis[] {
  const atRiskIds = new Set(program.participants.filter((p) => p.atRisk).map((p) => p.id));
  if (atRiskIds.size === 0) return [];
  const pinsAtRisk = (k: number) => {
    const pinned = program.panels[k]!.pinned;
    return [...(pinned?.presenters ?? []), pinned?.chair, pinned?.discussant].some((id) => id !== undefined && atRiskIds.has(id));
  };
  const recorded = program.panels
    .map((panel, k) => ({ panel, k }))
    .filter(({ panel }) => panel.recorded)
    .sort((a, b) => Number(pinsAtRisk(b.k)) - Number(pinsAtRisk(a.k)) || a.k - b.k);
  if (recorded.length === 0) return [];
  const first = (n: number) => new Set(recorded.slice(0, n).map(({ k }) => k));
  return [
    {
      path: "panels[].recorded",
      from: true,
      steps: Array.from({ length: recorded.length }, (_, k) => k + 1),
      apply: (p, n) => {
        const off = first(n as number);
        return { ...p, panels: p.panels.map((panel, k) => (off.has(k) ? { ...panel, recorded: false } : panel)) };
      },
      describe: (n) => {
        const chosen = recorded.slice(0, n as number);
        return `stop recording ${idList(chosen.map(({ panel }) => panel.id))} (${chosen.length === 1 ? `panels[${chosen[0]!.k}]` : "panels[]"}.recorded: false), so the at-risk ${idList([...atRiskIds])} may sit there`;
      },
      sensitive: true,
    },
  ];
}
