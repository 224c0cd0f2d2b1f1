// `tracktwo check PROGRAM SOLUTION`: the independent checker on any solution file, ours or hand-edited.
// One line per violation, then the objective terms the checker's own scorer computes; exit 0 only when clean.
import { checkSolution } from "../../check/check.js";
import { scoreSolution } from "../../check/score.js";
import type { Violation } from "../../check/violations.js";
import { audienceNotice } from "../../report/audience.js";
import { redactValue } from "../../report/redact.js";
import { formatNumber } from "../../report/text.js";
import { formatViolation } from "../../report/violations.js";
import {
  EXIT_INFEASIBLE,
  EXIT_OK,
  EXIT_USAGE,
  INPUT_SIZE_HELP,
  INPUT_SIZE_OPTION,
  inputOptions,
  parseCommandArgs,
  type CliIo,
  type Command,
  type ExitCode,
} from "../io.js";
import { loadProgramAndSolution, noAssignment } from "../load.js";

const usage = "tracktwo check PROGRAM SOLUTION [--reveal-at-risk]";

export const command: Command = {
  name: "check",
  usage: `${usage}

  PROGRAM             program file (.json or .yaml); - reads standard input
  SOLUTION            solution file (format v1, as written by \`tracktwo solve --out\`); - reads standard input
  --reveal-at-risk    name the participant behind a violated at-risk rule (by default withheld)
${INPUT_SIZE_HELP}
Prints one line per violated hard constraint and the objective terms; exit 0 when there are none, 1 otherwise.
The report is for organisers (it names opt-outs). A solution naming a panel or participant the program lacks,
or listing a panel twice, is bad input (exit 2).`,
  run: runCheck,
};

async function runCheck(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandArgs(
    { args: [...args], allowPositionals: true, strict: true, options: { "reveal-at-risk": { type: "boolean", default: false }, ...INPUT_SIZE_OPTION } },
    io,
    usage,
  );
  if (parsed === null) return EXIT_USAGE;
  if (parsed.positionals.length !== 2) {
    io.stderr(`tracktwo check: expected PROGRAM and SOLUTION, got ${parsed.positionals.length} file(s)\nusage: ${usage}\n`);
    return EXIT_USAGE;
  }
  const [programFile, solutionFile] = parsed.positionals as [string, string];
  const reading = await inputOptions(parsed.values["max-input-size"], [programFile, solutionFile], io, "check");
  if (reading === null) return EXIT_USAGE;
  const loaded = loadProgramAndSolution(programFile, solutionFile, io, reading);
  if (loaded === null) return EXIT_USAGE;
  const { program, solution } = loaded;

  io.stdout(`${audienceNotice("organisers")}\n`);
  const empty = noAssignment(solution, solutionFile);
  if (empty !== null) {
    io.stdout(`${empty} to check\n`);
    return EXIT_INFEASIBLE;
  }

  const violations = checkSolution(program, solution.panels);
  const reveal = parsed.values["reveal-at-risk"] === true;
  let withheld = 0;
  for (const violation of violations) {
    const shown = reveal ? violation : (redactValue(violation, program) as Violation | { code: "withheld"; panel?: string; message: string });
    if (shown.code !== "withheld") io.stdout(`${formatViolation(shown)}\n`);
    else {
      withheld++;
      io.stdout(`${shown.panel === undefined ? "" : `${shown.panel}: `}${shown.message}\n`);
    }
  }
  if (withheld > 0) io.stdout("(--reveal-at-risk names who these rules protect)\n");

  const score = scoreSolution(program, solution.panels, null);
  const terms = Object.entries(score.terms).map(([name, value]) => `${name} ${formatNumber(value)}`);
  io.stdout(`objective ${formatNumber(score.total)} (${terms.join(", ")})\n`);
  const claimed = solution.objective?.total;
  if (claimed !== undefined && Math.abs(claimed - score.total) > 1e-6) {
    io.stdout(`note: the file claims objective ${formatNumber(claimed)}, the checker computes ${formatNumber(score.total)}\n`);
  }
  io.stdout(
    violations.length === 0 ? "ok: no violations\n" : `${violations.length} violation${violations.length === 1 ? "" : "s"}\n`,
  );
  return violations.length === 0 ? EXIT_OK : EXIT_INFEASIBLE;
}
