// DESIGN.md §3.6, dialogue panels: on a panel realising pair (A, B), each side has at least minSide members, the
// sides differ by at most maxImbalance, and with neutralChair the chair holds neither A nor B.
import { countDown, mostMembers, withPolicy, type RelaxationAxis } from "../explain/axes.js";
import { inConflict, NONE, type Problem } from "../model/problem.js";
import { countTerms, memberTerms, type EncodeContext } from "../solvers/mip/context.js";
import type { Term } from "../solvers/mip/linear-model.js";
import { NATIONALITY_COUNTS, type NationalityCounts } from "./shared/categories.js";
import { ROLE_CHAIR, type Role, type SearchState } from "../solvers/search/state.js";
import { hasNeutralChair, pairOnPanel, pairsByNationality, PairRealisation, realisedLowerTerms, sidePresence } from "./shared/dialogue-pairs.js";
import { rosterMembers, type Admission, type HardRule, type NamedInstance } from "./rule.js";

/** Greedy: adding i keeps every pair the panel then realises balanced, and its chair neutral. */
class DialogueSafetyAdmission implements Admission {
  private readonly problem: Problem;
  private readonly nationalities: NationalityCounts;
  private readonly realisation: PairRealisation;
  private readonly pairsOf: number[][];

  constructor(private readonly state: SearchState) {
    this.problem = state.problem;
    this.nationalities = state.use(NATIONALITY_COUNTS);
    this.realisation = new PairRealisation(state);
    this.pairsOf = pairsByNationality(state.problem);
  }

  allows(i: number, p: number, role: Role): boolean {
    const problem = this.problem;
    const pairs = problem.dialoguePairs;
    const { neutralChair, maxImbalance } = problem.dialogueSafety;
    const countByPanel = this.nationalities.countByPanel;
    const base = p * this.nationalities.nationalityCount;
    const codes = problem.nationalitiesByParticipant[i]!;
    const chair = role === ROLE_CHAIR ? i : this.state.chairByPanel[p]!;
    for (const c of codes) {
      for (const k of this.pairsOf[c]!) {
        const pair = pairs[k]!;
        const sideA = countByPanel[base + pair.a]! + (codes.includes(pair.a) ? 1 : 0);
        const sideB = countByPanel[base + pair.b]! + (codes.includes(pair.b) ? 1 : 0);
        const realisedAfter =
          pair.a === pair.b ? sideA >= 2 : sideA > 0 && sideB > 0 && (sideA > 1 || sideB > 1 || !codes.includes(pair.a) || !codes.includes(pair.b));
        if (!realisedAfter) continue;
        if (Math.abs(sideA - sideB) > maxImbalance) return false;
        if (neutralChair && chair !== NONE) {
          const chairCodes = problem.nationalitiesByParticipant[chair]!;
          if (chairCodes.includes(pair.a) || chairCodes.includes(pair.b)) return false;
        }
      }
    }
    // A new chair must also be neutral towards pairs the panel already realises.
    if (role === ROLE_CHAIR && neutralChair) {
      for (let k = 0; k < pairs.length; k++) {
        const pair = pairs[k]!;
        if ((codes.includes(pair.a) || codes.includes(pair.b)) && this.realisation.realises(p, k)) return false;
      }
    }
    return true;
  }
}

