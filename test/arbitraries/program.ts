// fast-check builders for program files (DESIGN.md §2). Every program they produce passes validateProgram:
// references are drawn as raw integers and resolved modulo the final counts, so shrinking a list never leaves a
// dangling id, and panel sizes are repaired last so presentations always fit the seats. Feasibility is NOT
// guaranteed: infeasible programs are wanted too (exact solvers must say so, and agree with brute force).
import fc from "fast-check";
import type { ProgramInput } from "../../src/model/schema.js";

type ParticipantInput = ProgramInput["participants"][number];
type PanelInput = ProgramInput["panels"][number];
type PolicyInput = NonNullable<ProgramInput["policy"]>;

/** How often an optional feature appears: never, sometimes (about half the programs, sparse), or heavily. */
export type Density = "none" | "some" | "heavy";

export interface ProgramKnobs {
  readonly minParticipants?: number;
  readonly maxParticipants?: number;
  readonly minPanels?: number;
  readonly maxPanels?: number;
  /** 0: no slots at all. */
  readonly maxSlots?: number;
  /** Largest `presents` value (0 and 1 dominate). */
  readonly maxPresents?: number;
  /** Chairs and discussants: "none" never needs one; "heavy" makes most panels need both and few may serve. */
  readonly roles?: Density;
  /** The nationality pool; the first four also make the dialogue pairs and separate rules. */
  readonly nationalities?: readonly string[];
  readonly optOuts?: Density;
  readonly keepApart?: Density;
  readonly separate?: Density;
  readonly dialogue?: Density;
  readonly balance?: Density;
  readonly dualNationals?: Density;
  readonly groups?: Density;
  readonly pins?: Density;
  readonly atRisk?: Density;
  readonly topics?: Density;
  readonly unavailable?: Density;
  readonly caps?: Density;
  readonly affinities?: Density;
  readonly maxRoles?: Density;
  /** Objective weights other than the defaults (diversity, topicFit switched on). */
  readonly weights?: Density;
}

export const DEFAULT_NATIONALITIES = ["UA", "RU", "GE", "US", "DE"] as const;
const TOPICS = ["security", "energy", "trade"] as const;
const GENDERS = ["f", "m", "x"] as const;

type Resolved = { -readonly [K in keyof ProgramKnobs]-?: NonNullable<ProgramKnobs[K]> };
type DensityKnob = { [K in keyof Resolved]: Resolved[K] extends Density ? K : never }[keyof Resolved];

const DEFAULT_KNOBS: Resolved = {
  minParticipants: 1,
  maxParticipants: 8,
  minPanels: 1,
  maxPanels: 3,
  maxSlots: 2,
  maxPresents: 1,
  roles: "some",
  nationalities: DEFAULT_NATIONALITIES,
  optOuts: "some",
  keepApart: "some",
  separate: "some",
  dialogue: "some",
  balance: "some",
  dualNationals: "some",
  groups: "some",
  pins: "some",
  atRisk: "some",
  topics: "some",
  unavailable: "some",
  caps: "some",
  affinities: "some",
  maxRoles: "some",
  weights: "some",
};

/** Every optional feature off: the plain assignment problem (sizes, presents, slots). */
export const PLAIN_FEATURES: ProgramKnobs = {
  roles: "none",
  optOuts: "none",
  keepApart: "none",
  separate: "none",
  dialogue: "none",
  balance: "none",
  dualNationals: "none",
  groups: "none",
  pins: "none",
  atRisk: "none",
  topics: "none",
  unavailable: "none",
  caps: "none",
  affinities: "none",
  maxRoles: "none",
  weights: "none",
};

