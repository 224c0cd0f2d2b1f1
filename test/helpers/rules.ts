// A third, deliberately plain reading of the hard rules (DESIGN.md §3 and the lead's semantics), one function per
// stress kind. The stress properties hold every solver's output against these as well as against src/check, so a
// rule that both the solvers and the checker misread the same way still has a chance to show.
import type { Program } from "../../src/model/schema.js";
import type { SolutionPanel } from "../../src/model/solution.js";
import type { StressKind } from "../arbitraries/program.js";

type Breaches = string[];

interface Seat {
  readonly panel: SolutionPanel;
  readonly members: string[];
}

function seats(panels: readonly SolutionPanel[]): Seat[] {
  return panels.map((panel) => ({
    panel,
    members: [
      ...panel.presenters,
      ...(panel.chair === null ? [] : [panel.chair]),
      ...(panel.discussant === null ? [] : [panel.discussant]),
    ],
  }));
}

function people(program: Program) {
  return new Map(program.participants.map((p) => [p.id, p]));
}

function shareLimit(maxShare: number, members: number): number {
  return Math.floor(maxShare * members + 1e-9);
}

/** Pairs of different members (i, j), both orders. */
function* memberPairs(members: readonly string[]): Generator<[string, string]> {
  for (const i of members) for (const j of members) if (i !== j) yield [i, j];
}

function optOuts(program: Program, panels: readonly SolutionPanel[]): Breaches {
  const byId = people(program);
  const out: Breaches = [];
  for (const { panel, members } of seats(panels)) {
    for (const [i, j] of memberPairs(members)) {
      const a = byId.get(i)!;
      const b = byId.get(j)!;
      if (a.avoid.participants.includes(j)) out.push(`${panel.id}: ${i} avoids ${j}`);
      for (const code of a.avoid.nationalities) if (b.nationalities.includes(code)) out.push(`${panel.id}: ${i} avoids ${code} (${j})`);
      if ((a.dialogue ?? (a.atRisk ? "out" : "in")) === "out") {
        for (const { between: [x, y] } of program.policy.dialogue.pairs) {
          if ((a.nationalities.includes(x) && b.nationalities.includes(y)) || (a.nationalities.includes(y) && b.nationalities.includes(x))) {
            out.push(`${panel.id}: ${i} is dialogue "out" but sits with ${j} (${x}-${y})`);
          }
        }
      }
    }
  }
  return out;
}

function roles(program: Program, panels: readonly SolutionPanel[]): Breaches {
  const { policy } = program;
  const out: Breaches = [];
  const chairs = new Map<string, number>();
  const discussions = new Map<string, number>();
  const rolesOf = new Map<string, number>();
  const bump = (map: Map<string, number>, id: string) => map.set(id, (map.get(id) ?? 0) + 1);
  for (const { panel, members } of seats(panels)) {
    const spec = program.panels.find((p) => p.id === panel.id)!;
    if ((spec.chair ?? policy.chair) !== (panel.chair !== null)) out.push(`${panel.id}: chair ${panel.chair ?? "none"} against need`);
    if ((spec.discussant ?? policy.discussant) !== (panel.discussant !== null)) {
      out.push(`${panel.id}: discussant ${panel.discussant ?? "none"} against need`);
    }
    if (new Set(members).size !== members.length) out.push(`${panel.id}: someone holds two roles`);
    if (panel.chair !== null) bump(chairs, panel.chair);
    if (panel.discussant !== null) bump(discussions, panel.discussant);
    for (const id of members) bump(rolesOf, id);
  }
  for (const p of program.participants) {
    if ((chairs.get(p.id) ?? 0) > p.mayChair) out.push(`${p.id} chairs ${chairs.get(p.id)} > ${p.mayChair}`);
    if ((discussions.get(p.id) ?? 0) > p.mayDiscuss) out.push(`${p.id} discusses ${discussions.get(p.id)} > ${p.mayDiscuss}`);
    if (policy.maxRoles !== null && (rolesOf.get(p.id) ?? 0) > policy.maxRoles) out.push(`${p.id} holds too many roles`);
  }
  return out;
}

function slots(program: Program, panels: readonly SolutionPanel[]): Breaches {
  const byId = people(program);
  const out: Breaches = [];
  const seen = new Map<string, string>(); // participant@slot → panel
  for (const { panel, members } of seats(panels)) {
    const slot = program.panels.find((p) => p.id === panel.id)!.slot;
    if (slot === undefined) continue;
    for (const id of members) {
      if (byId.get(id)!.unavailable.includes(slot)) out.push(`${panel.id}: ${id} unavailable in ${slot}`);
      const key = `${id}@${slot}`;
      const other = seen.get(key);
      if (other !== undefined) out.push(`${id} on ${other} and ${panel.id} in ${slot}`);
      seen.set(key, panel.id);
    }
  }
  return out;
}

