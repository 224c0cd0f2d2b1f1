// Dialogue pairs (DESIGN.md §1): a panel realises (A, B) when one member holds A and a *different* member holds B.
// Shared by the dialogue term (it scores realised pairs) and dialogue-safety (it guards panels that realise one).
import { inConflict, type Problem } from "../../model/problem.js";
import { countTerms, memberTerms, type EncodeContext } from "../../solvers/mip/context.js";
import type { Term } from "../../solvers/mip/linear-model.js";
import type { SearchState, Tracker, TrackerKind } from "../../solvers/search/state.js";
import { NATIONALITY_COUNTS, type NationalityCounts } from "./categories.js";

interface DualNationalCounts extends Tracker {
  /** Members of p holding both nations of dialogue pair k, [p * pairCount + k]. */
  readonly bothSidesByPanelPair: Int32Array;
}

/** Dual nationals per panel and pair: one holder on each side who is the same person realises nothing. */
class DualNationalTracker implements DualNationalCounts {
  readonly bothSidesByPanelPair: Int32Array;
  private readonly pairCount: number;
  /** Dialogue pairs for which participant i holds both nations (usually none). */
  private readonly bothPairsByParticipant: readonly Int32Array[];

  constructor(state: SearchState) {
    const problem = state.problem;
    this.pairCount = problem.dialoguePairs.length;
    this.bothPairsByParticipant = problem.nationalitiesByParticipant.map((codes) =>
      Int32Array.from(
        problem.dialoguePairs.flatMap((pair, k) => (pair.a !== pair.b && codes.includes(pair.a) && codes.includes(pair.b) ? [k] : [])),
      ),
    );
    this.bothSidesByPanelPair = new Int32Array(state.panelCount * this.pairCount);
  }

  add(i: number, p: number): void {
    const pairs = this.bothPairsByParticipant[i]!;
    for (let x = 0; x < pairs.length; x++) this.bothSidesByPanelPair[p * this.pairCount + pairs[x]!]!++;
  }

  remove(i: number, p: number): void {
    const pairs = this.bothPairsByParticipant[i]!;
    for (let x = 0; x < pairs.length; x++) this.bothSidesByPanelPair[p * this.pairCount + pairs[x]!]!--;
  }
}

const DUAL_NATIONAL_COUNTS: TrackerKind<DualNationalCounts> = {
  name: "dual nationals per dialogue pair",
  create: (state) => new DualNationalTracker(state),
};

/**
 * Does panel p realise pair k? Read from the state's counters (attaching the trackers it needs). A class, so that
 * every state's reading shares one `realises` and call sites keep their target from state to state.
 */
export class PairRealisation {
  private readonly pairs: Problem["dialoguePairs"];
  private readonly nationalities: NationalityCounts;
  private readonly bothSidesByPanelPair: Int32Array;

  constructor(state: SearchState) {
    this.pairs = state.problem.dialoguePairs;
    this.nationalities = state.use(NATIONALITY_COUNTS);
    this.bothSidesByPanelPair = state.use(DUAL_NATIONAL_COUNTS).bothSidesByPanelPair;
  }

  realises(p: number, k: number): boolean {
    const pair = this.pairs[k]!;
    const base = p * this.nationalities.nationalityCount;
    const counts = this.nationalities.countByPanel;
    const sideA = counts[base + pair.a]!;
    if (pair.a === pair.b) return sideA >= 2;
    const sideB = counts[base + pair.b]!;
    if (sideA === 0 || sideB === 0) return false;
    // Only one holder on each side, and it is the same dual national: no second person.
    return !(sideA === 1 && sideB === 1 && this.bothSidesByPanelPair[p * this.pairs.length + k] === 1);
  }
}

/** Does the roster (member indices) realise pair (a, b)? From scratch, for the full faces. */
export function rosterRealises(problem: Problem, members: readonly number[], a: number, b: number): boolean {
  const holds = (i: number, c: number) => problem.nationalitiesByParticipant[i]!.includes(c);
  return members.some((i) => holds(i, a) && members.some((j) => j !== i && holds(j, b)));
}

/** The dialogue pairs (indices) that involve each nationality, [nationality] → pair indices. */
export function pairsByNationality(problem: Problem): number[][] {
  const lists: number[][] = Array.from({ length: problem.nationalityCodes.length }, () => []);
  problem.dialoguePairs.forEach((pair, k) => {
    lists[pair.a]!.push(k);
    if (pair.b !== pair.a) lists[pair.b]!.push(k);
  });
  return lists;
}

// ---- In the MIP ---------------------------------------------------------------------------------------------------
// Only members who may sit with someone of the other side on this panel can take part in a realisation, so the
// realisation sums run over those (A' and B'), which keeps the LP relaxation tight; the safety counts run over every
// member holding A or B (a dual national who can only meet the other side as its B-holder still counts on side A).