function resolveKnobs(knobs: ProgramKnobs): Resolved {
  const k: Resolved = { ...DEFAULT_KNOBS, ...stripUndefined(knobs) };
  const count = (name: keyof Resolved, min: number) => {
    const v = k[name];
    if (typeof v !== "number" || !Number.isInteger(v) || v < min) {
      throw new RangeError(`programArb: ${name} must be an integer >= ${min}, got ${String(v)}`);
    }
  };
  count("minParticipants", 0);
  count("maxParticipants", 1);
  count("minPanels", 1);
  count("maxPanels", 1);
  count("maxSlots", 0);
  count("maxPresents", 0);
  if (k.minParticipants > k.maxParticipants) {
    throw new RangeError(`programArb: minParticipants ${k.minParticipants} > maxParticipants ${k.maxParticipants}`);
  }
  if (k.minPanels > k.maxPanels) {
    throw new RangeError(`programArb: minPanels ${k.minPanels} > maxPanels ${k.maxPanels}`);
  }
  if (k.nationalities.length < 2 || k.nationalities.some((c) => !/^[A-Z]{2}$/.test(c))) {
    throw new RangeError("programArb: nationalities needs at least two ISO alpha-2 codes");
  }
  if (new Set(k.nationalities).size !== k.nationalities.length) {
    throw new RangeError("programArb: nationalities must be distinct");
  }
  for (const [name, v] of Object.entries(k)) {
    if (typeof v === "string" && !["none", "some", "heavy"].includes(v)) {
      throw new RangeError(`programArb: ${name} must be "none", "some" or "heavy", got "${v}"`);
    }
  }
  return k;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** An arbitrary that yields `empty` when the feature is off, and otherwise sometimes/usually `value`. */
function feature<T>(density: Density, value: fc.Arbitrary<T>, empty: T): fc.Arbitrary<T> {
  if (density === "none") return fc.constant(empty);
  if (density === "heavy") return fc.oneof({ arbitrary: value, weight: 5 }, { arbitrary: fc.constant(empty), weight: 1 });
  return fc.oneof({ arbitrary: fc.constant(empty), weight: 2 }, { arbitrary: value, weight: 1 });
}

/** Lists: sparse under "some", long under "heavy". */
function featureList<T>(density: Density, item: fc.Arbitrary<T>, heavyMax: number): fc.Arbitrary<T[]> {
  if (density === "none") return fc.constant<T[]>([]);
  if (density === "heavy") return fc.array(item, { minLength: 1, maxLength: heavyMax });
  return fc.oneof({ arbitrary: fc.constant<T[]>([]), weight: 2 }, { arbitrary: fc.array(item, { minLength: 1, maxLength: 2 }), weight: 1 });
}

const rawRef = fc.nat({ max: 63 });

interface RawParticipant {
  nationalities: string[];
  presents: number;
  mayChair: number;
  mayDiscuss: number;
  topics: string[];
  gender: string | null;
  unavailable: number[];
  group: number | null;
  avoidNationalities: string[];
  avoidParticipants: number[];
  dialogue: "in" | "out" | null;
  atRisk: boolean;
}

interface RawPanel {
  slot: number | null;
  topics: string[];
  size: { min: number; span: number } | null;
  recorded: boolean;
  chair: boolean | null;
  discussant: boolean | null;
  pinnedPresenters: number[];
  pinnedChair: number | null;
  pinnedDiscussant: number | null;
}

function rawParticipantArb(k: Resolved): fc.Arbitrary<RawParticipant> {
  const pool = k.nationalities;
  const natCount = k.dualNationals === "none" ? 1 : 2;
  const nationalities =
    k.dualNationals === "heavy"
      ? fc.oneof(
          { arbitrary: fc.shuffledSubarray([...pool], { minLength: 2, maxLength: 2 }), weight: 3 },
          { arbitrary: fc.shuffledSubarray([...pool], { minLength: 1, maxLength: 1 }), weight: 1 },
        )
      : fc.oneof(
          { arbitrary: fc.shuffledSubarray([...pool], { minLength: 1, maxLength: 1 }), weight: 5 },
          { arbitrary: fc.shuffledSubarray([...pool], { minLength: 1, maxLength: natCount }), weight: 1 },
        );
  const presents =
    k.maxPresents === 0
      ? fc.constant(0)
      : fc.oneof(
          { arbitrary: fc.constant(1), weight: 6 },
          { arbitrary: fc.integer({ min: 0, max: k.maxPresents }), weight: 2 },
        );
  const roleCount =
    k.roles === "none"
      ? fc.constant(0)
      : k.roles === "heavy"
        ? fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: fc.constant(1), weight: 1 })
        : fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: fc.integer({ min: 1, max: 2 }), weight: 2 });
  return fc.record({
    nationalities,
    presents,
    mayChair: roleCount,
    mayDiscuss: roleCount,
    topics: feature(k.topics, fc.subarray([...TOPICS], { minLength: 1, maxLength: 2 }), [] as string[]),
    gender: feature(
      k.balance,
      k.balance === "heavy"
        ? fc.oneof({ arbitrary: fc.constant("f"), weight: 1 }, { arbitrary: fc.constantFrom("m", "x"), weight: 4 })
        : fc.constantFrom(...GENDERS),
      null as string | null,
    ),
    unavailable: featureList(k.unavailable, rawRef, 2),
    group: feature(k.groups, fc.nat({ max: 2 }), null as number | null),
    avoidNationalities: featureList(k.optOuts, fc.constantFrom(...pool), 2),
    avoidParticipants: featureList(k.optOuts, rawRef, 2),
    dialogue: feature(k.optOuts, fc.constantFrom<"in" | "out">("in", "out"), null as "in" | "out" | null),
    atRisk: feature(k.atRisk, fc.boolean(), false),
  });
}

