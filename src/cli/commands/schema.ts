// `tracktwo schema`: the program format as JSON Schema, for editors (`"$schema"` in a program file) and tools.
import { programJsonSchema } from "../../model/schema.js";
import { EXIT_OK, EXIT_USAGE, parseCommandArgs, type Command } from "../io.js";

const usage = "tracktwo schema";

export const command: Command = {
  name: "schema",
  summary: "print the JSON Schema of the program format (v1)",
  usage,
  async run(args, io) {
    const parsed = parseCommandArgs({ args: [...args], options: {}, allowPositionals: false, strict: true }, io, usage);
    if (parsed === null) return EXIT_USAGE;
    io.stdout(`${JSON.stringify(programJsonSchema(), null, 2)}\n`);
    return EXIT_OK;
  },
};
