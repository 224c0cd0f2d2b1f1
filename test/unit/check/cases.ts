// For every rule code, hand-made solutions that break it (with the checker's whole expected output) and solutions
// that keep it (the checker must find nothing at all). Keyed by code so that a new code without cases does not
// compile. The numbers are worked out by hand in the comments.
import type { Program } from "../../../src/model/schema.js";
import type { SolutionPanel } from "../../../src/model/solution.js";
import type { RuleCode, Violation } from "../../../src/check/violations.js";
import { person, program, roster } from "./build.js";

export interface RuleCase {
  readonly name: string;
  readonly program: Program;
  readonly panels: readonly SolutionPanel[];
  /** The complete output of checkSolution; [] for a satisfying case. */
  readonly expected: readonly Violation[];
}

interface RuleCases {
  readonly violating: readonly RuleCase[];
  readonly satisfying: readonly RuleCase[];
}

const r1 = person("r1", "RU");
const r2 = person("r2", "RU");
const u1 = person("u1", "UA");
const u2 = person("u2", "UA");
const u3 = person("u3", "UA");
const d1 = person("d1", "DE");
const chairOnly = (id: string, nationalities = "FR") => person(id, nationalities, { presents: 0, mayChair: 1 });
const discussantOnly = (id: string, nationalities = "FR") => person(id, nationalities, { presents: 0, mayDiscuss: 1 });

const twoPanels = program([r1, u1], ["P1", "P2"]);
const onePanel = program([r1, u1], ["P1"]);
const slotted = program([r1, u1], [{ id: "P1", slot: "S1" }, "P2"], {}, ["S1", "S2"]);
const chairPanel = program([r1, u1, chairOnly("c1")], [{ id: "P1", chair: true }]);
const presentsTwo = program([person("r1", "RU", { presents: 2 }), u1, d1], ["P1", "P2"]);
const chairLoad = program([r1, u1, chairOnly("c1"), person("c0", "FR", { presents: 0 })], [
  { id: "P1", chair: true },
  { id: "P2", chair: true },
]);
const discussantLoad = program([r1, u1, discussantOnly("c1"), person("c0", "FR", { presents: 0 })], [
  { id: "P1", discussant: true },
  { id: "P2", discussant: true },
]);
const maxRoles = (limit: number | null) =>
  program([person("r1", "RU", { mayChair: 1 }), u1, d1], ["P1", { id: "P2", chair: true }], { maxRoles: limit });
