// The independent checker: DESIGN.md §3 re-read from the program file and a solution's panels, in ids, with its own
// defaults. It shares nothing with the solvers or the normaliser (test/architecture/boundaries.test.ts), so a bug
// in their reading of a rule shows up here as a violation instead of being repeated.
//
// Reading a malformed solution: a panel id not in the program is reported and ignored; a panel listed twice is
// reported and only its first listing is checked; a program panel not listed is reported and checked as empty;
// an unknown participant id is reported and left out of the roster (an unknown chair leaves the panel chairless).
import type { PanelSpec, ParticipantSpec, Program } from "../model/schema.js";
import type { SolutionPanel } from "../model/solution.js";
import type { Role, Violation } from "./violations.js";

/** A program panel as the solution fills it, reduced to known participants. */
export interface CheckedPanel {
  readonly id: string;
  readonly spec: PanelSpec;
  /** The program's slot (the solution's own slot field is only compared, never trusted). */
  readonly slot: string | null;
  /** Known presenter ids as listed (a repeat is kept, and reported as two roles). */
  readonly presenters: readonly string[];
  readonly chair: string | null;
  readonly discussant: string | null;
  /** Distinct members: presenters, then chair, then discussant. */
  readonly members: readonly string[];
}

interface Context {
  readonly program: Program;
  readonly participantById: ReadonlyMap<string, ParticipantSpec>;
  readonly nationalitiesById: ReadonlyMap<string, ReadonlySet<string>>;
  /** One per program panel, in program order. */
  readonly panels: readonly CheckedPanel[];
  readonly out: Violation[];
}

/** Every violated hard-constraint instance of DESIGN.md §3, structural problems of the listing first. */
export function checkSolution(program: Program, panels: readonly SolutionPanel[]): Violation[] {
  const out: Violation[] = [];
  const participantById = new Map(program.participants.map((p) => [p.id, p] as const));
  const ctx: Context = {
    program,
    participantById,
    nationalitiesById: new Map(program.participants.map((p) => [p.id, new Set(p.nationalities)] as const)),
    panels: readPanels(program, panels, participantById, out),
    out,
  };
  checkLoad(ctx);
  checkRoles(ctx);
  checkNationality(ctx);
  checkAttributes(ctx);
  checkOptOuts(ctx);
  checkSafety(ctx);
  checkEligibility(ctx);
  checkTogetherAndPinned(ctx);
  return out;
}

/** Largest count a share cap allows among `members`; the epsilon absorbs 0.145 * 200 = 28.999999999999996. */
export function shareCap(maxShare: number, members: number): number {
  return Math.floor(maxShare * members + 1e-9);
}

/**
 * The solution's panels matched to the program's, one per program panel in program order, reporting what does not
 * match. Also used by the scorer, so both read a malformed solution the same way.
 */
export function readPanels(
  program: Program,
  listed: readonly SolutionPanel[],
  participantById: ReadonlyMap<string, ParticipantSpec>,
  out: Violation[] | null = null,
): CheckedPanel[] {
  const specById = new Map(program.panels.map((p) => [p.id, p] as const));
  const firstListing = new Map<string, SolutionPanel>();
  const listings = new Map<string, number>();
  const unknownPanels = new Set<string>();
  for (const panel of listed) {
    if (!specById.has(panel.id)) {
      if (!unknownPanels.has(panel.id)) out?.push({ code: "unknown-panel", panel: panel.id });
      unknownPanels.add(panel.id);
      continue;
    }
    listings.set(panel.id, (listings.get(panel.id) ?? 0) + 1);
    if (!firstListing.has(panel.id)) firstListing.set(panel.id, panel);
  }
  for (const [panel, count] of listings) if (count > 1) out?.push({ code: "duplicate-panel", panel, count });

  return program.panels.map((spec) => {
    const slot = spec.slot ?? null;
    const panel = firstListing.get(spec.id);
    if (panel === undefined) {
      out?.push({ code: "missing-panel", panel: spec.id });
      return { id: spec.id, spec, slot, presenters: [], chair: null, discussant: null, members: [] };
    }
    if (panel.slot !== undefined && panel.slot !== slot) {
      out?.push({ code: "slot-mismatch", panel: spec.id, slot, listed: panel.slot });
    }
    const known = (participant: string, role: Role): boolean => {
      if (participantById.has(participant)) return true;
      out?.push({ code: "unknown-participant", panel: spec.id, participant, role });
      return false;
    };
    const presenters = panel.presenters.filter((id) => known(id, "presenter"));
    const chair = panel.chair !== null && known(panel.chair, "chair") ? panel.chair : null;
    const discussant = panel.discussant !== null && known(panel.discussant, "discussant") ? panel.discussant : null;
    const members = new Set(presenters);
    if (chair !== null) members.add(chair);
    if (discussant !== null) members.add(discussant);
    return { id: spec.id, spec, slot, presenters, chair, discussant, members: [...members] };
  });
}

