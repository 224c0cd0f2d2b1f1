// DESIGN.md §3.2: presenters within the panel's size; exactly one chair and one discussant where the panel needs
// them, none where it does not.
import { idList, type RelaxationAxis } from "../explain/axes.js";
import { check, plural } from "../explain/counting.js";
import type { NecessaryCheck } from "../explain/types.js";
import type { IssuePath } from "../model/issues.js";
import { NONE, type Problem } from "../model/problem.js";
import type { Program } from "../model/schema.js";
import { SEAT_CHAIR, SEAT_DISCUSSANT, SEAT_PRESENTER } from "../solvers/mip/context.js";
import type { Term } from "../solvers/mip/linear-model.js";
import type { HardRule } from "./rule.js";

export const rolesRule: HardRule<"roles"> = {
  code: "roles",
  kind: "hard",
  violations: ["panel-size", "chair-missing", "chair-unneeded", "discussant-missing", "discussant-unneeded"],
  isActive: () => true,
  search: {
    scope: "panel",
    full(problem, assignment) {
      let total = 0;
      assignment.panels.forEach((roster, p) => {
        const count = roster.presenters.length;
        total += Math.max(0, problem.minPresentersByPanel[p]! - count) + Math.max(0, count - problem.maxPresentersByPanel[p]!);
        total += (roster.chair !== NONE ? 1 : 0) !== problem.needsChairByPanel[p]! ? 1 : 0;
        total += (roster.discussant !== NONE ? 1 : 0) !== problem.needsDiscussantByPanel[p]! ? 1 : 0;
      });
      return total;
    },
    valuer(state) {
      const { problem, presenterCountByPanel, chairByPanel, discussantByPanel } = state;
      return (p) => {
        const count = presenterCountByPanel[p]!;
        let total = Math.max(0, problem.minPresentersByPanel[p]! - count) + Math.max(0, count - problem.maxPresentersByPanel[p]!);
        if ((chairByPanel[p] !== NONE ? 1 : 0) !== problem.needsChairByPanel[p]) total++;
        if ((discussantByPanel[p] !== NONE ? 1 : 0) !== problem.needsDiscussantByPanel[p]) total++;
        return total;
      };
    },
  },
  mip: {
    closeSeats(problem, closed) {
      const P = problem.panelCount;
      for (let p = 0; p < P; p++) {
        const shut =
          (problem.maxPresentersByPanel[p] === 0 ? SEAT_PRESENTER : 0) |
          (problem.needsChairByPanel[p] === 1 ? 0 : SEAT_CHAIR) |
          (problem.needsDiscussantByPanel[p] === 1 ? 0 : SEAT_DISCUSSANT);
        if (shut !== 0) for (let i = 0; i < problem.participantCount; i++) closed[i * P + p]! |= shut;
      }
    },
    encode(ctx) {
      const { problem, lp, vars } = ctx;
      const P = problem.panelCount;
      for (let p = 0; p < P; p++) {
        const seats = (table: Int32Array): Term[] => {
          const out: Term[] = [];
          for (let i = 0; i < problem.participantCount; i++) {
            const v = table[i * P + p]!;
            if (v !== NONE) out.push({ variable: v, coefficient: 1 });
          }
          return out;
        };
        const presenters = seats(vars.presenter);
        const min = problem.minPresentersByPanel[p]!;
        const max = problem.maxPresentersByPanel[p]!;
        if (min > 0) lp.addRow(`sizeMin_${p}`, presenters, ">=", min);
        if (presenters.length > max) lp.addRow(`sizeMax_${p}`, presenters, "<=", max);
        lp.addRow(`chair_${p}`, seats(vars.chair), "=", problem.needsChairByPanel[p]!);
        lp.addRow(`discussant_${p}`, seats(vars.discussant), "=", problem.needsDiscussantByPanel[p]!);
      }
    },
  },
  // The heuristic fills panels up to their size and needs by construction.
  greedy: {},
  explain: {
    checks: (problem) => [...checkSeats(problem), ...checkRoleSupply(problem, "chair"), ...checkRoleSupply(problem, "discussant")],
    relaxedBy: { "panel-size": "policy.panelSize", "chair-missing": "participants[].mayChair", "discussant-missing": "participants[].mayDiscuss" },
    // "Needs a chair" is no instance: a panel without a chair must have none, so relaxing it would not only add
    // solutions. Chair shortages are the chairs check's and the relaxations' business.
    instances(program) {
      const out: { rule: "panel-size"; path: IssuePath; instance: string }[] = [];
      const add = (path: IssuePath, instance: string) => out.push({ rule: "panel-size", path, instance });
      program.panels.forEach((panel, k) => {
        if (panel.size === undefined) return;
        if (panel.size.min > 0) add(["panels", k, "size", "min"], `${panel.id} has at least ${panel.size.min} presenters`);
        add(["panels", k, "size", "max"], `${panel.id} has at most ${panel.size.max} presenters`);
      });
      const { panelSize } = program.policy;
      if (program.panels.some((panel) => panel.size === undefined)) {
        if (panelSize.min > 0) add(["policy", "panelSize", "min"], `panels have at least ${panelSize.min} presenters`);
        add(["policy", "panelSize", "max"], `panels have at most ${panelSize.max} presenters`);
      }
      return out;
    },
    relax(draft, isRelaxed, program) {
      // A maximum relaxed to every presentation there is can hold them all.
      const totalPresentations = program.participants.reduce((sum, p) => sum + p.presents, 0);
      draft.panels.forEach((panel, k) => {
        if (panel.size === undefined) return;
        panel.size = {
          min: isRelaxed(["panels", k, "size", "min"]) ? 0 : panel.size.min,
          max: isRelaxed(["panels", k, "size", "max"]) ? Math.max(panel.size.max, totalPresentations) : panel.size.max,
        };
      });
      const policy = draft.policy;
      if (isRelaxed(["policy", "panelSize", "min"])) policy.panelSize = { ...policy.panelSize, min: 0 };
      if (isRelaxed(["policy", "panelSize", "max"])) policy.panelSize = { ...policy.panelSize, max: Math.max(policy.panelSize.max, totalPresentations) };
    },
    axes: (program) => [...sizeAxes(program), ...roleSupplyAxes(program, "chair"), ...roleSupplyAxes(program, "discussant")],
  },
};