function rawPanelArb(k: Resolved): fc.Arbitrary<RawPanel> {
  const roleFlag =
    k.roles === "none"
      ? fc.constant(false as boolean | null)
      : k.roles === "heavy"
        ? fc.oneof({ arbitrary: fc.constant(true as boolean | null), weight: 4 }, { arbitrary: fc.constant(null), weight: 1 })
        : fc.option(fc.boolean(), { nil: null, freq: 3 });
  return fc.record({
    slot: k.maxSlots === 0 ? fc.constant(null) : fc.option(rawRef, { nil: null, freq: 4 }),
    topics: feature(k.topics, fc.subarray([...TOPICS], { minLength: 1, maxLength: 2 }), [] as string[]),
    size: fc.option(fc.record({ min: fc.nat({ max: 3 }), span: fc.nat({ max: 3 }) }), { nil: null }),
    recorded: feature(k.atRisk, fc.boolean(), false),
    chair: roleFlag,
    // Heavy roles stress chairs; discussants stay at the "some" level, or nearly every program is infeasible.
    discussant: k.roles === "heavy" ? fc.option(fc.boolean(), { nil: null, freq: 3 }) : roleFlag,
    pinnedPresenters: featureList(k.pins, rawRef, 2),
    pinnedChair: k.roles === "none" ? fc.constant(null) : feature(k.pins, fc.option(rawRef, { nil: null }), null as number | null),
    pinnedDiscussant:
      k.roles === "none" ? fc.constant(null) : feature(k.pins, fc.option(rawRef, { nil: null }), null as number | null),
  });
}

function weightArb(min: number, max: number): fc.Arbitrary<number> {
  return fc.oneof(
    { arbitrary: fc.integer({ min, max }), weight: 4 },
    { arbitrary: fc.constantFrom(0.5, 1.5, 2.25, -0.5).filter((w) => w >= min && w <= max), weight: 1 },
  );
}

interface RawPolicy {
  panelSize: { min: number; span: number };
  chair: boolean;
  discussant: boolean;
  maxShare: number | null;
  minDistinct: number;
  balanceShare: number | null;
  balanceDistinct: number;
  topics: "required" | "preferred" | "ignored";
  pairs: { a: number; b: number; weight: number }[];
  neutralChair: boolean | null;
  maxImbalance: number | null | undefined;
  minSide: number | null;
  keepApart: [number, number][];
  separate: [number, number][];
  maxRoles: number | null;
  affinities: { a: number; b: number; weight: number }[];
  weights: { dialogue: number; diversity: number; topicFit: number; affinity: number } | null;
}

