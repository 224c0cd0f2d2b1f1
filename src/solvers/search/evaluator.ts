// Incremental scoring of moves: each active rule keeps its value per entity (panel, participant, group, global);
// a move is applied to the state, the touched entities are re-valued from the counters, and the move is either
// committed (caches updated) or rolled back (changes undone). Score = objective - sum(weight x violation).
import type { Problem } from "../../model/problem.js";
import { RULES, type CatalogueEntry, type ViolationAmounts } from "../../constraints/registry.js";
import type { RuleScope } from "../../constraints/rule.js";
import type { Move } from "./moves.js";
import { type Role, type SearchState } from "./state.js";

const SCOPES: readonly RuleScope[] = ["panel", "participant", "group", "global"];

export class Evaluator {
  readonly rules: readonly CatalogueEntry[];
  /** Objective weight (policy.weights) or penalty weight (adaptive) per rule. */
  readonly weights: Float64Array;
  readonly isHard: Uint8Array;
  readonly totals: Float64Array;
  private readonly cache: Float64Array[];
  /** Each rule's value of one entity, bound to the state's counters. */
  private readonly valueOf: ((entity: number) => number)[];
  private readonly rulesByScope: Int32Array[];
  private readonly touched: Int32Array[];
  private readonly touchedCount = new Int32Array(4);
  private readonly stampByEntity: Int32Array[];
  private stamp = 0;
  private newValues: Float64Array[];
  private readonly diff: Float64Array;
  private pending: Move | null = null;
  /** Entities with a violation, per scope (panel, participant, group, global): where repair moves aim. */
  readonly violated: IndexedSet[];
  lastObjectiveDelta = 0;
  lastPenaltyDelta = 0;

  constructor(
    readonly state: SearchState,
    initialPenaltyWeight = 1,
  ) {
    const problem = state.problem;
    this.rules = RULES.filter((rule) => rule.isActive(problem));
    this.valueOf = this.rules.map((rule) => rule.search.valuer(state));
    this.weights = Float64Array.from(this.rules, (rule) => (rule.kind === "hard" ? initialPenaltyWeight : problem.weights[rule.term]));
    this.isHard = Uint8Array.from(this.rules, (rule) => (rule.kind === "hard" ? 1 : 0));
    this.totals = new Float64Array(this.rules.length);
    const sizes = entityCounts(problem);
    this.cache = this.rules.map((rule) => new Float64Array(sizes[rule.search.scope]));
    this.rulesByScope = SCOPES.map((scope) => Int32Array.from(this.rules.flatMap((rule, r) => (rule.search.scope === scope ? [r] : []))));
    this.touched = SCOPES.map(() => new Int32Array(16));
    this.stampByEntity = SCOPES.map((scope) => new Int32Array(sizes[scope]));
    this.newValues = this.rules.map(() => new Float64Array(16));
    this.diff = new Float64Array(this.rules.length);
    this.violated = SCOPES.map((scope) => new IndexedSet(sizes[scope]));
    this.recompute();
  }

  /** Re-value every entity from the counters (after loading an assignment). */
  recompute(): void {
    const sizes = entityCounts(this.state.problem);
    this.rules.forEach((rule, r) => {
      const cache = this.cache[r]!;
      let total = 0;
      const value = this.valueOf[r]!;
      for (let e = 0; e < sizes[rule.search.scope]; e++) total += cache[e] = value(e);
      this.totals[r] = total;
    });
    SCOPES.forEach((_, s) => {
      for (let e = 0; e < sizes[SCOPES[s]!]; e++) this.markViolation(s, e);
    });
  }

  private markViolation(scope: number, entity: number): void {
    const rules = this.rulesByScope[scope]!;
    let violated = false;
    for (let x = 0; x < rules.length && !violated; x++) {
      const r = rules[x]!;
      if (this.isHard[r] === 1 && this.cache[r]![entity]! > 0) violated = true;
    }
    if (violated) this.violated[scope]!.add(entity);
    else this.violated[scope]!.delete(entity);
  }

  objective(): number {
    let total = 0;
    for (let r = 0; r < this.rules.length; r++) if (this.isHard[r] === 0) total += this.weights[r]! * this.totals[r]!;
    return total;
  }

  /** Unweighted sum of violation amounts: 0 means feasible. */
  violation(): number {
    let total = 0;
    for (let r = 0; r < this.rules.length; r++) if (this.isHard[r] === 1) total += this.totals[r]!;
    return total;
  }

