// Fast necessary conditions for feasibility, each a counting argument over the program with the numbers quoted.
// A failed check proves infeasibility on its own; passing checks are summarised once per kind (the tightest case),
// so `tracktwo explain` shows what was verified without listing every nationality or participant.
// Eligibility and conflicts fold in the at-risk rules (off recorded panels, dialogue "out" by default), so a check's
// existence or numbers may derive from someone being at risk. Rather than trace that through every counting
// argument, each check is compared with the same checks on the program with nobody at risk: a check that does not
// appear there word for word is marked sensitive.
import { formatPath } from "../model/issues.js";
import { normalizeProgram } from "../model/normalize.js";
import { NONE, shareLimit, type Problem } from "../model/problem.js";
import type { Program } from "../model/schema.js";
import { withoutAtRisk } from "./sensitive.js";
import type { CheckCode, NecessaryCheck } from "./types.js";

export function runNecessaryChecks(program: Program): NecessaryCheck[] {
  const checks = checksOf(normalizeProgram(program));
  const neutral = withoutAtRisk(program);
  if (neutral === program) return checks;
  // A multiset: two identical checks in the real run need two in the neutral one.
  const unmarked = new Map<string, number>();
  for (const c of checksOf(normalizeProgram(neutral))) unmarked.set(checkKey(c), (unmarked.get(checkKey(c)) ?? 0) + 1);
  return checks.map((c) => {
    const left = unmarked.get(checkKey(c)) ?? 0;
    if (left === 0) return { ...c, sensitive: true };
    unmarked.set(checkKey(c), left - 1);
    return c;
  });
}

const checkKey = (c: NecessaryCheck) => JSON.stringify([c.code, c.ok, c.path, c.numbers, c.message]);

function checksOf(problem: Problem): NecessaryCheck[] {
  return [
    ...checkSeats(problem),
    ...checkRoleSupply(problem, "chair"),
    ...checkRoleSupply(problem, "discussant"),
    ...checkParticipantPanels(problem),
    ...checkNationalityCap(problem),
    ...checkNationalityDistinct(problem),
    ...checkPanelShape(problem),
    ...checkAttributeCaps(problem),
    ...checkPins(problem),
    ...checkGroups(problem),
  ];
}

const check = (code: CheckCode, ok: boolean, path: string, numbers: Record<string, number>, message: string): NecessaryCheck => ({
  code,
  ok,
  path,
  numbers,
  message: ok ? `${message} - fine` : message,
});

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const verb = (n: number, one: string, many: string) => (n === 1 ? one : many);
const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

function membersRange(problem: Problem, p: number): [number, number] {
  const extra = problem.needsChairByPanel[p]! + problem.needsDiscussantByPanel[p]!;
  return [problem.minPresentersByPanel[p]! + extra, problem.maxPresentersByPanel[p]! + extra];
}

function sizeWords(problem: Problem): string {
  const max = new Set(Array.from(problem.maxPresentersByPanel));
  return max.size === 1 ? `of at most ${[...max][0]} presenters` : "of their sizes";
}

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
    return [check("seats", false, "panels", numbers, `${demand} presentations but the ${panels} seat at most ${maxSeats} presenters`)];
  }
  if (demand < minSeats) {
    return [check("seats", false, "panels", numbers, `${demand} presentations but the ${panels} need at least ${minSeats} presenters`)];
  }
  return [check("seats", true, "panels", numbers, `${demand} presentations fit the ${panels} (${minSeats} to ${maxSeats} presenter seats)`)];
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
  const code = role === "chair" ? "chairs" : "discussants";
  const path = role === "chair" ? "policy.chair" : "policy.discussant";
  const numbers = { needed: need, participants: people, roles: supply, missing: Math.max(0, need - supply) };
  const who = `${plural(people, "participant")} may ${role === "chair" ? "chair" : "discuss"}`;
  const roles = supply === people ? "" : ` (${supply} ${role} roles in all)`;
  const needed = `${need === 1 ? "1 panel needs a" : `panels need ${need}`} ${need === 1 ? role : `${role}s`}`;
  if (supply < need) return [check(code, false, path, numbers, `${needed} but only ${who}${roles}`)];
  return [check(code, true, path, numbers, `${needed} and ${who}${roles}`)];
}

function checkParticipantPanels(problem: Problem): NecessaryCheck[] {
  const failures: NecessaryCheck[] = [];
  const { program, panelCount } = problem;
  for (let i = 0; i < problem.participantCount; i++) {
    const presents = problem.presentsByParticipant[i]!;
    if (presents === 0) continue;
    const id = problem.participantIds[i]!;
    if (presents > problem.maxRoles) {
      failures.push(check("participant-panels", false, `participants[${i}].presents`, { presents, maxRoles: problem.maxRoles },
        `${id} must present ${plural(presents, "time")} but policy.maxRoles allows ${problem.maxRoles} roles`));
      continue;
    }
    // At most one panel per slot; panels without a slot never clash.
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
    failures.push(check("participant-panels", false, `participants[${i}]`, { presents, eligiblePanels: eligible, reachableSlots: reachable },
      `${id} must present ${plural(presents, "time")} but ${where}${reasons.length > 0 ? ` (${reasons.join("; ")})` : ""}`));
  }
  if (failures.length > 0) return failures;
  return [check("participant-panels", true, "participants", { participants: problem.participantCount },
    "every participant can reach enough panels in distinct slots for their presentations")];
}

