// Categories members hold, counted per panel: nationalities (a dual national holds two) and the values of each
// policy.balance attribute (a member holds at most one). Read by the share caps (nationality-cap,
// attribute-balance), the diversity term and the dialogue rules.
import { NONE, shareLimit, type Problem } from "../../model/problem.js";
import type { Term } from "../../solvers/mip/linear-model.js";
import { countTerms, memberCountVariable, nonEmptyIndicator, type EncodeContext } from "../../solvers/mip/context.js";
import type { SearchState, Tracker, TrackerKind } from "../../solvers/search/state.js";

export interface NationalityCounts extends Tracker {
  readonly nationalityCount: number;
  /** Members of p holding nationality c, [p * nationalityCount + c]. */
  readonly countByPanel: Int32Array;
  readonly distinctByPanel: Int32Array;
}

/** A class, not a closure per state: every state's tracker then shares one add and one remove, which V8 inlines. */
class NationalityCountTracker implements NationalityCounts {
  readonly nationalityCount: number;
  readonly countByPanel: Int32Array;
  readonly distinctByPanel: Int32Array;
  private readonly held: readonly Int32Array[];

  constructor(state: SearchState) {
    const problem = state.problem;
    this.nationalityCount = problem.nationalityCodes.length;
    this.countByPanel = new Int32Array(state.panelCount * this.nationalityCount);
    this.distinctByPanel = new Int32Array(state.panelCount);
    this.held = problem.nationalitiesByParticipant;
  }

  add(i: number, p: number): void {
    const base = p * this.nationalityCount;
    const codes = this.held[i]!;
    const counts = this.countByPanel;
    for (let k = 0; k < codes.length; k++) if (counts[base + codes[k]!]!++ === 0) this.distinctByPanel[p]!++;
  }

  remove(i: number, p: number): void {
    const base = p * this.nationalityCount;
    const codes = this.held[i]!;
    const counts = this.countByPanel;
    for (let k = 0; k < codes.length; k++) if (--counts[base + codes[k]!]! === 0) this.distinctByPanel[p]!--;
  }
}

export const NATIONALITY_COUNTS: TrackerKind<NationalityCounts> = {
  name: "nationality counts",
  create: (state) => new NationalityCountTracker(state),
};

export interface AttributeCounts extends Tracker {
  /** Per balance rule r: members of p holding value v, [p * values + v], and distinct values per panel. */
  readonly countByPanel: readonly Int32Array[];
  readonly distinctByPanel: readonly Int32Array[];
}

class AttributeCountTracker implements AttributeCounts {
  readonly countByPanel: readonly Int32Array[];
  readonly distinctByPanel: readonly Int32Array[];
  private readonly rules: Problem["balanceRules"];

  constructor(state: SearchState) {
    this.rules = state.problem.balanceRules;
    this.countByPanel = this.rules.map((rule) => new Int32Array(state.panelCount * rule.values.length));
    this.distinctByPanel = this.rules.map(() => new Int32Array(state.panelCount));
  }

  add(i: number, p: number): void {
    const rules = this.rules;
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]!;
      const v = rule.valueByParticipant[i]!;
      if (v === NONE) continue;
      if (this.countByPanel[r]![p * rule.values.length + v]!++ === 0) this.distinctByPanel[r]![p]!++;
    }
  }

  remove(i: number, p: number): void {
    const rules = this.rules;
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]!;
      const v = rule.valueByParticipant[i]!;
      if (v === NONE) continue;
      if (--this.countByPanel[r]![p * rule.values.length + v]! === 0) this.distinctByPanel[r]![p]!--;
    }
  }
}

export const ATTRIBUTE_COUNTS: TrackerKind<AttributeCounts> = {
  name: "attribute counts",
  create: (state) => new AttributeCountTracker(state),
};

// ---- In the MIP: share caps and presence indicators, one encoding for any family of categories ----------------

/** Nationalities, or the values of one balance attribute, as the MIP encodes their caps. */
export interface CategoryFamily {
  /** Prefix of the family's row and variable names. */
  readonly name: string;
  readonly maxShare: number;
  readonly minDistinct: number;
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
    categoryCount: rule.values.length,
    everyoneHoldsOne: false,
    categoriesOf: (i: number) => {
      const v = rule.valueByParticipant[i]!;
      return v < 0 ? [] : [v];
    },
  }));
}

/** The candidates of p holding each category. */
function holdersOnPanel(ctx: EncodeContext, family: CategoryFamily, p: number): readonly number[][] {
  return ctx.shared(`${family.name}Holders_${p}`, () => {
    const holders: number[][] = Array.from({ length: family.categoryCount }, () => []);
    for (const i of ctx.candidatesByPanel[p]!) for (const k of Array.from(family.categoriesOf(i))) holders[k]!.push(i);
    return holders;
  });
}

/** The share cap and minDistinct rows of a family (nationality-cap, attribute-balance). */
export function encodeCategoryRules(ctx: EncodeContext, family: CategoryFamily): void {
  const needsDistinct = family.minDistinct >= (family.everyoneHoldsOne ? 2 : 1);
  for (let p = 0; p < ctx.problem.panelCount; p++) {
    if (ctx.candidatesByPanel[p]!.length === 0) continue;
    if (family.maxShare < 1) encodeShareCaps(ctx, family, p, holdersOnPanel(ctx, family, p));
    if (!needsDistinct) continue;
    const present = presentIndicators(ctx, family, p).map(({ variable }): Term => ({ variable, coefficient: 1 }));
    const e = nonEmptyIndicator(ctx, p);
    const terms = e === null ? present : [...present, { variable: e, coefficient: -family.minDistinct }];
    ctx.lp.addRow(`${family.name}Distinct_${p}`, terms, ">=", e === null ? family.minDistinct : 0);
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

/**
 * One binary per category held by some candidate of p, forced down to 0 when no member holds it: "present" can only
 * be claimed for a category on the panel (a term that would rather not count one forces it up itself).
 */
export function presentIndicators(ctx: EncodeContext, family: CategoryFamily, p: number): readonly { variable: number; holders: readonly number[]; category: number }[] {
  return ctx.shared(`${family.name}Has_${p}`, () => {
    const out: { variable: number; holders: readonly number[]; category: number }[] = [];
    holdersOnPanel(ctx, family, p).forEach((group, k) => {
      if (group.length === 0) return;
      const y = ctx.lp.addBinary(`${family.name}Has_${p}_${k}`);
      ctx.lp.addRow(`${family.name}HasLink_${p}_${k}`, [...countTerms(ctx, group, p), { variable: y, coefficient: -1 }], ">=", 0);
      out.push({ variable: y, holders: group, category: k });
    });
    return out;
  });
}
