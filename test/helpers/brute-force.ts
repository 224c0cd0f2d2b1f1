// Exhaustive optimum for tiny programs: the ground truth the exact solvers are held against (DESIGN.md §8).
// It enumerates, participant by participant, every combination of panels they present on, chair and discuss, and
// hands each complete assignment to the independent checker and scorer. The pruning below only cuts branches that
// break a rule whatever comes later (load, roles, sizes, slots, eligibility, pins, pairwise conflicts, co-authors),
// each read directly from the program (not from normalizeProgram, which the solvers share) so a bug there shows.
import { checkSolution } from "../../src/check/check.js";
import { scoreSolution } from "../../src/check/score.js";
import type { Program } from "../../src/model/schema.js";
import type { SolutionPanel } from "../../src/model/solution.js";

export const BRUTE_FORCE_LIMITS = { participants: 9, panels: 3 } as const;

export type BruteForceResult =
  | {
      readonly status: "optimal";
      readonly total: number;
      readonly terms: Record<string, number>;
      readonly panels: SolutionPanel[];
      /** Complete assignments the checker accepted, and complete assignments handed to it. */
      readonly feasibleCount: number;
      readonly leafCount: number;
    }
  | { readonly status: "infeasible"; readonly feasibleCount: 0; readonly leafCount: number }
  /** More than maxLeaves complete assignments: not a tiny program; the caller should skip it. */
  | { readonly status: "gave-up"; readonly feasibleCount: number; readonly leafCount: number };

export interface BruteForceOptions {
  /** Give up after handing this many complete assignments to the checker: the program is not tiny. */
  readonly maxLeaves?: number;
}

interface Choice {
  readonly present: number; // panel bitmasks
  readonly chair: number;
  readonly discuss: number;
}

const NOBODY = -1;
const GAVE_UP = Symbol("gave up");

