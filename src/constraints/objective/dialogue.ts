// Objective: dialogue = sum over panels and pairs of weight x [panel realises the pair] (DESIGN.md §4).
import { holdersByNationality, seatsOf, type Problem } from "../../model/problem.js";
import type { EncodeContext } from "../../solvers/mip/context.js";
import type { Term } from "../../solvers/mip/linear-model.js";
import { NATIONALITY_COUNTS } from "../shared/categories.js";
import { pairOnPanel, pairsByNationality, PairRealisation, realisedLowerTerms, realiserTerms, rosterRealises } from "../shared/dialogue-pairs.js";
import { rosterMembers, type ObjectiveRule } from "../rule.js";

export const dialogueRule: ObjectiveRule<"dialogue"> = {
  code: "dialogue",
  kind: "objective",
  term: "dialogue",
  isActive: (problem) => problem.dialoguePairs.length > 0 && problem.weights.dialogue !== 0,
  search: {
    scope: "panel",
    full(problem, assignment) {
      let total = 0;
      for (const roster of assignment.panels) {
        const members = rosterMembers(roster);
        for (const pair of problem.dialoguePairs) if (rosterRealises(problem, members, pair.a, pair.b)) total += pair.weight;
      }
      return total;
    },
    valuer(state) {
      const pairs = state.problem.dialoguePairs;
      const realisation = new PairRealisation(state);
      return (p) => {
        let total = 0;
        for (let k = 0; k < pairs.length; k++) if (realisation.realises(p, k)) total += pairs[k]!.weight;
        return total;
      };
    },
  },
  mip: {
    encode(ctx) {
      ctx.problem.dialoguePairs.forEach((dialoguePair, k) => {
        const coefficient = ctx.problem.weights.dialogue * dialoguePair.weight;
        if (coefficient === 0) return;
        for (let p = 0; p < ctx.problem.panelCount; p++) {
          const pair = pairOnPanel(ctx, k, p);
          if (pair === null) continue;
          if (coefficient > 0) {
            const terms = (side: readonly number[]) => realiserTerms(ctx, side, p);
            encodeRealisedAtMost(ctx, pair.tag, terms(pair.a), terms(pair.b), terms(pair.either), coefficient);
          } else {
            // A penalty: r >= gA + gB - 1 - alone forces r up wherever the pair is realised.
            const r = ctx.lp.addBinary(`dlg_${pair.tag}`, coefficient);
            ctx.lp.addRow(`dlgLo_${pair.tag}`, [...realisedLowerTerms(ctx, pair, p), { variable: r, coefficient: -1 }], "<=", 1);
          }
        }
      });
    },
  },
  greedy: {
    // Pairs i would newly realise (counted once per nationality of i in the pair).
    gain(state) {
      const problem = state.problem;
      const pairs = problem.dialoguePairs;
      const { countByPanel, nationalityCount } = state.use(NATIONALITY_COUNTS);
      const realisation = new PairRealisation(state);
      const pairsOf = pairsByNationality(problem);
      return (i, p) => {
        const base = p * nationalityCount;
        let gain = 0;
        for (const c of problem.nationalitiesByParticipant[i]!) {
          for (const k of pairsOf[c]!) {
            const pair = pairs[k]!;
            const other = pair.a === c ? pair.b : pair.a;
            if (countByPanel[base + other]! > 0 && !realisation.realises(p, k)) gain += pair.weight;
          }
        }
        return gain;
      };
    },
  },
  bound: (problem) => dialogueBound(problem),
};

/** r <= |A'|, r <= |B'|, 2r <= |A' u B'|: r = 1 only when two distinct members realise the pair. */
function encodeRealisedAtMost(ctx: EncodeContext, tag: string, countA: Term[], countB: Term[], countEither: Term[], coefficient: number): void {
  const { lp } = ctx;
  const r = lp.addBinary(`dlg_${tag}`, coefficient);
  lp.addRow(`dlgA_${tag}`, [...countA, { variable: r, coefficient: -1 }], ">=", 0);
  lp.addRow(`dlgB_${tag}`, [...countB, { variable: r, coefficient: -1 }], ">=", 0);
  lp.addRow(`dlgTwo_${tag}`, [...countEither, { variable: r, coefficient: -2 }], ">=", 0);
}