export interface PairOnPanel {
  /** Candidates of the panel holding A, holding B. */
  readonly sideA: readonly number[];
  readonly sideB: readonly number[];
  /** A' and B': holders who may sit with someone of the other side here; and those of both, and of either. */
  readonly a: readonly number[];
  readonly b: readonly number[];
  readonly both: readonly number[];
  readonly either: readonly number[];
  /** Name suffix of the pair's rows and variables on this panel. */
  readonly tag: string;
}

/** Pair k on panel p, or null when it can never be realised there (nothing to score, nothing to protect). */
export function pairOnPanel(ctx: EncodeContext, k: number, p: number): PairOnPanel | null {
  return ctx.shared(`dlgPair_${k}_${p}`, () => {
    const { problem } = ctx;
    const pair = problem.dialoguePairs[k]!;
    const candidates = ctx.candidatesByPanel[p]!;
    const sideA = [...candidates].filter((i) => holds(problem, i, pair.a));
    const sideB = [...candidates].filter((i) => holds(problem, i, pair.b));
    const canMeet = (i: number, others: readonly number[]) => others.some((j) => j !== i && !inConflict(problem, i, j));
    const a = sideA.filter((i) => canMeet(i, sideB));
    const b = sideB.filter((i) => canMeet(i, sideA));
    if (a.length === 0 || b.length === 0) return null;
    return { sideA, sideB, a, b, both: a.filter((i) => b.includes(i)), either: [...new Set([...a, ...b])], tag: `${k}_${p}` };
  });
}

/** Is the panel's chair held to neutrality (so a chair holding A or B never realises the pair)? */
export function hasNeutralChair(ctx: EncodeContext, p: number): boolean {
  return ctx.problem.dialogueSafety.neutralChair && ctx.problem.needsChairByPanel[p] === 1;
}

/**
 * Terms counting the members among `side` who can realise the pair. With a neutral chair, a chair holding A or B
 * rules the realisation out, so only non-chair seats count: valid, and it stops the LP from scoring a pair through
 * a fractional chair (it closed most of the dialogue part of the root gap on generated programs).
 */
export function realiserTerms(ctx: EncodeContext, side: readonly number[], p: number): Term[] {
  if (!hasNeutralChair(ctx, p)) return countTerms(ctx, side, p);
  const out: Term[] = [];
  for (const i of side) {
    const k = i * ctx.problem.panelCount + p;
    for (const v of [ctx.vars.presenter[k]!, ctx.vars.discussant[k]!]) if (v >= 0) out.push({ variable: v, coefficient: 1 });
  }
  return out;
}

/** Binaries "someone of A' is on the panel", "someone of B' is": forced up by every such member. */
export function sidePresence(ctx: EncodeContext, pair: PairOnPanel, p: number): { readonly gA: number; readonly gB: number } {
  return ctx.shared(`dlgHas_${pair.tag}`, () => {
    const presence = (side: readonly number[], name: string) => {
      const g = ctx.lp.addBinary(`dlgHas${name}_${pair.tag}`);
      for (const i of side) ctx.lp.addRow(`dlgHas${name}Lo_${pair.tag}_${i}`, [...memberTerms(ctx, i, p), { variable: g, coefficient: -1 }], "<=", 0);
      return g;
    };
    return { gA: presence(pair.a, "A"), gB: presence(pair.b, "B") };
  });
}

/**
 * A lower bound on "the pair is realised" for rows that bind only on realising panels: realised >= gA + gB - 1 -
 * alone, returned as the terms of gA + gB - alone (a row using them shifts its right-hand side by 1). `alone` is 1
 * when one member holds both nations and nobody else holds either: then nothing is realised.
 */
export function realisedLowerTerms(ctx: EncodeContext, pair: PairOnPanel, p: number): readonly Term[] {
  return ctx.shared(`dlgRealised_${pair.tag}`, () => {
    const { gA, gB } = sidePresence(ctx, pair, p);
    let alone: number | null = null;
    if (pair.both.length > 0) {
      alone = ctx.lp.addBinary(`dlgAlone_${pair.tag}`);
      const big = Math.min(pair.either.length, ctx.maxMembersByPanel[p]!) - 1;
      ctx.lp.addRow(`dlgAlone_${pair.tag}`, [...countTerms(ctx, pair.either, p), { variable: alone, coefficient: big }], "<=", 1 + big);
    }
    return [
      { variable: gA, coefficient: 1 },
      { variable: gB, coefficient: 1 },
      ...(alone === null ? [] : [{ variable: alone, coefficient: -1 }]),
    ];
  });
}

function holds(problem: Problem, i: number, c: number): boolean {
  return problem.nationalitiesByParticipant[i]!.includes(c);
}
