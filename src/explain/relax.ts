// Smallest single-parameter relaxations, in the spirit of quota relaxation in sortition tools: along each natural
// axis (a share cap, a minimum, panel sizes, who may chair) find the least change that makes the program feasible,
// by binary search over the axis's meaningful values (feasibility is monotone along each axis: relaxing never
// removes solutions). An axis whose loosest value is still infeasible is not reported.
import type { Program } from "../model/schema.js";
import type { Budget } from "./budget.js";
import type { Relaxation, Verdict } from "./types.js";

interface Axis {
  readonly path: string;
  readonly from: unknown;
  /** Candidate values, from the smallest change to the largest. */
  readonly steps: readonly unknown[];
  apply(program: Program, value: unknown): Program;
  describe(value: unknown): string;
  /** A fix for a cause that exists because someone is at risk: withheld unless revealed (src/explain/sensitive.ts). */
  readonly sensitive?: boolean;
}

export async function findRelaxations(program: Program, budget: Budget, priority: readonly string[] = []): Promise<Relaxation[]> {
  const axes = relaxationAxes(program).sort((a, b) => rank(a.path, priority) - rank(b.path, priority));
  const out: Relaxation[] = [];
  for (const axis of axes) {
    if (budget.exhausted || axis.steps.length === 0) continue;
    const loosest = axis.steps[axis.steps.length - 1];
    if ((await budget.ask(axis.apply(program, loosest))) !== "feasible") continue;
    // Invariant: steps[hi] is feasible; steps below lo are not, or could not be decided in time.
    const verdicts = new Map<number, Verdict>();
    let lo = 0;
    let hi = axis.steps.length - 1;
    while (lo < hi && !budget.exhausted) {
      const mid = (lo + hi) >> 1;
      const verdict = await budget.ask(axis.apply(program, axis.steps[mid]));
      verdicts.set(mid, verdict);
      if (verdict === "feasible") hi = mid;
      else lo = mid + 1;
    }
    // Smallest for sure when the step just below was proven infeasible (monotonicity covers the rest).
    const smallest = hi === 0 || (lo === hi && verdicts.get(hi - 1) === "infeasible");
    const to = axis.steps[hi];
    out.push({ path: axis.path, from: axis.from, to, smallest, message: axis.describe(to), ...(axis.sensitive === true ? { sensitive: true } : {}) });
  }
  return out;
}

function rank(path: string, priority: readonly string[]): number {
  const k = priority.findIndex((p) => path.startsWith(p));
  return k === -1 ? priority.length : k;
}

const ceil2 = (x: number) => Math.ceil(x * 100 - 1e-9) / 100;