function rawPolicyArb(k: Resolved): fc.Arbitrary<RawPolicy> {
  const nat = fc.nat({ max: k.nationalities.length - 1 });
  const pairCandidate = fc.integer({ min: 0, max: Math.min(3, k.nationalities.length - 1) });
  return fc.record({
    panelSize: fc.record({ min: fc.nat({ max: 2 }), span: fc.nat({ max: 3 }) }),
    chair: k.roles === "none" ? fc.constant(false) : k.roles === "heavy" ? fc.constant(true) : feature("some", fc.constant(true), false),
    discussant: k.roles === "none" ? fc.constant(false) : feature(k.roles, fc.constant(true), false),
    maxShare: feature(k.caps, fc.constantFrom(0.5, 0.6, 2 / 3, 0.75), null as number | null),
    minDistinct: feature(k.caps, fc.integer({ min: 1, max: k.caps === "heavy" ? 3 : 2 }), 0),
    balanceShare: feature(k.balance, fc.constantFrom(0.5, 0.67, 0.75, 1), null as number | null),
    balanceDistinct: feature(k.balance, fc.integer({ min: 0, max: 2 }), 0),
    topics: k.topics === "none" ? fc.constant("ignored" as const) : k.topics === "heavy"
      ? fc.constant("required" as const)
      : fc.constantFrom("required" as const, "preferred" as const, "ignored" as const),
    // Fractional weights now and then: solvers that round an integral objective's bound must notice them.
    pairs: featureList(k.dialogue, fc.record({ a: pairCandidate, b: pairCandidate, weight: weightArb(1, 10) }), 3),
    neutralChair: feature(k.dialogue, fc.boolean(), null as boolean | null),
    maxImbalance: feature(
      k.dialogue,
      fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constant(null)) as fc.Arbitrary<number | null | undefined>,
      undefined as number | null | undefined,
    ),
    minSide: feature(k.dialogue, fc.integer({ min: 0, max: 2 }), null as number | null),
    keepApart: featureList(k.keepApart, fc.tuple(rawRef, rawRef), 3),
    separate: featureList(k.separate, fc.tuple(nat, nat), 2),
    maxRoles: feature(k.maxRoles, fc.integer({ min: 1, max: 3 }), null as number | null),
    affinities: featureList(k.affinities, fc.record({ a: rawRef, b: rawRef, weight: weightArb(-2, 5).filter((w) => w !== 0) }), 3),
    weights: feature(
      k.weights,
      fc.record({
        dialogue: fc.integer({ min: 0, max: 3 }),
        diversity: fc.integer({ min: 0, max: 2 }),
        topicFit: fc.integer({ min: 0, max: 2 }),
        affinity: fc.integer({ min: 0, max: 2 }),
      }),
      null as RawPolicy["weights"],
    ),
  });
}

/** Valid program inputs (they pass validateProgram); tune size and features with knobs. */
export function programArb(knobs: ProgramKnobs = {}): fc.Arbitrary<ProgramInput> {
  const resolved = resolveKnobs(knobs);
  // A "some" feature is switched on for about half the programs, not sprinkled over all of them: with a dozen
  // features sprinkled at once nearly every program would be infeasible and prove little about solutions.
  const optional = DENSITY_KNOBS.filter((name) => resolved[name] === "some");
  if (optional.length === 0) return rawProgramArb(resolved);
  return fc
    .array(fc.boolean(), { minLength: optional.length, maxLength: optional.length })
    .chain((on) => {
      const k: Resolved = { ...resolved };
      optional.forEach((name, i) => {
        if (!on[i]) k[name] = "none";
      });
      return rawProgramArb(k);
    });
}

const DENSITY_KNOBS = Object.keys(PLAIN_FEATURES) as DensityKnob[];

function rawProgramArb(k: Resolved): fc.Arbitrary<ProgramInput> {
  return fc
    .record({
      slotCount: fc.integer({ min: 0, max: k.maxSlots }),
      participants: fc.array(rawParticipantArb(k), { minLength: k.minParticipants, maxLength: k.maxParticipants }),
      panels: fc.array(rawPanelArb(k), { minLength: k.minPanels, maxLength: k.maxPanels }),
      policy: rawPolicyArb(k),
    })
    .map((raw) => buildProgram(k, raw.slotCount, raw.participants, raw.panels, raw.policy));
}