// §3.1 Load: exact presentations, upper bounds on chairing, discussing and roles in all; one role per panel; one
// panel per slot. Presentations count distinct panels, so a presenter listed twice on one panel presents once.
function checkLoad({ program, panels, out }: Context): void {
  const presentingPanels = new Map<string, number>();
  const chairingPanels = new Map<string, number>();
  const discussingPanels = new Map<string, number>();
  const bump = (counts: Map<string, number>, id: string) => counts.set(id, (counts.get(id) ?? 0) + 1);
  const panelsBySlotByParticipant = new Map<string, Map<string, string[]>>();

  for (const panel of panels) {
    for (const id of new Set(panel.presenters)) bump(presentingPanels, id);
    if (panel.chair !== null) bump(chairingPanels, panel.chair);
    if (panel.discussant !== null) bump(discussingPanels, panel.discussant);

    const rolesById = new Map<string, Role[]>();
    const hold = (id: string, role: Role) => {
      const roles = rolesById.get(id);
      if (roles === undefined) rolesById.set(id, [role]);
      else roles.push(role);
    };
    for (const id of panel.presenters) hold(id, "presenter");
    if (panel.chair !== null) hold(panel.chair, "chair");
    if (panel.discussant !== null) hold(panel.discussant, "discussant");
    for (const [participant, roles] of rolesById) {
      if (roles.length > 1) out.push({ code: "two-roles-one-panel", panel: panel.id, participant, roles });
    }

    if (panel.slot === null) continue; // panels without a slot never clash
    for (const id of panel.members) {
      let bySlot = panelsBySlotByParticipant.get(id);
      if (bySlot === undefined) panelsBySlotByParticipant.set(id, (bySlot = new Map()));
      const inSlot = bySlot.get(panel.slot);
      if (inSlot === undefined) bySlot.set(panel.slot, [panel.id]);
      else inSlot.push(panel.id);
    }
  }

  const maxRoles = program.policy.maxRoles;
  for (const person of program.participants) {
    const participant = person.id;
    const presents = presentingPanels.get(participant) ?? 0;
    const chairs = chairingPanels.get(participant) ?? 0;
    const discusses = discussingPanels.get(participant) ?? 0;
    if (presents !== person.presents) out.push({ code: "presents", participant, count: presents, required: person.presents });
    if (chairs > person.mayChair) out.push({ code: "chair-load", participant, count: chairs, limit: person.mayChair });
    if (discusses > person.mayDiscuss) {
      out.push({ code: "discussant-load", participant, count: discusses, limit: person.mayDiscuss });
    }
    const roles = presents + chairs + discusses;
    if (maxRoles !== null && roles > maxRoles) out.push({ code: "max-roles", participant, count: roles, limit: maxRoles });
    for (const [slot, inSlot] of panelsBySlotByParticipant.get(participant) ?? []) {
      if (inSlot.length > 1) out.push({ code: "slot-clash", participant, slot, panels: inSlot });
    }
  }
}

