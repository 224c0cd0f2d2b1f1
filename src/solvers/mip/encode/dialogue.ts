// Dialogue pairs: the objective term (DESIGN.md §4) and the safety rules of a dialogue panel (§3.6: neutral chair,
// minSide, maxImbalance). A panel realises (A,B) when one member holds A and a *different* member holds B. Only
// members who may sit with someone of the other side on this panel can take part in a realisation, so every sum
// below runs over those (A' and B'), which keeps the LP relaxation tight.
import type { DialoguePair } from "../../../model/problem.js";
import type { Term } from "../linear-model.js";
import { countTerms, holdsNationality, inConflict, memberTerms, type EncodeContext } from "./context.js";

export function encodeDialogue(ctx: EncodeContext): void {
  ctx.problem.dialoguePairs.forEach((pair, k) => {
    for (let p = 0; p < ctx.problem.panelCount; p++) encodePairOnPanel(ctx, pair, k, p);
  });
}

function encodePairOnPanel(ctx: EncodeContext, pair: DialoguePair, k: number, p: number): void {
  const { problem, lp } = ctx;
  const candidates = ctx.candidatesByPanel[p]!;
  const sideA = [...candidates].filter((i) => holdsNationality(problem, i, pair.a));
  const sideB = [...candidates].filter((i) => holdsNationality(problem, i, pair.b));
  const canMeet = (i: number, others: readonly number[]) => others.some((j) => j !== i && !inConflict(problem, i, j));
  const a = sideA.filter((i) => canMeet(i, sideB));
  const b = sideB.filter((i) => canMeet(i, sideA));
  if (a.length === 0 || b.length === 0) return; // never realised here: nothing to score, nothing to protect
  const either = [...new Set([...a, ...b])];
  const both = a.filter((i) => b.includes(i));
  const maxMembers = ctx.maxMembersByPanel[p]!;
  const { neutralChair, minSide, maxImbalance } = problem.dialogueSafety;
  const coefficient = problem.weights.dialogue * pair.weight;
  const tag = `${k}_${p}`;

  if (neutralChair && problem.needsChairByPanel[p] === 1) encodeNeutralChair(ctx, p, tag, sideA, sideB);

  // Realisation counts run over A' and B'; safety counts over every member holding A or B (a dual national who
  // can only meet the other side as its B-holder still counts on side A).
  // With a neutral chair, a chair holding A or B rules the realisation out, so only non-chair seats can realise
  // the pair: leaving chair seats out of these counts is valid and stops the LP from scoring a pair through a
  // fractional chair (it closed most of the dialogue part of the root gap on generated programs).
  const neutral = neutralChair && problem.needsChairByPanel[p] === 1;
  const realisers = (side: readonly number[]) => (neutral ? nonChairCount(ctx, side, p) : countTerms(ctx, side, p));
  const countA = realisers(a);
  const countB = realisers(b);
  const sideCountA = countTerms(ctx, sideA, p);
  const sideCountB = countTerms(ctx, sideB, p);
  const maxA = Math.min(sideA.length, maxMembers);
  const maxB = Math.min(sideB.length, maxMembers);
  const needsImbalance = maxA > maxImbalance || maxB > maxImbalance;
  const needsMinSide = minSide >= 2;
  if (!needsImbalance && !needsMinSide && coefficient >= 0) {
    if (coefficient > 0) encodeRealisedAtMost(ctx, p, tag, countA, countB, realisers(either), coefficient);
    return;
  }

  // Presence of each side (forced up by every member; free to drop when nobody of that side is there), and for
  // dual nationals "one member holds both and nobody else holds either" (alone: no realisation).
  const presence = (side: readonly number[], name: string) => {
    const g = lp.addBinary(`dlgHas${name}_${tag}`);
    for (const i of side) lp.addRow(`dlgHas${name}Lo_${tag}_${i}`, [...memberTerms(ctx, i, p), { variable: g, coefficient: -1 }], "<=", 0);
    return g;
  };
  const gA = presence(a, "A");
  const gB = presence(b, "B");
  let alone: number | null = null;
  if (both.length > 0 && (needsMinSide || coefficient < 0)) {
    alone = lp.addBinary(`dlgAlone_${tag}`);
    const big = Math.min(either.length, maxMembers) - 1;
    lp.addRow(`dlgAlone_${tag}`, [...countTerms(ctx, either, p), { variable: alone, coefficient: big }], "<=", 1 + big);
  }
  // realised >= gA + gB - 1 - alone, as terms of "gA + gB - alone" (rhs shifts by 1).
  const realisedLower: Term[] = [
    { variable: gA, coefficient: 1 },
    { variable: gB, coefficient: 1 },
    ...(alone === null ? [] : [{ variable: alone, coefficient: -1 }]),
  ];

  if (needsMinSide) {
    for (const [count, name] of [[sideCountA, "A"], [sideCountB, "B"]] as const) {
      const scaled = realisedLower.map((t) => ({ variable: t.variable, coefficient: -minSide * t.coefficient }));
      lp.addRow(`dlgMinSide${name}_${tag}`, [...count, ...scaled], ">=", -minSide);
    }
  }
  if (needsImbalance) {
    // sideA - sideB <= maxImbalance whenever some B' is present: with a B'-holder present and A ahead by more
    // than the limit, there are two A-holders, one of them different from the B'-holder, so the pair is realised.
    const imbalance = (more: Term[], less: Term[], most: number, gLess: number, name: string) => {
      if (most <= maxImbalance) return;
      const slack = most - maxImbalance;
      const terms = [...more, ...less.map((t) => ({ variable: t.variable, coefficient: -t.coefficient })), { variable: gLess, coefficient: slack }];
      lp.addRow(`dlgImbalance${name}_${tag}`, terms, "<=", maxImbalance + slack);
    };
    imbalance(sideCountA, sideCountB, maxA, gB, "A");
    imbalance(sideCountB, sideCountA, maxB, gA, "B");
  }
  if (coefficient > 0) encodeRealisedAtMost(ctx, p, tag, countA, countB, realisers(either), coefficient);
  else if (coefficient < 0) {
    const r = lp.addBinary(`dlg_${tag}`, coefficient);
    lp.addRow(`dlgLo_${tag}`, [...realisedLower, { variable: r, coefficient: -1 }], "<=", 1);
  }
}