export function relaxationAxes(program: Program): Axis[] {
  const { policy } = program;
  const axes: Axis[] = [];
  // No panel has more members than there are participants, whatever its size allows (the share steps below take
  // time quadratic in this).
  const maxMembers = Math.min(
    program.participants.length,
    Math.max(
      0,
      ...program.panels.map((p) => (p.size ?? policy.panelSize).max + ((p.chair ?? policy.chair) ? 1 : 0) + ((p.discussant ?? policy.discussant) ? 1 : 0)),
    ),
  );
  const withPolicy = (p: Program, change: (policy: Program["policy"]) => Program["policy"]): Program => ({ ...p, policy: change(p.policy) });

  // Share caps: only values k/m (m members) change what a cap allows; rounded up to two decimals for people.
  const shareSteps = (current: number) => {
    const values = new Set<number>([1]);
    for (let m = 1; m <= maxMembers; m++) for (let k = 1; k <= m; k++) if (k / m > current + 1e-9) values.add(Math.min(1, ceil2(k / m)));
    return [...values].filter((v) => v > current).sort((a, b) => a - b);
  };
  const down = (current: number, floor: number) => Array.from({ length: Math.max(0, current - floor) }, (_, k) => current - 1 - k);

  if (policy.nationality.maxShare < 1) {
    axes.push({
      path: "policy.nationality.maxShare",
      from: policy.nationality.maxShare,
      steps: shareSteps(policy.nationality.maxShare),
      apply: (p, v) => withPolicy(p, (pol) => ({ ...pol, nationality: { ...pol.nationality, maxShare: v as number } })),
      describe: (v) => `raise policy.nationality.maxShare from ${policy.nationality.maxShare} to ${v}`,
    });
  }
  if (policy.nationality.minDistinct > 1) {
    axes.push({
      path: "policy.nationality.minDistinct",
      from: policy.nationality.minDistinct,
      steps: down(policy.nationality.minDistinct, 1),
      apply: (p, v) => withPolicy(p, (pol) => ({ ...pol, nationality: { ...pol.nationality, minDistinct: v as number } })),
      describe: (v) => `lower policy.nationality.minDistinct from ${policy.nationality.minDistinct} to ${v}`,
    });
  }
  policy.balance.forEach((rule, k) => {
    const setRule = (p: Program, patch: Partial<typeof rule>) =>
      withPolicy(p, (pol) => ({ ...pol, balance: pol.balance.map((r, j) => (j === k ? { ...r, ...patch } : r)) }));
    if (rule.maxShare < 1) {
      axes.push({
        path: `policy.balance[${k}].maxShare`,
        from: rule.maxShare,
        steps: shareSteps(rule.maxShare),
        apply: (p, v) => setRule(p, { maxShare: v as number }),
        describe: (v) => `raise the ${rule.attribute} maxShare (policy.balance[${k}].maxShare) from ${rule.maxShare} to ${v}`,
      });
    }
    if (rule.minDistinct > 1) {
      axes.push({
        path: `policy.balance[${k}].minDistinct`,
        from: rule.minDistinct,
        steps: down(rule.minDistinct, 1),
        apply: (p, v) => setRule(p, { minDistinct: v as number }),
        describe: (v) => `lower the ${rule.attribute} minDistinct (policy.balance[${k}].minDistinct) from ${rule.minDistinct} to ${v}`,
      });
    }
  });

  const dialogue = policy.dialogue;
  if (dialogue.pairs.length > 0) {
    if (dialogue.minSide > 1) {
      axes.push({
        path: "policy.dialogue.minSide",
        from: dialogue.minSide,
        steps: down(dialogue.minSide, 1),
        apply: (p, v) => withPolicy(p, (pol) => ({ ...pol, dialogue: { ...pol.dialogue, minSide: v as number } })),
        describe: (v) => `lower policy.dialogue.minSide from ${dialogue.minSide} to ${v}`,
      });
    }
    if (dialogue.maxImbalance !== null) {
      const current = dialogue.maxImbalance;
      const steps: (number | null)[] = [];
      for (let v = current + 1; v < maxMembers; v++) steps.push(v);
      steps.push(null);
      axes.push({
        path: "policy.dialogue.maxImbalance",
        from: current,
        steps,
        apply: (p, v) => withPolicy(p, (pol) => ({ ...pol, dialogue: { ...pol.dialogue, maxImbalance: v as number | null } })),
        describe: (v) => (v === null ? "drop policy.dialogue.maxImbalance (no limit)" : `raise policy.dialogue.maxImbalance from ${current} to ${v}`),
      });
    }
  }

  // Panel sizes: every panel's minimum lowered (or maximum raised) by the same amount.
  const sizes = program.panels.map((p) => p.size ?? policy.panelSize);
  const highestMin = Math.max(0, ...sizes.map((s) => s.min));
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

  for (const role of ["chair", "discussant"] as const) {
    const needs = program.panels.filter((p) => p[role] ?? policy[role]);
    if (needs.length === 0) continue;
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
    if (candidates.length === 0) continue;
    const chosen = (n: number) => new Set(candidates.slice(0, n).map((c) => c.i));
    axes.push({
      path: `participants[].${field}`,
      from: 0,
      steps: Array.from({ length: candidates.length }, (_, k) => k + 1),
      apply: (p, n) => {
        const who = chosen(n as number);
        return { ...p, participants: p.participants.map((person, i) => (who.has(i) ? { ...person, [field]: 1 } : person)) };
      },
      describe: (n) => {
        const ids = candidates.slice(0, n as number).map((c) => c.person.id);
        const shown = ids.length <= 8 ? ids.join(", ") : `${ids.slice(0, 8).join(", ")}, ...`;
        return `let ${n} more participant${n === 1 ? "" : "s"} ${role === "chair" ? "chair" : "discuss"} (${field}: 1 for ${shown})`;
      },
    });
  }

  if (policy.maxRoles !== null) {
    const current = policy.maxRoles;
    axes.push({
      path: "policy.maxRoles",
      from: current,
      steps: [current + 1, current + 2, current + 3, null],
      apply: (p, v) => withPolicy(p, (pol) => ({ ...pol, maxRoles: v as number | null })),
      describe: (v) => (v === null ? "drop policy.maxRoles (no limit)" : `raise policy.maxRoles from ${current} to ${v}`),
    });
  }
  if (policy.topics === "required") {
    axes.push({
      path: "policy.topics",
      from: "required",
      steps: ["preferred"],
      apply: (p) => withPolicy(p, (pol) => ({ ...pol, topics: "preferred" })),
      describe: () => 'make topics "preferred" instead of "required"',
    });
  }
  axes.push(...atRiskAxes(program));
  return axes;
}

