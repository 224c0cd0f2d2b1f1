// Who moved: a participant moved when their set of (panel, role) differs between two solutions (the stability
// term of DESIGN.md §4 counts exactly these people). Also the per-pair dialogue panel counts the what-if table shows.
import type { Program } from "../model/schema.js";
import type { SolutionPanel } from "../model/solution.js";

export type Role = "presenter" | "chair" | "discussant";

export interface RoleAt {
  readonly panel: string;
  readonly role: Role;
  readonly slot: string | null;
}

export interface ParticipantMove {
  readonly participant: string;
  readonly from: readonly RoleAt[];
  readonly to: readonly RoleAt[];
}

/** Participants whose roles differ, in id order; `slotOf` names a panel's slot when a solution file omits it. */
export function diffSolutions(
  before: readonly SolutionPanel[],
  after: readonly SolutionPanel[],
  slotOf: (panel: string) => string | null = () => null,
): ParticipantMove[] {
  const rolesBefore = rolesByParticipant(before, slotOf);
  const rolesAfter = rolesByParticipant(after, slotOf);
  const ids = [...new Set([...rolesBefore.keys(), ...rolesAfter.keys()])].sort();
  const moves: ParticipantMove[] = [];
  for (const participant of ids) {
    const from = rolesBefore.get(participant) ?? [];
    const to = rolesAfter.get(participant) ?? [];
    if (!sameRoles(from, to)) moves.push({ participant, from, to });
  }
  return moves;
}

export interface BaselineDiff {
  /** Program participants whose roles changed: exactly the people the stability term counts. */
  readonly moves: readonly ParticipantMove[];
  /** Baseline participants the program no longer has (withdrawn or removed), with the roles they left. */
  readonly departed: readonly ParticipantMove[];
  /**
   * Program participants whose only change is losing roles on cancelled panels: not counted as moved (the
   * stability term does not charge a what-if for the cancellation itself), but they lost a role all the same.
   */
  readonly unseated: readonly ParticipantMove[];
}

/**
 * A re-solve against its baseline, counted as the stability term counts (src/check/score.ts): who moved is decided
 * on the baseline roles on panels the program still has. What each person held is reported in full, though: a
 * move's `from` keeps roles on cancelled panels too, with the slot from the baseline (which the scenario loader
 * fills in from the base program where the baseline file omits it) or else from the program.
 */
export function diffAgainstBaseline(program: Program, baseline: readonly SolutionPanel[], panels: readonly SolutionPanel[]): BaselineDiff {
  const panelIds = new Set(program.panels.map((p) => p.id));
  const participantIds = new Set(program.participants.map((p) => p.id));
  const slotOf = slotLookup(program);
  const all = diffSolutions(baseline, panels, slotOf);
  const counted = new Set(diffSolutions(baseline.filter((p) => panelIds.has(p.id)), panels, slotOf).map((m) => m.participant));
  const inProgram = all.filter((m) => participantIds.has(m.participant));
  return {
    moves: inProgram.filter((m) => counted.has(m.participant)),
    departed: all.filter((m) => !participantIds.has(m.participant)),
    unseated: inProgram.filter((m) => !counted.has(m.participant)),
  };
}

export function slotLookup(program: Program): (panel: string) => string | null {
  const slots = new Map(program.panels.map((p) => [p.id, p.slot ?? null]));
  return (panel) => slots.get(panel) ?? null;
}

function rolesByParticipant(panels: readonly SolutionPanel[], slotOf: (panel: string) => string | null): Map<string, RoleAt[]> {
  const roles = new Map<string, RoleAt[]>();
  const add = (participant: string | null, panel: SolutionPanel, role: Role) => {
    if (participant === null) return;
    const slot = panel.slot ?? slotOf(panel.id);
    const list = roles.get(participant);
    const entry = { panel: panel.id, role, slot };
    if (list === undefined) roles.set(participant, [entry]);
    else list.push(entry);
  };
  for (const panel of panels) {
    for (const p of panel.presenters) add(p, panel, "presenter");
    add(panel.chair, panel, "chair");
    add(panel.discussant, panel, "discussant");
  }
  for (const list of roles.values()) list.sort((a, b) => key(a).localeCompare(key(b)));
  return roles;
}

const key = (r: RoleAt) => `${r.panel}\u0000${r.role}`;

function sameRoles(a: readonly RoleAt[], b: readonly RoleAt[]): boolean {
  return a.length === b.length && a.every((r, k) => key(r) === key(b[k]!));
}

/** "RU-UA" → number of panels realising the pair (one member holds A, a different member holds B). */
export function dialoguePanelsByPair(program: Program, panels: readonly SolutionPanel[]): Record<string, number> {
  const nationalities = new Map(program.participants.map((p) => [p.id, p.nationalities]));
  const counts: Record<string, number> = {};
  for (const pair of program.policy.dialogue.pairs) counts[pairLabel(pair.between)] = 0;
  for (const panel of panels) {
    const members = [...panel.presenters, panel.chair, panel.discussant].filter((m): m is string => m !== null);
    for (const pair of program.policy.dialogue.pairs) {
      const [a, b] = pair.between;
      const holdsA = members.filter((m) => nationalities.get(m)?.includes(a));
      const holdsB = members.filter((m) => nationalities.get(m)?.includes(b));
      // Realised when some A-holder and some *different* B-holder sit together.
      const realised = holdsA.some((x) => holdsB.some((y) => y !== x));
      if (realised) counts[pairLabel(pair.between)] = (counts[pairLabel(pair.between)] ?? 0) + 1;
    }
  }
  return counts;
}

export function pairLabel(between: readonly [string, string]): string {
  return `${between[0]}-${between[1]}`;
}
