// DESIGN.md §8, metamorphic: renaming ids or permuting input order leaves an exact solver's optimum unchanged;
// adding an opt-out or a keep-apart pair never raises it; relaxing a cap never lowers it. Both exact solvers are
// held to it; a run that does not prove its answer (timeout, feasible) proves nothing here and is passed over.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ProgramInput } from "../../src/model/schema.js";
import type { Solution } from "../../src/model/solution.js";
import { programArb, type ProgramKnobs } from "../arbitraries/program.js";
import { loadGenerated, permuteProgram, renameIds } from "../helpers/program.js";
import { describeSolution, expectSound, solveWith } from "../helpers/solve.js";
import { runs } from "../helpers/runs.js";

const KNOBS: ProgramKnobs = { maxParticipants: 9, maxPanels: 3, maxSlots: 2, maxPresents: 2 };
const EXACT = ["mip", "highs"] as const;
type Exact = (typeof EXACT)[number];

/** The proven optimum (a number), "infeasible", or null when the run proved nothing. */
type Verdict = number | "infeasible" | null;

async function verdict(input: ProgramInput, solver: Exact): Promise<{ verdict: Verdict; solution: Solution }> {
  const program = loadGenerated(input);
  const solution = await solveWith(program, solver);
  expectSound(program, solution);
  const v: Verdict = solution.status === "optimal" ? solution.objective!.total : solution.status === "infeasible" ? "infeasible" : null;
  return { verdict: v, solution };
}

function permutation(n: number): fc.Arbitrary<number[]> {
  const indices = Array.from({ length: n }, (_, i) => i);
  return fc.shuffledSubarray(indices, { minLength: n, maxLength: n });
}

/** Compares before → after: "same", "not higher" (tightened), or "not lower" (relaxed). */
function expectRelation(kind: "same" | "not higher" | "not lower", before: Verdict, after: Verdict, context: string): void {
  if (before === null || after === null) return;
  if (kind === "same") {
    if (before === "infeasible" || after === "infeasible") expect(after, context).toBe(before);
    else expect(after, context).toBeCloseTo(before, 6);
    return;
  }
  // Tightening can only lose solutions, relaxing only gain them; "infeasible" is below every number.
  const rank = (v: number | "infeasible") => (v === "infeasible" ? Number.NEGATIVE_INFINITY : v);
  if (kind === "not higher") expect(rank(after), context).toBeLessThanOrEqual(rank(before) + 1e-6);
  else expect(rank(after), context).toBeGreaterThanOrEqual(rank(before) - 1e-6);
}

async function compare(solver: Exact, kind: "same" | "not higher" | "not lower", before: ProgramInput, after: ProgramInput) {
  const a = await verdict(before, solver);
  const b = await verdict(after, solver);
  const context = `before: ${describeSolution(a.solution)}\nafter: ${describeSolution(b.solution)}\nprogram before: ${JSON.stringify(before)}\nprogram after: ${JSON.stringify(after)}`;
  expectRelation(kind, a.verdict, b.verdict, context);
}

const renamings = fc.record({
  participant: fc.constantFrom((id: string) => `x-${id}-z`, (id: string) => `Participant ${id.toUpperCase()}`, (id: string) => `${id}${id}`),
  panel: fc.constantFrom((id: string) => `panel/${id}`, (id: string) => `a${id.toLowerCase()}`),
  slot: fc.constantFrom((id: string) => `slot ${id}`, (id: string) => `${id}-late`),
});

describe.each(EXACT)("%s: invariance", (solver) => {
  it("renaming participant, panel and slot ids leaves the optimum unchanged", async () => {
    await fc.assert(
      fc.asyncProperty(programArb(KNOBS), renamings, (input, rename) => compare(solver, "same", input, renameIds(input, rename))),
      { numRuns: runs(80) },
    );
  });

  it("permuting participants and panels, reversing every other list and pair, leaves the optimum unchanged", async () => {
    const arb = programArb(KNOBS).chain((input) =>
      fc.tuple(fc.constant(input), permutation(input.participants.length), permutation(input.panels.length)),
    );
    await fc.assert(
      fc.asyncProperty(arb, ([input, people, panels]) => compare(solver, "same", input, permuteProgram(input, people, panels))),
      { numRuns: runs(80) },
    );
  });
});

/** One added restriction: an opt-out (person or nationality), a keep-apart pair, or a separate rule. */
type Tightening =
  | { kind: "avoid-participant"; i: number; j: number }
  | { kind: "avoid-nationality"; i: number; code: string }
  | { kind: "keep-apart"; i: number; j: number }
  | { kind: "separate"; a: string; b: string }
  | { kind: "dialogue-out"; i: number };

const NATIONS = ["UA", "RU", "GE", "US", "DE"] as const;

