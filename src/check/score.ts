// The objective of DESIGN.md §4 recomputed from the program and a solution's panels, independently of the solvers'
// own bookkeeping. A malformed listing is read as the checker reads it (readPanels), so the score of a solution
// with structural violations is still defined, if meaningless.
import type { ParticipantSpec, Program } from "../model/schema.js";
import type { SolutionPanel } from "../model/solution.js";
import { readPanels, realises, type CheckedPanel } from "./check.js";

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

/** One panel's share of the objective terms (stability is per participant, so never per panel). */
export interface PanelScore {
  readonly id: string;
  readonly terms: { readonly dialogue: number; readonly diversity: number; readonly topicFit: number; readonly affinity: number };
  /** sum of policy.weights[term] x term over the four terms. */
  readonly total: number;
  /** The dialogue pairs it realises, in policy order (index: position in policy.dialogue.pairs). */
  readonly pairs: readonly { readonly index: number; readonly between: readonly [string, string]; readonly weight: number }[];
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
  const score = totalOfPanels(program, scoreCheckedPanels(program, checked, participantById));
  if (baseline === undefined || baseline === null) return score;
  const before = roleSetsOf(readPanels(program, baseline, participantById));
  const after = roleSetsOf(checked);
  let moved = 0;
  for (const { id } of program.participants) {
    if (!sameSet(before.get(id), after.get(id))) moved++;
  }
  const stability = moved === 0 ? 0 : -moved;
  return { total: score.total + program.policy.weights.stability * stability, terms: { ...score.terms, stability } };
}

/** Each program panel's terms, in program order: what a summary needs to show the weakest panels. Linear time. */
export function scorePanels(program: Program, panels: readonly SolutionPanel[]): PanelScore[] {
  const participantById = new Map(program.participants.map((p) => [p.id, p] as const));
  return scoreCheckedPanels(program, readPanels(program, panels, participantById), participantById);
}

function scoreCheckedPanels(
  program: Program,
  checked: readonly CheckedPanel[],
  participantById: ReadonlyMap<string, ParticipantSpec>,
): PanelScore[] {
  const { weights, dialogue: { pairs }, affinities } = program.policy;
  // Affinity pairs by their first participant, so each panel looks up only the pairs its members start.
  const affinitiesByFirst = new Map<string, { other: string; weight: number }[]>();
  for (const { between: [a, b], weight } of affinities) {
    if (a === b) continue; // rejected by the loader; one person is not a pair
    const list = affinitiesByFirst.get(a);
    if (list === undefined) affinitiesByFirst.set(a, [{ other: b, weight }]);
    else list.push({ other: b, weight });
  }
  return checked.map((panel) => {
    const nationalities = panel.members.map((id) => participantById.get(id)!.nationalities);
    const realised = pairs
      .map(({ between, weight }, index) => ({ index, between, weight }))
      .filter(({ between: [a, b] }) =>
        realises(
          panel.members.filter((_, k) => nationalities[k]!.includes(a)),
          panel.members.filter((_, k) => nationalities[k]!.includes(b)),
        ),
      );
    const dialogue = realised.reduce((sum, pair) => sum + pair.weight, 0);
    const diversity = panel.members.length === 0 ? 0 : new Set(nationalities.flat()).size - 1;
    const panelTopics = new Set(panel.spec.topics);
    let topicFit = 0;
    for (const id of new Set(panel.presenters)) {
      if (participantById.get(id)!.topics.some((t) => panelTopics.has(t))) topicFit++;
    }
    let affinity = 0;
    for (const id of panel.members) {
      for (const { other, weight } of affinitiesByFirst.get(id) ?? []) if (panel.members.includes(other)) affinity += weight;
    }
    const terms = { dialogue, diversity, topicFit, affinity };
    const total = weights.dialogue * dialogue + weights.diversity * diversity + weights.topicFit * topicFit + weights.affinity * affinity;
    return { id: panel.id, terms, total, pairs: realised };
  });
}

/** Which panels realise each dialogue pair of the policy, in policy order (a pair listed twice appears twice). */
export function realisedPairs(program: Program, panels: readonly SolutionPanel[]): RealisedPair[] {
  return realisedPairsOf(program, scorePanels(program, panels));
}

/** realisedPairs from panel scores already at hand (a summary or an export scores the panels once). Linear. */
export function realisedPairsOf(program: Program, scores: readonly PanelScore[]): RealisedPair[] {
  const realised: RealisedPair[] = program.policy.dialogue.pairs.map(({ between: [a, b] }) => ({ pair: [a, b], panels: [] }));
  for (const score of scores) for (const { index } of score.pairs) realised[index]!.panels.push(score.id);
  return realised;
}

/** The objective of panels already scored: the sum of their terms, weighted (no stability: that is per person). */
export function totalOfPanels(program: Program, scores: readonly PanelScore[]): ObjectiveScore {
  const terms: Record<string, number> = { dialogue: 0, diversity: 0, topicFit: 0, affinity: 0 };
  for (const score of scores) for (const [term, value] of Object.entries(score.terms)) terms[term]! += value;
  const weights: Readonly<Record<string, number>> = program.policy.weights;
  let total = 0;
  for (const [term, value] of Object.entries(terms)) total += weights[term]! * value;
  return { total, terms };
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
