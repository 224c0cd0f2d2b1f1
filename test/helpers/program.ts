// Small helpers shared by the property tests: load a generated input (a generator bug must fail loudly), and
// rewrite programs for metamorphic properties (rename ids, permute order, tighten or relax one rule).
import { validateProgram } from "../../src/model/load.js";
import { formatInputIssue } from "../../src/model/issues.js";
import type { Program, ProgramInput } from "../../src/model/schema.js";

/** The validated Program for a generated input; throws with every issue when the generator broke its promise. */
export function loadGenerated(input: unknown): Program {
  const loaded = validateProgram(input, "generated.json");
  if (!loaded.ok) {
    throw new Error(`generated program does not load:\n${loaded.issues.map(formatInputIssue).join("\n")}\n${JSON.stringify(input)}`);
  }
  return loaded.value;
}

export interface Renaming {
  readonly participant: (id: string) => string;
  readonly panel: (id: string) => string;
  readonly slot: (id: string) => string;
}

/** The same program with every participant, panel and slot id renamed (groups and topics keep their names). */
export function renameIds(program: ProgramInput, rename: Renaming): ProgramInput {
  const p = rename.participant;
  const doc = structuredClone(program);
  if (doc.slots) for (const s of doc.slots) s.id = rename.slot(s.id);
  for (const person of doc.participants) {
    person.id = p(person.id);
    if (person.unavailable) person.unavailable = person.unavailable.map(rename.slot);
    if (person.avoid?.participants) person.avoid.participants = person.avoid.participants.map(p);
  }
  for (const panel of doc.panels) {
    panel.id = rename.panel(panel.id);
    if (panel.slot !== undefined) panel.slot = rename.slot(panel.slot);
    if (panel.pinned) {
      if (panel.pinned.presenters) panel.pinned.presenters = panel.pinned.presenters.map(p);
      if (panel.pinned.chair !== undefined) panel.pinned.chair = p(panel.pinned.chair);
      if (panel.pinned.discussant !== undefined) panel.pinned.discussant = p(panel.pinned.discussant);
    }
  }
  const policy = doc.policy;
  if (policy?.keepApart) policy.keepApart = policy.keepApart.map(([a, b]) => [p(a), p(b)]);
  if (policy?.affinities) {
    policy.affinities = policy.affinities.map((a) => ({ ...a, between: [p(a.between[0]), p(a.between[1])] }));
  }
  return doc;
}

/** Reorders participants, panels and slots by the given permutations (index lists of the same lengths). */
export function permuteProgram(
  program: ProgramInput,
  participantOrder: readonly number[],
  panelOrder: readonly number[],
): ProgramInput {
  const doc = structuredClone(program);
  doc.participants = reorder(doc.participants, participantOrder);
  doc.panels = reorder(doc.panels, panelOrder);
  // Every other list whose order means nothing is reversed, and so is each pair.
  if (doc.slots) doc.slots = [...doc.slots].reverse();
  for (const p of doc.participants) {
    p.nationalities = [...p.nationalities].reverse();
    if (p.topics) p.topics = [...p.topics].reverse();
    if (p.unavailable) p.unavailable = [...p.unavailable].reverse();
    if (p.avoid?.nationalities) p.avoid.nationalities = [...p.avoid.nationalities].reverse();
    if (p.avoid?.participants) p.avoid.participants = [...p.avoid.participants].reverse();
  }
  for (const panel of doc.panels) {
    if (panel.topics) panel.topics = [...panel.topics].reverse();
    if (panel.pinned?.presenters) panel.pinned.presenters = [...panel.pinned.presenters].reverse();
  }
  const policy = doc.policy;
  if (policy !== undefined) {
    const swapped = <T>(pair: readonly [T, T]): [T, T] => [pair[1], pair[0]];
    if (policy.keepApart) policy.keepApart = policy.keepApart.map(swapped).reverse();
    if (policy.separate) policy.separate = policy.separate.map(swapped).reverse();
    if (policy.affinities) policy.affinities = policy.affinities.map((a) => ({ ...a, between: swapped(a.between) })).reverse();
    if (policy.dialogue?.pairs) policy.dialogue.pairs = policy.dialogue.pairs.map((d) => ({ ...d, between: swapped(d.between) })).reverse();
    if (policy.balance) policy.balance = [...policy.balance].reverse();
  }
  return doc;
}

function reorder<T>(items: readonly T[], order: readonly number[]): T[] {
  if (order.length !== items.length) throw new RangeError(`permutation of ${order.length} for ${items.length} items`);
  return order.map((k) => items[k]!);
}
