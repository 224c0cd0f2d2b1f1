// Synthetic conventions for tests, demos and benchmarks, deterministic per seed.
//
// Feasible by construction: the generator first plants a hidden assignment (the "witness") that satisfies every
// hard rule, then derives the rules from it: opt-outs, keep-apart pairs and unavailable slots only ever name people
// and slots the witness keeps apart, at-risk people sit only on unrecorded panels, co-authors are presenters of one
// witness panel, pins are witness roles, and the witness realises no dialogue pair (so dialogue "out" and the
// dialogue-panel safety rules hold trivially). Solvers never see the witness; they only get a program with at least
// one solution. A panel for which no chair (discussant) fits in the witness is marked `chair: false`
// (`discussant: false`) rather than left unsatisfiable.
//
// Proportions (N participants; the README quotes this block):
//   nationalities   host country US for ~25% of draws (fewer end up US: the cap rejects some), the rest a
//                   Zipf(1) long tail over 12 + N/10 nations (at most 60); ~3% dual nationals (second passport
//                   from the same pool); nations at odds sit mid-tail so each side has a few people
//   dialogue pairs  RU-UA 10, IL-PS 10, IN-PK 8, CN-TW 6, AM-AZ 6, SA-IR 5, RS-XK 5, GR-TR 4, KR-JP 3, ET-ER 3
//                   (only pairs whose two nations both occur); separate: IL-IR (when both occur)
//   presentations   1 each; when N >= 20, ~4% present twice and ~3% of seniors (~1% of all) only chair
//                   or discuss
//   panels          one per ~4.4 presentations, size min 3 / max 5; chair on every panel (policy), discussant on
//                   ~30% of panels (panel override); ~10% recorded; ~3% pin their chair, ~2% one presenter
//   slots           one per ~5.7 panels, between 2 and 16 (16 slots and ~6 rooms for 400 people)
//   career          30% senior, 35% mid, 35% early; chairs are seniors (mid-career when no senior fits): the
//                   witness chairs, ~40% of whom may chair a second panel, plus ~70% of the other seniors and ~15%
//                   of mid-career people (about 1.7 chair places per panel); seniors and mid-career people may
//                   discuss (witness discussants plus ~35% of the others)
//   gender          48% f, 48% m, 2% x, 2% unrecorded; balance rule gender maxShare 0.75
//   institution     the participant's own nation, or the host country for ~20%
//   topics          12 topics; panels 1-2, participants 1-3 (75% share one with their witness panel);
//                   topics mode "preferred"
//   groups          co-authors: ~4% of participants, in groups of 2 (sometimes 3) from one witness panel
//   opt-outs        ~2% avoid a nationality, ~1% avoid a participant, ~8% of people from nations at odds opt out
//                   of dialogue; ~1% at risk when N >= 50 (preferably from nations at odds; dialogue "out" by
//                   default), all on unrecorded witness panels
//   availability    ~12% cannot attend 1-2 slots (when there are 3 slots or more)
//   safety, policy  nationality maxShare 0.5, minDistinct 2; keepApart ~0.5% of N pairs; affinities ~1% of N
//                   pairs (weight 1-3); maxRoles 3; neutral chairs, maxImbalance 1, minSide 1
//   objective       weights dialogue 1, diversity 1, topicFit 1, affinity 1
import { shareLimit } from "../model/problem.js";
import type { ProgramInput } from "../model/schema.js";
import type { SolutionPanel } from "../model/solution.js";
import { Random } from "../random.js";

export interface GenerateOptions {
  /** Number of participants, at least MIN_PARTICIPANTS. */
  participants: number;
  seed: number;
  /** Number of slots; default one per ~5.7 panels, between 2 and 16. */
  slots?: number;
  /** Share of nationality draws that give the host country (default 0.25; must stay below the 0.5 cap). */
  hostShare?: number;
  name?: string;
}

export const MIN_PARTICIPANTS = 4;

export const HOST = "US";
const NATION_POOL = [
  "US", "GB", "DE", "CN", "CA", "FR", "IN", "JP", "RU", "UA", "IL", "IT", "KR", "TR", "PK", "AU", "NL", "PS",
  "ES", "BR", "TW", "PL", "IR", "AM", "AZ", "MX", "SE", "GR", "SA", "RS", "XK", "CH", "ZA", "NG", "EG", "ET",
  "ER", "KE", "AR", "CL", "CO", "ID", "MY", "SG", "TH", "VN", "PH", "NO", "DK", "FI", "BE", "AT", "IE", "PT",
  "CZ", "HU", "RO", "BG", "GE", "KZ", "LB", "JO", "MA", "TN", "NZ", "BD", "LK", "NP", "GH", "UY",
] as const;