export const dialogueSafetyRule: HardRule<"dialogue-safety"> = {
  code: "dialogue-safety",
  kind: "hard",
  violations: ["neutral-chair", "min-side", "max-imbalance"],
  isActive: (problem) => problem.dialoguePairs.length > 0,
  search: {
    scope: "panel",
    full(problem, assignment) {
      let total = 0;
      for (const roster of assignment.panels) {
        const members = rosterMembers(roster);
        for (const pair of problem.dialoguePairs) {
          const holdersA = members.filter((i) => problem.nationalitiesByParticipant[i]!.includes(pair.a));
          const holdersB = members.filter((i) => problem.nationalitiesByParticipant[i]!.includes(pair.b));
          const realised = holdersA.some((i) => holdersB.some((j) => j !== i));
          if (!realised) continue;
          total += sidePenalty(problem, holdersA.length, holdersB.length);
          if (problem.dialogueSafety.neutralChair && roster.chair !== NONE) {
            const codes = problem.nationalitiesByParticipant[roster.chair]!;
            if (codes.includes(pair.a) || codes.includes(pair.b)) total++;
          }
        }
      }
      return total;
    },
    valuer(state) {
      const problem = state.problem;
      const pairs = problem.dialoguePairs;
      const realisation = new PairRealisation(state);
      const { countByPanel, nationalityCount } = state.use(NATIONALITY_COUNTS);
      return (p) => {
        const chair = state.chairByPanel[p]!;
        const chairCodes = chair === NONE || !problem.dialogueSafety.neutralChair ? null : problem.nationalitiesByParticipant[chair]!;
        let total = 0;
        for (let k = 0; k < pairs.length; k++) {
          const pair = pairs[k]!;
          if (!realisation.realises(p, k)) continue;
          const base = p * nationalityCount;
          total += sidePenalty(problem, countByPanel[base + pair.a]!, countByPanel[base + pair.b]!);
          if (chairCodes !== null && (chairCodes.includes(pair.a) || chairCodes.includes(pair.b))) total++;
        }
        return total;
      };
    },
  },
  mip: {
    encode(ctx) {
      const { minSide, maxImbalance } = ctx.problem.dialogueSafety;
      ctx.problem.dialoguePairs.forEach((_, k) => {
        for (let p = 0; p < ctx.problem.panelCount; p++) {
          const pair = pairOnPanel(ctx, k, p);
          if (pair === null) continue;
          if (hasNeutralChair(ctx, p)) encodeNeutralChair(ctx, p, pair.tag, pair.sideA, pair.sideB);
          const sideCountA = countTerms(ctx, pair.sideA, p);
          const sideCountB = countTerms(ctx, pair.sideB, p);
          // Both rows bind only where the pair is realised.
          if (minSide >= 2) {
            const realised = realisedLowerTerms(ctx, pair, p);
            for (const [count, name] of [[sideCountA, "A"], [sideCountB, "B"]] as const) {
              const scaled = realised.map((t) => ({ variable: t.variable, coefficient: -minSide * t.coefficient }));
              ctx.lp.addRow(`dlgMinSide${name}_${pair.tag}`, [...count, ...scaled], ">=", -minSide);
            }
          }
          const maxMembers = ctx.maxMembersByPanel[p]!;
          const maxA = Math.min(pair.sideA.length, maxMembers);
          const maxB = Math.min(pair.sideB.length, maxMembers);
          if (maxA > maxImbalance || maxB > maxImbalance) {
            // sideA - sideB <= maxImbalance whenever some B' is present: with a B'-holder present and A ahead by
            // more than the limit, there are two A-holders, one of them different from the B'-holder, so the pair is
            // realised.
            const { gA, gB } = sidePresence(ctx, pair, p);
            const imbalance = (more: Term[], less: Term[], most: number, gLess: number, name: string) => {
              if (most <= maxImbalance) return;
              const slack = most - maxImbalance;
              const terms = [...more, ...less.map((t) => ({ variable: t.variable, coefficient: -t.coefficient })), { variable: gLess, coefficient: slack }];
              ctx.lp.addRow(`dlgImbalance${name}_${pair.tag}`, terms, "<=", maxImbalance + slack);
            };
            imbalance(sideCountA, sideCountB, maxA, gB, "A");
            imbalance(sideCountB, sideCountA, maxB, gA, "B");
          }
        }
      });
    },
  },
  greedy: {
    admissionCost: 2,
    admits: (state) => (state.problem.dialoguePairs.length === 0 ? null : new DialogueSafetyAdmission(state)),
  },
  explain: {
    instances(program) {
      const { dialogue } = program.policy;
      if (dialogue.pairs.length === 0) return [];
      const out: NamedInstance[] = [];
      if (dialogue.neutralChair && (program.policy.chair || program.panels.some((p) => p.chair === true))) {
        out.push({ rule: "neutral-chair", path: ["policy", "dialogue", "neutralChair"], instance: "dialogue panels need a neutral chair" });
      }
      if (dialogue.maxImbalance !== null) {
        out.push({ rule: "max-imbalance", path: ["policy", "dialogue", "maxImbalance"], instance: `dialogue sides differ by at most ${dialogue.maxImbalance}` });
      }
      if (dialogue.minSide > 1) {
        out.push({ rule: "min-side", path: ["policy", "dialogue", "minSide"], instance: `each dialogue side has at least ${dialogue.minSide} members` });
      }
      return out;
    },
    relax(draft, isRelaxed) {
      const { dialogue } = draft.policy;
      draft.policy.dialogue = {
        ...dialogue,
        neutralChair: isRelaxed(["policy", "dialogue", "neutralChair"]) ? false : dialogue.neutralChair,
        maxImbalance: isRelaxed(["policy", "dialogue", "maxImbalance"]) ? null : dialogue.maxImbalance,
        minSide: isRelaxed(["policy", "dialogue", "minSide"]) ? 1 : dialogue.minSide,
      };
    },
    axes(program) {
      const { dialogue } = program.policy;
      if (dialogue.pairs.length === 0) return [];
      const axes: RelaxationAxis[] = [];
      if (dialogue.minSide > 1) {
        axes.push({
          path: "policy.dialogue.minSide",
          from: dialogue.minSide,
          steps: countDown(dialogue.minSide, 1),
          apply: (p, v) => withPolicy(p, (pol) => ({ ...pol, dialogue: { ...pol.dialogue, minSide: v as number } })),
          describe: (v) => `lower policy.dialogue.minSide from ${dialogue.minSide} to ${v}`,
        });
      }
      if (dialogue.maxImbalance !== null) {
        const current = dialogue.maxImbalance;
        const steps: (number | null)[] = [];
        for (let v = current + 1; v < mostMembers(program); v++) steps.push(v);
        steps.push(null);
        axes.push({
          path: "policy.dialogue.maxImbalance",
          from: current,
          steps,
          apply: (p, v) => withPolicy(p, (pol) => ({ ...pol, dialogue: { ...pol.dialogue, maxImbalance: v as number | null } })),
          describe: (v) => (v === null ? "drop policy.dialogue.maxImbalance (no limit)" : `raise policy.dialogue.maxImbalance from ${current} to ${v}`),
        });
      }
      return axes;
    },
  },
};

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
    const own = terms.length;
    for (const i of new Set([...(holdsA.has(j) ? sideB : []), ...(holdsB.has(j) ? sideA : [])])) {
      const chair = vars.chair[i * P + p]!;
      if (i === j || chair < 0 || inConflict(problem, i, j)) continue;
      terms.push({ variable: chair, coefficient: 1 });
    }
    if (terms.length > own) lp.addRow(`dlgNeutral_${tag}_${j}`, terms, "<=", 1);
  }
}

function sidePenalty(problem: Problem, sideA: number, sideB: number): number {
  const { minSide, maxImbalance } = problem.dialogueSafety;
  return Math.max(0, minSide - sideA) + Math.max(0, minSide - sideB) + Math.max(0, Math.abs(sideA - sideB) - maxImbalance);
}
