// Relaxation axes: a single program parameter along which a rule loosens (a share cap, a minimum, who may chair),
// with its meaningful values from the smallest change to the largest. Each rule of the catalogue lists its own
// (its `explain.axes` face); findRelaxations (relax.ts) binary-searches each for the least change that makes the
// program feasible. Helpers for building them live here too.
import type { Program } from "../model/schema.js";

export interface RelaxationAxis {
  readonly path: string;
  readonly from: unknown;
  /** Candidate values, from the smallest change to the largest; feasibility is monotone along them. */
  readonly steps: readonly unknown[];
  apply(program: Program, value: unknown): Program;
  describe(value: unknown): string;
  /** A fix for a cause that exists because someone is at risk: withheld unless revealed (src/explain/sensitive.ts). */
  readonly sensitive?: boolean;
}

const ceil2 = (x: number) => Math.ceil(x * 100 - 1e-9) / 100;

/**
 * Most members any panel can have, and never more than there are participants (the share steps below take time
 * quadratic in this).
 */
export function mostMembers(program: Program): number {
  const { policy } = program;
  return Math.min(
    program.participants.length,
    Math.max(
      0,
      ...program.panels.map((p) => (p.size ?? policy.panelSize).max + ((p.chair ?? policy.chair) ? 1 : 0) + ((p.discussant ?? policy.discussant) ? 1 : 0)),
    ),
  );
}

/** Share caps above `current`: only values k/m (m members) change what a cap allows; rounded up to two decimals for people. */
export function shareSteps(program: Program, current: number): number[] {
  const maxMembers = mostMembers(program);
  const values = new Set<number>([1]);
  for (let m = 1; m <= maxMembers; m++) for (let k = 1; k <= m; k++) if (k / m > current + 1e-9) values.add(Math.min(1, ceil2(k / m)));
  return [...values].filter((v) => v > current).sort((a, b) => a - b);
}

/** current - 1, current - 2, ... down to `floor`. */
export const countDown = (current: number, floor: number): number[] => Array.from({ length: Math.max(0, current - floor) }, (_, k) => current - 1 - k);

export const withPolicy = (p: Program, change: (policy: Program["policy"]) => Program["policy"]): Program => ({ ...p, policy: change(p.policy) });

/** Ids for a message: all of them up to eight, else the first eight and "...". */
export const idList = (ids: readonly string[]): string => (ids.length <= 8 ? ids.join(", ") : `${ids.slice(0, 8).join(", ")}, ...`);