// §3.2 Roles: a chair exactly when the panel needs one (panel.chair, else policy.chair), likewise a discussant;
// distinct presenters within size (panel.size, else policy.panelSize).
function checkRoles({ program: { policy }, panels, out }: Context): void {
  for (const panel of panels) {
    const size = panel.spec.size ?? policy.panelSize;
    const count = new Set(panel.presenters).size;
    if (count < size.min || count > size.max) {
      out.push({ code: "panel-size", panel: panel.id, count, min: size.min, max: size.max });
    }
    const needsChair = panel.spec.chair ?? policy.chair;
    if (needsChair && panel.chair === null) out.push({ code: "chair-missing", panel: panel.id });
    if (!needsChair && panel.chair !== null) out.push({ code: "chair-unneeded", panel: panel.id, participant: panel.chair });
    const needsDiscussant = panel.spec.discussant ?? policy.discussant;
    if (needsDiscussant && panel.discussant === null) out.push({ code: "discussant-missing", panel: panel.id });
    if (!needsDiscussant && panel.discussant !== null) {
      out.push({ code: "discussant-unneeded", panel: panel.id, participant: panel.discussant });
    }
  }
}

// §3.3 Nationality cap: a dual national counts for each nationality held.
function checkNationality({ program, participantById, panels, out }: Context): void {
  const { maxShare, minDistinct } = program.policy.nationality;
  for (const panel of panels) {
    const members = panel.members.length;
    if (members === 0) continue;
    const holders = groupBy(panel.members, (id) => participantById.get(id)!.nationalities);
    const limit = shareCap(maxShare, members);
    for (const [nationality, ids] of holders) {
      if (ids.length > limit) {
        out.push({ code: "nationality-cap", panel: panel.id, nationality, count: ids.length, members, limit, maxShare, holders: ids });
      }
    }
    if (holders.size < minDistinct) {
      out.push({ code: "nationality-distinct", panel: panel.id, distinct: holders.size, minDistinct, nationalities: [...holders.keys()] });
    }
  }
}

// §3.4 Attribute balance: members without the attribute count as members but hold no value.
function checkAttributes({ program, participantById, panels, out }: Context): void {
  for (const { attribute, maxShare, minDistinct } of program.policy.balance) {
    for (const panel of panels) {
      const members = panel.members.length;
      if (members === 0) continue;
      const holders = groupBy(panel.members, (id) => {
        const value = participantById.get(id)!.attributes[attribute];
        return value === undefined ? [] : [value];
      });
      const limit = shareCap(maxShare, members);
      for (const [value, ids] of holders) {
        if (ids.length > limit) {
          out.push({ code: "attribute-cap", panel: panel.id, attribute, value, count: ids.length, members, limit, maxShare, holders: ids });
        }
      }
      if (holders.size < minDistinct) {
        out.push({ code: "attribute-distinct", panel: panel.id, attribute, distinct: holders.size, minDistinct, values: [...holders.keys()] });
      }
    }
  }
}

