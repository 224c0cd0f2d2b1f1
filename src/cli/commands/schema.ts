// `tracktwo schema [--scenario]`: the program format (or the what-if scenario format) as JSON Schema, for editors
// (`"$schema"` in a file) and other tools.
import { programJsonSchema } from "../../model/schema.js";
import { scenarioJsonSchema } from "../../scenarios/schema.js";
import { EXIT_OK, EXIT_USAGE, parseCommandArgs, type Command } from "../io.js";

const usage = "tracktwo schema [--scenario]";

export const command: Command = {
  name: "schema",
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs(
      { args: [...args], options: { scenario: { type: "boolean", default: false } }, allowPositionals: false, strict: true },
      io,
      usage,
    );
    if (parsed === null) return EXIT_USAGE;
    const schema = parsed.values.scenario ? scenarioJsonSchema() : programJsonSchema();
    io.stdout(`${JSON.stringify(schema, null, 2)}\n`);
    return EXIT_OK;
  },
};
