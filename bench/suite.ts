// The fixed suite: tiny generated programs whose optimum the run proves, generated conventions of 100 to 6,000
// participants, and MDGPLIB instances with their best-known values. Quick mode (CI) keeps a few small ones.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { checkSolution } from "../src/check/check.js";
import { scoreSolution } from "../src/check/score.js";
import { generateProgram, generateWithWitness } from "../src/generate/generate.js";
import type { Loaded } from "../src/model/issues.js";
import { formatInputIssue } from "../src/model/issues.js";
import { validateProgram } from "../src/model/load.js";
import type { Program } from "../src/model/schema.js";
import { loadBestKnown, loadMdgp, mdgpToProgram, type BestKnown } from "../src/mdgp/mdgp.js";
import type { BenchInstance } from "./harness.js";

export interface SuiteOptions {
  readonly quick: boolean;
  /** Folder holding mdgp/ (RanReal, RanInt, bks.csv). */
  readonly dataDir: string;
  /** Comma-separated substrings; an instance runs when its name contains one of them. */
  readonly filter?: string;
}

export interface Suite {
  readonly instances: BenchInstance[];
  /** Why parts of the suite are missing (no data folder, no bks.csv ...). */
  readonly notes: string[];
}

const SMALL = [
  { participants: 8, seed: 1 },
  { participants: 12, seed: 2 },
  { participants: 16, seed: 3 },
];
const CONVENTIONS = [100, 400, 1500, 6000];
// First instance of each MDGPLIB class; quick mode takes one of each set at n = 120.
const MDGP_FULL = [
  "RanReal_n120_ss_01", "RanReal_n120_ds_01", "RanInt_n120_ss_01", "RanInt_n120_ds_01",
  "RanReal_n240_ss_01", "RanReal_n240_ds_01", "RanInt_n240_ss_01", "RanInt_n240_ds_01",
];
const MDGP_QUICK = ["RanReal_n120_ss_01", "RanInt_n120_ds_01"];

export function buildSuite(options: SuiteOptions): Suite {
  const notes: string[] = [];
  const instances: BenchInstance[] = [];

  const small = options.quick ? SMALL.slice(0, 2) : SMALL;
  for (const { participants, seed } of small) {
    instances.push({
      name: `small-${participants}`,
      family: "small",
      proveOptimum: true,
      load: () => generated(participants, seed),
      planted: plantedObjective(participants, seed),
    });
  }
  const conventions = options.quick ? CONVENTIONS.slice(0, 1) : CONVENTIONS;
  for (const participants of conventions) {
    instances.push({
      name: `convention-${participants}`,
      family: "convention",
      load: () => generated(participants, 1),
      planted: plantedObjective(participants, 1),
    });
  }

  const mdgpDir = join(options.dataDir, "mdgp");
  if (!existsSync(mdgpDir)) {
    notes.push(`MDGP instances skipped: ${mdgpDir} not found (use --data DIR)`);
  } else {
    const bks = loadBestKnown(join(mdgpDir, "bks.csv"));
    if (!bks.ok) notes.push(`MDGP best-known values unavailable: ${bks.issues.map(formatInputIssue).join("; ")}`);
    const best: ReadonlyMap<string, BestKnown> = bks.ok ? bks.value : new Map();
    for (const name of options.quick ? MDGP_QUICK : MDGP_FULL) {
      const set = name.split("_")[0]!;
      const file = join(mdgpDir, set, `${name}.txt`);
      if (!existsSync(file)) {
        notes.push(`${name} skipped: ${file} not found`);
        continue;
      }
      const known = best.get(name);
      instances.push({
        name,
        family: "mdgp",
        load: () => unwrap(loadMdgpProgram(file)),
        ...(known === undefined
          ? {}
          : { reference: { kind: "best-known" as const, value: known.value, source: known.source || "bks.csv" } }),
      });
    }
  }

  const filters = (options.filter ?? "").split(",").map((f) => f.trim()).filter((f) => f !== "");
  const selected = filters.length === 0 ? instances : instances.filter((i) => filters.some((f) => i.name.includes(f)));
  return { instances: selected, notes };
}

function generated(participants: number, seed: number): Program {
  return unwrap(validateProgram(generateProgram({ participants, seed }), `generated-${participants}-seed-${seed}`));
}

/** The generator's witness for the same size and seed, checked and scored by the independent checker. */
export function plantedObjective(participants: number, seed: number): (program: Program) => number | null {
  return (program) => {
    const { witness } = generateWithWitness({ participants, seed });
    const violations = checkSolution(program, witness);
    if (violations.length > 0) throw new Error(`the planted witness has ${violations.length} violation(s)`);
    return scoreSolution(program, witness, null).total;
  };
}

function loadMdgpProgram(file: string): Loaded<Program> {
  const instance = loadMdgp(file);
  return instance.ok ? validateProgram(mdgpToProgram(instance.value), file) : instance;
}

function unwrap<T>(loaded: Loaded<T>): T {
  if (loaded.ok) return loaded.value;
  throw new Error(loaded.issues.slice(0, 3).map(formatInputIssue).join("; "));
}