const DIALOGUE_PAIRS: readonly { between: [string, string]; weight: number }[] = [
  { between: ["RU", "UA"], weight: 10 },
  { between: ["IL", "PS"], weight: 10 },
  { between: ["IN", "PK"], weight: 8 },
  { between: ["CN", "TW"], weight: 6 },
  { between: ["AM", "AZ"], weight: 6 },
  { between: ["SA", "IR"], weight: 5 },
  { between: ["RS", "XK"], weight: 5 },
  { between: ["GR", "TR"], weight: 4 },
  { between: ["KR", "JP"], weight: 3 },
  { between: ["ET", "ER"], weight: 3 },
];
const SEPARATE: readonly [string, string][] = [["IL", "IR"]];

const TOPICS = [
  "security", "trade", "climate", "migration", "energy", "health", "cyber", "human-rights", "arms-control",
  "water", "media", "reconciliation",
] as const;
const FIRST_NAMES = [
  "Olena", "Ivan", "Maya", "Omar", "Priya", "Ali", "Mei", "Chen", "Anahit", "Elvin", "Noa", "Layla", "James",
  "Sarah", "Lukas", "Amara", "Kenji", "Sofia", "Diego", "Fatima", "Jonas", "Zeynep", "Nikos", "Hana", "Tomas",
  "Aisha", "Mateo", "Ingrid", "Ravi", "Leila", "Pavel", "Grace", "Yusuf", "Elena", "Kwame", "Ana", "Arjun", "Mira",
];
const SLOT_DAYS = ["Thu", "Fri", "Sat", "Sun"];
const SLOT_TIMES = ["08:15", "10:30", "13:45", "16:00"];

const NAT_CAP = 0.5;
const GENDER_CAP = 0.75;
const MAX_ROLES = 3;
const PRESENTATIONS_PER_PANEL = 4.4;
const PANELS_PER_SLOT = 5.7;

type Career = "early" | "mid" | "senior";
type Participant = NonNullable<ProgramInput["participants"]>[number];
type Panel = NonNullable<ProgramInput["panels"]>[number];

/** Everything the witness assignment knows about one person while it is being built. */
interface Person {
  presents: number;
  career: Career;
  nationalities: string[];
  gender: string | null;
  /** Witness panels, any role. */
  panels: number[];
  busySlots: Set<number>;
  chairs: number;
  discusses: number;
}

interface WitnessPanel {
  slot: number;
  presenters: number[];
  chair: number; // -1 none
  discussant: number;
  /** Presenter seats planned; caps are checked against this smaller count, so adding a chair later stays safe. */
  seats: number;
  nationalityCount: Map<string, number>;
  genderCount: Map<string, number>;
}

export function generateProgram(options: GenerateOptions): ProgramInput {
  return generateWithWitness(options).program;
}

export interface GeneratedProgram {
  readonly program: ProgramInput;
  /** The planted assignment the program was derived from: one feasible solution (not an optimal one). */
  readonly witness: SolutionPanel[];
}

/**
 * The generator in phases, each drawing from the one random stream in turn: the nation pool, the people, the panels
 * and their seats, the witness assignment (presenters, then nationalities and gender against the caps, then chairs
 * and discussants), and last the program's rules, derived so that the witness keeps them.
 */