function checkSeats(problem: Problem): NecessaryCheck[] {
  let demand = 0;
  for (const k of problem.presentsByParticipant) demand += k;
  let minSeats = 0;
  let maxSeats = 0;
  for (let p = 0; p < problem.panelCount; p++) {
    minSeats += problem.minPresentersByPanel[p]!;
    maxSeats += problem.maxPresentersByPanel[p]!;
  }
  const numbers = { presentations: demand, minSeats, maxSeats, panels: problem.panelCount };
  const panels = plural(problem.panelCount, "panel");
  if (demand > maxSeats) {
    return [check("panel-size", false, "panels", numbers, `${demand} presentations but the ${panels} seat at most ${maxSeats} presenters`)];
  }
  if (demand < minSeats) {
    return [check("panel-size", false, "panels", numbers, `${demand} presentations but the ${panels} need at least ${minSeats} presenters`)];
  }
  return [check("panel-size", true, "panels", numbers, `${demand} presentations fit the ${panels} (${minSeats} to ${maxSeats} presenter seats)`)];
}

function checkRoleSupply(problem: Problem, role: "chair" | "discussant"): NecessaryCheck[] {
  const needs = role === "chair" ? problem.needsChairByPanel : problem.needsDiscussantByPanel;
  const may = role === "chair" ? problem.mayChairByParticipant : problem.mayDiscussByParticipant;
  const panels: number[] = [];
  for (let p = 0; p < problem.panelCount; p++) if (needs[p] === 1) panels.push(p);
  if (panels.length === 0) return [];
  // Each participant can fill at most: their own cap, the roles maxRoles leaves after presenting, and one per
  // needing panel they may join.
  let supply = 0;
  let people = 0;
  for (let i = 0; i < problem.participantCount; i++) {
    const reachable = panels.filter((p) => problem.mayJoin[i * problem.panelCount + p] === 1).length;
    const spare = Math.max(0, problem.maxRoles - problem.presentsByParticipant[i]!);
    const k = Math.min(may[i]!, spare, reachable);
    if (k > 0) people++;
    supply += k;
  }
  const need = panels.length;
  const code = role === "chair" ? "chair-missing" : "discussant-missing";
  const path = role === "chair" ? "policy.chair" : "policy.discussant";
  const numbers = { needed: need, participants: people, roles: supply, missing: Math.max(0, need - supply) };
  const who = `${plural(people, "participant")} may ${role === "chair" ? "chair" : "discuss"}`;
  const roles = supply === people ? "" : ` (${supply} ${role} roles in all)`;
  const needed = `${need === 1 ? "1 panel needs a" : `panels need ${need}`} ${need === 1 ? role : `${role}s`}`;
  if (supply < need) return [check(code, false, path, numbers, `${needed} but only ${who}${roles}`)];
  return [check(code, true, path, numbers, `${needed} and ${who}${roles}`)];
}

