// Categories members hold, counted per panel: nationalities (a dual national holds two) and the values of each
// policy.balance attribute (a member holds at most one). Read by the share caps (nationality-cap,
// attribute-balance), the diversity term and the dialogue rules.
import { NONE } from "../../model/problem.js";
import type { SearchState, Tracker, TrackerKind } from "../../solvers/search/state.js";

export interface NationalityCounts extends Tracker {
  readonly nationalityCount: number;
  /** Members of p holding nationality c, [p * nationalityCount + c]. */
  readonly countByPanel: Int32Array;
  readonly distinctByPanel: Int32Array;
}

export const NATIONALITY_COUNTS: TrackerKind<NationalityCounts> = {
  name: "nationality counts",
  create(state: SearchState): NationalityCounts {
    const problem = state.problem;
    const nationalityCount = problem.nationalityCodes.length;
    const countByPanel = new Int32Array(state.panelCount * nationalityCount);
    const distinctByPanel = new Int32Array(state.panelCount);
    const held = problem.nationalitiesByParticipant;
    return {
      nationalityCount,
      countByPanel,
      distinctByPanel,
      add(i, p) {
        const base = p * nationalityCount;
        const codes = held[i]!;
        for (let k = 0; k < codes.length; k++) if (countByPanel[base + codes[k]!]!++ === 0) distinctByPanel[p]!++;
      },
      remove(i, p) {
        const base = p * nationalityCount;
        const codes = held[i]!;
        for (let k = 0; k < codes.length; k++) if (--countByPanel[base + codes[k]!]! === 0) distinctByPanel[p]!--;
      },
    };
  },
};

export interface AttributeCounts extends Tracker {
  /** Per balance rule r: members of p holding value v, [p * values + v], and distinct values per panel. */
  readonly countByPanel: readonly Int32Array[];
  readonly distinctByPanel: readonly Int32Array[];
}

export const ATTRIBUTE_COUNTS: TrackerKind<AttributeCounts> = {
  name: "attribute counts",
  create(state: SearchState): AttributeCounts {
    const rules = state.problem.balanceRules;
    const countByPanel = rules.map((rule) => new Int32Array(state.panelCount * rule.values.length));
    const distinctByPanel = rules.map(() => new Int32Array(state.panelCount));
    return {
      countByPanel,
      distinctByPanel,
      add(i, p) {
        for (let r = 0; r < rules.length; r++) {
          const rule = rules[r]!;
          const v = rule.valueByParticipant[i]!;
          if (v === NONE) continue;
          if (countByPanel[r]![p * rule.values.length + v]!++ === 0) distinctByPanel[r]![p]!++;
        }
      },
      remove(i, p) {
        for (let r = 0; r < rules.length; r++) {
          const rule = rules[r]!;
          const v = rule.valueByParticipant[i]!;
          if (v === NONE) continue;
          if (--countByPanel[r]![p * rule.values.length + v]! === 0) distinctByPanel[r]![p]!--;
        }
      },
    };
  },
};