export function generateWithWitness(options: GenerateOptions): GeneratedProgram {
  const n = Math.floor(options.participants);
  if (!(n >= MIN_PARTICIPANTS)) throw new RangeError(`participants must be at least ${MIN_PARTICIPANTS}`);
  const hostShare = options.hostShare ?? 0.25;
  if (!(hostShare >= 0 && hostShare < NAT_CAP)) throw new RangeError("hostShare must be in [0, 0.5)");
  const rng = new Random(options.seed);
  // Two presentations need two slots; tiny programs keep everyone at one role.
  const large = n >= 20 && options.slots !== 1;
  const pool = nationPool(n, hostShare);
  const people = drawPeople(rng, n, large);
  const demand = people.reduce((s, p) => s + p.presents, 0);
  const panelCount = Math.min(
    Math.floor(demand / 3),
    Math.max(Math.ceil(demand / 5), Math.round(demand / PRESENTATIONS_PER_PANEL)),
  );
  const slotCount = Math.max(
    1,
    options.slots ?? (panelCount <= 1 ? 1 : Math.min(16, Math.max(2, Math.round(panelCount / PANELS_PER_SLOT)))),
  );
  const panels = planPanels(rng, panelCount, slotCount, demand);
  seatPresenters(rng, people, panels);
  const caps = witnessCaps(panels, pool.counterparts);
  drawNationalitiesAndGender(rng, people, panels, pool, caps);
  const roles = seatChairsAndDiscussants(rng, people, panels, caps);
  return deriveProgram({ rng, options, people, panels, slotCount, pool, roles });
}

/** The nations of a program of n participants (the host, then a Zipf tail) and the pairs among them. */
interface NationPool {
  readonly nations: readonly string[];
  /** Cumulative draw probabilities, by rank. */
  readonly cumulative: Float64Array;
  readonly pairs: readonly { between: [string, string]; weight: number }[];
  readonly separate: readonly [string, string][];
  /** Nations that may not meet in the witness: dialogue counterparts (so it realises no pair) and separate pairs. */
  readonly counterparts: ReadonlyMap<string, readonly string[]>;
  readonly pairNations: ReadonlySet<string>;
}

function nationPool(n: number, hostShare: number): NationPool {
  const nationCount = Math.min(60, Math.max(12, Math.round(12 + n / 10)));
  const nations: string[] = NATION_POOL.slice(0, nationCount);
  const cumulative = new Float64Array(nations.length);
  let acc = 0;
  const tailTotal = nations.slice(1).reduce((s, _, r) => s + 1 / (r + 1), 0);
  nations.forEach((_, r) => {
    acc += r === 0 ? hostShare : ((1 - hostShare) * (1 / r)) / tailTotal;
    cumulative[r] = acc;
  });
  const inPool = new Set(nations);
  const pairs = DIALOGUE_PAIRS.filter((p) => inPool.has(p.between[0]) && inPool.has(p.between[1]));
  const separate = SEPARATE.filter(([a, b]) => inPool.has(a) && inPool.has(b));
  const counterparts = new Map<string, string[]>();
  for (const [a, b] of [...pairs.map((p) => p.between), ...separate]) {
    (counterparts.get(a) ?? counterparts.set(a, []).get(a)!).push(b);
    (counterparts.get(b) ?? counterparts.set(b, []).get(b)!).push(a);
  }
  return { nations, cumulative, pairs, separate, counterparts, pairNations: new Set(pairs.flatMap((p) => p.between)) };
}

/** People and their presentations (career first; in large programs some present twice, some seniors not at all). */
function drawPeople(rng: Random, n: number, large: boolean): Person[] {
  return Array.from({ length: n }, () => {
    const u = rng.next();
    const career: Career = u < 0.3 ? "senior" : u < 0.65 ? "mid" : "early";
    let presents = 1;
    if (large) {
      const v = rng.next();
      if (v < 0.04) presents = 2;
      else if (v < 0.07 && career === "senior") presents = 0;
    }
    return { presents, career, nationalities: [], gender: null, panels: [], busySlots: new Set(), chairs: 0, discusses: 0 };
  });
}

/** Panels: 3 seats each, the remaining presentations spread at random up to 5. */
function planPanels(rng: Random, panelCount: number, slotCount: number, demand: number): WitnessPanel[] {
  const panels: WitnessPanel[] = Array.from({ length: panelCount }, (_, p) => ({
    slot: p % slotCount,
    presenters: [],
    chair: -1,
    discussant: -1,
    seats: 3,
    nationalityCount: new Map(),
    genderCount: new Map(),
  }));
  let extra = demand - 3 * panelCount;
  const growable = panels.map((_, p) => p);
  while (extra > 0) {
    const k = rng.int(growable.length);
    const panel = panels[growable[k]!]!;
    panel.seats++;
    extra--;
    if (panel.seats === 5) growable.splice(k, 1);
  }
  return panels;
}

/**
 * Seats → people: those presenting twice first, on panels of two different slots. They take under a tenth of the
 * seats, so open panels in another slot always remain for them (one slot: nobody presents twice).
 */
