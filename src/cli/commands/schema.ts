// `tracktwo schema [--scenario | --map]`: the program format (or the what-if scenario format, or the import map
// format) as JSON Schema, for editors (`"$schema"` in a file) and other tools.
import { importMapJsonSchema } from "../../import/map.js";
import { programJsonSchema } from "../../model/schema.js";
import { jsonText } from "../../report/escape.js";
import { scenarioJsonSchema } from "../../scenarios/schema.js";
import { EXIT_OK, EXIT_USAGE, parseCommandArgs, type Command } from "../io.js";

const usage = "tracktwo schema [--scenario | --map]";

export const command: Command = {
  name: "schema",
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs(
      { args: [...args], options: { scenario: { type: "boolean", default: false }, map: { type: "boolean", default: false } }, allowPositionals: false, strict: true },
      io,
      usage,
    );
    if (parsed === null) return EXIT_USAGE;
    if (parsed.values.scenario && parsed.values.map) {
      io.stderr(`tracktwo schema: --scenario and --map each choose a format; give one\nusage: ${usage}\n`);
      return EXIT_USAGE;
    }
    const schema = parsed.values.scenario ? scenarioJsonSchema() : parsed.values.map ? importMapJsonSchema() : programJsonSchema();
    io.stdout(jsonText(schema));
    return EXIT_OK;
  },
};