// §3.5 Opt-outs, each reported from the side of the participant who opted out, once per other member.
function checkOptOuts({ program, participantById, nationalitiesById, panels, out }: Context): void {
  const pairs = uniquePairs(program.policy.dialogue.pairs.map((p) => p.between));
  // Dialogue "out" (the default for at-risk participants): own nation → counterpart nations.
  const counterparts = new Map<string, string[]>();
  for (const [a, b] of pairs) {
    for (const [own, other] of [[a, b], [b, a]] as const) {
      const list = counterparts.get(own);
      if (list === undefined) counterparts.set(own, [other]);
      else list.push(other);
    }
  }
  for (const panel of panels) {
    const memberSet = new Set(panel.members);
    for (const participant of panel.members) {
      const person = participantById.get(participant)!;
      const avoided = new Set(person.avoid.nationalities);
      const isOut = (person.dialogue ?? (person.atRisk ? "out" : "in")) === "out";
      for (const other of panel.members) {
        if (other === participant) continue;
        const held = participantById.get(other)!.nationalities;
        for (const nationality of held) {
          if (avoided.has(nationality)) out.push({ code: "avoid-nationality", panel: panel.id, participant, nationality, other });
        }
        if (!isOut) continue;
        const otherHolds = nationalitiesById.get(other)!;
        for (const nationality of person.nationalities) {
          for (const counterpart of counterparts.get(nationality) ?? []) {
            if (otherHolds.has(counterpart)) {
              out.push({ code: "dialogue-out", panel: panel.id, participant, nationality, counterpart, other });
            }
          }
        }
      }
      for (const other of new Set(person.avoid.participants)) {
        if (other !== participant && memberSet.has(other)) {
          out.push({ code: "avoid-participant", panel: panel.id, participant, other });
        }
      }
    }
  }
}

// §3.6 Safety: keep-apart, separate, at-risk off recorded panels, and the dialogue-panel rules.
function checkSafety({ program, participantById, nationalitiesById, panels, out }: Context): void {
  const { policy } = program;
  const panelsByParticipant = membershipsOf(panels);
  for (const [a, b] of uniquePairs(policy.keepApart)) {
    for (const panel of panelsByParticipant.get(a) ?? []) {
      if (panel.members.includes(b)) out.push({ code: "keep-apart", panel: panel.id, pair: [a, b] });
    }
  }

  const separate = uniquePairs(policy.separate);
  const dialoguePairs = uniquePairs(policy.dialogue.pairs.map((p) => p.between));
  const { neutralChair, minSide, maxImbalance } = policy.dialogue;
  for (const panel of panels) {
    const holdersOf = (nation: string) => panel.members.filter((id) => nationalitiesById.get(id)!.has(nation));

    for (const nations of separate) {
      const holdersA = holdersOf(nations[0]);
      const holdersB = holdersOf(nations[1]);
      const reported = new Set<string>();
      for (const x of holdersA) {
        for (const y of holdersB) {
          if (x === y || reported.has(pairKey(x, y))) continue;
          reported.add(pairKey(x, y));
          out.push({ code: "separate", panel: panel.id, nations, participants: [x, y] });
        }
      }
    }

    if (panel.spec.recorded) {
      for (const participant of panel.members) {
        if (participantById.get(participant)!.atRisk) out.push({ code: "at-risk-recorded", panel: panel.id, participant });
      }
    }

    for (const pair of dialoguePairs) {
      const holdersA = holdersOf(pair[0]);
      const holdersB = holdersOf(pair[1]);
      if (!realises(holdersA, holdersB)) continue;
      if (neutralChair && panel.chair !== null) {
        const chairHolds = nationalitiesById.get(panel.chair)!;
        const held = pair.filter((nation) => chairHolds.has(nation));
        if (held.length > 0) out.push({ code: "neutral-chair", panel: panel.id, chair: panel.chair, pair, held });
      }
      for (const [nationality, count] of [[pair[0], holdersA.length], [pair[1], holdersB.length]] as const) {
        if (count < minSide) out.push({ code: "min-side", panel: panel.id, pair, nationality, count, minSide });
      }
      if (maxImbalance !== null && Math.abs(holdersA.length - holdersB.length) > maxImbalance) {
        out.push({ code: "max-imbalance", panel: panel.id, pair, counts: [holdersA.length, holdersB.length], maxImbalance });
      }
    }
  }
}

