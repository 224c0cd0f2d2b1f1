// The map file (`--map MAP.yaml`): how to read one convention's spreadsheets, and what the spreadsheets cannot say
// (the convention's name and policy). Everything is optional: common headers need no map at all.
//
//   name: Convention 2027
//   participants:
//     sheet: Registrations                 # in an .xlsx workbook; default: the first sheet
//     columns: { nationalities: "Passport(s)", dialogue: "Open to dialogue panels?" }
//     attributes: { institution: "Affiliation" }   # attribute key -> header
//     ignore: ["Dietary needs"]            # columns read by nobody, without a note
//   panels: { sheet: Panels, columns: { slotLabel: "Day and time" } }
//   slots: [{ id: S1, label: "Thu 08:15" }]   # or a Slots sheet; default: the slots the panels name
//   policy: { ... }                        # exactly as in a program file
import type { InputOptions } from "../model/read.js";
import { z } from "zod";
import type { Loaded } from "../model/issues.js";
import { readDataFile, zodIssues } from "../model/load.js";
import { PolicySchema, SlotSchema } from "../model/schema.js";
import { PANEL_FIELDS, PARTICIPANT_FIELDS, SLOT_FIELDS } from "./headers.js";

const header = z.string().min(1, "a column header is a non-empty string");

function columnsOf<const F extends readonly string[]>(fields: F) {
  const shape = Object.fromEntries(fields.map((f) => [f, header.optional()])) as { [K in F[number]]: z.ZodOptional<typeof header> };
  return z.object(shape).strict().optional().transform((columns) => columns ?? {});
}

const sheetName = z.string().min(1).optional().describe("the sheet of an .xlsx workbook to read");
const ignore = z.array(z.string()).default([]).describe("headers of columns to skip without a note");

export const ImportMapSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().optional().describe("the convention's name, written into the program"),
    participants: z
      .object({
        sheet: sheetName,
        columns: columnsOf(PARTICIPANT_FIELDS).describe("program field -> the header of the column that holds it"),
        attributes: z.record(z.string().min(1), header).default({}).describe("attribute key -> header, for policy.balance"),
        ignore,
      })
      .strict()
      .default({ columns: {}, attributes: {}, ignore: [] }),
    panels: z
      .object({ sheet: sheetName, columns: columnsOf(PANEL_FIELDS), ignore })
      .strict()
      .default({ columns: {}, ignore: [] }),
    slotsSheet: z
      .object({ sheet: sheetName, columns: columnsOf(SLOT_FIELDS), ignore })
      .strict()
      .default({ columns: {}, ignore: [] })
      .describe("how to read a Slots sheet or --slots file"),
    slots: z.array(SlotSchema).optional().describe("the slots, when no sheet lists them; panels and unavailability name them by id or label"),
    policy: PolicySchema.optional().describe("the program's policy, exactly as in a program file"),
  })
  .strict();

export type ImportMap = z.output<typeof ImportMapSchema>;

export const EMPTY_MAP: ImportMap = ImportMapSchema.parse({});

const MAP_FILE = "a map file (.yaml or .json; `tracktwo schema --map` describes it)";

export function loadImportMap(file: string, input: InputOptions = {}): Loaded<ImportMap> {
  const data = readDataFile(file, MAP_FILE, input);
  if (!data.ok) return data;
  const parsed = ImportMapSchema.safeParse(data.value ?? {});
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: zodIssues(parsed.error, file) };
}

/** JSON Schema of the map file, for editors (`tracktwo schema --map`). */
export function importMapJsonSchema(): unknown {
  return z.toJSONSchema(ImportMapSchema, { io: "input", unrepresentable: "any" });
}
