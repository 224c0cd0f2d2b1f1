// HiGHS in a worker thread: receives a plain-data LinearModel (see linear-model.ts) and options (relax: drop
// integrality, for an LP bound; large: root LP by interior point, no presolve), posts progress
// ({ type: "incumbent" }) and one final message ({ type: "done" }). Plain ESM JavaScript so that it loads the same
// under node, tsx and vitest. The parent terminates this thread at its time limit, whatever HiGHS is doing.
import { parentPort, workerData } from "node:worker_threads";
import highsLoader from "highs";

const { model, timeLimitSec, seed, start, wasmModule, absoluteGap, relax, large } = workerData;
const highs = await highsLoader(wasmModule ? { wasmModule } : {});
const n = model.variables.length;
const m = model.rows.length;

const starts = new Int32Array(m + 1);
let nonzeros = 0;
model.rows.forEach((row, r) => {
  starts[r] = nonzeros;
  nonzeros += row.indices.length;
});
starts[m] = nonzeros;
const indices = new Int32Array(nonzeros);
const values = new Float64Array(nonzeros);
const rowLower = new Float64Array(m);
const rowUpper = new Float64Array(m);
model.rows.forEach((row, r) => {
  indices.set(row.indices, starts[r]);
  values.set(row.coefficients, starts[r]);
  rowLower[r] = row.sense === "<=" ? -highs.infinity : row.rhs;
  rowUpper[r] = row.sense === ">=" ? highs.infinity : row.rhs;
});
const bound = (x) => (x === Infinity ? highs.infinity : x === -Infinity ? -highs.infinity : x);

const solver = highs.createModel();
try {
  solver.passModel({
    numCols: n,
    numRows: m,
    sense: highs.constants.objectiveSense.maximize,
    offset: model.objectiveOffset,
    colCost: Float64Array.from(model.variables, (v) => v.objective),
    colLower: Float64Array.from(model.variables, (v) => bound(v.lower)),
    colUpper: Float64Array.from(model.variables, (v) => bound(v.upper)),
    rowLower,
    rowUpper,
    matrix: { format: "csr", numRows: m, numCols: n, starts, indices, values },
    integrality: Int32Array.from(model.variables, (v) => (v.isInteger && !relax ? 1 : 0)),
  });
  solver.options.set({
    output_flag: false,
    time_limit: timeLimitSec,
    random_seed: seed,
    mip_rel_gap: 0,
    mip_abs_gap: absoluteGap,
    // Large models (see highs.ts): HiGHS's presolve spent 10-13 s and its dual simplex 17 s to never on the root
    // LP of 200-300 participants; without presolve and with the interior-point root the root bound comes in 3-15 s.
    ...(large ? { presolve: "off", ...(relax ? { solver: "ipm" } : { mip_lp_solver: "ipm" }) } : {}),
  });
  if (start) {
    // A warm start is a hint: HiGHS may reject it (e.g. it breaks a row), and the solve goes on without it.
    try {
      solver.setSolution({ indices: start.indices, values: start.values });
    } catch {
      // ignored on purpose
    }
  }

  const callbacks = {
    [highs.constants.callbackType.mipImprovingSolution](event) {
      const data = event.data;
      if (data.mip_solution) {
        parentPort.postMessage({
          type: "incumbent",
          objective: data.objective_function_value ?? data.mip_primal_bound,
          values: data.mip_solution,
        });
      }
    },
  };
  const run = solver.run(callbacks);
  const status = solver.getModelStatus();
  const info = (name) => {
    try {
      return Number(solver.info.get(name));
    } catch {
      return NaN;
    }
  };
  const hasPrimal = info("primal_solution_status") === highs.constants.solutionStatus.feasible;
  parentPort.postMessage({
    type: "done",
    status,
    statusName: Object.keys(highs.constants.modelStatus).find((k) => highs.constants.modelStatus[k] === status) ?? String(status),
    warning: run.status === 1,
    values: hasPrimal ? solver.getSolution().colValue : null,
    objective: hasPrimal ? solver.getObjectiveValue() : null,
    dualBound: info("mip_dual_bound"),
    nodes: info("mip_node_count"),
  });
} finally {
  solver.dispose();
}