  weightedViolation(): number {
    let total = 0;
    for (let r = 0; r < this.rules.length; r++) if (this.isHard[r] === 1) total += this.weights[r]! * this.totals[r]!;
    return total;
  }

  score(): number {
    return this.objective() - this.weightedViolation();
  }

  isFeasible(): boolean {
    return this.violation() < 0.5;
  }

  /** Apply `move`, returning the change of score; follow with commit() or rollback(). */
  tryMove(move: Move): number {
    const state = this.state;
    const problem = state.problem;
    this.stamp++;
    this.touchedCount.fill(0);
    const n = move.length;
    for (let k = 0; k < n; k++) {
      this.touch(0, move.panels[k]!);
      const i = move.participants[k]!;
      this.touch(1, i);
      const g = problem.groupByParticipant[i]!;
      if (g >= 0) this.touch(2, g);
    }
    this.touch(3, 0);
    for (let k = 0; k < n; k++) state.setRole(move.participants[k]!, move.panels[k]!, move.next[k]! as Role);
    this.pending = move;

    let objective = 0;
    let penalty = 0;
    for (let s = 0; s < 4; s++) {
      const rules = this.rulesByScope[s]!;
      if (rules.length === 0) continue;
      const touched = this.touched[s]!;
      const count = this.touchedCount[s]!;
      for (let x = 0; x < rules.length; x++) {
        const r = rules[x]!;
        const valueOf = this.valueOf[r]!;
        const cache = this.cache[r]!;
        let values = this.newValues[r]!;
        if (values.length < count) values = this.newValues[r] = new Float64Array(count * 2);
        let diff = 0;
        for (let t = 0; t < count; t++) {
          const e = touched[t]!;
          const value = valueOf(e);
          values[t] = value;
          diff += value - cache[e]!;
        }
        this.diff[r] = diff;
        if (this.isHard[r] === 1) penalty += this.weights[r]! * diff;
        else objective += this.weights[r]! * diff;
      }
    }
    this.lastObjectiveDelta = objective;
    this.lastPenaltyDelta = penalty;
    return objective - penalty;
  }

  commit(): void {
    for (let s = 0; s < 4; s++) {
      const rules = this.rulesByScope[s]!;
      const touched = this.touched[s]!;
      const count = this.touchedCount[s]!;
      for (let x = 0; x < rules.length; x++) {
        const r = rules[x]!;
        const cache = this.cache[r]!;
        const values = this.newValues[r]!;
        for (let t = 0; t < count; t++) cache[touched[t]!] = values[t]!;
        this.totals[r]! += this.diff[r]!;
      }
      if (rules.length > 0) for (let t = 0; t < count; t++) this.markViolation(s, touched[t]!);
    }
    this.pending = null;
  }

  rollback(): void {
    const move = this.pending;
    if (move === null) return;
    for (let k = move.length - 1; k >= 0; k--) this.state.setRole(move.participants[k]!, move.panels[k]!, move.previous[k]! as Role);
    this.pending = null;
  }

  /** Violation amount per active hard rule, by code (for adaptive weights and diagnosis). */
  violationsByRule(): ViolationAmounts {
    const out: ViolationAmounts = {};
    this.rules.forEach((rule, r) => {
      if (rule.kind === "hard" && this.totals[r]! > 0) out[rule.code] = this.totals[r]!;
    });
    return out;
  }

  private touch(scope: number, entity: number): void {
    const stamps = this.stampByEntity[scope]!;
    if (stamps[entity] === this.stamp) return;
    stamps[entity] = this.stamp;
    let list = this.touched[scope]!;
    const count = this.touchedCount[scope]!;
    if (count === list.length) {
      const grown = new Int32Array(count * 2);
      grown.set(list);
      list = this.touched[scope] = grown;
    }
    list[count] = entity;
    this.touchedCount[scope] = count + 1;
  }
}

function entityCounts(problem: Problem): Record<RuleScope, number> {
  return { panel: problem.panelCount, participant: problem.participantCount, group: problem.groups.length, global: 1 };
}

/** A set of small integers with O(1) add, delete and uniform random pick. */
export class IndexedSet {
  readonly items: Int32Array;
  private readonly position: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
  }

  add(value: number): void {
    if (this.position[value] !== -1) return;
    this.position[value] = this.size;
    this.items[this.size++] = value;
  }

  delete(value: number): void {
    const at = this.position[value]!;
    if (at === -1) return;
    const last = this.items[--this.size]!;
    this.items[at] = last;
    this.position[last] = at;
    this.position[value] = -1;
  }
}