/** r <= |A'|, r <= |B'|, 2r <= |A' u B'|: r = 1 only when two distinct members realise the pair. */
function encodeRealisedAtMost(ctx: EncodeContext, p: number, tag: string, countA: Term[], countB: Term[], countEither: Term[], coefficient: number): void {
  const { lp } = ctx;
  const r = lp.addBinary(`dlg_${tag}`, coefficient);
  lp.addRow(`dlgA_${tag}`, [...countA, { variable: r, coefficient: -1 }], ">=", 0);
  lp.addRow(`dlgB_${tag}`, [...countB, { variable: r, coefficient: -1 }], ">=", 0);
  lp.addRow(`dlgTwo_${tag}`, [...countEither, { variable: r, coefficient: -2 }], ">=", 0);
}

/** Terms of "number of presenters and discussants of p among `participants`" (members other than the chair). */
function nonChairCount(ctx: EncodeContext, participants: readonly number[], p: number): Term[] {
  const out: Term[] = [];
  for (const i of participants) {
    const k = i * ctx.problem.panelCount + p;
    for (const v of [ctx.vars.presenter[k]!, ctx.vars.discussant[k]!]) if (v >= 0) out.push({ variable: v, coefficient: 1 });
  }
  return out;
}

/**
 * Neutral chair: a chair holding A may not sit with a different member holding B (and vice versa). For each
 * member j of either side, the chairs that would break neutrality with j form a clique with j's seats:
 * m_j + sum of those chairs' chair seats <= 1.
 */
function encodeNeutralChair(ctx: EncodeContext, p: number, tag: string, sideA: readonly number[], sideB: readonly number[]): void {
  const { problem, lp, vars } = ctx;
  const P = problem.panelCount;
  const holdsA = new Set(sideA);
  const holdsB = new Set(sideB);
  for (const j of new Set([...sideA, ...sideB])) {
    const terms = memberTerms(ctx, j, p);
    for (const i of new Set([...(holdsA.has(j) ? sideB : []), ...(holdsB.has(j) ? sideA : [])])) {
      const chair = vars.chair[i * P + p]!;
      if (i === j || chair < 0 || inConflict(problem, i, j)) continue;
      terms.push({ variable: chair, coefficient: 1 });
    }
    if (terms.length > memberTerms(ctx, j, p).length) lp.addRow(`dlgNeutral_${tag}_${j}`, terms, "<=", 1);
  }
}