function buildProgram(
  k: Resolved,
  slotCount: number,
  rawParticipants: readonly RawParticipant[],
  rawPanels: readonly RawPanel[],
  raw: RawPolicy,
): ProgramInput {
  const n = rawParticipants.length;
  const pid = (r: number) => `p${r % n}`;
  const slotId = (r: number) => `S${r % slotCount}`;
  const groupMembers = new Map<number, number>();

  const participants: ParticipantInput[] = rawParticipants.map((r, i) => {
    const p: ParticipantInput = { id: `p${i}`, nationalities: r.nationalities, presents: r.presents };
    if (r.mayChair > 0) p.mayChair = r.mayChair;
    if (r.mayDiscuss > 0) p.mayDiscuss = r.mayDiscuss;
    if (r.topics.length > 0) p.topics = r.topics;
    if (r.gender !== null) p.attributes = { gender: r.gender };
    const unavailable = slotCount === 0 ? [] : unique(r.unavailable.map(slotId));
    if (unavailable.length > 0) p.unavailable = unavailable;
    if (r.group !== null) {
      // co-authors present: a group member with presents 0 could never "present on the common panel".
      p.group = `g${r.group}`;
      p.presents = Math.max(1, r.presents);
      groupMembers.set(r.group, (groupMembers.get(r.group) ?? 0) + 1);
    }
    const avoidParticipants = unique(r.avoidParticipants.map(pid)).filter((id) => id !== `p${i}`);
    if (r.avoidNationalities.length > 0 || avoidParticipants.length > 0) {
      p.avoid = { nationalities: unique(r.avoidNationalities), participants: avoidParticipants };
    }
    if (r.dialogue !== null) p.dialogue = r.dialogue;
    if (r.atRisk) p.atRisk = true;
    return p;
  });

  const panels: PanelInput[] = rawPanels.map((r, k2) => {
    const panel: PanelInput = { id: `P${k2}` };
    if (r.slot !== null && slotCount > 0) panel.slot = slotId(r.slot);
    if (r.topics.length > 0) panel.topics = r.topics;
    if (r.size !== null) panel.size = { min: r.size.min, max: r.size.min + r.size.span };
    if (r.recorded) panel.recorded = true;
    if (r.chair !== null) panel.chair = r.chair;
    if (r.discussant !== null) panel.discussant = r.discussant;
    if (n > 0 && (r.pinnedPresenters.length > 0 || r.pinnedChair !== null || r.pinnedDiscussant !== null)) {
      const pinned: NonNullable<PanelInput["pinned"]> = {};
      const presenters = unique(r.pinnedPresenters.map(pid));
      if (presenters.length > 0) pinned.presenters = presenters;
      if (r.pinnedChair !== null) pinned.chair = pid(r.pinnedChair);
      if (r.pinnedDiscussant !== null) pinned.discussant = pid(r.pinnedDiscussant);
      panel.pinned = pinned;
    }
    return panel;
  });

  repairPins(participants, panels, raw);

  const codes = k.nationalities;
  const policy: PolicyInput = {
    panelSize: { min: raw.panelSize.min, max: raw.panelSize.min + raw.panelSize.span },
  };
  if (raw.chair) policy.chair = true;
  if (raw.discussant) policy.discussant = true;
  if (raw.maxShare !== null || raw.minDistinct > 0) {
    policy.nationality = {};
    if (raw.maxShare !== null) policy.nationality.maxShare = raw.maxShare;
    if (raw.minDistinct > 0) policy.nationality.minDistinct = raw.minDistinct;
  }
  // A balance rule only on an attribute someone holds: the loader rejects one on an attribute nobody has (a typo).
  if (raw.balanceShare !== null && participants.some((p) => p.attributes?.["gender"] !== undefined)) {
    policy.balance = [{ attribute: "gender", maxShare: raw.balanceShare, minDistinct: raw.balanceDistinct }];
  }
  if (raw.topics !== "ignored") policy.topics = raw.topics;
  const pairs = raw.pairs.filter((p) => p.a !== p.b);
  const seenPairs = new Set<string>();
  const dialoguePairs = pairs
    .filter((p) => {
      const key = [p.a, p.b].sort().join("-");
      if (seenPairs.has(key)) return false;
      seenPairs.add(key);
      return true;
    })
    .map((p) => ({ between: [codes[p.a]!, codes[p.b]!] as [string, string], weight: p.weight }));
  if (dialoguePairs.length > 0 || raw.neutralChair !== null || raw.minSide !== null || raw.maxImbalance !== undefined) {
    const dialogue: NonNullable<PolicyInput["dialogue"]> = { pairs: dialoguePairs };
    if (raw.neutralChair !== null) dialogue.neutralChair = raw.neutralChair;
    if (raw.maxImbalance !== undefined) dialogue.maxImbalance = raw.maxImbalance;
    if (raw.minSide !== null) dialogue.minSide = raw.minSide;
    policy.dialogue = dialogue;
  }
  if (n >= 2) {
    const keepApart = raw.keepApart
      .map(([a, b]) => [pid(a), pid(b)] as [string, string])
      .filter(([a, b]) => a !== b);
    if (keepApart.length > 0) policy.keepApart = keepApart;
    const affinities = raw.affinities
      .map((a) => ({ between: [pid(a.a), pid(a.b)] as [string, string], weight: a.weight }))
      .filter((a) => a.between[0] !== a.between[1]);
    if (affinities.length > 0) policy.affinities = affinities;
  }
  const separate = raw.separate
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => [codes[a]!, codes[b]!] as [string, string]);
  if (separate.length > 0) policy.separate = separate;
  if (raw.maxRoles !== null) policy.maxRoles = raw.maxRoles;
  if (raw.weights !== null) policy.weights = raw.weights;

  const program: ProgramInput = { participants, panels, policy };
  if (slotCount > 0) program.slots = Array.from({ length: slotCount }, (_, s) => ({ id: `S${s}` }));
  fitSeats(program);
  return program;
}

