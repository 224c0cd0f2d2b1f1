// DESIGN.md §3.3: per panel and nationality, holders <= shareLimit(maxShare, members), a dual national counting
// for each nationality held; at least minDistinct nationalities on a non-empty panel. Violation = holders above
// the limit + missing distinct nationalities.
import { countDown, shareSteps, withPolicy, type RelaxationAxis } from "../explain/axes.js";
import { check, membersRange, plural, sizeWords, somePanelMustFill, verb } from "../explain/counting.js";
import type { NecessaryCheck } from "../explain/types.js";
import type { IssuePath } from "../model/issues.js";
import { shareLimit, type Problem } from "../model/problem.js";
import type { Role, SearchState } from "../solvers/search/state.js";
import { encodeCategoryRules, NATIONALITY_COUNTS, nationalityFamily, type NationalityCounts } from "./shared/categories.js";
import { rosterMembers, type Admission, type HardRule } from "./rule.js";

/** Greedy: no nationality of i (or of the companions joining with i) goes over the cap at the final size. */
class NationalityCapAdmission implements Admission {
  private readonly maxShare: number;
  private readonly held: readonly Int32Array[];
  private readonly counts: NationalityCounts;

  constructor(state: SearchState) {
    this.maxShare = state.problem.nationalityPolicy.maxShare;
    this.held = state.problem.nationalitiesByParticipant;
    this.counts = state.use(NATIONALITY_COUNTS);
  }

  allows(i: number, p: number, _role: Role, companions: readonly number[], finalMembers: number): boolean {
    const held = this.held;
    const limit = shareLimit(this.maxShare, finalMembers);
    const base = p * this.counts.nationalityCount;
    for (const c of held[i]!) {
      let count = this.counts.countByPanel[base + c]! + 1;
      for (const j of companions) if (j !== i && held[j]!.includes(c)) count++;
      if (count > limit) return false;
    }
    return true;
  }
}

export const nationalityCapRule: HardRule<"nationality-cap"> = {
  code: "nationality-cap",
  kind: "hard",
  violations: ["nationality-cap", "nationality-distinct"],
  isActive: (problem) => problem.nationalityPolicy.maxShare < 1 || problem.nationalityPolicy.minDistinct > 0,
  search: {
    scope: "panel",
    full(problem, assignment) {
      const { maxShare, minDistinct } = problem.nationalityPolicy;
      let total = 0;
      for (const roster of assignment.panels) {
        const members = rosterMembers(roster);
        if (members.length === 0) continue;
        const counts = new Map<number, number>();
        for (const i of members) for (const c of problem.nationalitiesByParticipant[i]!) counts.set(c, (counts.get(c) ?? 0) + 1);
        const limit = shareLimit(maxShare, members.length);
        for (const count of counts.values()) total += Math.max(0, count - limit);
        total += Math.max(0, minDistinct - counts.size);
      }
      return total;
    },
    valuer(state) {
      const { maxShare, minDistinct } = state.problem.nationalityPolicy;
      const nationalities = state.problem.nationalitiesByParticipant;
      const { countByPanel, distinctByPanel, nationalityCount } = state.use(NATIONALITY_COUNTS);
      const seenByNationality = new Int32Array(nationalityCount);
      let stamp = 0;
      return (p) => {
        const members = state.membersByPanel[p]!;
        if (members.length === 0) return 0;
        let total = Math.max(0, minDistinct - distinctByPanel[p]!);
        if (maxShare >= 1) return total;
        const limit = shareLimit(maxShare, members.length);
        const base = p * nationalityCount;
        stamp++;
        for (let k = 0; k < members.length; k++) {
          const codes = nationalities[members[k]!]!;
          for (let x = 0; x < codes.length; x++) {
            const c = codes[x]!;
            if (seenByNationality[c] === stamp) continue;
            seenByNationality[c] = stamp;
            const count = countByPanel[base + c]!;
            if (count > limit) total += count - limit;
          }
        }
        return total;
      };
    },
  },
  mip: {
    encode: (ctx) => encodeCategoryRules(ctx, nationalityFamily(ctx.problem)),
  },
  greedy: {
    admissionCost: 1,
    admits: (state) => new NationalityCapAdmission(state),
  },
  explain: {
    checks: (problem) => [...checkNationalityCap(problem), ...checkNationalityDistinct(problem), ...checkPanelShape(problem)],
    relaxedBy: {
      "nationality-cap": "policy.nationality.maxShare",
      "nationality-distinct": "policy.nationality.minDistinct",
    },
    instances({ policy: { nationality } }) {
      const out: { rule: "nationality-cap" | "nationality-distinct"; path: IssuePath; instance: string }[] = [];
      if (nationality.maxShare < 1) {
        out.push({ rule: "nationality-cap", path: ["policy", "nationality", "maxShare"], instance: `policy.nationality.maxShare ${nationality.maxShare}` });
      }
      if (nationality.minDistinct > 1) {
        out.push({ rule: "nationality-distinct", path: ["policy", "nationality", "minDistinct"], instance: `policy.nationality.minDistinct ${nationality.minDistinct}` });
      }
      return out;
    },
    relax(draft, isRelaxed) {
      const policy = draft.policy;
      if (isRelaxed(["policy", "nationality", "maxShare"])) policy.nationality = { ...policy.nationality, maxShare: 1 };
      if (isRelaxed(["policy", "nationality", "minDistinct"])) policy.nationality = { ...policy.nationality, minDistinct: 0 };
    },
    axes(program) {
      const { nationality } = program.policy;
      const axes: RelaxationAxis[] = [];
      if (nationality.maxShare < 1) {
        axes.push({
          path: "policy.nationality.maxShare",
          from: nationality.maxShare,
          steps: shareSteps(program, nationality.maxShare),
          apply: (p, v) => withPolicy(p, (pol) => ({ ...pol, nationality: { ...pol.nationality, maxShare: v as number } })),
          describe: (v) => `raise policy.nationality.maxShare from ${nationality.maxShare} to ${v}`,
        });
      }
      if (nationality.minDistinct > 1) {
        axes.push({
          path: "policy.nationality.minDistinct",
          from: nationality.minDistinct,
          steps: countDown(nationality.minDistinct, 1),
          apply: (p, v) => withPolicy(p, (pol) => ({ ...pol, nationality: { ...pol.nationality, minDistinct: v as number } })),
          describe: (v) => `lower policy.nationality.minDistinct from ${nationality.minDistinct} to ${v}`,
        });
      }
      return axes;
    },
  },
};

/** Do the holders of each nationality fit, given how many seats the cap leaves them on every panel? */
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
    failures.push(check("nationality-cap", false, "policy.nationality.maxShare", { panels: panels.length, minMembers: lo, maxMembers: hi, maxShare, nationalities: distinct.size },
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
    ? [check("nationality-cap", false, "policy.nationality.maxShare", numbers, `${why} but there are only ${demand} presentations`)]
    : [check("nationality-cap", true, "policy.nationality.maxShare", numbers, `${why}, and there are ${demand} presentations`)];
}
