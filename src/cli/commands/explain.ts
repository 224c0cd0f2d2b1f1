// `tracktwo explain PROGRAM`: the counting checks with their numbers, and for an infeasible program a minimal
// conflict set and the smallest single relaxations. Exit 1 when the program is infeasible, 0 otherwise.
import { formatExplanation } from "../../explain/format.js";
import { explainProgram } from "../../explain/explain.js";
import { audienceNotice } from "../../report/audience.js";
import { jsonText } from "../../report/escape.js";
import { redactValue } from "../../report/redact.js";
import { loadBaseProgram } from "../../scenarios/load.js";
import { isSolverName } from "../../solvers/registry.js";
import {
  EXIT_INFEASIBLE,
  EXIT_OK,
  EXIT_USAGE,
  INPUT_SIZE_HELP,
  INPUT_SIZE_OPTION,
  inputOptions,
  parseCommandArgs,
  reportInputIssues,
  timeLimitOption,
  wholeOption,
  type CliIo,
  type Command,
  type ExitCode,
} from "../io.js";

const usage = "tracktwo explain PROGRAM [--time-limit SECONDS] [--solver mip|highs] [--seed N] [--reveal-at-risk] [--json]";

const help = `${usage}

  PROGRAM             program file (.json or .yaml); - reads standard input
  --time-limit S      budget for all the solver calls an explanation makes (default 30)
  --solver NAME       exact solver for feasibility questions (default: mip for tiny programs, highs otherwise)
  --seed N            random seed for the solver calls (default 1)
  --reveal-at-risk    name the at-risk participants behind a cause, and the changes that would fix it
                      (by default such causes are withheld: this output may be shown to a whole committee)
  --json              print the explanation as JSON
${INPUT_SIZE_HELP}
The explanation is for organisers: it names opt-outs and safety rules.`;

export const command: Command = {
  name: "explain",
  usage: help,
  run: runExplain,
};

async function runExplain(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandArgs(
    {
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        "time-limit": { type: "string" },
        solver: { type: "string" },
        seed: { type: "string" },
        "reveal-at-risk": { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        ...INPUT_SIZE_OPTION,
      },
    },
    io,
    usage,
  );
  if (parsed === null) return EXIT_USAGE;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    io.stderr(`tracktwo explain: expected one PROGRAM file, got ${positionals.length}\nusage: ${usage}\n`);
    return EXIT_USAGE;
  }
  const solver = values.solver;
  if (solver !== undefined && solver !== "mip" && solver !== "highs") {
    io.stderr(`tracktwo explain: --solver: "${solver}" cannot prove infeasibility; expected mip or highs\n`);
    return EXIT_USAGE;
  }
  const timeLimit = timeLimitOption(values["time-limit"], io);
  const seed = wholeOption(values.seed, "seed", io);
  if (timeLimit === null || seed === null) return EXIT_USAGE;
  const reading = await inputOptions(values["max-input-size"], positionals, io, "explain");
  if (reading === null) return EXIT_USAGE;

  const program = loadBaseProgram(positionals[0]!, reading);
  if (!program.ok) return reportInputIssues(program.issues, io);
  const explanation = await explainProgram(program.value, {
    ...(timeLimit === undefined ? {} : { timeLimitMs: Math.round(timeLimit * 1000) }),
    ...(solver !== undefined && isSolverName(solver) ? { solver } : {}),
    ...(seed === undefined ? {} : { seed }),
  });
  const reveal = values["reveal-at-risk"] === true;
  if (values.json) {
    const shown = reveal ? explanation : (redactValue(explanation) as object);
    io.stdout(jsonText({ audience: "organisers", notice: audienceNotice("organisers"), ...shown }));
  } else {
    const text = formatExplanation(explanation, { showPassing: true, budgetFlag: "--time-limit", revealSensitive: reveal, revealFlag: "--reveal-at-risk" });
    io.stdout(`${audienceNotice("organisers")}\n\n${text}`);
  }
  return explanation.verdict === "infeasible" ? EXIT_INFEASIBLE : EXIT_OK;
}