function seatPresenters(rng: Random, people: Person[], panels: WitnessPanel[]): void {
  const free = panels.map((p) => p.seats);
  const order = rng.shuffle(people.map((_, i) => i)).sort((a, b) => people[b]!.presents - people[a]!.presents);
  const place = (i: number, p: number) => {
    free[p]!--;
    panels[p]!.presenters.push(i);
    people[i]!.panels.push(p);
    people[i]!.busySlots.add(panels[p]!.slot);
  };
  const single = order.findIndex((i) => people[i]!.presents < 2);
  for (const i of single < 0 ? order : order.slice(0, single)) {
    const person = people[i]!;
    for (let k = 0; k < person.presents; k++) {
      const candidates = panels
        .map((_, p) => p)
        .filter((p) => free[p]! > 0 && !person.busySlots.has(panels[p]!.slot));
      if (candidates.length === 0) throw new Error("generator: no open seat in another slot");
      place(i, rng.pick(candidates));
    }
  }
  // Everyone else takes one of the remaining seats, in random order.
  const seats = rng.shuffle(free.flatMap((f, p) => Array.from({ length: f }, () => p)));
  for (const i of single < 0 ? [] : order.slice(single)) {
    if (people[i]!.presents === 1) place(i, seats.pop()!);
  }
}

/** The caps every witness panel keeps while people are drawn and seated: nationality and gender shares, no pair. */
interface WitnessCaps {
  natFits(code: string, on: readonly number[], membersAfter: (p: number) => number, also: readonly string[]): boolean;
  genderFits(gender: string, on: readonly number[], membersAfter: (p: number) => number): boolean;
  addCounts(person: Person, p: number): void;
}

function witnessCaps(panels: WitnessPanel[], counterparts: ReadonlyMap<string, readonly string[]>): WitnessCaps {
  return {
    natFits: (code, on, membersAfter, also) =>
      !also.includes(code) &&
      on.every((p) => {
        const panel = panels[p]!;
        if ((panel.nationalityCount.get(code) ?? 0) + 1 > shareLimit(NAT_CAP, membersAfter(p))) return false;
        return !(counterparts.get(code) ?? []).some((c) => (panel.nationalityCount.get(c) ?? 0) > 0 || also.includes(c));
      }),
    genderFits: (g, on, membersAfter) => on.every((p) => (panels[p]!.genderCount.get(g) ?? 0) + 1 <= shareLimit(GENDER_CAP, membersAfter(p))),
    addCounts(person, p) {
      const panel = panels[p]!;
      for (const c of person.nationalities) panel.nationalityCount.set(c, (panel.nationalityCount.get(c) ?? 0) + 1);
      if (person.gender !== null) panel.genderCount.set(person.gender, (panel.genderCount.get(person.gender) ?? 0) + 1);
    },
  };
}

/** Nationalities and gender, drawn per person against the caps of every witness panel they sit on. */
function drawNationalitiesAndGender(rng: Random, people: Person[], panels: WitnessPanel[], pool: NationPool, caps: WitnessCaps): void {
  const { natFits, genderFits, addCounts } = caps;
  const drawNation = (on: readonly number[], membersAfter: (p: number) => number, also: readonly string[]) => {
    for (let t = 0; t < 30; t++) {
      const code = pool.nations[rng.weighted(pool.cumulative)]!;
      if (natFits(code, on, membersAfter, also)) return code;
    }
    return NATION_POOL.find((code) => natFits(code, on, membersAfter, also)) ?? null;
  };
  const seatsOnly = (p: number) => panels[p]!.seats;
  const drawGender = (): string | null => {
    const u = rng.next();
    return u < 0.48 ? "f" : u < 0.96 ? "m" : u < 0.98 ? "x" : null;
  };
  for (const i of rng.shuffle(people.map((_, k) => k))) {
    const person = people[i]!;
    const on = person.panels;
    const first = drawNation(on, seatsOnly, []);
    if (first === null) throw new Error("generator: no nationality fits (pool exhausted)");
    person.nationalities.push(first);
    if (rng.chance(0.03)) {
      const second = drawNation(on, seatsOnly, person.nationalities);
      if (second !== null) person.nationalities.push(second);
    }
    let gender = drawGender();
    for (let t = 0; t < 10 && gender !== null && !genderFits(gender, on, seatsOnly); t++) gender = drawGender();
    person.gender = gender !== null && genderFits(gender, on, seatsOnly) ? gender : null;
    for (const p of on) addCounts(person, p);
  }
}