const twoRoles = program([person("r1", "RU", { mayChair: 1 }), u1, chairOnly("c1")], [{ id: "P1", chair: true }]);
const slotClash = program(
  [person("r1", "RU", { presents: 2 }), u1, d1],
  [{ id: "P1", slot: "S1" }, { id: "P2", slot: "S1" }, { id: "P3", slot: "S2" }],
  {},
  ["S1", "S2"],
);
const sizes = program([r1, u1, d1], [{ id: "P1", size: { min: 2, max: 2 } }, "P2"], { panelSize: { min: 1, max: 1 } });
const chairs = program([r1, u1, person("c1", "FR", { presents: 0, mayChair: 2 })], ["P1", { id: "P2", chair: false }], {
  chair: true,
});
const discussants = program(
  [r1, u1, person("c1", "FR", { presents: 0, mayDiscuss: 2 })],
  ["P1", { id: "P2", discussant: false }],
  { discussant: true },
);
const dual = person("x", "RU/UA");
const natCap = program([r1, r2, u1, d1], ["P1", "P2"], { nationality: { maxShare: 0.5 } });
const crowd = program(
  Array.from({ length: 200 }, (_, i) => person(`m${i}`, i < 29 ? "RU" : ["UA", "DE", "FR", "PL", "US", "GB", "IT", "ES"][i % 8]!)),
  [{ id: "P1", size: { min: 0, max: 200 } }],
  { nationality: { maxShare: 0.145 } },
);
const natDistinct = program([r1, r2, dual, d1], ["P1", "P2", "P3"], { nationality: { minDistinct: 2 } });
const gendered = [
  person("a", "RU", { attributes: { gender: "f" } }),
  person("b", "RU", { attributes: { gender: "f" } }),
  person("c", "RU", { attributes: { gender: "m" } }),
  person("n", "RU"),
];
const attrCap = program(gendered, ["P1", "P2"], { balance: [{ attribute: "gender", maxShare: 0.5 }] });
const attrDistinct = program(gendered, ["P1", "P2"], { balance: [{ attribute: "gender", minDistinct: 2 }] });
const avoidNat = program([person("r1", "RU", { avoid: { nationalities: ["UA"] } }), u1, d1], ["P1", "P2"]);
const avoidSelf = program([person("x", "RU/UA", { avoid: { nationalities: ["UA"] } }), d1], ["P1"]);
const avoidPerson = program([person("r1", "RU", { avoid: { participants: ["d1"] } }), u1, d1], ["P1", "P2"]);
const ruUa = { pairs: [{ between: ["RU", "UA"] as [string, string], weight: 1 }] };
const dialogueOut = program([person("r1", "RU", { dialogue: "out" }), u1, d1], ["P1", "P2"], { dialogue: ruUa });
const atRiskOut = program([person("r1", "RU", { atRisk: true }), u1, d1], ["P1", "P2"], { dialogue: ruUa });
const atRiskIn = program([person("r1", "RU", { atRisk: true, dialogue: "in" }), u1, d1], ["P1", "P2"], { dialogue: ruUa });
const keepApart = program([r1, u1, d1], ["P1", "P2"], { keepApart: [["r1", "d1"], ["d1", "r1"]] });
const separate = program([r1, u1, d1, dual], ["P1", "P2", "P3"], { separate: [["RU", "UA"]] });
const recorded = program([person("r1", "RU", { atRisk: true }), u1, d1], [{ id: "P1", recorded: true }, "P2"]);
const neutral = (neutralChair: boolean) =>
  program([r1, u1, chairOnly("u2", "UA"), chairOnly("c1", "DE")], ["P1"], {
    chair: true,
    dialogue: { ...ruUa, neutralChair },
  });
const minSide = program([r1, u1, u2, d1], ["P1", "P2"], { dialogue: { ...ruUa, minSide: 2, maxImbalance: null } });
const imbalance = (maxImbalance: number | null) =>
  program([r1, u1, u2, u3], ["P1", "P2"], { dialogue: { ...ruUa, maxImbalance } });
const dualImbalance = program([dual, u1, u2], ["P1"], { dialogue: ruUa });
const unavailable = program([person("r1", "RU", { unavailable: ["S1"] }), u1], [{ id: "P1", slot: "S1" }, "P2"], {}, ["S1"]);
const topics = (mode: "required" | "preferred") =>
  program(
    [
      person("r1", "RU", { topics: ["security"] }),
      u1,
      person("d1", "DE", { topics: ["energy", "law"] }),
      person("c1", "FR", { presents: 0, mayChair: 1, topics: ["art"] }),
    ],
    [{ id: "P1", topics: ["energy"], chair: true }, "P2"],
    { topics: mode },
  );
const coAuthors = program([person("r1", "RU", { group: "g" }), person("u1", "UA", { group: "g" }), d1], ["P1", "P2"]);
const coAuthorsTwice = program(
  [person("r1", "RU", { group: "g", presents: 2 }), person("u1", "UA", { group: "g" }), d1],
  ["P1", "P2"],
);
const pinned = program(
  [r1, u1, chairOnly("c1"), chairOnly("c2"), discussantOnly("s1"), discussantOnly("s2")],
  [{ id: "P1", chair: true, discussant: true, pinned: { presenters: ["r1"], chair: "c1", discussant: "s1" } }, "P2"],
);