/**
 * Per dialogue pair: how many panels can realise it. Limited by the panels where some A-holder and a different
 * B-holder may sit together, by the seats of A-holders and of B-holders who may meet the other side (each
 * realising panel needs minSide of each, at least one), and by the seats of both together (two distinct members).
 * Linear in the conflicts of the holders per panel (stamps instead of sets), so 6,000 participants stay cheap.
 */
function dialogueBound(problem: Problem): number {
  const n = problem.participantCount;
  const holders = holdersByNationality(problem);
  const stampA = new Int32Array(n);
  const stampB = new Int32Array(n);
  let stamp = 0;
  let total = 0;
  for (const pair of problem.dialoguePairs) {
    const coefficient = problem.weights.dialogue * pair.weight;
    if (coefficient <= 0) continue;
    const meetsA = new Uint8Array(n);
    const meetsB = new Uint8Array(n);
    // Panels whose two sides lose the same holders (in practice: panels of one slot) have the same answer, and
    // marking the same partners twice adds nothing: each distinct pair of exclusion lists is examined once. The
    // exclusions come from reading the holders' rows of mayJoin in order, which is fast where a walk down each
    // panel's column is not.
    const excludedA = excludedByPanel(problem, holders[pair.a]!);
    const excludedB = excludedByPanel(problem, holders[pair.b]!);
    const realisableBySides = new Map<string, boolean>();
    let panels = 0;
    for (let p = 0; p < problem.panelCount; p++) {
      const sides = `${excludedA[p]!.join(",")}|${excludedB[p]!.join(",")}`;
      let realisable = realisableBySides.get(sides);
      if (realisable === undefined) {
        stamp++;
        const sideA = joiners(problem, holders[pair.a]!, p, stampA, stamp);
        const sideB = joiners(problem, holders[pair.b]!, p, stampB, stamp);
        realisable = false;
        if (sideA.length > 0 && sideB.length > 0) {
          // Both marks run: each records who has a partner.
          const a = markPartnered(problem, sideA, stampB, stamp, sideB.length, meetsA);
          const b = markPartnered(problem, sideB, stampA, stamp, sideA.length, meetsB);
          realisable = a && b;
        }
        realisableBySides.set(sides, realisable);
      }
      if (realisable) panels++;
    }
    const side = Math.max(1, problem.dialogueSafety.minSide);
    let seatsA = 0;
    let seatsB = 0;
    let seatsBoth = 0;
    for (let i = 0; i < n; i++) {
      if (meetsA[i] === 0 && meetsB[i] === 0) continue;
      const seats = seatsOf(problem, i);
      if (meetsA[i] === 1) seatsA += seats;
      if (meetsB[i] === 1) seatsB += seats;
      seatsBoth += seats;
    }
    const realisable = Math.min(
      panels,
      Math.floor(seatsA / side),
      Math.floor(seatsB / side),
      Math.floor(seatsBoth / Math.max(2, side)),
    );
    total += coefficient * realisable;
  }
  return total;
}

/** Per panel, the holders who may not join it, each list in holder order. */
function excludedByPanel(problem: Problem, holders: Int32Array): number[][] {
  const excluded: number[][] = Array.from({ length: problem.panelCount }, () => []);
  for (const i of holders) {
    const row = i * problem.panelCount;
    for (let p = 0; p < problem.panelCount; p++) if (problem.mayJoin[row + p] === 0) excluded[p]!.push(i);
  }
  return excluded;
}

/** The holders who may join panel p, each stamped in `stamps`. */
function joiners(problem: Problem, holders: Int32Array, p: number, stamps: Int32Array, stamp: number): number[] {
  const out: number[] = [];
  for (const i of holders) {
    if (problem.mayJoin[i * problem.panelCount + p] === 1) {
      out.push(i);
      stamps[i] = stamp;
    }
  }
  return out;
}

/**
 * Marks every member of `side` who has a partner among the `otherSize` stamped joiners of the other side (someone
 * other than themself they do not conflict with); true when at least one has.
 */
function markPartnered(
  problem: Problem,
  side: readonly number[],
  otherStamps: Int32Array,
  stamp: number,
  otherSize: number,
  meets: Uint8Array,
): boolean {
  let any = false;
  for (const i of side) {
    if (meets[i] === 1 && any) continue;
    let blocked = otherStamps[i] === stamp ? 1 : 0;
    for (const j of problem.conflictsByParticipant[i]!) if (otherStamps[j] === stamp) blocked++;
    if (blocked < otherSize) {
      meets[i] = 1;
      any = true;
    }
  }
  return any;
}
