// DESIGN.md §3.8: pinned presenters, chair and discussant hold. Violation = pinned roles not held.
import { check, plural } from "../explain/counting.js";
import type { NecessaryCheck } from "../explain/types.js";
import { NONE, type Problem } from "../model/problem.js";
import { SEAT_ANY, SEAT_CHAIR, SEAT_DISCUSSANT, SEAT_PRESENTER } from "../solvers/mip/context.js";
import { ROLE_PRESENTER } from "../solvers/search/state.js";
import type { HardRule, NamedInstance } from "./rule.js";

export const pinnedRule: HardRule<"pinned"> = {
  code: "pinned",
  kind: "hard",
  violations: ["pinned"],
  isActive: (problem) =>
    problem.pinnedPresentersByPanel.some((list) => list.length > 0) ||
    problem.pinnedChairByPanel.some((i) => i !== NONE) ||
    problem.pinnedDiscussantByPanel.some((i) => i !== NONE),
  search: {
    scope: "panel",
    full(problem, assignment) {
      let total = 0;
      assignment.panels.forEach((roster, p) => {
        for (const i of new Set(problem.pinnedPresentersByPanel[p]!)) if (!roster.presenters.includes(i)) total++;
        const chair = problem.pinnedChairByPanel[p]!;
        if (chair !== NONE && roster.chair !== chair) total++;
        const discussant = problem.pinnedDiscussantByPanel[p]!;
        if (discussant !== NONE && roster.discussant !== discussant) total++;
      });
      return total;
    },
    valuer(state) {
      const problem = state.problem;
      return (p) => {
        let total = 0;
        const pinned = problem.pinnedPresentersByPanel[p]!;
        for (let k = 0; k < pinned.length; k++) {
          const i = pinned[k]!;
          if (state.role(i, p) !== ROLE_PRESENTER && pinned.indexOf(i) === k) total++;
        }
        const chair = problem.pinnedChairByPanel[p]!;
        if (chair !== NONE && state.chairByPanel[p] !== chair) total++;
        const discussant = problem.pinnedDiscussantByPanel[p]!;
        if (discussant !== NONE && state.discussantByPanel[p] !== discussant) total++;
        return total;
      };
    },
  },
  mip: {
    // A pin fixes its seat before the solver sees the model, and closes the seats it rules out: the pinned
    // person's other roles on that panel and every panel of its slot, and the seats there of anyone they may not
    // sit with. Neither backend then has to rediscover those implications.
    closeSeats(problem, closed) {
      const P = problem.panelCount;
      for (const { participant: i, panel: p, seat } of pinsOf(problem)) {
        closed[i * P + p]! |= SEAT_ANY & ~seat;
        const slot = problem.slotByPanel[p]!;
        if (slot !== NONE) {
          for (let q = 0; q < P; q++) if (q !== p && problem.slotByPanel[q] === slot) closed[i * P + q] = SEAT_ANY;
        }
        for (const j of problem.conflictsByParticipant[i]!) closed[j * P + p] = SEAT_ANY;
      }
    },
    encode(ctx) {
      const { problem, lp, vars } = ctx;
      const P = problem.panelCount;
      for (const { participant: i, panel: p, seat } of pinsOf(problem)) {
        const table = seat === SEAT_PRESENTER ? vars.presenter : seat === SEAT_CHAIR ? vars.chair : vars.discussant;
        const v = table[i * P + p]!;
        const what = seat === SEAT_PRESENTER ? "presenter" : seat === SEAT_CHAIR ? "chair" : "discussant";
        if (v === NONE) lp.markInfeasible(`${problem.participantIds[i]} is pinned as ${what} of ${problem.panelIds[p]} but may not hold that seat`);
        else lp.setBounds(v, 1, 1);
      }
    },
  },
  // The heuristic places pinned roles first.
  greedy: {},
  explain: {
    checks: (problem) => checkPins(problem),
    instances(program) {
      const out: NamedInstance[] = [];
      program.panels.forEach((panel, k) => {
        panel.pinned?.presenters.forEach((ref, j) =>
          out.push({ rule: "pinned", path: ["panels", k, "pinned", "presenters", j], instance: `${ref} is pinned to present on ${panel.id}` }));
        if (panel.pinned?.chair !== undefined) out.push({ rule: "pinned", path: ["panels", k, "pinned", "chair"], instance: `${panel.pinned.chair} is pinned to chair ${panel.id}` });
        if (panel.pinned?.discussant !== undefined) {
          out.push({ rule: "pinned", path: ["panels", k, "pinned", "discussant"], instance: `${panel.pinned.discussant} is pinned as discussant of ${panel.id}` });
        }
      });
      return out;
    },
    relax(draft, isRelaxed) {
      draft.panels.forEach((panel, k) => {
        if (panel.pinned === undefined) return;
        const { chair, discussant, presenters } = panel.pinned;
        panel.pinned = {
          presenters: presenters.filter((_, j) => !isRelaxed(["panels", k, "pinned", "presenters", j])),
          ...(chair === undefined || isRelaxed(["panels", k, "pinned", "chair"]) ? {} : { chair }),
          ...(discussant === undefined || isRelaxed(["panels", k, "pinned", "discussant"]) ? {} : { discussant }),
        };
      });
    },
  },
};