export const CASES: { readonly [C in RuleCode]: RuleCases } = {
  "unknown-panel": {
    violating: [
      {
        name: "an unknown panel, listed twice, is reported once and its roster ignored",
        program: onePanel,
        panels: [roster("P1", ["r1", "u1"]), roster("PX", ["zz"]), roster("PX", [])],
        expected: [{ code: "unknown-panel", panel: "PX" }],
      },
    ],
    satisfying: [{ name: "only program panels", program: onePanel, panels: [roster("P1", ["r1", "u1"])], expected: [] }],
  },
  "duplicate-panel": {
    violating: [
      {
        name: "the second listing is reported, not checked (its chair and double role go unseen)",
        program: onePanel,
        panels: [roster("P1", ["r1", "u1"]), roster("P1", ["r1"], "r1")],
        expected: [{ code: "duplicate-panel", panel: "P1", count: 2 }],
      },
    ],
    satisfying: [{ name: "each panel once", program: twoPanels, panels: [roster("P1", ["r1"]), roster("P2", ["u1"])], expected: [] }],
  },
  "missing-panel": {
    violating: [
      {
        name: "an unlisted panel is reported and checked as empty (size 0 is allowed here)",
        program: twoPanels,
        panels: [roster("P1", ["r1", "u1"])],
        expected: [{ code: "missing-panel", panel: "P2" }],
      },
    ],
    satisfying: [
      { name: "an empty panel listed", program: twoPanels, panels: [roster("P1", ["r1", "u1"]), roster("P2", [])], expected: [] },
    ],
  },
  "unknown-participant": {
    violating: [
      {
        name: "unknown presenter and chair; the panel is then chairless",
        program: chairPanel,
        panels: [roster("P1", ["r1", "u1", "zz"], "yy")],
        expected: [
          { code: "unknown-participant", panel: "P1", participant: "zz", role: "presenter" },
          { code: "unknown-participant", panel: "P1", participant: "yy", role: "chair" },
          { code: "chair-missing", panel: "P1" },
        ],
      },
    ],
    satisfying: [{ name: "known ids", program: chairPanel, panels: [roster("P1", ["r1", "u1"], "c1")], expected: [] }],
  },
  "slot-mismatch": {
    violating: [
      {
        name: "a listed slot other than the program's",
        program: slotted,
        panels: [{ ...roster("P1", ["r1"]), slot: "S2" }, { ...roster("P2", ["u1"]), slot: "S1" }],
        expected: [
          { code: "slot-mismatch", panel: "P1", slot: "S1", listed: "S2" },
          { code: "slot-mismatch", panel: "P2", slot: null, listed: "S1" },
        ],
      },
    ],
    satisfying: [
      {
        name: "the program's slot, null for none, or no slot field at all",
        program: slotted,
        panels: [{ ...roster("P1", ["r1"]), slot: "S1" }, { ...roster("P2", ["u1"]), slot: null }],
        expected: [],
      },
      { name: "no slot field", program: slotted, panels: [roster("P1", ["r1"]), roster("P2", ["u1"])], expected: [] },
    ],
  },

  presents: {
    violating: [
      {
        name: "presents once instead of twice",
        program: presentsTwo,
        panels: [roster("P1", ["r1", "u1"]), roster("P2", ["d1"])],
        expected: [{ code: "presents", participant: "r1", count: 1, required: 2 }],
      },
      {
        name: "listed twice on one panel presents there once",
        program: presentsTwo,
        panels: [roster("P1", ["r1", "r1", "u1"]), roster("P2", ["d1"])],
        expected: [
          { code: "two-roles-one-panel", panel: "P1", participant: "r1", roles: ["presenter", "presenter"] },
          { code: "presents", participant: "r1", count: 1, required: 2 },
        ],
      },
      {
        name: "not placed at all, and placed when presents is 0",
        program: program([r1, person("u1", "UA", { presents: 0 })], ["P1"]),
        panels: [roster("P1", ["u1"])],
        expected: [
          { code: "presents", participant: "r1", count: 0, required: 1 },
          { code: "presents", participant: "u1", count: 1, required: 0 },
        ],
      },
    ],
    satisfying: [
      { name: "exactly twice", program: presentsTwo, panels: [roster("P1", ["r1", "u1"]), roster("P2", ["r1", "d1"])], expected: [] },
    ],
  },
  "chair-load": {
    violating: [
      {
        name: "chairs with mayChair 0",
        program: chairLoad,
        panels: [roster("P1", ["r1"], "c1"), roster("P2", ["u1"], "c0")],
        expected: [{ code: "chair-load", participant: "c0", count: 1, limit: 0 }],
      },
      {
        name: "chairs twice with mayChair 1",
        program: chairLoad,
        panels: [roster("P1", ["r1"], "c1"), roster("P2", ["u1"], "c1")],
        expected: [{ code: "chair-load", participant: "c1", count: 2, limit: 1 }],
      },
    ],
    satisfying: [
      {
        name: "within mayChair",
        program: program([r1, u1, person("c1", "FR", { presents: 0, mayChair: 2 })], [
          { id: "P1", chair: true },
          { id: "P2", chair: true },
        ]),
        panels: [roster("P1", ["r1"], "c1"), roster("P2", ["u1"], "c1")],
        expected: [],
      },
    ],
  },
  "discussant-load": {
    violating: [
      {
        name: "discusses with mayDiscuss 0",
        program: discussantLoad,
        panels: [roster("P1", ["r1"], null, "c1"), roster("P2", ["u1"], null, "c0")],
        expected: [{ code: "discussant-load", participant: "c0", count: 1, limit: 0 }],
      },
      {
        name: "discusses twice with mayDiscuss 1",
        program: discussantLoad,
        panels: [roster("P1", ["r1"], null, "c1"), roster("P2", ["u1"], null, "c1")],
        expected: [{ code: "discussant-load", participant: "c1", count: 2, limit: 1 }],
      },
    ],
    satisfying: [
      {
        name: "within mayDiscuss",
        program: program([r1, u1, discussantOnly("c1"), discussantOnly("c0")], [
          { id: "P1", discussant: true },
          { id: "P2", discussant: true },
        ]),
        panels: [roster("P1", ["r1"], null, "c1"), roster("P2", ["u1"], null, "c0")],
        expected: [],
      },
    ],
  },
  "max-roles": {
    violating: [
      {
        name: "presents and chairs: 2 roles, maxRoles 1",
        program: maxRoles(1),
        panels: [roster("P1", ["r1", "u1"]), roster("P2", ["d1"], "r1")],
        expected: [{ code: "max-roles", participant: "r1", count: 2, limit: 1 }],
      },
    ],
    satisfying: [
      { name: "maxRoles 2", program: maxRoles(2), panels: [roster("P1", ["r1", "u1"]), roster("P2", ["d1"], "r1")], expected: [] },
      { name: "no limit", program: maxRoles(null), panels: [roster("P1", ["r1", "u1"]), roster("P2", ["d1"], "r1")], expected: [] },
    ],
  },
  "two-roles-one-panel": {
    violating: [
      {
        name: "presenter and chair of one panel",
        program: twoRoles,
        panels: [roster("P1", ["r1", "u1"], "r1")],
        expected: [{ code: "two-roles-one-panel", panel: "P1", participant: "r1", roles: ["presenter", "chair"] }],
      },
    ],
    satisfying: [{ name: "another chair", program: twoRoles, panels: [roster("P1", ["r1", "u1"], "c1")], expected: [] }],
  },
  "slot-clash": {
    violating: [
      {
        name: "two panels in S1",
        program: slotClash,
        panels: [roster("P1", ["r1", "u1"]), roster("P2", ["r1", "d1"]), roster("P3", [])],
        expected: [{ code: "slot-clash", participant: "r1", slot: "S1", panels: ["P1", "P2"] }],
      },
    ],
    satisfying: [
      {
        name: "S1 and S2",
        program: slotClash,
        panels: [roster("P1", ["r1", "u1"]), roster("P2", ["d1"]), roster("P3", ["r1"])],
        expected: [],
      },
      {
        name: "panels without a slot never clash",
        program: presentsTwo,
        panels: [roster("P1", ["r1", "u1"]), roster("P2", ["r1", "d1"])],
        expected: [],
      },
    ],
  },

  "panel-size": {
    violating: [
      {
        name: "over the panel's own size, under the policy's default",
        program: sizes,
        panels: [roster("P1", ["r1", "u1", "d1"]), roster("P2", [])],
        expected: [
          { code: "panel-size", panel: "P1", count: 3, min: 2, max: 2 },
          { code: "panel-size", panel: "P2", count: 0, min: 1, max: 1 },
        ],
      },
    ],
    satisfying: [{ name: "2 and 1", program: sizes, panels: [roster("P1", ["r1", "u1"]), roster("P2", ["d1"])], expected: [] }],
  },
  "chair-missing": {
    violating: [
      {
        name: "policy.chair true, no chair",
        program: chairs,
        panels: [roster("P1", ["r1"]), roster("P2", ["u1"])],
        expected: [{ code: "chair-missing", panel: "P1" }],
      },
    ],
    satisfying: [{ name: "chaired", program: chairs, panels: [roster("P1", ["r1"], "c1"), roster("P2", ["u1"])], expected: [] }],
  },
  "chair-unneeded": {
    violating: [
      {
        name: "panel.chair false overrides the policy",
        program: chairs,
        panels: [roster("P1", ["r1"], "c1"), roster("P2", ["u1"], "c1")],
        expected: [{ code: "chair-unneeded", panel: "P2", participant: "c1" }],
      },
    ],
    satisfying: [{ name: "no chair on P2", program: chairs, panels: [roster("P1", ["r1"], "c1"), roster("P2", ["u1"])], expected: [] }],
  },
  "discussant-missing": {
    violating: [
      {
        name: "policy.discussant true, none",
        program: discussants,
        panels: [roster("P1", ["r1"]), roster("P2", ["u1"])],
        expected: [{ code: "discussant-missing", panel: "P1" }],
      },
    ],
    satisfying: [
      { name: "discussed", program: discussants, panels: [roster("P1", ["r1"], null, "c1"), roster("P2", ["u1"])], expected: [] },
    ],
  },
  "discussant-unneeded": {
    violating: [
      {
        name: "panel.discussant false overrides the policy",
        program: discussants,
        panels: [roster("P1", ["r1"], null, "c1"), roster("P2", ["u1"], null, "c1")],
        expected: [{ code: "discussant-unneeded", panel: "P2", participant: "c1" }],
      },
    ],
    satisfying: [
      { name: "none on P2", program: discussants, panels: [roster("P1", ["r1"], null, "c1"), roster("P2", ["u1"])], expected: [] },
    ],
  },

  "nationality-cap": {
    violating: [
      {
        // P1: 3 members, limit floor(1.5) = 1, RU 2. P2: 1 member, limit floor(0.5) = 0, DE 1.
        name: "2 of 3 RU, and a lone member at maxShare 0.5",
        program: natCap,
        panels: [roster("P1", ["r1", "r2", "u1"]), roster("P2", ["d1"])],
        expected: [
          { code: "nationality-cap", panel: "P1", nationality: "RU", count: 2, members: 3, limit: 1, maxShare: 0.5, holders: ["r1", "r2"] },
          { code: "nationality-cap", panel: "P2", nationality: "DE", count: 1, members: 1, limit: 0, maxShare: 0.5, holders: ["d1"] },
        ],
      },
      {
        // The chair is a member: 2 of 3 hold RU, and the dual national counts for RU and UA.
        name: "chair and dual national count",
        program: program([r1, person("x", "RU/UA"), chairOnly("c1", "DE")], ["P1"], { chair: true, nationality: { maxShare: 0.5 } }),
        panels: [roster("P1", ["r1", "x"], "c1")],
        expected: [
          { code: "nationality-cap", panel: "P1", nationality: "RU", count: 2, members: 3, limit: 1, maxShare: 0.5, holders: ["r1", "x"] },
        ],
      },
    ],
    satisfying: [
      {
        name: "1 of 2 on each panel",
        program: natCap,
        panels: [roster("P1", ["r1", "u1"]), roster("P2", ["r2", "d1"])],
        expected: [],
      },
      {
        name: "3 of 5 at maxShare 0.6",
        program: program([r1, r2, person("r3", "RU"), u1, d1], ["P1"], { nationality: { maxShare: 0.6 } }),
        panels: [roster("P1", ["r1", "r2", "r3", "u1", "d1"])],
        expected: [],
      },
      {
        // 0.145 * 200 = 28.999999999999996 in floating point; the limit is 29, not 28.
        name: "29 of 200 at maxShare 0.145",
        program: crowd,
        panels: [roster("P1", crowd.participants.map((p) => p.id))],
        expected: [],
      },
    ],
  },
  "nationality-distinct": {
    violating: [
      {
        name: "only RU",
        program: natDistinct,
        panels: [roster("P1", ["r1", "r2"]), roster("P2", ["x", "d1"]), roster("P3", [])],
        expected: [{ code: "nationality-distinct", panel: "P1", distinct: 1, minDistinct: 2, nationalities: ["RU"] }],
      },
    ],
    satisfying: [
      {
        name: "a dual national alone holds two; an empty panel is not checked",
        program: natDistinct,
        panels: [roster("P1", ["r1", "r2", "d1"]), roster("P2", ["x"]), roster("P3", [])],
        expected: [],
      },
    ],
  },
  "attribute-cap": {
    violating: [
      {
        name: "2 of 3 f; a member without gender holds no value",
        program: attrCap,
        panels: [roster("P1", ["a", "b", "c"]), roster("P2", ["n"])],
        expected: [
          { code: "attribute-cap", panel: "P1", attribute: "gender", value: "f", count: 2, members: 3, limit: 1, maxShare: 0.5, holders: ["a", "b"] },
        ],
      },
    ],
    satisfying: [
      {
        name: "members without the attribute count as members: 2 of 4 f",
        program: attrCap,
        panels: [roster("P1", ["a", "b", "c", "n"]), roster("P2", [])],
        expected: [],
      },
    ],
  },
  "attribute-distinct": {
    violating: [
      {
        name: "one value, and none",
        program: attrDistinct,
        panels: [roster("P1", ["a", "b"]), roster("P2", ["c", "n"])],
        expected: [
          { code: "attribute-distinct", panel: "P1", attribute: "gender", distinct: 1, minDistinct: 2, values: ["f"] },
          { code: "attribute-distinct", panel: "P2", attribute: "gender", distinct: 1, minDistinct: 2, values: ["m"] },
        ],
      },
      {
        name: "a member without the attribute adds no value",
        program: attrDistinct,
        panels: [roster("P1", ["a", "b", "c"]), roster("P2", ["n"])],
        expected: [{ code: "attribute-distinct", panel: "P2", attribute: "gender", distinct: 0, minDistinct: 2, values: [] }],
      },
    ],
    satisfying: [
      { name: "f and m", program: attrDistinct, panels: [roster("P1", ["a", "b", "c", "n"]), roster("P2", [])], expected: [] },
    ],
  },

  "avoid-nationality": {
    violating: [
      {
        name: "with a UA member",
        program: avoidNat,
        panels: [roster("P1", ["r1", "u1"]), roster("P2", ["d1"])],
        expected: [{ code: "avoid-nationality", panel: "P1", participant: "r1", nationality: "UA", other: "u1" }],
      },
    ],
    satisfying: [
      { name: "apart", program: avoidNat, panels: [roster("P1", ["r1", "d1"]), roster("P2", ["u1"])], expected: [] },
      { name: "holding UA oneself", program: avoidSelf, panels: [roster("P1", ["x", "d1"])], expected: [] },
    ],
  },
  "avoid-participant": {
    violating: [
      {
        name: "r1 avoids d1",
        program: avoidPerson,
        panels: [roster("P1", ["r1", "d1"]), roster("P2", ["u1"])],
        expected: [{ code: "avoid-participant", panel: "P1", participant: "r1", other: "d1" }],
      },
    ],
    satisfying: [{ name: "apart", program: avoidPerson, panels: [roster("P1", ["r1", "u1"]), roster("P2", ["d1"])], expected: [] }],
  },
  "dialogue-out": {
    violating: [
      {
        name: "dialogue out, with the counterpart nation",
        program: dialogueOut,
        panels: [roster("P1", ["r1", "u1"]), roster("P2", ["d1"])],
        expected: [{ code: "dialogue-out", panel: "P1", participant: "r1", nationality: "RU", counterpart: "UA", other: "u1" }],
      },
      {
        name: "at risk defaults to out",
        program: atRiskOut,
        panels: [roster("P1", ["r1", "u1"]), roster("P2", ["d1"])],
        expected: [{ code: "dialogue-out", panel: "P1", participant: "r1", nationality: "RU", counterpart: "UA", other: "u1" }],
      },
    ],
    satisfying: [
      { name: "with a non-counterpart", program: dialogueOut, panels: [roster("P1", ["r1", "d1"]), roster("P2", ["u1"])], expected: [] },
      { name: "at risk but explicitly in", program: atRiskIn, panels: [roster("P1", ["r1", "u1"]), roster("P2", ["d1"])], expected: [] },
    ],
  },

  "keep-apart": {
    violating: [
      {
        name: "a pair listed in both orders is one rule",
        program: keepApart,
        panels: [roster("P1", ["r1", "d1"]), roster("P2", ["u1"])],
        expected: [{ code: "keep-apart", panel: "P1", pair: ["r1", "d1"] }],
      },
    ],
    satisfying: [{ name: "apart", program: keepApart, panels: [roster("P1", ["r1", "u1"]), roster("P2", ["d1"])], expected: [] }],
  },
  separate: {
    violating: [
      {
        name: "RU with UA",
        program: separate,
        panels: [roster("P1", ["r1", "u1"]), roster("P2", ["d1"]), roster("P3", ["x"])],
        expected: [{ code: "separate", panel: "P1", nations: ["RU", "UA"], participants: ["r1", "u1"] }],
      },
      {
        // x holds UA and r1 holds RU: two different members.
        name: "a dual national with another RU",
        program: separate,
        panels: [roster("P1", ["x", "r1"]), roster("P2", ["d1"]), roster("P3", ["u1"])],
        expected: [{ code: "separate", panel: "P1", nations: ["RU", "UA"], participants: ["r1", "x"] }],
      },
    ],
    satisfying: [
      {
        name: "a dual national alone does not bring RU and UA together",
        program: separate,
        panels: [roster("P1", ["x", "d1"]), roster("P2", ["r1"]), roster("P3", ["u1"])],
        expected: [],
      },
    ],
  },
  "at-risk-recorded": {
    violating: [
      {
        name: "on a recorded panel",
        program: recorded,
        panels: [roster("P1", ["r1", "d1"]), roster("P2", ["u1"])],
        expected: [{ code: "at-risk-recorded", panel: "P1", participant: "r1" }],
      },
    ],
    satisfying: [{ name: "off the record", program: recorded, panels: [roster("P1", ["u1", "d1"]), roster("P2", ["r1"])], expected: [] }],
  },
  "neutral-chair": {
    violating: [
      {
        // RU 1, UA 2 (the chair is a member): imbalance 1 is allowed; only the chair's nationality breaks a rule.
        name: "a UA chair on a RU-UA panel",
        program: neutral(true),
        panels: [roster("P1", ["r1", "u1"], "u2")],
        expected: [{ code: "neutral-chair", panel: "P1", chair: "u2", pair: ["RU", "UA"], held: ["UA"] }],
      },
    ],
    satisfying: [
      { name: "a DE chair", program: neutral(true), panels: [roster("P1", ["r1", "u1"], "c1")], expected: [] },
      { name: "neutralChair false", program: neutral(false), panels: [roster("P1", ["r1", "u1"], "u2")], expected: [] },
    ],
  },
  "min-side": {
    violating: [
      {
        name: "one RU against two UA, minSide 2",
        program: minSide,
        panels: [roster("P1", ["r1", "u1", "u2"]), roster("P2", ["d1"])],
        expected: [{ code: "min-side", panel: "P1", pair: ["RU", "UA"], nationality: "RU", count: 1, minSide: 2 }],
      },
    ],
    satisfying: [
      {
        name: "panels that realise no pair are not dialogue panels",
        program: minSide,
        panels: [roster("P1", ["r1", "d1"]), roster("P2", ["u1", "u2"])],
        expected: [],
      },
      {
        name: "a dual national alone does not realise the pair",
        program: program([dual, d1], ["P1"], { dialogue: { ...ruUa, minSide: 2 } }),
        panels: [roster("P1", ["x", "d1"])],
        expected: [],
      },
    ],
  },
  "max-imbalance": {
    violating: [
      {
        name: "1 to 3",
        program: imbalance(1),
        panels: [roster("P1", ["r1", "u1", "u2", "u3"]), roster("P2", [])],
        expected: [{ code: "max-imbalance", panel: "P1", pair: ["RU", "UA"], counts: [1, 3], maxImbalance: 1 }],
      },
      {
        name: "a dual national counts on both sides: 1 to 3",
        program: dualImbalance,
        panels: [roster("P1", ["x", "u1", "u2"])],
        expected: [{ code: "max-imbalance", panel: "P1", pair: ["RU", "UA"], counts: [1, 3], maxImbalance: 1 }],
      },
    ],
    satisfying: [
      { name: "1 to 2", program: imbalance(1), panels: [roster("P1", ["r1", "u1", "u2"]), roster("P2", ["u3"])], expected: [] },
      { name: "no limit", program: imbalance(null), panels: [roster("P1", ["r1", "u1", "u2", "u3"]), roster("P2", [])], expected: [] },
    ],
  },

  "unavailable-slot": {
    violating: [
      {
        name: "in S1",
        program: unavailable,
        panels: [roster("P1", ["r1", "u1"]), roster("P2", [])],
        expected: [{ code: "unavailable-slot", panel: "P1", participant: "r1", slot: "S1" }],
      },
    ],
    satisfying: [{ name: "on a panel without slot", program: unavailable, panels: [roster("P1", ["u1"]), roster("P2", ["r1"])], expected: [] }],
  },
  "topic-required": {
    violating: [
      {
        name: "security on an energy panel",
        program: topics("required"),
        panels: [roster("P1", ["r1", "u1", "d1"], "c1"), roster("P2", [])],
        expected: [
          { code: "topic-required", panel: "P1", participant: "r1", participantTopics: ["security"], panelTopics: ["energy"] },
        ],
      },
    ],
    satisfying: [
      {
        name: "no topics, a shared topic, a chair off topic, a panel without topics",
        program: topics("required"),
        panels: [roster("P1", ["u1", "d1"], "c1"), roster("P2", ["r1"])],
        expected: [],
      },
      {
        name: "topics preferred only",
        program: topics("preferred"),
        panels: [roster("P1", ["r1", "u1", "d1"], "c1"), roster("P2", [])],
        expected: [],
      },
    ],
  },

  "co-authors": {
    violating: [
      {
        name: "split over two panels",
        program: coAuthors,
        panels: [roster("P1", ["r1", "d1"]), roster("P2", ["u1"])],
        expected: [{ code: "co-authors", group: "g", participants: ["r1", "u1"], panels: ["P1", "P2"] }],
      },
    ],
    satisfying: [
      { name: "together", program: coAuthors, panels: [roster("P1", ["r1", "u1"]), roster("P2", ["d1"])], expected: [] },
      {
        name: "one common panel is enough",
        program: coAuthorsTwice,
        panels: [roster("P1", ["r1", "d1"]), roster("P2", ["r1", "u1"])],
        expected: [],
      },
    ],
  },
  pinned: {
    violating: [
      {
        name: "presenter, chair and discussant moved",
        program: pinned,
        panels: [roster("P1", ["u1"], "c2", "s2"), roster("P2", ["r1"])],
        expected: [
          { code: "pinned", panel: "P1", participant: "r1", role: "presenter" },
          { code: "pinned", panel: "P1", participant: "c1", role: "chair" },
          { code: "pinned", panel: "P1", participant: "s1", role: "discussant" },
        ],
      },
    ],
    satisfying: [{ name: "as pinned", program: pinned, panels: [roster("P1", ["r1"], "c1", "s1"), roster("P2", ["u1"])], expected: [] }],
  },
};
