// The scenario file contract: a base program, an optional published baseline solution, and a list of changes.
// Each change is an object with exactly one key naming its kind (`withdraw: p017`, `set: {...}`), so a scenario
// reads like the minutes of a programme-committee meeting. Payloads are checked against the program schema when the
// change is applied (src/scenarios/apply.ts), where the resulting program is known.
import { z } from "zod";
import { identifier } from "../model/schema.js";

const id = identifier.min(1, "an id must be a non-empty string");
const ids = z.union([id, z.array(id).min(1)]);
const nationality = z.string().regex(/^[A-Z]{2}$/, 'a nationality is an ISO 3166-1 alpha-2 code such as "UA"');
const pair = z.tuple([id, id]);

export const CHANGE_KINDS = [
  "addParticipants",
  "removeParticipants",
  "withdraw",
  "editParticipant",
  "optOut",
  "keepApart",
  "cancelPanel",
  "addPanel",
  "editPanel",
  "set",
  "pin",
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

const record = z.record(z.string(), z.unknown());

export const ChangeSchema = z
  .object({
    note: z.string().optional().describe("why; shown nowhere but kept for the minutes"),
    addParticipants: z.array(record).min(1).optional().describe("participant objects as in a program"),
    removeParticipants: ids.optional().describe("ids; every reference to them goes too"),
    withdraw: ids.optional().describe("a participant leaves after publication: removed with every reference"),
    editParticipant: z
      .object({ id, set: record })
      .strict()
      .optional()
      .describe("replace these fields of one participant"),
    optOut: z
      .object({
        participant: id,
        nationalities: z.array(nationality).default([]),
        participants: z.array(id).default([]),
        dialogue: z.literal("out").optional(),
      })
      .strict()
      .optional()
      .describe("add to a participant's avoid lists, or opt them out of dialogue"),
    keepApart: z.union([pair, z.array(pair).min(1)]).optional().describe("add keep-apart pairs"),
    cancelPanel: ids.optional().describe("panel ids to drop"),
    addPanel: z.union([record, z.array(record).min(1)]).optional().describe("panel objects as in a program"),
    editPanel: z.object({ id, set: record }).strict().optional().describe("replace these fields of one panel"),
    set: record
      .optional()
      .describe('policy values by dotted path: { "policy.nationality.maxShare": 0.4, "policy.separate": [["RU","UA"]] }'),
    pin: z
      .object({ panel: id, presenters: z.array(id).default([]), chair: id.optional(), discussant: id.optional() })
      .strict()
      .optional()
      .describe("fix assignments on a panel (added to what is pinned already)"),
  })
  .strict()
  .superRefine((change, ctx) => {
    const kinds = CHANGE_KINDS.filter((k) => change[k] !== undefined);
    if (kinds.length !== 1) {
      ctx.addIssue({
        code: "custom",
        message:
          kinds.length === 0
            ? `a change names no kind; expected one of ${CHANGE_KINDS.join(", ")}`
            : `a change names ${kinds.length} kinds (${kinds.join(", ")}); write one change per list item`,
      });
    }
  });

export const ScenarioSchema = z
  .object({
    $schema: z.string().optional(),
    name: identifier.min(1).optional().describe("default: the file name without extension"),
    description: z.string().optional(),
    base: z.string().min(1).describe("program file, relative to this scenario file"),
    baseline: z.string().min(1).optional().describe("published solution file to stay close to"),
    maxMoves: z.number().int().min(0).optional().describe("hard cap on participants who change (needs a baseline)"),
    changes: z.array(ChangeSchema).default([]),
  })
  .strict();

export type Change = z.output<typeof ChangeSchema>;
export type Scenario = z.output<typeof ScenarioSchema>;

export function changeKind(change: Change): ChangeKind {
  const kind = CHANGE_KINDS.find((k) => change[k] !== undefined);
  if (kind === undefined) throw new Error("bug: a validated change has no kind");
  return kind;
}

export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(ScenarioSchema, { io: "input", unrepresentable: "any" });
}
