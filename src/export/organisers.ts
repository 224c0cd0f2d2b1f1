// What the organisers' artefacts add to the programme: per panel the nationality mix and the dialogue pairs it
// realises, per member nationalities and safety marks, and the equity dashboard (who is on stage, slot by slot and
// overall; dialogue realised; the objective with its bound). Pure data; the renderers decide how it looks.
import { realisedPairsOf, scorePanels, totalOfPanels, type PanelScore } from "../check/score.js";
import type { Program } from "../model/schema.js";
import type { Solution } from "../model/solution.js";
import { relativeGap } from "../report/text.js";
import type { Programme, ProgrammePanel } from "./programme.js";

export interface MemberFacts {
  readonly nationalities: readonly string[];
  /** Shown only with revealAtRisk; false otherwise, whatever the program says. */
  readonly atRisk: boolean;
  /**
   * Out of dialogue panels: as written in the program, or, with revealAtRisk, also by the at-risk default (so
   * without it, "no dialogue" never marks someone who is out only because they are at risk).
   */
  readonly dialogueOut: boolean;
}

export interface OrganisersOptions {
  /** Name the participants at risk (the at-risk mark, the seated count, the CSV column); by default withheld. */
  readonly revealAtRisk?: boolean;
}

export interface PanelFacts {
  /** Nationality -> members holding it, most first (a dual national counts for each). */
  readonly mix: readonly { readonly code: string; readonly count: number }[];
  readonly pairs: PanelScore["pairs"];
  readonly recorded: boolean;
}

/** Shares of one dimension (nationality, gender, ...) among the members of panels, per slot and overall. */
export interface ShareTable {
  readonly dimension: string;
  readonly categories: readonly string[];
  /** One row per slot, then "All slots"; values per category, summing to `total` (members). */
  readonly rows: readonly { readonly label: string; readonly total: number; readonly values: readonly number[] }[];
  /** How members holding several values (dual nationals) or none were counted. */
  readonly note: string;
}

export interface ObjectiveFacts {
  readonly terms: readonly { readonly name: string; readonly value: number; readonly weight: number }[];
  readonly total: number;
  readonly bound: number | null;
  readonly gap: number | null;
  readonly status: Solution["status"];
  readonly solver: string;
}

export interface OrganisersFacts {
  readonly members: ReadonlyMap<string, MemberFacts>;
  readonly panels: ReadonlyMap<string, PanelFacts>;
  readonly shares: readonly ShareTable[];
  readonly dialogue: {
    readonly panels: number;
    readonly dialoguePanels: number;
    readonly pairs: readonly { readonly between: readonly [string, string]; readonly weight: number; readonly panels: number }[];
  };
  readonly objective: ObjectiveFacts;
  /** Whether these facts name who is at risk (OrganisersOptions.revealAtRisk). */
  readonly revealAtRisk: boolean;
  /** At-risk participants seated; null unless revealAtRisk. */
  readonly atRiskSeated: number | null;
  /** Participants who wrote an opt-out (avoid, or dialogue "out"); the checker saw every one honoured. */
  readonly optOuts: number;
}

/** The second header line of an export made with revealAtRisk. */
export const AT_RISK_NOTICE = "This copy names the participants at risk (--reveal-at-risk): keep it to those who must act on it.";

/** The most nationalities a share chart names before grouping the rest as "Other". */
const TOP_NATIONALITIES = 9;

/**
 * The organisers' facts. Like every organiser artefact, they withhold who is at risk unless `revealAtRisk` says
 * otherwise (src/report/redact.ts): nothing here then depends on an at-risk flag.
 */
