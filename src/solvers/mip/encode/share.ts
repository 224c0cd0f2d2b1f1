// Nationality cap and attribute balance (DESIGN.md §3.3-4) and the diversity term (§4): one encoding for any
// family of categories (nationalities, or the values of one attribute), where a member may hold several categories.
import { shareLimit, type Problem } from "../../../model/problem.js";
import type { Term } from "../linear-model.js";
import { countTerms, memberTerms, type EncodeContext } from "./context.js";

interface CategoryFamily {
  readonly name: string;
  readonly maxShare: number;
  readonly minDistinct: number;
  /** Objective weight on "distinct categories - 1" per non-empty panel (diversity); 0 for none. */
  readonly diversityWeight: number;
  readonly categoryCount: number;
  /** Every participant holds at least one category (nationalities), so minDistinct <= 1 holds on any non-empty panel. */
  readonly everyoneHoldsOne: boolean;
  categoriesOf(i: number): ArrayLike<number>;
}

export function nationalityFamily(problem: Problem): CategoryFamily {
  return {
    name: "nat",
    maxShare: problem.nationalityPolicy.maxShare,
    minDistinct: problem.nationalityPolicy.minDistinct,
    diversityWeight: problem.weights.diversity,
    categoryCount: problem.nationalityCodes.length,
    everyoneHoldsOne: true,
    categoriesOf: (i) => problem.nationalitiesByParticipant[i]!,
  };
}

export function attributeFamilies(problem: Problem): CategoryFamily[] {
  return problem.balanceRules.map((rule, r) => ({
    name: `attr${r}`,
    maxShare: rule.maxShare,
    minDistinct: rule.minDistinct,
    diversityWeight: 0,
    categoryCount: rule.values.length,
    everyoneHoldsOne: false,
    categoriesOf: (i: number) => {
      const v = rule.valueByParticipant[i]!;
      return v < 0 ? [] : [v];
    },
  }));
}

const nonEmptyCache = new WeakMap<EncodeContext, Map<number, number>>();
const memberCountCache = new WeakMap<EncodeContext, Map<number, number>>();

/**
 * A continuous variable equal to the number of members of p (presenters plus the fixed chair and discussant
 * seats), so that each cap row names only the holders of one category and this variable: sparse rows instead of
 * one dense row over every candidate per category.
 */
function memberCountVariable(ctx: EncodeContext, p: number): number {
  let cache = memberCountCache.get(ctx);
  if (cache === undefined) memberCountCache.set(ctx, (cache = new Map()));
  const known = cache.get(p);
  if (known !== undefined) return known;
  const { problem, lp } = ctx;
  const fixedRoles = problem.needsChairByPanel[p]! + problem.needsDiscussantByPanel[p]!;
  const count = lp.addVariable(`members_${p}`, ctx.minMembersByPanel[p]!, ctx.maxMembersByPanel[p]!, false);
  const terms: Term[] = [{ variable: count, coefficient: 1 }];
  for (const i of ctx.candidatesByPanel[p]!) {
    const v = ctx.vars.presenter[i * problem.panelCount + p]!;
    if (v >= 0) terms.push({ variable: v, coefficient: -1 });
  }
  lp.addRow(`members_${p}`, terms, "=", fixedRoles);
  cache.set(p, count);
  return count;
}

/** Terms of the indicator "panel p has members": a constant 1 (empty term list, returned as null) when p can never be empty. */
export function nonEmptyIndicator(ctx: EncodeContext, p: number): number | null {
  if (ctx.minMembersByPanel[p]! >= 1) return null;
  let cache = nonEmptyCache.get(ctx);
  if (cache === undefined) nonEmptyCache.set(ctx, (cache = new Map()));
  const known = cache.get(p);
  if (known !== undefined) return known;
  const e = ctx.lp.addBinary(`nonEmpty_${p}`);
  const members = countTerms(ctx, ctx.candidatesByPanel[p]!, p);
  // e = 1 exactly when someone is on the panel, in both directions so any objective sign is safe.
  ctx.lp.addRow(`nonEmptyLo_${p}`, [...members, { variable: e, coefficient: -ctx.maxMembersByPanel[p]! }], "<=", 0);
  ctx.lp.addRow(`nonEmptyHi_${p}`, [...members, { variable: e, coefficient: -1 }], ">=", 0);
  cache.set(p, e);
  return e;
}