/**
 * Pins that could never hold make nearly every pinned program infeasible, which tests little. Keep pins that
 * might: a pinned chair or discussant only where the panel needs one, one role per person per panel, and loads
 * raised to cover what is pinned. (Pins can still clash with other rules; that is intended.)
 */
function repairPins(participants: ParticipantInput[], panels: PanelInput[], raw: RawPolicy): void {
  const byId = new Map(participants.map((p) => [p.id, p]));
  const pinnedPresents = new Map<string, number>();
  const pinnedChairs = new Map<string, number>();
  const pinnedDiscussions = new Map<string, number>();
  const bump = (map: Map<string, number>, id: string) => map.set(id, (map.get(id) ?? 0) + 1);
  for (const panel of panels) {
    const pinned = panel.pinned;
    if (pinned === undefined) continue;
    const presenters = pinned.presenters ?? [];
    if (pinned.chair !== undefined && (!(panel.chair ?? raw.chair) || presenters.includes(pinned.chair))) delete pinned.chair;
    if (
      pinned.discussant !== undefined &&
      (!(panel.discussant ?? raw.discussant) || presenters.includes(pinned.discussant) || pinned.discussant === pinned.chair)
    ) {
      delete pinned.discussant;
    }
    for (const id of presenters) bump(pinnedPresents, id);
    if (pinned.chair !== undefined) bump(pinnedChairs, pinned.chair);
    if (pinned.discussant !== undefined) bump(pinnedDiscussions, pinned.discussant);
    if (presenters.length === 0 && pinned.chair === undefined && pinned.discussant === undefined) delete panel.pinned;
  }
  for (const [id, count] of pinnedPresents) {
    const p = byId.get(id)!;
    p.presents = Math.max(p.presents ?? 1, count);
  }
  for (const [id, count] of pinnedChairs) {
    const p = byId.get(id)!;
    p.mayChair = Math.max(p.mayChair ?? 0, count);
  }
  for (const [id, count] of pinnedDiscussions) {
    const p = byId.get(id)!;
    p.mayDiscuss = Math.max(p.mayDiscuss ?? 0, count);
  }
}

/**
 * The loader rejects programs whose presentations cannot fill the minimum seats or do not fit the maximum
 * (DESIGN.md §3.2 capacity); nudge explicit panel sizes until they fit.
 */
