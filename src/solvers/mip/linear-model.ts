// A backend-neutral mixed-integer linear model (maximisation). Built once by build.ts and handed as plain data
// (typed arrays, structured-cloneable) to either backend's worker thread.

export type RowSense = "<=" | ">=" | "=";

export interface LinearVariable {
  readonly name: string;
  readonly lower: number;
  readonly upper: number;
  readonly isInteger: boolean;
  readonly objective: number;
}

export interface LinearRow {
  readonly name: string;
  readonly indices: Int32Array;
  readonly coefficients: Float64Array;
  readonly sense: RowSense;
  readonly rhs: number;
}

export interface LinearModel {
  readonly variables: readonly LinearVariable[];
  readonly rows: readonly LinearRow[];
  /** Constant added to the objective (terms that do not depend on any variable). */
  readonly objectiveOffset: number;
  /** Set when building already proved the model infeasible (e.g. a pin on a forbidden seat); rows may be partial. */
  readonly infeasibleReason: string | null;
}

export interface Term {
  readonly variable: number;
  readonly coefficient: number;
}

/** Accumulates variables and rows; merges repeated variables within a row and drops zero coefficients. */
export class LinearModelBuilder {
  private readonly variables: LinearVariable[] = [];
  private readonly rows: LinearRow[] = [];
  private offset = 0;
  private infeasible: string | null = null;

  get variableCount(): number {
    return this.variables.length;
  }

  addVariable(name: string, lower: number, upper: number, isInteger: boolean, objective = 0): number {
    this.variables.push({ name, lower, upper, isInteger, objective });
    return this.variables.length - 1;
  }

  addBinary(name: string, objective = 0): number {
    return this.addVariable(name, 0, 1, true, objective);
  }

  variable(index: number): LinearVariable {
    return this.variables[index]!;
  }

  setBounds(index: number, lower: number, upper: number): void {
    this.variables[index] = { ...this.variables[index]!, lower, upper };
  }

  addObjective(index: number, coefficient: number): void {
    const v = this.variables[index]!;
    this.variables[index] = { ...v, objective: v.objective + coefficient };
  }

  addOffset(value: number): void {
    this.offset += value;
  }

  markInfeasible(reason: string): void {
    this.infeasible ??= reason;
  }

  /** Adds `sum terms (sense) rhs`. A row with no variables is checked now and marks the model infeasible if violated. */
  addRow(name: string, terms: readonly Term[], sense: RowSense, rhs: number): void {
    const merged = new Map<number, number>();
    for (const t of terms) merged.set(t.variable, (merged.get(t.variable) ?? 0) + t.coefficient);
    const entries = [...merged].filter(([, c]) => c !== 0).sort((a, b) => a[0] - b[0]);
    if (entries.length === 0) {
      if (!satisfies(0, sense, rhs, 1e-9)) this.markInfeasible(`row ${name} cannot hold: 0 ${sense} ${rhs}`);
      return;
    }
    this.rows.push({
      name,
      indices: Int32Array.from(entries, (e) => e[0]),
      coefficients: Float64Array.from(entries, (e) => e[1]),
      sense,
      rhs,
    });
  }

  build(): LinearModel {
    return {
      variables: [...this.variables],
      rows: [...this.rows],
      objectiveOffset: this.offset,
      infeasibleReason: this.infeasible,
    };
  }
}

function satisfies(activity: number, sense: RowSense, rhs: number, tolerance: number): boolean {
  if (sense === "<=") return activity <= rhs + tolerance;
  if (sense === ">=") return activity >= rhs - tolerance;
  return Math.abs(activity - rhs) <= tolerance;
}

/** Does `values` satisfy every bound, integrality and row of the model (within tolerance)? */
export function isFeasiblePoint(model: LinearModel, values: ArrayLike<number>, tolerance = 1e-6): boolean {
  if (values.length !== model.variables.length) return false;
  for (let j = 0; j < model.variables.length; j++) {
    const v = model.variables[j]!;
    const value = values[j]!;
    if (!Number.isFinite(value) || value < v.lower - tolerance || value > v.upper + tolerance) return false;
    if (v.isInteger && Math.abs(value - Math.round(value)) > tolerance) return false;
  }
  for (const row of model.rows) {
    let activity = 0;
    for (let k = 0; k < row.indices.length; k++) activity += row.coefficients[k]! * values[row.indices[k]!]!;
    if (!satisfies(activity, row.sense, row.rhs, tolerance * Math.max(1, row.indices.length))) return false;
  }
  return true;
}

export function objectiveValue(model: LinearModel, values: ArrayLike<number>): number {
  let total = model.objectiveOffset;
  for (let j = 0; j < model.variables.length; j++) total += model.variables[j]!.objective * values[j]!;
  return total;
}

/** True when every objective coefficient and the offset are integers, so the optimum is an integer. */
export function hasIntegralObjective(model: LinearModel): boolean {
  if (!Number.isInteger(model.objectiveOffset)) return false;
  return model.variables.every((v) => v.objective === 0 || (v.isInteger && Number.isInteger(v.objective)));
}