/** Which panels the witness left without a chair, and which were meant to have a discussant (and got none). */
interface WitnessRoles {
  readonly discussantPanels: ReadonlySet<number>;
  readonly noChair: ReadonlySet<number>;
  readonly noDiscussant: ReadonlySet<number>;
}

/** Chairs (every panel) and discussants (~30%), chosen among people free in the panel's slot. */
function seatChairsAndDiscussants(rng: Random, people: Person[], panels: WitnessPanel[], caps: WitnessCaps): WitnessRoles {
  const { natFits, genderFits, addCounts } = caps;
  const membersOf = (panel: WitnessPanel) =>
    panel.presenters.length + (panel.chair >= 0 ? 1 : 0) + (panel.discussant >= 0 ? 1 : 0);
  const roles = (person: Person) => person.panels.length;
  const canJoin = (i: number, p: number) => {
    const person = people[i]!;
    const panel = panels[p]!;
    if (person.busySlots.has(panel.slot) || roles(person) >= MAX_ROLES) return false;
    const after = () => membersOf(panel) + 1;
    if (!person.nationalities.every((c) => natFits(c, [p], after, []))) return false;
    return person.gender === null || genderFits(person.gender, [p], after);
  };
  const join = (i: number, p: number) => {
    const person = people[i]!;
    person.panels.push(p);
    person.busySlots.add(panels[p]!.slot);
    addCounts(person, p);
  };
  const seniors = rng.shuffle(people.map((_, i) => i).filter((i) => people[i]!.career === "senior"));
  const mids = rng.shuffle(people.map((_, i) => i).filter((i) => people[i]!.career === "mid"));
  // Least-loaded first, so chair duty spreads (and presents-0 seniors get used).
  const findRole = (p: number, pool: readonly number[], count: (person: Person) => number, max: number) => {
    let best = -1;
    for (const i of pool) {
      const person = people[i]!;
      if (count(person) >= max || !canJoin(i, p)) continue;
      if (best < 0 || roles(person) < roles(people[best]!)) best = i;
      // Nobody below one role is left once the chair-only seniors are used: stop at the first such fit.
      if (roles(person) <= 1) break;
    }
    return best;
  };
  const discussantPanels = new Set<number>();
  for (let p = 0; p < panels.length; p++) if (rng.chance(0.3)) discussantPanels.add(p);
  const noChair = new Set<number>();
  const noDiscussant = new Set<number>();
  for (const p of rng.shuffle(panels.map((_, k) => k))) {
    let chair = findRole(p, seniors, (x) => x.chairs, 2);
    if (chair < 0) chair = findRole(p, mids, (x) => x.chairs, 1);
    if (chair < 0) noChair.add(p);
    else {
      panels[p]!.chair = chair;
      people[chair]!.chairs++;
      join(chair, p);
    }
    if (!discussantPanels.has(p)) continue;
    let disc = findRole(p, mids, (x) => x.discusses, 1);
    if (disc < 0) disc = findRole(p, seniors, (x) => x.discusses, 1);
    if (disc < 0) noDiscussant.add(p);
    else {
      panels[p]!.discussant = disc;
      people[disc]!.discusses++;
      join(disc, p);
    }
  }

  return { discussantPanels, noChair, noDiscussant };
}

interface Drafted {
  readonly rng: Random;
  readonly options: GenerateOptions;
  readonly people: readonly Person[];
  readonly panels: readonly WitnessPanel[];
  readonly slotCount: number;
  readonly pool: NationPool;
  readonly roles: WitnessRoles;
}

