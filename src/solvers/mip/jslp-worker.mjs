// javascript-lp-solver in a worker thread: receives a plain-data LinearModel (see linear-model.ts) and a time-out,
// posts one { type: "done" } message. Plain ESM JavaScript so that it loads the same under node, tsx and vitest.
// The parent terminates this thread at its time limit: the solver checks its clock only between nodes.
import { parentPort, workerData } from "node:worker_threads";
import solver from "javascript-lp-solver";

const { model, timeoutMs } = workerData;
const OBJECTIVE = "__objective";

// Fixed variables are substituted out (the solver has no bounds, only rows); binaries use the solver's own
// "binaries" (one x <= 1 row each); other bounds become rows.
const fixed = new Map();
model.variables.forEach((v, j) => {
  if (v.lower === v.upper) fixed.set(j, v.lower);
});
const constraints = {};
const variables = {};
const ints = {};
const binaries = {};
const name = (j) => `v${j}`;
model.variables.forEach((v, j) => {
  if (fixed.has(j)) return;
  const column = { [OBJECTIVE]: v.objective };
  variables[name(j)] = column;
  const isBinary = v.isInteger && v.lower === 0 && v.upper === 1;
  if (isBinary) binaries[name(j)] = 1;
  else if (v.isInteger) ints[name(j)] = 1;
  if (!isBinary) {
    if (v.lower !== 0) {
      constraints[`lb${j}`] = { min: v.lower };
      column[`lb${j}`] = 1;
    }
    if (Number.isFinite(v.upper)) {
      constraints[`ub${j}`] = { max: v.upper };
      column[`ub${j}`] = 1;
    }
  }
});
model.rows.forEach((row, r) => {
  let rhs = row.rhs;
  let terms = 0;
  for (let k = 0; k < row.indices.length; k++) {
    const j = row.indices[k];
    const c = row.coefficients[k];
    if (fixed.has(j)) rhs -= c * fixed.get(j);
    else {
      variables[name(j)][`r${r}`] = c;
      terms++;
    }
  }
  if (terms === 0) return; // all fixed: the parent checks the full point anyway
  constraints[`r${r}`] = row.sense === "<=" ? { max: rhs } : row.sense === ">=" ? { min: rhs } : { equal: rhs };
});

const started = Date.now();
const result = solver.Solve({
  optimize: OBJECTIVE,
  opType: "max",
  constraints,
  variables,
  ints,
  binaries,
  options: { timeout: timeoutMs, tolerance: 0, nodeSelection: "hybrid", branching: "pseudocost" },
});
const elapsedMs = Date.now() - started;

const values = new Float64Array(model.variables.length);
model.variables.forEach((_, j) => {
  const value = fixed.has(j) ? fixed.get(j) : result[name(j)];
  values[j] = typeof value === "number" ? value : 0;
});
parentPort.postMessage({
  type: "done",
  feasible: result.feasible === true,
  values,
  // The branch-and-bound loop only leaves early when its clock ran out; finishing before that means the tree was
  // exhausted, so the incumbent is optimal (or, without one, no integer point exists).
  exhausted: elapsedMs < timeoutMs,
  elapsedMs,
});
