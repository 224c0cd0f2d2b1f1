// The panel subproblem must return the exact optimum of its relaxed rules (relaxation.ts) for any prices: if it
// ever returned less, the Lagrangian "bound" could fall below the true optimum. Held here against an enumeration
// of every roster, written from the rules as documented, on random small programs and random prices; the members
// it reports must also score exactly the value it returns.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeProgram } from "../../../../src/model/normalize.js";
import { shareLimit, type Problem } from "../../../../src/model/problem.js";
import { PanelSubproblem, type SeatPrices } from "../../../../src/solvers/lagrangian/panel.js";
import {
  CHAIR,
  DISCUSSANT,
  MAY_JOIN,
  MAY_PRESENT,
  PRESENTER,
  ROLE_COUNT,
  TOPIC_MATCH,
  relaxProgram,
  type RelaxedProgram,
} from "../../../../src/solvers/lagrangian/relaxation.js";
import { programArb } from "../../../arbitraries/program.js";
import { loadGenerated } from "../../../helpers/program.js";
import { runs } from "../../../helpers/runs.js";

interface Roster {
  readonly presenters: readonly number[];
  readonly chair: number;
  readonly discussant: number;
}

/** Random prices: seat values in [-6, 6], some slot prices, affinity shares anywhere in [0, gain]. */
function pricesFor(relaxed: RelaxedProgram, draw: () => number): SeatPrices {
  const n = relaxed.participantCount;
  const base = Float64Array.from({ length: ROLE_COUNT * n }, () => Math.round((draw() * 12 - 6) * 4) / 4);
  const slotPrice = Float64Array.from({ length: n * relaxed.slotCount }, () => (draw() < 0.3 ? draw() * 3 : 0));
  const affinityShare = new Float64Array(relaxed.affinityGain.length * relaxed.panelCount);
  for (let k = 0; k < relaxed.affinityGain.length; k++) {
    for (let p = 0; p < relaxed.panelCount; p++) affinityShare[k * relaxed.panelCount + p] = draw() * relaxed.affinityGain[k]!;
  }
  const ceiling = base.map((v, x) => v + (Math.floor(x / n) === PRESENTER ? relaxed.topicWeight : 0) + relaxed.affinityMaxByParticipant[x % n]!);
  const order = relaxed.candidatesByNationRole.map((list, at) => {
    const offset = (at % ROLE_COUNT) * n;
    return Int32Array.from(list).sort((a, b) => ceiling[offset + b]! - ceiling[offset + a]!);
  });
  return { base, ceiling, order, slotPrice, affinityShare };
}

function seatValue(relaxed: RelaxedProgram, prices: SeatPrices, p: number, i: number, role: number): number {
  const n = relaxed.participantCount;
  const slot = relaxed.problem.slotByPanel[p]!;
  let value = prices.base[role * n + i]!;
  if (slot >= 0) value -= prices.slotPrice[i * relaxed.slotCount + slot]!;
  if (role === PRESENTER && (relaxed.seatsByPanel[p * n + i]! & TOPIC_MATCH) !== 0) value += relaxed.topicWeight;
  for (const entry of relaxed.affinitiesByParticipant[i]!) {
    const k = entry >> 1;
    const share = prices.affinityShare[k * relaxed.panelCount + p]!;
    value += (entry & 1) === 1 ? share : relaxed.affinityGain[k]! - share;
  }
  return value;
}

/** The relaxed value of a roster on panel p, or null when it breaks a relaxed rule. */
function relaxedValue(relaxed: RelaxedProgram, prices: SeatPrices, p: number, roster: Roster): number | null {
  const { problem } = relaxed;
  const seated: [number, number][] = roster.presenters.map((i) => [i, PRESENTER]);
  if (roster.chair >= 0) seated.push([roster.chair, CHAIR]);
  if (roster.discussant >= 0) seated.push([roster.discussant, DISCUSSANT]);
  const members = seated.length;
  if (members === 0) return 0;
  const cap = shareLimit(problem.nationalityPolicy.maxShare, members);
  const homes = new Map<number, number>();
  for (const [i] of seated) homes.set(relaxed.homeByParticipant[i]!, (homes.get(relaxed.homeByParticipant[i]!) ?? 0) + 1);
  for (const count of homes.values()) if (count > cap) return null;
  let value = relaxed.diversityWeight * (homes.size - 1);
  for (const [i, role] of seated) value += seatValue(relaxed, prices, p, i, role);
  const { neutralChair, minSide, maxImbalance } = problem.dialogueSafety;
  for (const group of relaxed.groups) {
    if (group.nations.length !== 2) continue;
    const [a, b] = group.nations as [number, number];
    const countA = homes.get(a) ?? 0;
    const countB = homes.get(b) ?? 0;
    if (countA === 0 || countB === 0) continue;
    const sides = seated.filter(([i]) => relaxed.homeByParticipant[i] === a || relaxed.homeByParticipant[i] === b);
    if (sides.some(([i]) => relaxed.meetsByParticipant[i] === 0)) return null;
    if (neutralChair && problem.needsChairByPanel[p] === 1 && sides.some(([, role]) => role === CHAIR)) return null;
    if (countA < minSide - group.slackA || countB < minSide - group.slackB) return null;
    if (countA - countB > maxImbalance + group.slackB || countB - countA > maxImbalance + group.slackA) return null;
    value += group.pairGain;
  }
  return value;
}

