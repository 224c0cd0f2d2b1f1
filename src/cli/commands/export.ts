// `tracktwo export PROGRAM SOLUTION --format html|csv|md --audience public|organisers --out DIR`: the programme for
// publication (public) or for the organisers (nationality mixes, safety marks, the equity dashboard). Only a
// solution the independent checker accepts is exported: a programme is not published with a broken rule in it.
import { join } from "node:path";
import { AUDIENCES, isAudience, type Audience } from "../../report/audience.js";
import { makeDirectory, outputProblem, writeOutputFile, type InputFile } from "../files.js";
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
import { loadProgramAndSolution, unpublishable } from "../load.js";

const usage = "tracktwo export PROGRAM SOLUTION [--format html|csv|md] [--audience public|organisers] [--reveal-at-risk] --out DIR";

const help = `${usage}

  PROGRAM      program file (.json or .yaml)
  SOLUTION     solution file (as written by \`tracktwo solve --out\`); the checker must accept it
  --format     html (default): one self-contained page, no network; csv: one row per participant and one per
               panel (organisers: every program field too, readable by \`tracktwo import\`); md: Markdown tables
  --audience   public (default): names, titles, roles, slots and rooms only; organisers: adds nationalities,
               opt-outs, dialogue panels and the equity dashboard (do not publish)
  --reveal-at-risk
               organisers only: also name who is at risk (a mark per member, the seated count, and the CSV
               column that \`tracktwo import\` needs to read the at-risk flags back); by default withheld
  --out DIR    directory for the files (created if missing); each file name states its audience
${INPUT_SIZE_HELP}`;

export const command: Command = {
  name: "export",
  usage: help,
  run: runExport,
};

async function runExport(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandArgs(
    {
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: "string", default: "html" },
        audience: { type: "string", default: "public" },
        "reveal-at-risk": { type: "boolean", default: false },
        out: { type: "string", short: "o" },
        ...INPUT_SIZE_OPTION,
      },
    },
    io,
    usage,
  );
  if (parsed === null) return EXIT_USAGE;
  const { values, positionals } = parsed;
  const { EXPORT_FORMATS, exportProgramme, isExportFormat } = await import("../../export/export.js");
  const problems: string[] = [];
  if (positionals.length !== 2) problems.push(`expected PROGRAM and SOLUTION, got ${positionals.length} file(s)`);
  if (!isExportFormat(values.format)) problems.push(`--format: unknown format "${values.format}"; expected one of ${EXPORT_FORMATS.join(", ")}`);
  if (!isAudience(values.audience)) problems.push(`--audience: unknown audience "${values.audience}"; expected one of ${AUDIENCES.join(", ")}`);
  if (values.out === undefined) problems.push("--out DIR is required");
  const revealAtRisk = values["reveal-at-risk"] === true;
  if (revealAtRisk && values.audience === "public") problems.push("--reveal-at-risk names who is at risk, which no public file may do; expected --audience organisers with it");
  if (problems.length > 0) {
    for (const p of problems) io.stderr(`tracktwo export: ${p}\n`);
    io.stderr(`usage: ${usage}\n`);
    return EXIT_USAGE;
  }
  const [programFile, solutionFile] = positionals as [string, string];
  const input = await inputOptions(values["max-input-size"], [programFile, solutionFile], io, "export");
  if (input === null) return EXIT_USAGE;
  const loaded = loadProgramAndSolution(programFile, solutionFile, io, input);
  if (loaded === null) return EXIT_USAGE;
  const refusal = unpublishable(loaded.program, loaded.solution, solutionFile, programFile);
  if (refusal !== null) {
    io.stderr(`tracktwo export: ${refusal}\n`);
    return EXIT_INFEASIBLE;
  }

  const dir = values.out!;
  const files = exportProgramme(loaded.program, loaded.solution, values.format as Parameters<typeof exportProgramme>[2], values.audience as Audience, { revealAtRisk });
  const made = makeDirectory(dir);
  if (made !== null) {
    io.stderr(`tracktwo export: cannot write ${dir}: ${made}\n`);
    return EXIT_USAGE;
  }
  // Every target checked before the first write, so a refusal leaves no half-written set behind.
  const inputs: InputFile[] = [
    { path: programFile, role: "program" },
    { path: solutionFile, role: "solution" },
  ];
  for (const file of files) {
    const path = join(dir, file.name);
    const problem = outputProblem(path, inputs);
    if (problem !== null) {
      io.stderr(`tracktwo export: cannot write ${path}: ${problem}\n`);
      return EXIT_USAGE;
    }
  }
  for (const file of files) {
    const path = join(dir, file.name);
    const written = writeOutputFile(path, file.text, values.audience as Audience, inputs);
    if (written !== null) {
      io.stderr(`tracktwo export: cannot write ${path}: ${written}\n`);
      return EXIT_USAGE;
    }
    io.stdout(`wrote ${path} (audience: ${values.audience}${revealAtRisk ? ", names who is at risk" : ""})\n`);
  }
  return EXIT_OK;
}