// §3.7 Eligibility: slot availability for every member; the topic rule for presenters only.
function checkEligibility({ program, participantById, panels, out }: Context): void {
  const required = program.policy.topics === "required";
  for (const panel of panels) {
    const slot = panel.slot;
    if (slot !== null) {
      for (const participant of panel.members) {
        if (participantById.get(participant)!.unavailable.includes(slot)) {
          out.push({ code: "unavailable-slot", panel: panel.id, participant, slot });
        }
      }
    }
    const panelTopics = panel.spec.topics;
    if (!required || panelTopics.length === 0) continue;
    for (const participant of new Set(panel.presenters)) {
      const participantTopics = participantById.get(participant)!.topics;
      if (participantTopics.length > 0 && !participantTopics.some((t) => panelTopics.includes(t))) {
        out.push({ code: "topic-required", panel: panel.id, participant, participantTopics, panelTopics });
      }
    }
  }
}

// §3.8 Co-authors present together on (at least) one common panel; pinned assignments hold.
function checkTogetherAndPinned({ program, panels, out }: Context): void {
  const presentingByParticipant = new Map<string, Set<string>>();
  for (const panel of panels) {
    for (const id of panel.presenters) {
      const set = presentingByParticipant.get(id);
      if (set === undefined) presentingByParticipant.set(id, new Set([panel.id]));
      else set.add(panel.id);
    }
  }
  const groups = groupBy(program.participants, (p) => (p.group === undefined ? [] : [p.group]));
  for (const [group, people] of groups) {
    const participants = people.map((p) => p.id);
    const presentingSets = participants.map((id) => presentingByParticipant.get(id) ?? new Set<string>());
    const [first = new Set<string>(), ...rest] = presentingSets;
    const together = [...first].some((panel) => rest.every((set) => set.has(panel)));
    if (!together) {
      const panelsOfGroup = panels.filter((panel) => presentingSets.some((set) => set.has(panel.id))).map((p) => p.id);
      out.push({ code: "co-authors", group, participants, panels: panelsOfGroup });
    }
  }

  for (const panel of panels) {
    const pinned = panel.spec.pinned;
    if (pinned === undefined) continue;
    for (const participant of pinned.presenters) {
      if (!panel.presenters.includes(participant)) out.push({ code: "pinned", panel: panel.id, participant, role: "presenter" });
    }
    if (pinned.chair !== undefined && panel.chair !== pinned.chair) {
      out.push({ code: "pinned", panel: panel.id, participant: pinned.chair, role: "chair" });
    }
    if (pinned.discussant !== undefined && panel.discussant !== pinned.discussant) {
      out.push({ code: "pinned", panel: panel.id, participant: pinned.discussant, role: "discussant" });
    }
  }
}

/** A panel realises (A, B) when one member holds A and a different member holds B. */
/** The panels each participant is a member of. */
export function membershipsOf(panels: readonly CheckedPanel[]): Map<string, CheckedPanel[]> {
  const byParticipant = new Map<string, CheckedPanel[]>();
  for (const panel of panels) {
    for (const id of panel.members) {
      const list = byParticipant.get(id);
      if (list === undefined) byParticipant.set(id, [panel]);
      else list.push(panel);
    }
  }
  return byParticipant;
}

export function realises(holdersA: readonly string[], holdersB: readonly string[]): boolean {
  if (holdersA.length === 0 || holdersB.length === 0) return false;
  return holdersA.length > 1 || holdersB.length > 1 || holdersA[0] !== holdersB[0];
}

/** Items grouped under each key they yield, keys and items in first-seen order. */
function groupBy<T>(items: readonly T[], keysOf: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [item]);
      else group.push(item);
    }
  }
  return groups;
}

function pairKey(x: string, y: string): string {
  return x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`;
}

/**
 * Unordered pairs listed once each (a pair and its reverse are the same rule), first orientation kept. A pair of
 * one id with itself is dropped: the loader rejects it (crossCheckProgram).
 */
function uniquePairs(pairs: readonly (readonly [string, string])[]): (readonly [string, string])[] {
  const seen = new Set<string>();
  return pairs.filter(([x, y]) => {
    const key = pairKey(x, y);
    if (x === y) return false;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