/** Every panel's minimum size lowered (or maximum raised) by the same amount. */
function sizeAxes(program: Program): RelaxationAxis[] {
  const { policy } = program;
  const highestMin = Math.max(0, ...program.panels.map((p) => (p.size ?? policy.panelSize).min));
  const axes: RelaxationAxis[] = [];
  if (highestMin > 0) {
    axes.push({
      path: "policy.panelSize.min",
      from: 0,
      steps: Array.from({ length: highestMin }, (_, k) => k + 1),
      apply: (p, d) => shiftSizes(p, -(d as number), 0),
      describe: (d) => `lower every panel's minimum size by ${d} (policy.panelSize.min ${policy.panelSize.min} -> ${Math.max(0, policy.panelSize.min - (d as number))})`,
    });
  }
  axes.push({
    path: "policy.panelSize.max",
    from: 0,
    steps: [1, 2, 3, 4, 5],
    apply: (p, d) => shiftSizes(p, 0, d as number),
    describe: (d) => `raise every panel's maximum size by ${d} (policy.panelSize.max ${policy.panelSize.max} -> ${policy.panelSize.max + (d as number)})`,
  });
  return axes;
}

function shiftSizes(program: Program, minDelta: number, maxDelta: number): Program {
  const shift = (s: { min: number; max: number }) => ({ min: Math.max(0, s.min + minDelta), max: s.max + maxDelta });
  return {
    ...program,
    policy: { ...program.policy, panelSize: shift(program.policy.panelSize) },
    panels: program.panels.map((p) => (p.size === undefined ? p : { ...p, size: shift(p.size) })),
  };
}

/** Let n more participants take the role (mayChair or mayDiscuss 1), the likeliest first. */
function roleSupplyAxes(program: Program, role: "chair" | "discussant"): RelaxationAxis[] {
  const { policy } = program;
  const needs = program.panels.filter((p) => p[role] ?? policy[role]);
  if (needs.length === 0) return [];
  const field = role === "chair" ? "mayChair" : "mayDiscuss";
  // Who would be asked first: those free to join the most panels that need the role, then fewest presentations.
  // The ranking ignores who is at risk on purpose: the ids it lists are published, and an at-risk participant
  // ranked lower (kept off recorded panels) would stand out. Feasibility still decides how many are needed.
  const reach = (i: number) => {
    const person = program.participants[i]!;
    return needs.filter((p) => p.slot === undefined || !person.unavailable.includes(p.slot)).length;
  };
  const candidates = program.participants
    .map((person, i) => ({ person, i, reach: reach(i) }))
    .filter((c) => c.person[field] === 0 && c.reach > 0)
    .sort((a, b) => b.reach - a.reach || a.person.presents - b.person.presents || a.person.id.localeCompare(b.person.id));
  if (candidates.length === 0) return [];
  const chosen = (n: number) => new Set(candidates.slice(0, n).map((c) => c.i));
  return [
    {
      path: `participants[].${field}`,
      from: 0,
      steps: Array.from({ length: candidates.length }, (_, k) => k + 1),
      apply: (p, n) => {
        const who = chosen(n as number);
        return { ...p, participants: p.participants.map((person, i) => (who.has(i) ? { ...person, [field]: 1 } : person)) };
      },
      describe: (n) => {
        const ids = candidates.slice(0, n as number).map((c) => c.person.id);
        return `let ${n} more participant${n === 1 ? "" : "s"} ${role === "chair" ? "chair" : "discuss"} (${field}: 1 for ${idList(ids)})`;
      },
    },
  ];
}