export function bruteForce(program: Program, options: BruteForceOptions = {}): BruteForceResult {
  const maxLeaves = options.maxLeaves ?? 200_000;
  const people = program.participants;
  const panels = program.panels;
  const n = people.length;
  const m = panels.length;
  if (n > BRUTE_FORCE_LIMITS.participants || m > BRUTE_FORCE_LIMITS.panels) {
    throw new RangeError(`bruteForce: ${n} participants and ${m} panels exceed ${JSON.stringify(BRUTE_FORCE_LIMITS)}`);
  }
  const { policy } = program;
  const idxById = new Map(people.map((p, i) => [p.id, i]));
  const idx = (id: string) => idxById.get(id)!;

  const sizeOf = panels.map((panel) => panel.size ?? policy.panelSize);
  const needsChair = panels.map((panel) => panel.chair ?? policy.chair);
  const needsDiscussant = panels.map((panel) => panel.discussant ?? policy.discussant);
  const maxRoles = policy.maxRoles ?? Number.POSITIVE_INFINITY;

  // Pairwise "never on one panel", from DESIGN.md §3.5/§3.6 as a bitmask of participants per participant.
  const conflicts = new Int32Array(n);
  const forbid = (i: number, j: number) => {
    if (i === j) return;
    conflicts[i]! |= 1 << j;
    conflicts[j]! |= 1 << i;
  };
  const holders = (code: string) => people.flatMap((p, j) => (p.nationalities.includes(code) ? [j] : []));
  people.forEach((p, i) => {
    for (const ref of p.avoid.participants) forbid(i, idx(ref));
    for (const code of p.avoid.nationalities) for (const j of holders(code)) forbid(i, j);
    const out = (p.dialogue ?? (p.atRisk ? "out" : "in")) === "out";
    if (out) {
      for (const { between: [a, b] } of policy.dialogue.pairs) {
        if (p.nationalities.includes(a)) for (const j of holders(b)) forbid(i, j);
        if (p.nationalities.includes(b)) for (const j of holders(a)) forbid(i, j);
      }
    }
  });
  for (const [a, b] of policy.keepApart) forbid(idx(a), idx(b));
  for (const [a, b] of policy.separate) for (const i of holders(a)) for (const j of holders(b)) forbid(i, j);

  // Everything a participant may hold, alone: exact presents, role caps, eligibility, slots, pins.
  const choices: Choice[][] = people.map((person, i) => {
    const away = new Set(person.unavailable);
    const mayJoin = (k: number) =>
      !(panels[k]!.slot !== undefined && away.has(panels[k]!.slot!)) && !(panels[k]!.recorded && person.atRisk);
    const mayPresent = (k: number) => {
      if (!mayJoin(k)) return false;
      const topics = panels[k]!.topics;
      return policy.topics !== "required" || person.topics.length === 0 || topics.length === 0 ||
        person.topics.some((t) => topics.includes(t));
    };
    let mustPresent = 0;
    let mustChair = 0;
    let mustDiscuss = 0;
    let otherChair = 0; // panels whose pinned chair is someone else
    let otherDiscuss = 0;
    panels.forEach((panel, k) => {
      if (panel.pinned?.presenters.includes(person.id)) mustPresent |= 1 << k;
      if (panel.pinned?.chair === person.id) mustChair |= 1 << k;
      else if (panel.pinned?.chair !== undefined) otherChair |= 1 << k;
      if (panel.pinned?.discussant === person.id) mustDiscuss |= 1 << k;
      else if (panel.pinned?.discussant !== undefined) otherDiscuss |= 1 << k;
    });
    const out: Choice[] = [];
    const full = (1 << m) - 1;
    for (let present = 0; present <= full; present++) {
      if (popcount(present) !== person.presents || (present & mustPresent) !== mustPresent) continue;
      if (!everyBit(present, mayPresent)) continue;
      for (let chair = 0; chair <= full; chair++) {
        if ((chair & present) !== 0 || popcount(chair) > person.mayChair) continue;
        if ((chair & mustChair) !== mustChair || (chair & otherChair) !== 0) continue;
        if (!everyBit(chair, (k) => needsChair[k]! && mayJoin(k))) continue;
        for (let discuss = 0; discuss <= full; discuss++) {
          if ((discuss & (present | chair)) !== 0 || popcount(discuss) > person.mayDiscuss) continue;
          if ((discuss & mustDiscuss) !== mustDiscuss || (discuss & otherDiscuss) !== 0) continue;
          if (!everyBit(discuss, (k) => needsDiscussant[k]! && mayJoin(k))) continue;
          const all = present | chair | discuss;
          if (popcount(present) + popcount(chair) + popcount(discuss) > maxRoles) continue;
          if (slotClash(all)) continue;
          out.push({ present, chair, discuss });
        }
      }
    }
    return out;
  });

  function everyBit(mask: number, ok: (k: number) => boolean): boolean {
    for (let k = 0; k < m; k++) if ((mask & (1 << k)) !== 0 && !ok(k)) return false;
    return true;
  }
  function slotClash(mask: number): boolean {
    const seen = new Set<string>();
    for (let k = 0; k < m; k++) {
      const slot = panels[k]!.slot;
      if ((mask & (1 << k)) === 0 || slot === undefined) continue;
      if (seen.has(slot)) return true;
      seen.add(slot);
    }
    return false;
  }

  // Co-authors: the panels every member placed so far presents on (must stay non-empty).
  const groupOf = people.map((p) => p.group);
  const commonByGroup = new Map<string, number>();
  const presentsLeft = new Int32Array(n + 1);
  for (let i = n - 1; i >= 0; i--) presentsLeft[i] = presentsLeft[i + 1]! + people[i]!.presents;

  const presenterCount = new Int32Array(m);
  const membersOf = new Int32Array(m); // participant bitmask per panel
  const chairOf = new Int32Array(m).fill(NOBODY);
  const discussantOf = new Int32Array(m).fill(NOBODY);
  const presentersOf: number[][] = Array.from({ length: m }, () => []);

  let best: { total: number; terms: Record<string, number>; panels: SolutionPanel[] } | null = null;
  let feasibleCount = 0;
  let leafCount = 0;

  const leaf = () => {
    for (let k = 0; k < m; k++) {
      if (presenterCount[k]! < sizeOf[k]!.min) return;
      if (needsChair[k] && chairOf[k] === NOBODY) return;
      if (needsDiscussant[k] && discussantOf[k] === NOBODY) return;
    }
    if (++leafCount > maxLeaves) throw GAVE_UP;
    const solution: SolutionPanel[] = panels.map((panel, k) => ({
      id: panel.id,
      slot: panel.slot ?? null,
      presenters: presentersOf[k]!.map((i) => people[i]!.id),
      chair: chairOf[k] === NOBODY ? null : people[chairOf[k]!]!.id,
      discussant: discussantOf[k] === NOBODY ? null : people[discussantOf[k]!]!.id,
    }));
    if (checkSolution(program, solution).length > 0) return;
    feasibleCount++;
    const score = scoreSolution(program, solution);
    if (best === null || score.total > best.total + 1e-9) best = { total: score.total, terms: score.terms, panels: solution };
  };

  const visit = (i: number) => {
    if (i === n) return leaf();
    // Remaining presentations must still be able to reach every panel's minimum.
    let missing = 0;
    for (let k = 0; k < m; k++) missing += Math.max(0, sizeOf[k]!.min - presenterCount[k]!);
    if (missing > presentsLeft[i]!) return;
    const group = groupOf[i];
    for (const c of choices[i]!) {
      const all = c.present | c.chair | c.discuss;
      let ok = true;
      for (let k = 0; k < m && ok; k++) {
        const bit = 1 << k;
        if ((all & bit) === 0) continue;
        if ((membersOf[k]! & conflicts[i]!) !== 0) ok = false;
        else if ((c.present & bit) !== 0 && presenterCount[k]! >= sizeOf[k]!.max) ok = false;
        else if ((c.chair & bit) !== 0 && chairOf[k] !== NOBODY) ok = false;
        else if ((c.discuss & bit) !== 0 && discussantOf[k] !== NOBODY) ok = false;
      }
      if (!ok) continue;
      const commonBefore = group === undefined ? 0 : (commonByGroup.get(group) ?? (1 << m) - 1);
      if (group !== undefined) {
        if ((commonBefore & c.present) === 0) continue;
        commonByGroup.set(group, commonBefore & c.present);
      }
      for (let k = 0; k < m; k++) {
        const bit = 1 << k;
        if ((all & bit) === 0) continue;
        membersOf[k]! |= 1 << i;
        if ((c.present & bit) !== 0) {
          presenterCount[k]!++;
          presentersOf[k]!.push(i);
        }
        if ((c.chair & bit) !== 0) chairOf[k] = i;
        if ((c.discuss & bit) !== 0) discussantOf[k] = i;
      }
      visit(i + 1);
      for (let k = 0; k < m; k++) {
        const bit = 1 << k;
        if ((all & bit) === 0) continue;
        membersOf[k]! &= ~(1 << i);
        if ((c.present & bit) !== 0) {
          presenterCount[k]!--;
          presentersOf[k]!.pop();
        }
        if ((c.chair & bit) !== 0) chairOf[k] = NOBODY;
        if ((c.discuss & bit) !== 0) discussantOf[k] = NOBODY;
      }
      if (group !== undefined) commonByGroup.set(group, commonBefore);
    }
  };
  try {
    visit(0);
  } catch (error) {
    if (error !== GAVE_UP) throw error;
    return { status: "gave-up", feasibleCount, leafCount };
  }

  const found = best as { total: number; terms: Record<string, number>; panels: SolutionPanel[] } | null;
  return found === null
    ? { status: "infeasible", feasibleCount: 0, leafCount }
    : { status: "optimal", total: found.total, terms: found.terms, panels: found.panels, feasibleCount, leafCount };
}

function popcount(mask: number): number {
  let count = 0;
  for (let x = mask; x !== 0; x &= x - 1) count++;
  return count;
}
