// The objective of DESIGN.md §4 recomputed from the program and a solution's panels, independently of the solvers'
// own bookkeeping. A malformed listing is read as the checker reads it (readPanels), so the score of a solution
// with structural violations is still defined, if meaningless.
import type { ObjectiveTerm, Program } from "../model/schema.js";
import type { SolutionPanel } from "../model/solution.js";
import { membershipsOf, readPanels, realises, type CheckedPanel } from "./check.js";

export interface ObjectiveScore {
  readonly total: number;
  /** dialogue, diversity, topicFit and affinity always; stability only when scored against a baseline. */
  readonly terms: Record<string, number>;
}

export interface RealisedPair {
  /** As listed in policy.dialogue.pairs[].between. */
  readonly pair: [string, string];
  /** Ids of the panels that realise it, in program order. */
  readonly panels: string[];
}

/**
 * Scores a solution. With a baseline (a published solution's panels), adds stability = minus the number of
 * program participants whose set of (panel, role) differs from the baseline. Baseline participants and panels no
 * longer in the program are ignored, as the solvers' baseline does (src/model/normalize.ts), so a what-if that
 * removes a panel is not charged for the moves it forces on everyone.
 */
export function scoreSolution(
  program: Program,
  panels: readonly SolutionPanel[],
  baseline?: readonly SolutionPanel[] | null,
): ObjectiveScore {
  const participantById = new Map(program.participants.map((p) => [p.id, p] as const));
  const checked = readPanels(program, panels, participantById);
  const nationalitiesById = new Map(program.participants.map((p) => [p.id, new Set(p.nationalities)] as const));

  let dialogue = 0;
  for (const { weight, panels: realising } of realisedPairsOf(program, checked, nationalitiesById)) {
    dialogue += weight * realising.length;
  }

  let diversity = 0;
  let topicFit = 0;
  for (const panel of checked) {
    if (panel.members.length > 0) {
      const held = new Set(panel.members.flatMap((id) => participantById.get(id)!.nationalities));
      diversity += held.size - 1;
    }
    const panelTopics = new Set(panel.spec.topics);
    for (const id of new Set(panel.presenters)) {
      if (participantById.get(id)!.topics.some((t) => panelTopics.has(t))) topicFit++;
    }
  }

  const panelsByParticipant = membershipsOf(checked);
  let affinity = 0;
  for (const { between: [a, b], weight } of program.policy.affinities) {
    if (a === b) continue; // rejected by the loader; one person is not a pair
    for (const panel of panelsByParticipant.get(a) ?? []) {
      if (panel.members.includes(b)) affinity += weight;
    }
  }

  const terms: Partial<Record<ObjectiveTerm, number>> = { dialogue, diversity, topicFit, affinity };
  if (baseline !== undefined && baseline !== null) {
    const before = roleSetsOf(readPanels(program, baseline, participantById));
    const after = roleSetsOf(checked);
    let moved = 0;
    for (const { id } of program.participants) {
      if (!sameSet(before.get(id), after.get(id))) moved++;
    }
    terms.stability = moved === 0 ? 0 : -moved;
  }

  const weights = program.policy.weights;
  let total = 0;
  for (const [term, value] of Object.entries(terms) as [ObjectiveTerm, number][]) total += weights[term] * value;
  return { total, terms };
}

/** Which panels realise each dialogue pair of the policy, in policy order (a pair listed twice appears twice). */
export function realisedPairs(program: Program, panels: readonly SolutionPanel[]): RealisedPair[] {
  const participantById = new Map(program.participants.map((p) => [p.id, p] as const));
  const nationalitiesById = new Map(program.participants.map((p) => [p.id, new Set(p.nationalities)] as const));
  return realisedPairsOf(program, readPanels(program, panels, participantById), nationalitiesById).map(
    ({ pair, panels: realising }) => ({ pair, panels: realising }),
  );
}

function realisedPairsOf(
  program: Program,
  panels: readonly CheckedPanel[],
  nationalitiesById: ReadonlyMap<string, ReadonlySet<string>>,
): (RealisedPair & { readonly weight: number })[] {
  return program.policy.dialogue.pairs.map(({ between, weight }) => {
    const [a, b] = between;
    const realising = panels.filter((panel) => {
      const holdersA = panel.members.filter((id) => nationalitiesById.get(id)!.has(a));
      const holdersB = panel.members.filter((id) => nationalitiesById.get(id)!.has(b));
      return realises(holdersA, holdersB);
    });
    return { pair: [a, b], weight, panels: realising.map((panel) => panel.id) };
  });
}


/** Each participant's roles as "panel role" strings. */
function roleSetsOf(panels: readonly CheckedPanel[]): Map<string, Set<string>> {
  const roles = new Map<string, Set<string>>();
  const add = (id: string, panel: string, role: string) => {
    const key = `${panel}\u0000${role}`;
    const set = roles.get(id);
    if (set === undefined) roles.set(id, new Set([key]));
    else set.add(key);
  };
  for (const panel of panels) {
    for (const id of panel.presenters) add(id, panel.id, "presenter");
    if (panel.chair !== null) add(panel.chair, panel.id, "chair");
    if (panel.discussant !== null) add(panel.discussant, panel.id, "discussant");
  }
  return roles;
}

function sameSet(x: ReadonlySet<string> | undefined, y: ReadonlySet<string> | undefined): boolean {
  const a = x ?? new Set<string>();
  const b = y ?? new Set<string>();
  return a.size === b.size && [...a].every((key) => b.has(key));
}
