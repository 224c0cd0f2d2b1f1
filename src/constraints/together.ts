// DESIGN.md §3.8: co-authors of one group all present on one common panel. Violation of a group = members
// missing from the panel where most of them present (a group that presents nowhere misses everyone, as the
// checker reads it).
import { check, verb } from "../explain/counting.js";
import type { NecessaryCheck } from "../explain/types.js";
import { formatPath } from "../model/issues.js";
import { NONE, type Problem } from "../model/problem.js";
import type { Term } from "../solvers/mip/linear-model.js";
import { ROLE_PRESENTER } from "../solvers/search/state.js";
import type { HardRule, NamedInstance } from "./rule.js";

export const togetherRule: HardRule<"together"> = {
  code: "together",
  kind: "hard",
  violations: ["co-authors"],
  isActive: (problem) => problem.groups.length > 0,
  search: {
    scope: "group",
    full(problem, assignment) {
      const presentingOn: Set<number>[] = Array.from({ length: problem.participantCount }, () => new Set());
      assignment.panels.forEach((roster, p) => {
        for (const i of roster.presenters) presentingOn[i]!.add(p);
      });
      let total = 0;
      for (const group of problem.groups) {
        let best = 0;
        for (const i of group) {
          for (const p of presentingOn[i]!) best = Math.max(best, group.filter((j) => presentingOn[j]!.has(p)).length);
        }
        total += group.length - best;
      }
      return total;
    },
    valuer(state) {
      const groups = state.problem.groups;
      const panels = state.panelCount;
      const roles = state.roleByParticipantPanel;
      return (g) => {
        const group = groups[g]!;
        let best = 0;
        for (const i of group) {
          for (const p of state.panelsByParticipant[i]!) {
            if (roles[i * panels + p] !== ROLE_PRESENTER) continue;
            let count = 0;
            for (const j of group) if (roles[j * panels + p] === ROLE_PRESENTER) count++;
            if (count > best) best = count;
          }
        }
        return group.length - best;
      };
    },
  },
  mip: {
    // One witness w per group and panel where all of them may present: w <= x_i for each member, sum of w >= 1.
    // When every member presents once this is as tight as x_i = x_j (the witnesses then equal the x's in the LP too).
    encode(ctx) {
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
    },
  },
  // The heuristic places a group's co-authors as one unit (companions of each other).
  greedy: {},
  explain: {
    checks: (problem) => checkGroups(problem),
    instances(program) {
      const out: NamedInstance[] = [];
      const seen = new Set<string>();
      program.participants.forEach((p, i) => {
        if (p.group === undefined || seen.has(p.group)) return;
        seen.add(p.group);
        out.push({ rule: "co-authors", path: ["participants", i, "group"], instance: `co-authors of group ${p.group} present together` });
      });
      return out;
    },
    relax(draft, isRelaxed) {
      // A group is named at its first member: relaxing it ungroups everyone in it.
      const dropped = new Set<string>();
      draft.participants.forEach((p, i) => {
        if (p.group !== undefined && isRelaxed(["participants", i, "group"])) dropped.add(p.group);
      });
      for (const p of draft.participants) if (p.group !== undefined && dropped.has(p.group)) delete p.group;
    },
  },
};

function checkGroups(problem: Problem): NecessaryCheck[] {
  const out: NecessaryCheck[] = [];
  const { panelCount } = problem;
  for (const members of problem.groups) {
    const first = members[0]!;
    const name = problem.program.participants[first]!.group!;
    const path = formatPath(["participants", first, "group"]);
    const ids = Array.from(members, (i) => problem.participantIds[i]!);
    const idle = Array.from(members).filter((i) => problem.presentsByParticipant[i] === 0);
    if (idle.length > 0) {
      // Point at the (first) participant named, not at the group's first member.
      const idleIds = idle.map((i) => problem.participantIds[i]!);
      out.push(check("co-authors", false, formatPath(["participants", idle[0]!, "presents"]), { members: members.length },
        `group ${name}: ${idleIds.join(", ")} ${verb(idle.length, "presents", "present")} 0 times, so the co-authors cannot present together`));
      continue;
    }
    const clash = Array.from(members).flatMap((i) => Array.from(members).filter((j) => j > i && problem.conflictsByParticipant[i]!.includes(j)).map((j) => [i, j] as const));
    if (clash.length > 0) {
      const [i, j] = clash[0]!;
      out.push(check("co-authors", false, path, { members: members.length }, `group ${name}: ${problem.participantIds[i]} and ${problem.participantIds[j]} must present together but may not share a panel`));
      continue;
    }
    let common = 0;
    for (let p = 0; p < panelCount; p++) {
      if (problem.maxPresentersByPanel[p]! < members.length) continue;
      if (Array.from(members).every((i) => problem.mayPresent[i * panelCount + p] === 1)) common++;
    }
    if (common === 0) {
      out.push(check("co-authors", false, path, { members: members.length },
        `group ${name} (${ids.join(", ")}) has no panel that seats ${members.length} presenters and on which all of them may present`));
    }
  }
  if (out.length === 0 && problem.groups.length > 0) return [check("co-authors", true, "participants", { groups: problem.groups.length }, `every co-author group (${problem.groups.length}) has a panel all its members may present on`)];
  return out;
}