/**
 * The organiser's fixes for causes that exist only because someone is at risk: stop recording some panels (an
 * at-risk participant may then sit there), or let an at-risk participant whose dialogue field is unwritten take
 * part in dialogue panels (the default keeps them off). Never "clear the flag": that is not a fix but a risk.
 */
function atRiskAxes(program: Program): Axis[] {
  const atRisk = program.participants.filter((p) => p.atRisk);
  if (atRisk.length === 0) return [];
  const axes: Axis[] = [];
  const list = (ids: readonly string[]) => (ids.length <= 8 ? ids.join(", ") : `${ids.slice(0, 8).join(", ")}, ...`);
  const atRiskIds = new Set(atRisk.map((p) => p.id));
  // Panels an at-risk participant is pinned to first (those pins cannot hold otherwise), then in program order.
  const pinsAtRisk = (k: number) => {
    const pinned = program.panels[k]!.pinned;
    return [...(pinned?.presenters ?? []), pinned?.chair, pinned?.discussant].some((id) => id !== undefined && atRiskIds.has(id));
  };
  const recorded = program.panels
    .map((panel, k) => ({ panel, k }))
    .filter(({ panel }) => panel.recorded)
    .sort((a, b) => Number(pinsAtRisk(b.k)) - Number(pinsAtRisk(a.k)) || a.k - b.k);
  if (recorded.length > 0) {
    const first = (n: number) => new Set(recorded.slice(0, n).map(({ k }) => k));
    axes.push({
      path: "panels[].recorded",
      from: true,
      steps: Array.from({ length: recorded.length }, (_, k) => k + 1),
      apply: (p, n) => {
        const off = first(n as number);
        return { ...p, panels: p.panels.map((panel, k) => (off.has(k) ? { ...panel, recorded: false } : panel)) };
      },
      describe: (n) => {
        const chosen = recorded.slice(0, n as number);
        return `stop recording ${list(chosen.map(({ panel }) => panel.id))} (${chosen.length === 1 ? `panels[${chosen[0]!.k}]` : "panels[]"}.recorded: false), so the at-risk ${list([...atRiskIds])} may sit there`;
      },
      sensitive: true,
    });
  }
  const keptOut = program.policy.dialogue.pairs.length === 0 ? [] : program.participants.flatMap((p, i) => (p.atRisk && p.dialogue === undefined ? [{ p, i }] : []));
  if (keptOut.length > 0) {
    axes.push({
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
        return `let the at-risk ${list(chosen.map(({ p }) => p.id))} take part in dialogue panels (${where}.dialogue: "in"; at risk, they are kept off them unless they say so), if they agree`;
      },
      sensitive: true,
    });
  }
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