function caps(
  panels: readonly SolutionPanel[],
  valuesOf: (id: string) => readonly string[],
  maxShare: number,
  minDistinct: number,
  what: string,
): Breaches {
  const out: Breaches = [];
  for (const { panel, members } of seats(panels)) {
    if (members.length === 0) continue;
    const counts = new Map<string, number>();
    for (const id of members) for (const v of valuesOf(id)) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const [v, c] of counts) {
      if (c > shareLimit(maxShare, members.length)) out.push(`${panel.id}: ${c}/${members.length} hold ${what} ${v}`);
    }
    if (counts.size < minDistinct) out.push(`${panel.id}: ${counts.size} distinct ${what} < ${minDistinct}`);
  }
  return out;
}

function nationalityCaps(program: Program, panels: readonly SolutionPanel[]): Breaches {
  const byId = people(program);
  const { maxShare, minDistinct } = program.policy.nationality;
  return caps(panels, (id) => byId.get(id)!.nationalities, maxShare, minDistinct, "nationality");
}

function attributes(program: Program, panels: readonly SolutionPanel[]): Breaches {
  const byId = people(program);
  return program.policy.balance.flatMap((rule) =>
    caps(
      panels,
      (id) => {
        const v = byId.get(id)!.attributes[rule.attribute];
        return v === undefined ? [] : [v];
      },
      rule.maxShare,
      rule.minDistinct,
      rule.attribute,
    ),
  );
}

function dialogue(program: Program, panels: readonly SolutionPanel[]): Breaches {
  const byId = people(program);
  const { pairs, neutralChair, maxImbalance, minSide } = program.policy.dialogue;
  const out: Breaches = [];
  for (const { panel, members } of seats(panels)) {
    const holding = (code: string) => members.filter((id) => byId.get(id)!.nationalities.includes(code));
    for (const { between: [a, b] } of pairs) {
      const sideA = holding(a);
      const sideB = holding(b);
      const realised = sideA.some((i) => sideB.some((j) => i !== j));
      if (!realised) continue;
      if (sideA.length < minSide || sideB.length < minSide) out.push(`${panel.id}: ${a}-${b} side below ${minSide}`);
      if (maxImbalance !== null && Math.abs(sideA.length - sideB.length) > maxImbalance) {
        out.push(`${panel.id}: ${a}-${b} sides ${sideA.length}:${sideB.length}`);
      }
      if (neutralChair && panel.chair !== null) {
        const held = byId.get(panel.chair)!.nationalities;
        if (held.includes(a) || held.includes(b)) out.push(`${panel.id}: chair ${panel.chair} not neutral on ${a}-${b}`);
      }
    }
  }
  return out;
}

function coAuthors(program: Program, panels: readonly SolutionPanel[]): Breaches {
  const groups = new Map<string, string[]>();
  for (const p of program.participants) if (p.group !== undefined) groups.set(p.group, [...(groups.get(p.group) ?? []), p.id]);
  const out: Breaches = [];
  for (const [group, ids] of groups) {
    if (!panels.some((panel) => ids.every((id) => panel.presenters.includes(id)))) out.push(`group ${group} has no common panel`);
  }
  return out;
}

function pins(program: Program, panels: readonly SolutionPanel[]): Breaches {
  const out: Breaches = [];
  for (const spec of program.panels) {
    const panel = panels.find((p) => p.id === spec.id);
    const pinned = spec.pinned;
    if (pinned === undefined) continue;
    if (panel === undefined) {
      out.push(`${spec.id} missing`);
      continue;
    }
    for (const id of pinned.presenters) if (!panel.presenters.includes(id)) out.push(`${spec.id}: pinned presenter ${id} missing`);
    if (pinned.chair !== undefined && panel.chair !== pinned.chair) out.push(`${spec.id}: pinned chair ${pinned.chair} missing`);
    if (pinned.discussant !== undefined && panel.discussant !== pinned.discussant) {
      out.push(`${spec.id}: pinned discussant ${pinned.discussant} missing`);
    }
  }
  return out;
}

function recordedAtRisk(program: Program, panels: readonly SolutionPanel[]): Breaches {
  const byId = people(program);
  const out: Breaches = [];
  for (const { panel, members } of seats(panels)) {
    if (!program.panels.find((p) => p.id === panel.id)!.recorded) continue;
    for (const id of members) if (byId.get(id)!.atRisk) out.push(`${panel.id}: at-risk ${id} on a recorded panel`);
  }
  return [...out, ...optOuts(program, panels)];
}

