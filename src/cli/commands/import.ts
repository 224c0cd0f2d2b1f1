// `tracktwo import REGISTRATION [--panels FILE] [--slots FILE] [--map MAP] [--sheet NAME] --out PROGRAM`: a
// registration export (CSV or XLSX) and a panels table become a program file. Every problem of every file is
// reported in one pass, one line each with file, row and column; nothing is written unless there is none.
import { formatImportIssue } from "../../import/issues.js";
import { STDIN } from "../../model/read.js";
import { escapeTerminal } from "../../report/escape.js";
import { programFileText } from "../../report/program-file.js";
import { outputProblem, writeOutputFile, type InputFile } from "../files.js";
import {
  EXIT_OK,
  EXIT_USAGE,
  INPUT_SIZE_HELP,
  INPUT_SIZE_OPTION,
  inputSizeOption,
  parseCommandArgs,
  type CliIo,
  type Command,
  type ExitCode,
} from "../io.js";

const usage = "tracktwo import REGISTRATION.csv|.xlsx [--panels PANELS.csv|.xlsx] [--slots SLOTS.csv|.xlsx] [--map MAP.yaml] [--sheet NAME] [--out PROGRAM.yaml]";

const help = `${usage}

  REGISTRATION     the registration export: one row per participant, as CSV (UTF-8 with or without a byte-order
                   mark, or UTF-16 with one; comma, semicolon or tab) or an .xlsx workbook; a file, not "-"
  --panels FILE    the panels: one row per panel (default: a sheet named Panels in the registration workbook)
  --slots FILE     the slots: id and label per row (default: a sheet named Slots, the map's slots, or the slots
                   the panels name)
  --map FILE       headers the importer does not know, sheet names, the convention's name and policy
                   (\`tracktwo schema --map\` describes the format)
  --sheet NAME     the registration sheet of a workbook (default: Participants or Registrations, else the first)
  --out FILE       write the program there (YAML, or JSON for a .json name); default: YAML on stdout
${INPUT_SIZE_HELP}
Recognised headers include id, name (or first and last name), nationality / citizenship / country, chair,
discussant, topics, gender, career stage, unavailable, avoid, dialogue, at risk, group / paper. Email and phone
columns are never read. Exit 2 with one line per problem (file, row, column) when anything is wrong.`;

export const command: Command = {
  name: "import",
  usage: help,
  run: runImport,
};

async function runImport(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandArgs(
    {
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        panels: { type: "string" },
        slots: { type: "string" },
        map: { type: "string" },
        sheet: { type: "string" },
        out: { type: "string", short: "o" },
        ...INPUT_SIZE_OPTION,
      },
    },
    io,
    usage,
  );
  if (parsed === null) return EXIT_USAGE;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    io.stderr(`tracktwo import: expected one REGISTRATION file, got ${positionals.length}\nusage: ${usage}\n`);
    return EXIT_USAGE;
  }
  const registration = positionals[0]!;
  const maxInputBytes = inputSizeOption(values["max-input-size"], io);
  if (maxInputBytes === null) return EXIT_USAGE;
  if ([registration, values.panels, values.slots, values.map].includes(STDIN)) {
    io.stderr(`tracktwo import: "${STDIN}" (standard input) is not read by import: a workbook is binary and its sheets are found by name; expected a file path (.csv or .xlsx)\n`);
    return EXIT_USAGE;
  }
  const inputs: InputFile[] = [
    { path: registration, role: "registration" },
    ...(values.panels === undefined ? [] : [{ path: values.panels, role: "panels" }]),
    ...(values.slots === undefined ? [] : [{ path: values.slots, role: "slots" }]),
    ...(values.map === undefined ? [] : [{ path: values.map, role: "map" }]),
  ];
  const unwritable = values.out === undefined ? null : outputProblem(values.out, inputs);
  if (unwritable !== null) {
    io.stderr(`tracktwo import: cannot write ${values.out}: ${unwritable}\n`);
    return EXIT_USAGE;
  }

  // Loaded on use: the spreadsheet and country libraries are not needed by any other command.
  const { importProgram } = await import("../../import/import.js");
  const result = await importProgram({
    registration,
    ...(values.panels === undefined ? {} : { panels: values.panels }),
    ...(values.slots === undefined ? {} : { slots: values.slots }),
    ...(values.map === undefined ? {} : { map: values.map }),
    ...(values.sheet === undefined ? {} : { sheet: values.sheet }),
  }, maxInputBytes === undefined ? {} : { maxInputBytes });
  // Notes quote headers from the file, so they are made safe for a terminal like the issues.
  for (const note of result.notes) io.stderr(`note: ${escapeTerminal(note)}\n`);
  if (!result.ok) {
    for (const issue of result.issues) io.stderr(`${formatImportIssue(issue)}\n`);
    io.stderr(`tracktwo import: ${result.issues.length} problem${result.issues.length === 1 ? "" : "s"}; nothing written\n`);
    return EXIT_USAGE;
  }
  const program = result.program;
  // YAML unless --out names a .json file: the format a chair edits by hand.
  const format = values.out !== undefined && /\.json$/i.test(values.out) ? "json" : "yaml";
  const text = programFileText(program, format, [`Imported by \`tracktwo import\` from ${registration}`]);
  if (values.out === undefined) {
    io.stdout(text);
    return EXIT_OK;
  }
  const written = writeOutputFile(values.out, text, "organisers", inputs);
  if (written !== null) {
    io.stderr(`tracktwo import: cannot write ${values.out}: ${written}\n`);
    return EXIT_USAGE;
  }
  const slots = program.slots?.length ?? 0;
  io.stdout(`wrote ${values.out}: ${program.participants.length} participants, ${program.panels.length} panels, ${slots} slot${slots === 1 ? "" : "s"}\n`);
  return EXIT_OK;
}
