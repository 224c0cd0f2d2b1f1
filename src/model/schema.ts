// The program file contract (DESIGN.md §2, format v1). Zod fills the simple defaults at parse time; defaults
// that depend on other fields (panel size from policy, dialogue "out" for at-risk participants) are resolved by
// normalizeProgram, and independently by the checker, so the parsed Program stays close to what the user wrote.
import { z } from "zod";
import { SAFE_TEXT } from "../report/escape.js";

/**
 * Ids, topics, groups and attributes are printed on their own in tables, messages and file names: one that holds a
 * control character, a line break or a bidirectional override would print as something else (a forged line, text
 * shown backwards), so such characters are refused in them. Names, titles and labels are free text: they may hold
 * anything, and are escaped wherever they are shown (src/report/escape.ts).
 */
export const identifier = z.string().regex(SAFE_TEXT, "holds a control, line-break or bidirectional-formatting character, which would print as something else");

const id = identifier.min(1, "an id must be a non-empty string");
const nationality = z
  .string()
  .regex(/^[A-Z]{2}$/, "a nationality is an ISO 3166-1 alpha-2 code such as \"UA\"");
/**
 * Largest count anywhere in a program (presentations, roles, panel sizes, distinct nationalities, ...). No convention
 * comes near it, and beyond it numbers stop meaning anything while still costing: typed arrays overflow (mayChair 1e15
 * read as -1.5e9) and explanations walk every step up to the value (minSide 1e9 ran out of memory).
 */
export const MAX_COUNT = 10_000;
const count = z.number().int().min(0).max(MAX_COUNT, `more than ${MAX_COUNT}, which no convention needs`);
/**
 * Largest weight magnitude. Every total is a sum of weight x term (and a policy weight times that), so with terms
 * bounded by the program's size no total can overflow to Infinity (two pairs of weight 1e308 did) and the solvers'
 * arithmetic stays exact enough to compare scores.
 */
export const MAX_WEIGHT = 1_000_000;
const weight = z
  .number()
  .min(-MAX_WEIGHT, `a weight below -${MAX_WEIGHT} could overflow the objective`)
  .max(MAX_WEIGHT, `a weight above ${MAX_WEIGHT} could overflow the objective`)
  .describe(`between -${MAX_WEIGHT} and ${MAX_WEIGHT}`);
const share = z
  .number()
  .gt(0, "a share must be greater than 0")
  .max(1, "a share must be at most 1");

export const SizeSchema = z
  .object({
    min: count.describe("fewest presenters"),
    max: count.describe("most presenters"),
  })
  .strict();

export const SlotSchema = z
  .object({ id, label: z.string().optional() })
  .strict();

export const ParticipantSchema = z
  .object({
    id,
    name: z.string().optional(),
    nationalities: z.array(nationality).min(1, "a participant holds at least one nationality"),
    presents: count.default(1).describe("panels on which they present, exactly"),
    mayChair: count.default(0).describe("at most this many panels as chair"),
    mayDiscuss: count.default(0).describe("at most this many panels as discussant"),
    topics: z.array(identifier.min(1)).default([]),
    attributes: z.record(identifier, identifier).default({}),
    unavailable: z.array(id).default([]).describe("slot ids they cannot attend"),
    group: identifier.min(1).optional().describe("co-authors: one group presents on one panel"),
    avoid: z
      .object({
        nationalities: z.array(nationality).default([]),
        participants: z.array(id).default([]),
      })
      .strict()
      .default({ nationalities: [], participants: [] }),
    dialogue: z.enum(["in", "out"]).optional().describe('default "in", or "out" when atRisk'),
    atRisk: z.boolean().default(false),
  })
  .strict();

export const PanelSchema = z
  .object({
    id,
    title: z.string().optional(),
    slot: id.optional(),
    room: z.string().optional().describe("where it meets, e.g. \"Room 2.14\"; shown in the published programme only"),
    topics: z.array(identifier.min(1)).default([]),
    size: SizeSchema.optional().describe("presenters; default policy.panelSize"),
    recorded: z.boolean().default(false),
    chair: z.boolean().optional().describe("needs a chair; default policy.chair"),
    discussant: z.boolean().optional().describe("needs a discussant; default policy.discussant"),
    pinned: z
      .object({
        presenters: z.array(id).default([]),
        chair: id.optional(),
        discussant: id.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const DialoguePairSchema = z
  .object({
    between: z.tuple([nationality, nationality]),
    weight: weight.default(1),
  })
  .strict();

export const BalanceRuleSchema = z
  .object({
    attribute: identifier.min(1),
    maxShare: share.default(1),
    minDistinct: count.default(0),
  })
  .strict();

export const AffinitySchema = z
  .object({ between: z.tuple([id, id]), weight })
  .strict();

export const WeightsSchema = z
  .object({
    dialogue: weight.default(1),
    diversity: weight.default(0),
    topicFit: weight.default(0),
    affinity: weight.default(1),
    stability: weight.default(1),
  })
  .strict();

export const PolicySchema = z
  .object({
    panelSize: SizeSchema.default({ min: 3, max: 5 }),
    chair: z.boolean().default(false),
    discussant: z.boolean().default(false),
    nationality: z
      .object({ maxShare: share.default(1), minDistinct: count.default(0) })
      .strict()
      .default({ maxShare: 1, minDistinct: 0 }),
    balance: z.array(BalanceRuleSchema).default([]),
    topics: z.enum(["required", "preferred", "ignored"]).default("ignored"),
    dialogue: z
      .object({
        pairs: z.array(DialoguePairSchema).default([]),
        neutralChair: z.boolean().default(true),
        maxImbalance: count.nullable().default(1).describe("null: no limit"),
        minSide: count.default(1),
      })
      .strict()
      .default({ pairs: [], neutralChair: true, maxImbalance: 1, minSide: 1 }),
    keepApart: z.array(z.tuple([id, id])).default([]),
    separate: z.array(z.tuple([nationality, nationality])).default([]),
    maxRoles: count.nullable().default(null).describe("roles per person in all; null: no limit"),
    affinities: z.array(AffinitySchema).default([]),
    weights: WeightsSchema.default({ dialogue: 1, diversity: 0, topicFit: 0, affinity: 1, stability: 1 }),
  })
  .strict();

export const ProgramSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().optional(),
    slots: z.array(SlotSchema).default([]),
    participants: z.array(ParticipantSchema),
    panels: z.array(PanelSchema),
    policy: PolicySchema.default(PolicySchema.parse({})),
  })
  .strict();

export type Program = z.output<typeof ProgramSchema>;
export type ProgramInput = z.input<typeof ProgramSchema>;
export type ParticipantSpec = Program["participants"][number];
export type PanelSpec = Program["panels"][number];
export type Policy = Program["policy"];
export type Weights = Policy["weights"];
export type ObjectiveTerm = keyof Weights;

/** JSON Schema for editors, describing what a user may write (defaults make fields optional). */
export function programJsonSchema(): unknown {
  return z.toJSONSchema(ProgramSchema, { io: "input", unrepresentable: "any" });
}