function topicsRequired(program: Program, panels: readonly SolutionPanel[]): Breaches {
  if (program.policy.topics !== "required") return [];
  const byId = people(program);
  const out: Breaches = [];
  for (const panel of panels) {
    const topics = program.panels.find((p) => p.id === panel.id)!.topics;
    for (const id of panel.presenters) {
      const mine = byId.get(id)!.topics;
      if (mine.length > 0 && topics.length > 0 && !mine.some((t) => topics.includes(t))) out.push(`${panel.id}: ${id} off topic`);
    }
  }
  return out;
}

function keepApart(program: Program, panels: readonly SolutionPanel[]): Breaches {
  const byId = people(program);
  const out: Breaches = [];
  for (const { panel, members } of seats(panels)) {
    for (const [a, b] of program.policy.keepApart) if (members.includes(a) && members.includes(b)) out.push(`${panel.id}: ${a} with ${b}`);
    for (const [x, y] of program.policy.separate) {
      for (const [i, j] of memberPairs(members)) {
        if (byId.get(i)!.nationalities.includes(x) && byId.get(j)!.nationalities.includes(y)) out.push(`${panel.id}: ${x} ${i} with ${y} ${j}`);
      }
    }
  }
  return out;
}

/** Load and sizes: presents exact, presenters within size. Every stress kind checks these too. */
export function loadBreaches(program: Program, panels: readonly SolutionPanel[]): Breaches {
  const out: Breaches = [];
  const presents = new Map<string, number>();
  for (const panel of panels) {
    const spec = program.panels.find((p) => p.id === panel.id);
    if (spec === undefined) {
      out.push(`unknown panel ${panel.id}`);
      continue;
    }
    const size = spec.size ?? program.policy.panelSize;
    if (panel.presenters.length < size.min || panel.presenters.length > size.max) {
      out.push(`${panel.id}: ${panel.presenters.length} presenters outside ${size.min}..${size.max}`);
    }
    for (const id of panel.presenters) presents.set(id, (presents.get(id) ?? 0) + 1);
  }
  if (panels.length !== program.panels.length) out.push(`${panels.length} panels for ${program.panels.length}`);
  for (const p of program.participants) {
    if ((presents.get(p.id) ?? 0) !== p.presents) out.push(`${p.id} presents ${presents.get(p.id) ?? 0} times, not ${p.presents}`);
  }
  return out;
}

export const STRESS_RULES: Record<StressKind, (program: Program, panels: readonly SolutionPanel[]) => Breaches> = {
  optOuts,
  scarceChairs: roles,
  tightSlots: slots,
  rareAttributes: attributes,
  dualNationals: (program, panels) => [...nationalityCaps(program, panels), ...dialogue(program, panels), ...keepApart(program, panels)],
  dialoguePairs: dialogue,
  coAuthors,
  pins,
  recordedAtRisk,
  topicsRequired,
  keepApart,
  nationalityCaps,
};

/** Every rule above at once: a full plain re-check. */
export function allBreaches(program: Program, panels: readonly SolutionPanel[]): Breaches {
  return [
    ...loadBreaches(program, panels),
    ...optOuts(program, panels),
    ...roles(program, panels),
    ...slots(program, panels),
    ...nationalityCaps(program, panels),
    ...attributes(program, panels),
    ...dialogue(program, panels),
    ...coAuthors(program, panels),
    ...pins(program, panels),
    ...recordedAtRisk(program, panels),
    ...topicsRequired(program, panels),
    ...keepApart(program, panels),
  ];
}

/** The objective terms of DESIGN.md §4, read plainly (no baseline, so no stability term). */
export function plainScore(program: Program, panels: readonly SolutionPanel[]): { total: number; terms: Record<string, number> } {
  const byId = people(program);
  const { policy } = program;
  let dialogueTerm = 0;
  let diversity = 0;
  let topicFit = 0;
  let affinity = 0;
  for (const { panel, members } of seats(panels)) {
    const holding = (code: string) => members.filter((id) => byId.get(id)!.nationalities.includes(code));
    for (const { between: [a, b], weight } of policy.dialogue.pairs) {
      if (holding(a).some((i) => holding(b).some((j) => i !== j))) dialogueTerm += weight;
    }
    if (members.length > 0) diversity += new Set(members.flatMap((id) => byId.get(id)!.nationalities)).size - 1;
    const topics = program.panels.find((p) => p.id === panel.id)?.topics ?? [];
    for (const id of panel.presenters) if (byId.get(id)!.topics.some((t) => topics.includes(t))) topicFit++;
    for (const { between: [i, j], weight } of policy.affinities) if (members.includes(i) && members.includes(j)) affinity += weight;
  }
  const terms = { dialogue: dialogueTerm, diversity, topicFit, affinity };
  const w = policy.weights;
  const total = w.dialogue * dialogueTerm + w.diversity * diversity + w.topicFit * topicFit + w.affinity * affinity;
  return { total, terms };
}