export function organisersFacts(program: Program, solution: Solution, programme: Programme, options: OrganisersOptions = {}): OrganisersFacts {
  const reveal = options.revealAtRisk === true;
  const spec = new Map(program.participants.map((p) => [p.id, p]));
  const members = new Map<string, MemberFacts>();
  for (const p of program.participants) {
    const dialogue = p.dialogue ?? (reveal && p.atRisk ? "out" : "in");
    members.set(p.id, { nationalities: p.nationalities, atRisk: reveal && p.atRisk, dialogueOut: dialogue === "out" });
  }
  const panelSpec = new Map(program.panels.map((p) => [p.id, p]));
  const panels = new Map<string, PanelFacts>();
  const allPanels = programme.sessions.flatMap((s) => s.panels);
  const scores = scorePanels(program, solution.panels);
  const pairsByPanel = new Map(scores.map((score) => [score.id, score.pairs]));
  for (const panel of allPanels) {
    const ids = memberIds(panel);
    const counts = new Map<string, number>();
    for (const id of ids) for (const code of spec.get(id)?.nationalities ?? []) counts.set(code, (counts.get(code) ?? 0) + 1);
    const mix = [...counts].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
    panels.set(panel.id, { mix, pairs: pairsByPanel.get(panel.id) ?? [], recorded: panelSpec.get(panel.id)?.recorded ?? false });
  }

  const shares: ShareTable[] = [nationalityShares(programme, spec)];
  const attributeKeys = new Set<string>();
  for (const key of ["gender", "career"]) if (program.participants.some((p) => p.attributes[key] !== undefined)) attributeKeys.add(key);
  for (const rule of program.policy.balance) attributeKeys.add(rule.attribute);
  for (const key of attributeKeys) shares.push(attributeShares(programme, spec, key));

  const realised = realisedPairsOf(program, scores);
  const pairs = program.policy.dialogue.pairs.map((pair, k) => ({ between: pair.between, weight: pair.weight, panels: realised[k]!.panels.length }));
  const score = totalOfPanels(program, scores);
  const weights: Readonly<Record<string, number>> = program.policy.weights;
  const seated = new Set(allPanels.flatMap(memberIds));
  return {
    members,
    panels,
    shares,
    dialogue: { panels: allPanels.length, dialoguePanels: allPanels.filter((p) => panels.get(p.id)!.pairs.length > 0).length, pairs },
    objective: {
      terms: Object.entries(score.terms).map(([name, value]) => ({ name, value, weight: weights[name] ?? 1 })),
      total: score.total,
      bound: solution.bound,
      gap: relativeGap(score.total, solution.bound),
      status: solution.status,
      solver: solution.solver,
    },
    revealAtRisk: reveal,
    atRiskSeated: reveal ? program.participants.filter((p) => p.atRisk && seated.has(p.id)).length : null,
    optOuts: program.participants.filter((p) => p.avoid.nationalities.length + p.avoid.participants.length > 0 || p.dialogue === "out").length,
  };
}

export function memberIds(panel: ProgrammePanel): string[] {
  return [...(panel.chair === null ? [] : [panel.chair.id]), ...panel.presenters.map((p) => p.id), ...(panel.discussant === null ? [] : [panel.discussant.id])];
}

type Spec = ReadonlyMap<string, Program["participants"][number]>;

/** Per slot and overall, the share of members by `valuesOf`; a member with k values counts 1/k for each. */
function shareTable(programme: Programme, dimension: string, valuesOf: (id: string) => readonly string[], order: (totals: Map<string, number>) => string[], note: string): ShareTable {
  const rowsRaw: { label: string; counts: Map<string, number>; total: number }[] = [];
  const overall = new Map<string, number>();
  let overallTotal = 0;
  for (const { slot, panels } of programme.sessions) {
    const counts = new Map<string, number>();
    let total = 0;
    for (const id of panels.flatMap(memberIds)) {
      const values = valuesOf(id);
      total++;
      for (const value of values) {
        counts.set(value, (counts.get(value) ?? 0) + 1 / values.length);
        overall.set(value, (overall.get(value) ?? 0) + 1 / values.length);
      }
    }
    overallTotal += total;
    rowsRaw.push({ label: slot.label, counts, total });
  }
  const categories = order(overall);
  const named = new Set(categories);
  const project = (counts: Map<string, number>) => {
    const values = categories.map((c) => (c === OTHER ? 0 : (counts.get(c) ?? 0)));
    const otherIndex = categories.indexOf(OTHER);
    if (otherIndex !== -1) for (const [value, n] of counts) if (!named.has(value)) values[otherIndex]! += n;
    return values;
  };
  return {
    dimension,
    categories,
    rows: [...rowsRaw.map((r) => ({ label: r.label, total: r.total, values: project(r.counts) })), { label: "All slots", total: overallTotal, values: project(overall) }],
    note,
  };
}

export const OTHER = "Other";
export const NOT_RECORDED = "Not recorded";

function nationalityShares(programme: Programme, spec: Spec): ShareTable {
  return shareTable(
    programme,
    "Nationality",
    (id) => spec.get(id)?.nationalities ?? [],
    (totals) => {
      const sorted = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code]) => code);
      return sorted.length <= TOP_NATIONALITIES + 1 ? sorted : [...sorted.slice(0, TOP_NATIONALITIES), OTHER];
    },
    `Members of panels (a person on two panels counts twice); a dual national counts half for each nationality. The ${TOP_NATIONALITIES} most frequent nationalities are named.`,
  );
}

function attributeShares(programme: Programme, spec: Spec, key: string): ShareTable {
  return shareTable(
    programme,
    key === "career" ? "Career stage" : key.replace(/^./, (c) => c.toUpperCase()),
    (id) => [spec.get(id)?.attributes[key] ?? NOT_RECORDED],
    (totals) => [...totals].sort((a, b) => (a[0] === NOT_RECORDED ? 1 : b[0] === NOT_RECORDED ? -1 : b[1] - a[1] || a[0].localeCompare(b[0]))).map(([v]) => v),
    `Members of panels by attribute "${key}"; "${NOT_RECORDED}" where the registration left it empty.`,
  );
}