function checkNationalityCap(problem: Problem): NecessaryCheck[] {
  const { maxShare } = problem.nationalityPolicy;
  if (maxShare >= 1) return [];
  let allowance = 0;
  for (let p = 0; p < problem.panelCount; p++) allowance += shareLimit(maxShare, membersRange(problem, p)[1]);
  const failures: NecessaryCheck[] = [];
  let tightest: { code: string; holders: number; presentations: number } | null = null;
  for (const [k, code] of problem.nationalityCodes.entries()) {
    let holders = 0;
    let presentations = 0;
    for (let i = 0; i < problem.participantCount; i++) {
      if (!problem.nationalitiesByParticipant[i]!.includes(k)) continue;
      holders++;
      presentations += problem.presentsByParticipant[i]!;
    }
    if (holders === 0) continue;
    if (tightest === null || presentations > tightest.presentations) tightest = { code, holders, presentations };
    if (presentations > allowance) {
      failures.push(check("nationality-cap", false, "policy.nationality.maxShare", { holders, presentations, allowance, maxShare },
        `${plural(holders, "participant")} ${verb(holders, "holds", "hold")} ${code} and ${verb(holders, "presents", "present")} ${presentations} times; with ${plural(problem.panelCount, "panel")} ${sizeWords(problem)} and maxShare ${maxShare}, at most ${allowance} fit`));
    }
  }
  if (failures.length > 0 || tightest === null) return failures;
  const t = tightest;
  return [check("nationality-cap", true, "policy.nationality.maxShare", { holders: t.holders, presentations: t.presentations, allowance, maxShare },
    `${plural(t.holders, "participant")} ${verb(t.holders, "holds", "hold")} ${t.code}; with ${plural(problem.panelCount, "panel")} ${sizeWords(problem)} and maxShare ${maxShare}, at most ${allowance} fit`)];
}

/** minDistinct binds only non-empty panels: it can rule a program out only when some panel must have members. */
function somePanelMustFill(problem: Problem): boolean {
  for (let p = 0; p < problem.panelCount; p++) if (membersRange(problem, p)[0] > 0) return true;
  return false;
}

function checkNationalityDistinct(problem: Problem): NecessaryCheck[] {
  const { minDistinct } = problem.nationalityPolicy;
  if (minDistinct <= 1 || !somePanelMustFill(problem)) return [];
  const held = new Set<number>();
  for (const codes of problem.nationalitiesByParticipant) for (const k of codes) held.add(k);
  const numbers = { minDistinct, nationalities: held.size };
  if (held.size < minDistinct) {
    return [check("nationality-distinct", false, "policy.nationality.minDistinct", numbers,
      `every panel needs ${minDistinct} distinct nationalities but participants hold only ${held.size} in all`)];
  }
  return [check("nationality-distinct", true, "policy.nationality.minDistinct", numbers,
    `every panel needs ${minDistinct} distinct nationalities and participants hold ${held.size}`)];
}

/**
 * Can a panel of these sizes satisfy the share caps at all? With m members, each nationality may hold at most
 * shareLimit(maxShare, m) seats, so m seats need at least ceil(m / limit) distinct nationalities in the program.
 */