/** Everything the program states beyond the witness, derived so that the witness keeps every rule. */
function deriveProgram({ rng, options, people, panels, slotCount, pool, roles }: Drafted): GeneratedProgram {
  const n = people.length;
  const panelCount = panels.length;
  const { nations, pairs, separate, pairNations } = pool;
  const { discussantPanels, noChair, noDiscussant } = roles;
  const coMembers = people.map(() => new Set<number>());
  for (const panel of panels) {
    const members = [...panel.presenters];
    if (panel.chair >= 0) members.push(panel.chair);
    if (panel.discussant >= 0) members.push(panel.discussant);
    for (const a of members) for (const b of members) coMembers[a]!.add(b);
  }
  const recorded = panels.map(() => rng.chance(0.1));
  const pad = (k: number, total: number) => String(k + 1).padStart(Math.max(2, String(total).length), "0");
  const participantId = (i: number) => `p${pad(i, n)}`;
  const panelId = (p: number) => `P${pad(p, panelCount)}`;
  const slotId = (s: number) => `S${pad(s, slotCount)}`;

  const atRisk = new Set<number>();
  const riskTarget = n >= 50 ? Math.max(1, Math.round(n * 0.01)) : 0;
  const safe = rng.shuffle(people.map((_, i) => i).filter((i) => people[i]!.panels.every((p) => !recorded[p])));
  safe.sort((a, b) => Number(isFrom(people[b]!, pairNations)) - Number(isFrom(people[a]!, pairNations)));
  for (const i of safe.slice(0, riskTarget)) atRisk.add(i);

  const group = new Map<number, string>();
  let groups = 0;
  for (let p = 0; p < panelCount; p++) {
    if (!rng.chance(0.09)) continue;
    const authors = rng.shuffle(panels[p]!.presenters.filter((i) => people[i]!.presents === 1 && !group.has(i)));
    const size = rng.chance(0.25) ? 3 : 2;
    if (authors.length < size) continue;
    groups++;
    for (const i of authors.slice(0, size)) group.set(i, `paper-${groups}`);
  }

  const strangers = (i: number, tries: number): number => {
    for (let t = 0; t < tries; t++) {
      const j = rng.int(n);
      if (!coMembers[i]!.has(j) && j !== i) return j;
    }
    return -1;
  };

  const topicsOf = (count: number, seed: readonly string[]) => {
    const out = new Set(seed);
    while (out.size < count) out.add(rng.pick(TOPICS));
    return [...out];
  };
  const panelTopics = panels.map(() => topicsOf(1 + rng.int(2), []));

  const participants: Participant[] = people.map((person, i) => {
    const spec: Participant = {
      id: participantId(i),
      name: `${rng.pick(FIRST_NAMES)} ${String.fromCharCode(65 + rng.int(26))}.`,
      nationalities: person.nationalities,
    };
    if (person.presents !== 1) spec.presents = person.presents;
    // Spare chair capacity beyond the witness (~1.7 chairs per panel), so solvers have real choices.
    const spareChair =
      person.chairs === 1 ? 0.4 : person.chairs === 0 ? (person.career === "senior" ? 0.7 : person.career === "mid" ? 0.15 : 0) : 0;
    const mayChair = person.chairs + (rng.chance(spareChair) ? 1 : 0);
    const mayDiscuss =
      person.discusses + (person.career !== "early" && person.discusses === 0 && rng.chance(0.35) ? 1 : 0);
    if (mayChair > 0) spec.mayChair = mayChair;
    if (mayDiscuss > 0) spec.mayDiscuss = mayDiscuss;
    const presentedOn = person.panels.find((p) => panels[p]!.presenters.includes(i));
    const seed = presentedOn !== undefined && rng.chance(0.75) ? [rng.pick(panelTopics[presentedOn]!)] : [];
    spec.topics = topicsOf(Math.max(seed.length, 1 + rng.int(3)), seed);
    const attributes: Record<string, string> = {
      career: person.career,
      institution: rng.chance(0.2) ? HOST : person.nationalities[0]!,
    };
    if (person.gender !== null) attributes.gender = person.gender;
    spec.attributes = attributes;
    if (slotCount >= 3 && rng.chance(0.12)) {
      const open = Array.from({ length: slotCount }, (_, s) => s).filter((s) => !person.busySlots.has(s));
      const k = Math.min(open.length, rng.chance(0.3) ? 2 : 1);
      if (k > 0) spec.unavailable = rng.shuffle(open).slice(0, k).sort((a, b) => a - b).map(slotId);
    }
    const g = group.get(i);
    if (g !== undefined) spec.group = g;
    const avoidNationalities: string[] = [];
    const avoidParticipants: string[] = [];
    if (rng.chance(0.02)) {
      const held = new Set([...coMembers[i]!].flatMap((j) => people[j]!.nationalities));
      const options = nations.slice(0, 20).filter((c) => !held.has(c));
      if (options.length > 0) avoidNationalities.push(rng.pick(options));
    }
    if (rng.chance(0.01)) {
      const j = strangers(i, 20);
      if (j >= 0) avoidParticipants.push(participantId(j));
    }
    if (avoidNationalities.length + avoidParticipants.length > 0) {
      spec.avoid = { nationalities: avoidNationalities, participants: avoidParticipants };
    }
    if (atRisk.has(i)) spec.atRisk = true;
    else if (isFrom(person, pairNations) && rng.chance(0.08)) spec.dialogue = "out";
    return spec;
  });

  const keepApart: [string, string][] = [];
  for (let k = 0; k < Math.round(n * 0.005); k++) {
    const i = rng.int(n);
    const j = strangers(i, 20);
    if (j >= 0) keepApart.push([participantId(i), participantId(j)]);
  }
  const affinities: { between: [string, string]; weight: number }[] = [];
  for (let k = 0; k < Math.round(n * 0.01); k++) {
    const i = rng.int(n);
    const j = rng.int(n);
    if (i !== j) affinities.push({ between: [participantId(i), participantId(j)], weight: 1 + rng.int(3) });
  }

  const programPanels: Panel[] = panels.map((panel, p) => {
    const spec: Panel = {
      id: panelId(p),
      title: `${titleCase(panelTopics[p]![0]!)} ${p + 1}`,
      slot: slotId(panel.slot),
      topics: panelTopics[p]!,
    };
    if (recorded[p]) spec.recorded = true;
    if (noChair.has(p)) spec.chair = false;
    if (discussantPanels.has(p) && !noDiscussant.has(p)) spec.discussant = true;
    const pinChair = panel.chair >= 0 && rng.chance(0.03);
    const pinPresenter = rng.chance(0.02);
    if (pinChair || pinPresenter) {
      spec.pinned = {
        presenters: pinPresenter ? [participantId(rng.pick(panel.presenters))] : [],
        ...(pinChair ? { chair: participantId(panel.chair) } : {}),
      };
    }
    return spec;
  });

  const witness: SolutionPanel[] = panels.map((panel, p) => ({
    id: panelId(p),
    slot: slotId(panel.slot),
    presenters: panel.presenters.map(participantId),
    chair: panel.chair >= 0 ? participantId(panel.chair) : null,
    discussant: panel.discussant >= 0 ? participantId(panel.discussant) : null,
  }));
  // A pair (or separation) only means something when both nations occur: the tail may have missed one.
  const held = new Set(people.flatMap((person) => person.nationalities));
  const occurring = ([a, b]: readonly [string, string]) => held.has(a) && held.has(b);
  const program: ProgramInput = {
    name: options.name ?? `Synthetic convention (${n} participants, seed ${options.seed})`,
    slots: Array.from({ length: slotCount }, (_, s) => ({ id: slotId(s), label: slotLabel(s) })),
    participants,
    panels: programPanels,
    policy: {
      panelSize: { min: 3, max: 5 },
      chair: true,
      discussant: false,
      nationality: { maxShare: NAT_CAP, minDistinct: 2 },
      balance: [{ attribute: "gender", maxShare: GENDER_CAP }],
      topics: "preferred",
      dialogue: { pairs: pairs.filter((p) => occurring(p.between)).map((p) => ({ between: [p.between[0], p.between[1]], weight: p.weight })), neutralChair: true, maxImbalance: 1, minSide: 1 },
      keepApart,
      separate: separate.filter(occurring).map(([a, b]) => [a, b]),
      maxRoles: MAX_ROLES,
      affinities,
      weights: { dialogue: 1, diversity: 1, topicFit: 1, affinity: 1 },
    },
  };
  return { program, witness };
}

function isFrom(person: Person, nations: ReadonlySet<string>): boolean {
  return person.nationalities.some((c) => nations.has(c));
}

function titleCase(topic: string): string {
  return topic.charAt(0).toUpperCase() + topic.slice(1).replace(/-/g, " ");
}

function slotLabel(s: number): string {
  const perDay = SLOT_TIMES.length;
  const day = SLOT_DAYS[Math.floor(s / perDay) % SLOT_DAYS.length]!;
  const week = Math.floor(s / (perDay * SLOT_DAYS.length));
  return `${week > 0 ? `W${week + 1} ` : ""}${day} ${SLOT_TIMES[s % perDay]!}`;
}
