// `tracktwo notices PROGRAM OLD_SOLUTION NEW_SOLUTION --out notices.csv [--old-program FILE]`: after a re-solve,
// one CSV row per person whose panel, slot, room, role or fellow panellists changed, saying what changed (old ->
// new). Notices are meant for the people they are about: built from the public programme, they say nothing a
// published programme would not.
import { outputProblem, writeOutputFile, type InputFile } from "../files.js";
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

const usage = "tracktwo notices PROGRAM OLD_SOLUTION NEW_SOLUTION --out notices.csv [--old-program FILE]";

const help = `${usage}

  PROGRAM          the program NEW_SOLUTION solves
  OLD_SOLUTION     the solution published before (checked against --old-program, default PROGRAM)
  NEW_SOLUTION     the re-solved solution; the checker must accept it
  --old-program F  the program OLD_SOLUTION solved, when it differs (someone withdrew, a panel moved)
  --out FILE       the CSV to write: id, name, changed, before, after, details; its first line says its
                   audience: public (each row for the person it names; no nationality or safety information)
${INPUT_SIZE_HELP}`;

export const command: Command = {
  name: "notices",
  usage: help,
  run: runNotices,
};

async function runNotices(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandArgs(
    { args: [...args], allowPositionals: true, strict: true, options: { out: { type: "string", short: "o" }, "old-program": { type: "string" }, ...INPUT_SIZE_OPTION } },
    io,
    usage,
  );
  if (parsed === null) return EXIT_USAGE;
  const { values, positionals } = parsed;
  if (positionals.length !== 3 || values.out === undefined) {
    if (positionals.length !== 3) io.stderr(`tracktwo notices: expected PROGRAM, OLD_SOLUTION and NEW_SOLUTION, got ${positionals.length} file(s)\n`);
    if (values.out === undefined) io.stderr("tracktwo notices: --out FILE is required\n");
    io.stderr(`usage: ${usage}\n`);
    return EXIT_USAGE;
  }
  const [programFile, oldFile, newFile] = positionals as [string, string, string];
  const oldProgramFile = values["old-program"] ?? programFile;
  const inputs: InputFile[] = [
    { path: programFile, role: "program" },
    { path: oldFile, role: "old solution" },
    { path: newFile, role: "new solution" },
    { path: oldProgramFile, role: "old program" },
  ];
  const unwritable = outputProblem(values.out, inputs);
  if (unwritable !== null) {
    io.stderr(`tracktwo notices: cannot write ${values.out}: ${unwritable}\n`);
    return EXIT_USAGE;
  }
  const input = await inputOptions(values["max-input-size"], [programFile, oldFile, newFile, ...(oldProgramFile === programFile ? [] : [oldProgramFile])], io, "notices");
  if (input === null) return EXIT_USAGE;
  const before = loadProgramAndSolution(oldProgramFile, oldFile, io, input);
  const after = loadProgramAndSolution(programFile, newFile, io, input);
  if (before === null || after === null) return EXIT_USAGE;
  for (const [loaded, file, program] of [[before, oldFile, oldProgramFile], [after, newFile, programFile]] as const) {
    const refusal = unpublishable(loaded.program, loaded.solution, file, program);
    if (refusal !== null) {
      io.stderr(`tracktwo notices: ${refusal}\n`);
      return EXIT_INFEASIBLE;
    }
  }
  const { changeNotices, noticesCsv } = await import("../../export/notices.js");
  const { publicSource } = await import("../../export/programme.js");
  const notices = changeNotices(publicSource(before.program), before.solution.panels, publicSource(after.program), after.solution.panels);
  const written = writeOutputFile(values.out, noticesCsv(notices), "public", inputs);
  if (written !== null) {
    io.stderr(`tracktwo notices: cannot write ${values.out}: ${written}\n`);
    return EXIT_USAGE;
  }
  io.stdout(`wrote ${values.out}: ${notices.length} notice${notices.length === 1 ? "" : "s"} (audience: public, each row for the person it names)\n`);
  return EXIT_OK;
}