function checkPanelShape(problem: Problem): NecessaryCheck[] {
  const { maxShare } = problem.nationalityPolicy;
  if (maxShare >= 1) return [];
  const distinct = new Set<number>();
  for (const codes of problem.nationalitiesByParticipant) for (const k of codes) distinct.add(k);
  // Smallest member count each panel can have under the cap (0 when it may stay empty), null when none works.
  const fewestMembers = (p: number): number | null => {
    const [lo, hi] = membersRange(problem, p);
    if (lo === 0) return 0;
    for (let m = lo; m <= hi; m++) {
      const limit = shareLimit(maxShare, m);
      if (limit >= 1 && limit * distinct.size >= m) return m;
    }
    return null;
  };
  const byShape = new Map<string, number[]>();
  let neededPresenters = 0;
  let raised = 0;
  for (let p = 0; p < problem.panelCount; p++) {
    const fewest = fewestMembers(p);
    if (fewest === null) {
      const [lo, hi] = membersRange(problem, p);
      byShape.set(`${lo}:${hi}`, [...(byShape.get(`${lo}:${hi}`) ?? []), p]);
      continue;
    }
    const extra = problem.needsChairByPanel[p]! + problem.needsDiscussantByPanel[p]!;
    const presenters = Math.max(problem.minPresentersByPanel[p]!, fewest - extra);
    if (presenters > problem.minPresentersByPanel[p]!) raised++;
    neededPresenters += presenters;
  }
  const failures: NecessaryCheck[] = [];
  for (const [key, panels] of byShape) {
    const [lo, hi] = key.split(":").map(Number) as [number, number];
    const names = panels.slice(0, 3).map((p) => problem.panelIds[p]!).join(", ") + (panels.length > 3 ? ", ..." : "");
    failures.push(check("panel-shape", false, "policy.nationality.maxShare", { panels: panels.length, minMembers: lo, maxMembers: hi, maxShare, nationalities: distinct.size },
      shareLimit(maxShare, hi) < 1
        ? `${plural(panels.length, "panel")} (${names}) ${verb(panels.length, "has", "have")} at most ${hi} members, and maxShare ${maxShare} lets no nationality hold even one seat`
        : `${plural(panels.length, "panel")} (${names}) ${verb(panels.length, "needs", "need")} ${lo} to ${hi} members; with maxShare ${maxShare} that takes more than the ${plural(distinct.size, "nationality", "nationalities")} participants hold`));
  }
  if (failures.length > 0) return failures;
  if (raised === 0) return [];
  // The cap forces some panels above their minimum size; do the presentations still fill them?
  let demand = 0;
  for (const k of problem.presentsByParticipant) demand += k;
  const numbers = { presentations: demand, neededPresenters, raisedPanels: raised, maxShare };
  const why = `with maxShare ${maxShare} and ${distinct.size} nationalities, ${plural(raised, "panel")} cannot stay at ${raised === 1 ? "its" : "their"} minimum size, so the panels need at least ${neededPresenters} presenters`;
  return demand < neededPresenters
    ? [check("panel-shape", false, "policy.nationality.maxShare", numbers, `${why} but there are only ${demand} presentations`)]
    : [check("panel-shape", true, "policy.nationality.maxShare", numbers, `${why}, and there are ${demand} presentations`)];
}

function checkAttributeCaps(problem: Problem): NecessaryCheck[] {
  const out: NecessaryCheck[] = [];
  for (const [r, rule] of problem.balanceRules.entries()) {
    const path = `policy.balance[${r}]`;
    if (rule.maxShare < 1) {
      let allowance = 0;
      for (let p = 0; p < problem.panelCount; p++) allowance += shareLimit(rule.maxShare, membersRange(problem, p)[1]);
      let worst: { value: string; holders: number; presentations: number } | null = null;
      for (const [v, value] of rule.values.entries()) {
        let holders = 0;
        let presentations = 0;
        for (let i = 0; i < problem.participantCount; i++) {
          if (rule.valueByParticipant[i] !== v) continue;
          holders++;
          presentations += problem.presentsByParticipant[i]!;
        }
        if (worst === null || presentations > worst.presentations) worst = { value, holders, presentations };
      }
      if (worst !== null) {
        const ok = worst.presentations <= allowance;
        out.push(check("attribute-cap", ok, `${path}.maxShare`, { holders: worst.holders, presentations: worst.presentations, allowance, maxShare: rule.maxShare },
          `${plural(worst.holders, "participant")} ${verb(worst.holders, "has", "have")} ${rule.attribute} "${worst.value}" and ${verb(worst.holders, "presents", "present")} ${worst.presentations} times; with maxShare ${pct(rule.maxShare)} at most ${allowance} fit`));
      }
    }
    if (rule.minDistinct > 1 && rule.values.length < rule.minDistinct && somePanelMustFill(problem)) {
      out.push(check("attribute-cap", false, `${path}.minDistinct`, { minDistinct: rule.minDistinct, values: rule.values.length },
        `every panel needs ${rule.minDistinct} distinct values of ${rule.attribute} but participants have only ${rule.values.length}`));
    }
  }
  return out;
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
      out.push(check("group", false, formatPath(["participants", idle[0]!, "presents"]), { members: members.length },
        `group ${name}: ${idleIds.join(", ")} ${verb(idle.length, "presents", "present")} 0 times, so the co-authors cannot present together`));
      continue;
    }
    const clash = Array.from(members).flatMap((i) => Array.from(members).filter((j) => j > i && problem.conflictsByParticipant[i]!.includes(j)).map((j) => [i, j] as const));
    if (clash.length > 0) {
      const [i, j] = clash[0]!;
      out.push(check("group", false, path, { members: members.length }, `group ${name}: ${problem.participantIds[i]} and ${problem.participantIds[j]} must present together but may not share a panel`));
      continue;
    }
    let common = 0;
    for (let p = 0; p < panelCount; p++) {
      if (problem.maxPresentersByPanel[p]! < members.length) continue;
      if (Array.from(members).every((i) => problem.mayPresent[i * panelCount + p] === 1)) common++;
    }
    if (common === 0) {
      out.push(check("group", false, path, { members: members.length },
        `group ${name} (${ids.join(", ")}) has no panel that seats ${members.length} presenters and on which all of them may present`));
    }
  }
  if (out.length === 0 && problem.groups.length > 0) return [check("group", true, "participants", { groups: problem.groups.length }, `every co-author group (${problem.groups.length}) has a panel all its members may present on`)];
  return out;
}