/** Every roster panel p allows under the relaxed rules' seat eligibility and sizes. */
function rostersOf(relaxed: RelaxedProgram, p: number): Roster[] {
  const { problem } = relaxed;
  const n = relaxed.participantCount;
  const bits = (i: number) => relaxed.seatsByPanel[p * n + i]!;
  const roleOk = (i: number, limit: Int32Array) => (bits(i) & MAY_JOIN) !== 0 && limit[i]! > 0 && problem.maxRoles > 0;
  const presenters = [...Array(n).keys()].filter((i) => (bits(i) & MAY_PRESENT) !== 0);
  const chairs = problem.needsChairByPanel[p] === 1 ? [...Array(n).keys()].filter((i) => roleOk(i, relaxed.mayChair)) : [-1];
  const discussants = problem.needsDiscussantByPanel[p] === 1 ? [...Array(n).keys()].filter((i) => roleOk(i, relaxed.mayDiscuss)) : [-1];
  const out: Roster[] = [];
  for (let mask = 0; mask < 1 << presenters.length; mask++) {
    const chosen = presenters.filter((_, x) => (mask >> x) & 1);
    if (chosen.length < problem.minPresentersByPanel[p]! || chosen.length > problem.maxPresentersByPanel[p]!) continue;
    for (const chair of chairs) {
      if (chosen.includes(chair)) continue;
      for (const discussant of discussants) {
        if (discussant >= 0 && (discussant === chair || chosen.includes(discussant))) continue;
        out.push({ presenters: chosen, chair, discussant });
      }
    }
  }
  return out;
}

function bestByEnumeration(relaxed: RelaxedProgram, prices: SeatPrices, p: number): number {
  let best = Number.NEGATIVE_INFINITY;
  for (const roster of rostersOf(relaxed, p)) {
    const value = relaxedValue(relaxed, prices, p, roster);
    if (value !== null && value > best) best = value;
  }
  return best;
}

function solvePanel(relaxed: RelaxedProgram, prices: SeatPrices, p: number): { value: number; roster: Roster } {
  const presenters: number[] = [];
  let chair = -1;
  let discussant = -1;
  const value = new PanelSubproblem(relaxed).solve(p, prices, {
    add: (i, role) => {
      if (role === PRESENTER) presenters.push(i);
      else if (role === CHAIR) chair = i;
      else discussant = i;
    },
  });
  return { value, roster: { presenters, chair, discussant } };
}

function expectExact(problem: Problem, seed: number): void {
  const relaxed = relaxProgram(problem);
  let state = seed >>> 0 || 1;
  const draw = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  for (let trial = 0; trial < 3; trial++) {
    const prices = pricesFor(relaxed, draw);
    for (let p = 0; p < problem.panelCount; p++) {
      const expected = bestByEnumeration(relaxed, prices, p);
      const { value, roster } = solvePanel(relaxed, prices, p);
      const context = `panel ${p}, program ${JSON.stringify(problem.program)}`;
      if (expected === Number.NEGATIVE_INFINITY) {
        expect(value, context).toBe(Number.NEGATIVE_INFINITY);
        continue;
      }
      expect(value, context).toBeCloseTo(expected, 9);
      expect(relaxedValue(relaxed, prices, p, roster), `${context}\nroster ${JSON.stringify(roster)}`).toBeCloseTo(value, 9);
    }
  }
}

describe("PanelSubproblem", () => {
  it("returns the best roster of its relaxed rules on random small programs and prices", () => {
    fc.assert(
      fc.property(
        programArb({ maxParticipants: 8, maxPanels: 2, maxPresents: 2, dialogue: "heavy", dualNationals: "heavy", caps: "heavy", weights: "heavy", affinities: "heavy" }),
        fc.integer(),
        (input, seed) => expectExact(normalizeProgram(loadGenerated(input)), seed),
      ),
      { numRuns: runs(150), seed: 13 },
    );
  });

  it("stays exact with many alike candidates per nationality (the top-of-list cut and the nation shortlist)", () => {
    const nations = ["US", "GB", "DE", "RU", "UA", "FR"];
    const participants = Array.from({ length: 9 }, (_, k) => ({
      id: `p${k}`,
      nationalities: [nations[k % nations.length]!, ...(k === 4 ? ["GB"] : [])],
      mayChair: k % 3 === 0 ? 1 : 0,
      mayDiscuss: k % 2,
      topics: [k % 2 === 0 ? "a" : "b"],
    }));
    const program = loadGenerated({
      participants,
      panels: [
        { id: "P0", topics: ["a"], size: { min: 2, max: 4 }, chair: true, discussant: true },
        { id: "P1", topics: ["b"], size: { min: 1, max: 3 }, chair: true },
        { id: "P2", size: { min: 0, max: 3 }, discussant: true },
      ],
      policy: {
        nationality: { maxShare: 0.5, minDistinct: 2 },
        topics: "preferred",
        dialogue: { pairs: [{ between: ["RU", "UA"], weight: 4 }] },
        weights: { dialogue: 1, diversity: 1, topicFit: 1, affinity: 1 },
      },
    });
    for (let seed = 1; seed <= 40; seed++) expectExact(normalizeProgram(program), seed);
  });

  it("stays exact where the dialogue safety rules bind (no cap, one side outnumbered)", () => {
    const side = (id: string, nation: string) => ({ id, nationalities: [nation], mayDiscuss: 1, mayChair: 1 });
    const program = loadGenerated({
      participants: [side("r1", "RU"), side("r2", "RU"), side("r3", "RU"), side("r4", "RU"), side("u1", "UA"), side("u2", "UA"), side("d", "DE")],
      panels: [
        { id: "P0", size: { min: 2, max: 4 }, chair: true },
        { id: "P1", size: { min: 1, max: 4 }, discussant: true },
      ],
      policy: { dialogue: { pairs: [{ between: ["RU", "UA"], weight: 20 }], minSide: 1, maxImbalance: 1, neutralChair: true } },
    });
    for (let seed = 1; seed <= 60; seed++) expectExact(normalizeProgram(program), seed);
  });
});
