// Program (validated, ids) → Problem (indices, typed arrays, derived relations). Run once per solve; solvers never
// look at ids again. Assumes validateProgram accepted the program (every id resolves).
import { NONE, type Affinity, type Assignment, type BalanceRule, type DialoguePair, type PanelRoster, type Problem } from "./problem.js";
import type { Program } from "./schema.js";
import type { SolutionPanel } from "./solution.js";

export interface NormalizeOptions {
  /** A published solution's panels (ids) to stay close to; ids no longer in the program are dropped. */
  readonly baseline?: readonly SolutionPanel[] | null;
  readonly maxMoves?: number;
}

export function normalizeProgram(program: Program, options: NormalizeOptions = {}): Problem {
  const { policy } = program;
  const participantIds = program.participants.map((p) => p.id);
  const panelIds = program.panels.map((p) => p.id);
  const slotIds = program.slots.map((s) => s.id);
  const participantIdxById = indexById(participantIds);
  const panelIdxById = indexById(panelIds);
  const slotIdxById = indexById(slotIds);
  const n = participantIds.length;
  const panelCount = panelIds.length;

  // Nationalities: every code a participant holds or the policy names gets an index.
  const nationalityIdx = new Map<string, number>();
  const nat = (code: string) => {
    let k = nationalityIdx.get(code);
    if (k === undefined) nationalityIdx.set(code, (k = nationalityIdx.size));
    return k;
  };
  const nationalitiesByParticipant = program.participants.map((p) => Int32Array.from(p.nationalities.map(nat)));
  const dialoguePairs: DialoguePair[] = policy.dialogue.pairs.map((pair) => ({
    a: nat(pair.between[0]),
    b: nat(pair.between[1]),
    weight: pair.weight,
  }));
  const holdersByNationality: number[][] = [];
  const holders = (k: number) => holdersByNationality[k] ?? [];
  nationalitiesByParticipant.forEach((codes, i) => {
    for (const k of codes) (holdersByNationality[k] ??= []).push(i);
  });

  const presentsByParticipant = Int32Array.from(program.participants, (p) => p.presents);
  const mayChairByParticipant = Int32Array.from(program.participants, (p) => p.mayChair);
  const mayDiscussByParticipant = Int32Array.from(program.participants, (p) => p.mayDiscuss);
  const atRiskByParticipant = Uint8Array.from(program.participants, (p) => (p.atRisk ? 1 : 0));
  const dialogueOutByParticipant = Uint8Array.from(program.participants, (p) =>
    (p.dialogue ?? (p.atRisk ? "out" : "in")) === "out" ? 1 : 0,
  );

  const groupIdx = new Map<string, number>();
  const groupMembers: number[][] = [];
  const groupByParticipant = new Int32Array(n).fill(NONE);
  program.participants.forEach((p, i) => {
    if (p.group === undefined) return;
    let g = groupIdx.get(p.group);
    if (g === undefined) groupIdx.set(p.group, (g = groupIdx.size));
    (groupMembers[g] ??= []).push(i);
    groupByParticipant[i] = g;
  });

  // Panels.
  const slotByPanel = Int32Array.from(program.panels, (p) => (p.slot === undefined ? NONE : slotIdxById.get(p.slot)!));
  const minPresentersByPanel = Int32Array.from(program.panels, (p) => (p.size ?? policy.panelSize).min);
  const maxPresentersByPanel = Int32Array.from(program.panels, (p) => (p.size ?? policy.panelSize).max);
  const needsChairByPanel = Uint8Array.from(program.panels, (p) => ((p.chair ?? policy.chair) ? 1 : 0));
  const needsDiscussantByPanel = Uint8Array.from(program.panels, (p) => ((p.discussant ?? policy.discussant) ? 1 : 0));
  const recordedByPanel = Uint8Array.from(program.panels, (p) => (p.recorded ? 1 : 0));
  const resolve = (id: string | undefined) => (id === undefined ? NONE : participantIdxById.get(id)!);
  const pinnedPresentersByPanel = program.panels.map((p) => Int32Array.from(p.pinned?.presenters ?? [], resolve));
  const pinnedChairByPanel = Int32Array.from(program.panels, (p) => resolve(p.pinned?.chair));
  const pinnedDiscussantByPanel = Int32Array.from(program.panels, (p) => resolve(p.pinned?.discussant));

  // Pairwise conflicts, from every rule that forbids two people on one panel.
  const conflictSets: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  const forbid = (i: number, j: number) => {
    if (i === j) return;
    conflictSets[i]!.add(j);
    conflictSets[j]!.add(i);
  };
  program.participants.forEach((p, i) => {
    for (const ref of p.avoid.participants) forbid(i, participantIdxById.get(ref)!);
    for (const code of p.avoid.nationalities) {
      const k = nationalityIdx.get(code);
      if (k !== undefined) for (const j of holders(k)) forbid(i, j);
    }
  });
  for (const [a, b] of policy.keepApart) forbid(participantIdxById.get(a)!, participantIdxById.get(b)!);
  for (const [a, b] of policy.separate) {
    const ka = nationalityIdx.get(a);
    const kb = nationalityIdx.get(b);
    if (ka === undefined || kb === undefined) continue;
    for (const i of holders(ka)) for (const j of holders(kb)) forbid(i, j);
  }
  // Dialogue "out": never with a holder of the counterpart nation of a pair involving one of their nationalities.
  for (const pair of dialoguePairs) {
    for (const [side, other] of [[pair.a, pair.b], [pair.b, pair.a]] as const) {
      for (const i of holders(side)) {
        if (dialogueOutByParticipant[i] === 1) for (const j of holders(other)) forbid(i, j);
      }
    }
  }
  const conflictsByParticipant = conflictSets.map((s) => Int32Array.from([...s].sort((x, y) => x - y)));

  // Participant × panel eligibility, one row of panels per participant. Built from per-slot and per-topic panel
  // lists rather than by testing every cell against sets: at 6,000 participants x 1,406 panels that is 8.4M cells.
  const mayJoin = new Uint8Array(n * panelCount);
  const mayPresent = new Uint8Array(n * panelCount);
  const topicMatch = new Uint8Array(n * panelCount);
  const panelsBySlot: number[][] = slotIds.map(() => []);
  const topicIdx = new Map<string, number>();
  const panelsByTopic: number[][] = [];
  const untopicalByPanel = new Uint8Array(panelCount);
  program.panels.forEach((panel, p) => {
    const slot = slotByPanel[p]!;
    if (slot !== NONE) panelsBySlot[slot]!.push(p);
    for (const topic of new Set(panel.topics)) {
      let t = topicIdx.get(topic);
      if (t === undefined) topicIdx.set(topic, (t = panelsByTopic.length));
      (panelsByTopic[t] ??= []).push(p);
    }
    if (panel.topics.length === 0) untopicalByPanel[p] = 1;
  });
  const topicsRequired = policy.topics === "required";
  program.participants.forEach((person, i) => {
    const row = i * panelCount;
    mayJoin.fill(1, row, row + panelCount);
    for (const slot of person.unavailable) for (const p of panelsBySlot[slotIdxById.get(slot)!]!) mayJoin[row + p] = 0;
    if (atRiskByParticipant[i] === 1) for (let p = 0; p < panelCount; p++) if (recordedByPanel[p] === 1) mayJoin[row + p] = 0;
    for (const topic of person.topics) {
      const t = topicIdx.get(topic);
      if (t !== undefined) for (const p of panelsByTopic[t]!) topicMatch[row + p] = 1;
    }
    if (!topicsRequired || person.topics.length === 0) mayPresent.set(mayJoin.subarray(row, row + panelCount), row);
    else for (let p = 0; p < panelCount; p++) mayPresent[row + p] = mayJoin[row + p]! & (untopicalByPanel[p]! | topicMatch[row + p]!);
  });

  const balanceRules: BalanceRule[] = policy.balance.map((rule) => {
    const values: string[] = [];
    const valueIdx = new Map<string, number>();
    const valueByParticipant = Int32Array.from(program.participants, (p) => {
      const v = p.attributes[rule.attribute];
      if (v === undefined) return NONE;
      let k = valueIdx.get(v);
      if (k === undefined) {
        valueIdx.set(v, (k = values.length));
        values.push(v);
      }
      return k;
    });
    return { attribute: rule.attribute, maxShare: rule.maxShare, minDistinct: rule.minDistinct, values, valueByParticipant };
  });

  const affinities: Affinity[] = policy.affinities.map((a) => ({
    i: participantIdxById.get(a.between[0])!,
    j: participantIdxById.get(a.between[1])!,
    weight: a.weight,
  }));

  return {
    program,
    participantCount: n,
    panelCount,
    slotCount: slotIds.length,
    participantIds,
    panelIds,
    slotIds,
    participantIdxById,
    panelIdxById,
    nationalityCodes: [...nationalityIdx.keys()],
    nationalitiesByParticipant,
    presentsByParticipant,
    mayChairByParticipant,
    mayDiscussByParticipant,
    maxRoles: policy.maxRoles ?? Number.POSITIVE_INFINITY,
    atRiskByParticipant,
    dialogueOutByParticipant,
    groupByParticipant,
    groups: groupMembers.map((g) => Int32Array.from(g)),
    slotByPanel,
    minPresentersByPanel,
    maxPresentersByPanel,
    needsChairByPanel,
    needsDiscussantByPanel,
    recordedByPanel,
    pinnedPresentersByPanel,
    pinnedChairByPanel,
    pinnedDiscussantByPanel,
    conflictsByParticipant,
    mayJoin,
    mayPresent,
    topicMatch,
    nationalityPolicy: { maxShare: policy.nationality.maxShare, minDistinct: policy.nationality.minDistinct },
    balanceRules,
    dialoguePairs,
    dialogueSafety: {
      neutralChair: policy.dialogue.neutralChair,
      maxImbalance: policy.dialogue.maxImbalance ?? Number.POSITIVE_INFINITY,
      minSide: policy.dialogue.minSide,
    },
    affinities,
    weights: policy.weights,
    baseline: options.baseline ? baselineAssignment(options.baseline, panelIdxById, participantIdxById, panelCount) : null,
    maxMoves: options.maxMoves ?? Number.POSITIVE_INFINITY,
  };
}

/** A solution's panels (ids) as an Assignment, keeping only panels and participants the program still has. */
export function baselineAssignment(
  panels: readonly SolutionPanel[],
  panelIdxById: ReadonlyMap<string, number>,
  participantIdxById: ReadonlyMap<string, number>,
  panelCount: number,
): Assignment {
  const rosters: PanelRoster[] = Array.from({ length: panelCount }, () => ({ presenters: [], chair: NONE, discussant: NONE }));
  const idx = (id: string | null) => (id === null ? NONE : (participantIdxById.get(id) ?? NONE));
  for (const panel of panels) {
    const p = panelIdxById.get(panel.id);
    if (p === undefined) continue;
    rosters[p] = {
      presenters: panel.presenters.map(idx).filter((i) => i !== NONE),
      chair: idx(panel.chair),
      discussant: idx(panel.discussant),
    };
  }
  return { panels: rosters };
}

function indexById(ids: readonly string[]): Map<string, number> {
  return new Map(ids.map((id, i) => [id, i]));
}