interface Pin {
  readonly participant: number;
  readonly panel: number;
  /** SEAT_PRESENTER, SEAT_CHAIR or SEAT_DISCUSSANT. */
  readonly seat: number;
}

function pinsOf(problem: Problem): Pin[] {
  const pins: Pin[] = [];
  for (let p = 0; p < problem.panelCount; p++) {
    for (const i of problem.pinnedPresentersByPanel[p]!) pins.push({ participant: i, panel: p, seat: SEAT_PRESENTER });
    const c = problem.pinnedChairByPanel[p]!;
    if (c !== NONE) pins.push({ participant: c, panel: p, seat: SEAT_CHAIR });
    const d = problem.pinnedDiscussantByPanel[p]!;
    if (d !== NONE) pins.push({ participant: d, panel: p, seat: SEAT_DISCUSSANT });
  }
  return pins;
}

function checkPins(problem: Problem): NecessaryCheck[] {
  const out: NecessaryCheck[] = [];
  const { program, panelCount } = problem;
  const slotName = (p: number) => (problem.slotByPanel[p] === NONE ? null : problem.slotIds[problem.slotByPanel[p]!]!);
  const pinsByParticipant = new Map<number, { p: number; role: string; path: string }[]>();
  const add = (i: number, p: number, role: string, path: string) =>
    pinsByParticipant.set(i, [...(pinsByParticipant.get(i) ?? []), { p, role, path }]);

  for (let p = 0; p < panelCount; p++) {
    const panelId = problem.panelIds[p]!;
    const base = `panels[${p}].pinned`;
    const presenters = problem.pinnedPresentersByPanel[p]!;
    presenters.forEach((i, j) => add(i, p, "presenter", `${base}.presenters[${j}]`));
    if (problem.pinnedChairByPanel[p] !== NONE) add(problem.pinnedChairByPanel[p]!, p, "chair", `${base}.chair`);
    if (problem.pinnedDiscussantByPanel[p] !== NONE) add(problem.pinnedDiscussantByPanel[p]!, p, "discussant", `${base}.discussant`);
    if (presenters.length > problem.maxPresentersByPanel[p]!) {
      out.push(check("pinned", false, `${base}.presenters`, { pinned: presenters.length, max: problem.maxPresentersByPanel[p]! },
        `${plural(presenters.length, "presenter")} pinned on ${panelId} but it seats at most ${problem.maxPresentersByPanel[p]}`));
    }
    if (problem.pinnedChairByPanel[p] !== NONE && problem.needsChairByPanel[p] === 0) {
      out.push(check("pinned", false, `${base}.chair`, {}, `${problem.participantIds[problem.pinnedChairByPanel[p]!]} is pinned as chair of ${panelId}, which has no chair`));
    }
    if (problem.pinnedDiscussantByPanel[p] !== NONE && problem.needsDiscussantByPanel[p] === 0) {
      out.push(check("pinned", false, `${base}.discussant`, {}, `${problem.participantIds[problem.pinnedDiscussantByPanel[p]!]} is pinned as discussant of ${panelId}, which has no discussant`));
    }
    // Two pinned members who may not share a panel.
    const members = [...presenters, problem.pinnedChairByPanel[p]!, problem.pinnedDiscussantByPanel[p]!].filter((i) => i !== NONE);
    for (const [a, i] of members.entries()) {
      for (const j of members.slice(a + 1)) {
        if (i === j) {
          out.push(check("pinned", false, base, {}, `${problem.participantIds[i]} is pinned to two roles on ${panelId}`));
        } else if (problem.conflictsByParticipant[i]!.includes(j)) {
          out.push(check("pinned", false, base, {}, `${problem.participantIds[i]} and ${problem.participantIds[j]} are both pinned on ${panelId} but may not share a panel (keep-apart, separate or opt-out)`));
        }
      }
    }
  }
  for (const [i, pins] of pinsByParticipant) {
    const id = problem.participantIds[i]!;
    const person = program.participants[i]!;
    for (const { p, role, path } of pins) {
      const panelId = problem.panelIds[p]!;
      const slot = slotName(p);
      if (slot !== null && person.unavailable.includes(slot)) {
        out.push(check("pinned", false, path, {}, `${id} is pinned as ${role} on ${panelId} in ${slot} but is unavailable in ${slot}`));
      } else if (problem.atRiskByParticipant[i] === 1 && problem.recordedByPanel[p] === 1) {
        // Sensitive by construction (absent with nobody at risk), so it may say why to the organiser.
        out.push(check("pinned", false, path, {}, `${id} is pinned as ${role} on ${panelId}, which is recorded, but is at risk: unpin them (${path}) or stop recording ${panelId} (panels[${p}].recorded: false)`));
      } else if (role === "presenter" && problem.mayPresent[i * panelCount + p] !== 1) {
        out.push(check("pinned", false, path, {}, `${id} is pinned to present on ${panelId} but shares none of its topics (policy.topics "required")`));
      }
    }
    const bySlot = new Map<string, string[]>();
    for (const { p } of pins) {
      const slot = slotName(p);
      if (slot !== null) bySlot.set(slot, [...(bySlot.get(slot) ?? []), problem.panelIds[p]!]);
    }
    for (const [slot, panels] of bySlot) {
      const distinct = [...new Set(panels)];
      if (distinct.length > 1) out.push(check("pinned", false, `participants[${i}]`, {}, `${id} is pinned on ${distinct.join(" and ")}, all in ${slot}`));
    }
    const count = (r: string) => pins.filter((x) => x.role === r).length;
    const limits: [string, number, string][] = [
      ["presenter", problem.presentsByParticipant[i]!, "presents"],
      ["chair", problem.mayChairByParticipant[i]!, "mayChair"],
      ["discussant", problem.mayDiscussByParticipant[i]!, "mayDiscuss"],
    ];
    for (const [r, limit, field] of limits) {
      if (count(r) > limit) {
        out.push(check("pinned", false, `participants[${i}].${field}`, { pinned: count(r), limit },
          `${id} is pinned as ${r} on ${count(r)} panels but ${field} is ${limit}`));
      }
    }
  }
  const anyPins = problem.pinnedPresentersByPanel.some((x) => x.length > 0) ||
    problem.pinnedChairByPanel.some((x) => x !== NONE) || problem.pinnedDiscussantByPanel.some((x) => x !== NONE);
  if (out.length === 0 && anyPins) return [check("pinned", true, "panels", { pinned: pinsByParticipant.size }, `${plural(pinsByParticipant.size, "pinned participant")} can hold their pins`)];
  return out;
}