export function encodeCategoryFamily(ctx: EncodeContext, family: CategoryFamily): void {
  const { problem } = ctx;
  for (let p = 0; p < problem.panelCount; p++) {
    const candidates = ctx.candidatesByPanel[p]!;
    if (candidates.length === 0) continue;
    const holders: number[][] = Array.from({ length: family.categoryCount }, () => []);
    for (const i of candidates) for (const k of Array.from(family.categoriesOf(i))) holders[k]!.push(i);
    if (family.maxShare < 1) encodeShareCaps(ctx, family, p, holders);
    encodePresence(ctx, family, p, holders);
  }
}

function encodeShareCaps(ctx: EncodeContext, family: CategoryFamily, p: number, holders: readonly number[][]): void {
  const lo = Math.max(1, ctx.minMembersByPanel[p]!);
  const hi = ctx.maxMembersByPanel[p]!;
  if (hi < lo) return;
  const cap = (m: number) => shareLimit(family.maxShare, m);
  // The cap floor(share * M) is a step function of the member count M, but for integer counts it is exactly
  // count <= (a/b) * M with a/b = max over M of cap(M)/M; the integer row b*count - a*M <= 0 then has a margin
  // of at least 1/b against solver tolerances, unlike count - share*M <= 0.
  let a = cap(lo);
  let b = lo;
  for (let m = lo + 1; m <= hi; m++) if (cap(m) * b > a * m) [a, b] = [cap(m), m];
  let exact = true;
  for (let m = lo; m <= hi; m++) if (Math.floor((a * m) / b) !== cap(m)) exact = false;

  holders.forEach((group, k) => {
    let binding = false;
    for (let m = lo; m <= hi; m++) if (cap(m) < Math.min(group.length, m)) binding = true;
    if (!binding) return;
    const name = `${family.name}Cap_${p}_${k}`;
    if (lo === hi) {
      ctx.lp.addRow(name, countTerms(ctx, group, p), "<=", cap(lo));
      return;
    }
    const members = memberCountVariable(ctx, p);
    const terms = countTerms(ctx, group, p, exact ? b : 1);
    terms.push({ variable: members, coefficient: exact ? -a : -family.maxShare });
    ctx.lp.addRow(name, terms, "<=", exact ? 0 : 1e-9);
  });
}

function encodePresence(ctx: EncodeContext, family: CategoryFamily, p: number, holders: readonly number[][]): void {
  // Presence indicators only when something reads them: a minDistinct that can bind, or a diversity weight.
  const needsDistinct = family.minDistinct >= (family.everyoneHoldsOne ? 2 : 1);
  const weight = family.diversityWeight;
  if (!needsDistinct && weight === 0) return;
  const { lp } = ctx;
  const present: Term[] = [];
  holders.forEach((group, k) => {
    if (group.length === 0) return;
    const y = lp.addBinary(`${family.name}Has_${p}_${k}`, weight);
    lp.addRow(`${family.name}HasLink_${p}_${k}`, [...countTerms(ctx, group, p), { variable: y, coefficient: -1 }], ">=", 0);
    // A negative weight would rather not count a present category: force y up as well.
    if (weight < 0) {
      for (const i of group) lp.addRow(`${family.name}HasLo_${p}_${k}_${i}`, [...memberTerms(ctx, i, p), { variable: y, coefficient: -1 }], "<=", 0);
    }
    present.push({ variable: y, coefficient: 1 });
  });
  const e = nonEmptyIndicator(ctx, p);
  if (weight !== 0) {
    if (e === null) lp.addOffset(-weight);
    else lp.addObjective(e, -weight);
  }
  if (needsDistinct) {
    const terms = e === null ? present : [...present, { variable: e, coefficient: -family.minDistinct }];
    lp.addRow(`${family.name}Distinct_${p}`, terms, ">=", e === null ? family.minDistinct : 0);
  }
}