function tighten(input: ProgramInput, t: Tightening): ProgramInput | null {
  const doc = structuredClone(input);
  const n = doc.participants.length;
  const policy = (doc.policy ??= {});
  switch (t.kind) {
    case "avoid-participant":
    case "keep-apart": {
      const i = t.i % n;
      const j = t.j % n;
      if (i === j) return null;
      const [a, b] = [doc.participants[i]!, doc.participants[j]!];
      if (t.kind === "keep-apart") policy.keepApart = [...(policy.keepApart ?? []), [a.id, b.id]];
      else a.avoid = { nationalities: a.avoid?.nationalities ?? [], participants: [...new Set([...(a.avoid?.participants ?? []), b.id])] };
      return doc;
    }
    case "avoid-nationality": {
      const a = doc.participants[t.i % n]!;
      a.avoid = { participants: a.avoid?.participants ?? [], nationalities: [...new Set([...(a.avoid?.nationalities ?? []), t.code])] };
      return doc;
    }
    case "separate":
      if (t.a === t.b) return null;
      policy.separate = [...(policy.separate ?? []), [t.a, t.b]];
      return doc;
    case "dialogue-out":
      doc.participants[t.i % n]!.dialogue = "out";
      return doc;
  }
}

const tightenings: fc.Arbitrary<Tightening> = fc.oneof(
  fc.record({ kind: fc.constant("avoid-participant" as const), i: fc.nat(), j: fc.nat() }),
  fc.record({ kind: fc.constant("avoid-nationality" as const), i: fc.nat(), code: fc.constantFrom(...NATIONS) }),
  fc.record({ kind: fc.constant("keep-apart" as const), i: fc.nat(), j: fc.nat() }),
  fc.record({ kind: fc.constant("separate" as const), a: fc.constantFrom(...NATIONS), b: fc.constantFrom(...NATIONS) }),
  fc.record({ kind: fc.constant("dialogue-out" as const), i: fc.nat() }),
);

/** One relaxed cap: a share cap raised, a minimum lowered, or maxRoles lifted. */
type Relaxation = { kind: "nationality-share" | "balance-share" | "min-distinct" | "max-roles" | "max-imbalance"; share: number };

function relax(input: ProgramInput, r: Relaxation): ProgramInput {
  const doc = structuredClone(input);
  const policy = (doc.policy ??= {});
  switch (r.kind) {
    case "nationality-share": {
      const now = policy.nationality?.maxShare ?? 1;
      policy.nationality = { ...policy.nationality, maxShare: Math.max(now, r.share) };
      break;
    }
    case "balance-share":
      policy.balance = (policy.balance ?? []).map((b) => ({ ...b, maxShare: Math.max(b.maxShare ?? 1, r.share) }));
      break;
    case "min-distinct":
      if (policy.nationality?.minDistinct !== undefined) policy.nationality.minDistinct = Math.max(0, policy.nationality.minDistinct - 1);
      policy.balance = (policy.balance ?? []).map((b) => ({ ...b, minDistinct: Math.max(0, (b.minDistinct ?? 0) - 1) }));
      break;
    case "max-roles":
      if (policy.maxRoles !== undefined && policy.maxRoles !== null) policy.maxRoles += 1;
      break;
    case "max-imbalance": {
      const dialogue = policy.dialogue;
      if (dialogue !== undefined && dialogue.maxImbalance !== null) dialogue.maxImbalance = (dialogue.maxImbalance ?? 1) + 1;
      break;
    }
  }
  return doc;
}

const relaxations: fc.Arbitrary<Relaxation> = fc.record({
  kind: fc.constantFrom("nationality-share", "balance-share", "min-distinct", "max-roles", "max-imbalance"),
  share: fc.constantFrom(0.6, 0.75, 0.8, 1),
});

describe.each(EXACT)("%s: monotonicity", (solver) => {
  it("adding an opt-out, keep-apart pair or separate rule never raises the optimum", async () => {
    const capped = programArb({ ...KNOBS, caps: "some", optOuts: "some" });
    await fc.assert(
      fc.asyncProperty(capped, tightenings, async (input, t) => {
        const tighter = tighten(input, t);
        if (tighter !== null) await compare(solver, "not higher", input, tighter);
      }),
      { numRuns: runs(80) },
    );
  });

  it("relaxing a cap (share up, minimum down, more roles, more imbalance) never lowers the optimum", async () => {
    const capped = programArb({ ...KNOBS, caps: "heavy", balance: "some", dialogue: "some" });
    await fc.assert(
      fc.asyncProperty(capped, relaxations, (input, r) => compare(solver, "not lower", input, relax(input, r))),
      { numRuns: runs(80) },
    );
  });
});