function fitSeats(program: ProgramInput): void {
  const panelSize = program.policy?.panelSize ?? { min: 3, max: 5 };
  const demand = program.participants.reduce((sum, p) => sum + (p.presents ?? 1), 0);
  const sizes = program.panels.map((p) => ({ ...(p.size ?? panelSize) }));
  let maxSeats = sizes.reduce((s, z) => s + z.max, 0);
  let minSeats = sizes.reduce((s, z) => s + z.min, 0);
  for (let k = 0; maxSeats < demand; k = (k + 1) % sizes.length, maxSeats++) sizes[k]!.max++;
  for (let k = 0; minSeats > demand; k = (k + 1) % sizes.length) {
    if (sizes[k]!.min > 0) {
      sizes[k]!.min--;
      minSeats--;
    }
  }
  program.panels.forEach((panel, k) => {
    const size = sizes[k]!;
    if (panel.size !== undefined || size.min !== panelSize.min || size.max !== panelSize.max) panel.size = size;
  });
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** Stress kinds, one per family of hard constraints (DESIGN.md §3); each makes its rule bind often. */
export const STRESS_KINDS = [
  "optOuts",
  "scarceChairs",
  "tightSlots",
  "rareAttributes",
  "dualNationals",
  "dialoguePairs",
  "coAuthors",
  "pins",
  "recordedAtRisk",
  "topicsRequired",
  "keepApart",
  "nationalityCaps",
] as const;
export type StressKind = (typeof STRESS_KINDS)[number];

// Each stress kind switches its own features on over the plain problem, plus the few features it interacts
// with; everything else stays off so that a fair share of the programs remain feasible.
const STRESS_KNOBS: Record<StressKind, ProgramKnobs> = {
  optOuts: { optOuts: "heavy", dialogue: "some", separate: "some" },
  scarceChairs: { roles: "heavy", maxRoles: "some", maxSlots: 2, minParticipants: 5 },
  tightSlots: { maxSlots: 2, maxPresents: 2, unavailable: "heavy" },
  rareAttributes: { balance: "heavy", caps: "some" },
  dualNationals: { dualNationals: "heavy", caps: "heavy", dialogue: "some", separate: "some" },
  dialoguePairs: { dialogue: "heavy", roles: "some", dualNationals: "some", nationalities: ["UA", "RU", "GE", "AM"] },
  coAuthors: { groups: "heavy", maxPresents: 2, optOuts: "some" },
  pins: { pins: "heavy", roles: "some", maxSlots: 2 },
  recordedAtRisk: { atRisk: "heavy", dialogue: "some" },
  topicsRequired: { topics: "heavy", maxPresents: 2 },
  keepApart: { keepApart: "heavy", separate: "heavy" },
  nationalityCaps: { caps: "heavy", dualNationals: "some" },
};

/** A program generator that stresses one constraint kind over the plain problem; base knobs (sizes) apply. */
export function stressProgramArb(kind: StressKind, base: ProgramKnobs = {}): fc.Arbitrary<ProgramInput> {
  const stress = STRESS_KNOBS[kind];
  if (stress === undefined) throw new RangeError(`stressProgramArb: unknown kind "${String(kind)}"`);
  return programArb({ ...PLAIN_FEATURES, affinities: "some", weights: "some", ...base, ...stress });
}

/** Any JSON value at all, biased towards objects that look a little like programs. */
export function anyJsonArb(): fc.Arbitrary<unknown> {
  const programish = fc.record(
    {
      participants: fc.oneof(fc.jsonValue(), fc.array(fc.dictionary(fc.constantFrom("id", "nationalities", "presents", "avoid"), fc.jsonValue()))),
      panels: fc.oneof(fc.jsonValue(), fc.array(fc.dictionary(fc.constantFrom("id", "slot", "size", "pinned"), fc.jsonValue()))),
      policy: fc.jsonValue(),
      slots: fc.jsonValue(),
    },
    { requiredKeys: [] },
  );
  return fc.oneof(fc.jsonValue(), programish, fc.anything());
}

/** A path into a JSON tree and a replacement for the value there. */
interface Mutation {
  readonly pick: number[];
  readonly op: "delete" | "replace" | "duplicate" | "wrongId";
  readonly value: unknown;
}

/**
 * Valid programs with one to three local mutations: a field removed or given a value of another type, an array
 * element duplicated (duplicate ids), an id replaced by an unknown one. Most fail validation; some still load.
 */
export function almostValidProgramArb(knobs: ProgramKnobs = {}): fc.Arbitrary<unknown> {
  const mutation = fc.record({
    pick: fc.array(fc.nat({ max: 31 }), { minLength: 1, maxLength: 6 }),
    op: fc.constantFrom<Mutation["op"]>("delete", "replace", "duplicate", "wrongId"),
    value: fc.oneof(fc.jsonValue(), fc.constantFrom(-1, 0, 1.5, "", "XX", "zz", null, [], {}, 1e9, true)),
  });
  return fc
    .tuple(programArb(knobs), fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([program, mutations]) => {
      const doc = structuredClone(program) as unknown;
      for (const m of mutations) mutate(doc, m);
      return doc;
    });
}

function mutate(doc: unknown, m: Mutation): void {
  // Walk down choosing children by index; mutate the last container reached.
  let parent: Record<string, unknown> | unknown[] | null = null;
  let key: string | number | null = null;
  let node: unknown = doc;
  for (const step of m.pick) {
    if (node === null || typeof node !== "object") break;
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) break;
    parent = node as Record<string, unknown> | unknown[];
    key = keys[step % keys.length]!;
    node = (parent as Record<string | number, unknown>)[key];
  }
  if (parent === null || key === null) return;
  const target = parent as Record<string | number, unknown>;
  switch (m.op) {
    case "delete":
      if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 1);
      else delete target[key];
      break;
    case "replace":
      target[key] = m.value;
      break;
    case "duplicate":
      if (Array.isArray(parent) && typeof key === "number") parent.push(structuredClone(parent[key]));
      else target[key] = [target[key], target[key]];
      break;
    case "wrongId":
      target[key] = typeof node === "string" ? `${node}-missing` : "nobody";
      break;
  }
}
