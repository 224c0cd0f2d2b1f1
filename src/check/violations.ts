// Violations as data (DESIGN.md §3): a code naming the rule and the ids and numbers of the one instance that broke
// it. No English here: wording lives in src/report/violations.ts, so explanations and tests can compare values.
//
// Granularity, one violation per:
// - participant for the load rules (presents, chair-load, discussant-load, max-roles), per (participant, slot) for
//   slot-clash;
// - panel for panel-size and the role rules, per (panel, nationality) / (panel, attribute, value) for the caps;
// - pair of people for the pairwise rules (avoid-*, dialogue-out, keep-apart, separate): the avoid-* and
//   dialogue-out ones are directed (the participant who opted out, then the other member);
// - (panel, dialogue pair) for the dialogue safety rules, (panel, pair, side) for min-side;
// - group for co-authors, pinned assignment for pinned.

/** The role a participant holds on a panel. */
export type Role = "presenter" | "chair" | "discussant";

type AnyViolation =
  // A malformed solution: the panels listed do not match the program's panels or participants.
  | { readonly code: "unknown-panel"; readonly panel: string }
  | { readonly code: "duplicate-panel"; readonly panel: string; readonly count: number }
  | { readonly code: "missing-panel"; readonly panel: string }
  | { readonly code: "unknown-participant"; readonly panel: string; readonly participant: string; readonly role: Role }
  | { readonly code: "slot-mismatch"; readonly panel: string; readonly slot: string | null; readonly listed: string | null }
  // §3.1 Load.
  | { readonly code: "presents"; readonly participant: string; readonly count: number; readonly required: number }
  | { readonly code: "chair-load"; readonly participant: string; readonly count: number; readonly limit: number }
  | { readonly code: "discussant-load"; readonly participant: string; readonly count: number; readonly limit: number }
  | { readonly code: "max-roles"; readonly participant: string; readonly count: number; readonly limit: number }
  | { readonly code: "two-roles-one-panel"; readonly panel: string; readonly participant: string; readonly roles: readonly Role[] }
  | { readonly code: "slot-clash"; readonly participant: string; readonly slot: string; readonly panels: readonly string[] }
  // §3.2 Roles.
  | { readonly code: "panel-size"; readonly panel: string; readonly count: number; readonly min: number; readonly max: number }
  | { readonly code: "chair-missing"; readonly panel: string }
  | { readonly code: "chair-unneeded"; readonly panel: string; readonly participant: string }
  | { readonly code: "discussant-missing"; readonly panel: string }
  | { readonly code: "discussant-unneeded"; readonly panel: string; readonly participant: string }
  // §3.3 Nationality cap.
  | {
      readonly code: "nationality-cap";
      readonly panel: string;
      readonly nationality: string;
      readonly count: number;
      readonly members: number;
      readonly limit: number;
      readonly maxShare: number;
      readonly holders: readonly string[];
    }
  | {
      readonly code: "nationality-distinct";
      readonly panel: string;
      readonly distinct: number;
      readonly minDistinct: number;
      readonly nationalities: readonly string[];
    }
  // §3.4 Attribute balance.
  | {
      readonly code: "attribute-cap";
      readonly panel: string;
      readonly attribute: string;
      readonly value: string;
      readonly count: number;
      readonly members: number;
      readonly limit: number;
      readonly maxShare: number;
      readonly holders: readonly string[];
    }
  | {
      readonly code: "attribute-distinct";
      readonly panel: string;
      readonly attribute: string;
      readonly distinct: number;
      readonly minDistinct: number;
      readonly values: readonly string[];
    }
  // §3.5 Opt-outs.
  | { readonly code: "avoid-nationality"; readonly panel: string; readonly participant: string; readonly nationality: string; readonly other: string }
  | { readonly code: "avoid-participant"; readonly panel: string; readonly participant: string; readonly other: string }
  | {
      readonly code: "dialogue-out";
      readonly panel: string;
      readonly participant: string;
      /** The participant's own nationality in the pair, and the counterpart nation the other member holds. */
      readonly nationality: string;
      readonly counterpart: string;
      readonly other: string;
    }
  // §3.6 Safety.
  | { readonly code: "keep-apart"; readonly panel: string; readonly pair: readonly [string, string] }
  | {
      readonly code: "separate";
      readonly panel: string;
      readonly nations: readonly [string, string];
      /** participants[0] holds nations[0], participants[1] holds nations[1]. */
      readonly participants: readonly [string, string];
    }
  | { readonly code: "at-risk-recorded"; readonly panel: string; readonly participant: string }
  | {
      readonly code: "neutral-chair";
      readonly panel: string;
      readonly chair: string;
      readonly pair: readonly [string, string];
      /** The nations of the pair the chair holds (one or both). */
      readonly held: readonly string[];
    }
  | {
      readonly code: "min-side";
      readonly panel: string;
      readonly pair: readonly [string, string];
      readonly nationality: string;
      readonly count: number;
      readonly minSide: number;
    }
  | {
      readonly code: "max-imbalance";
      readonly panel: string;
      readonly pair: readonly [string, string];
      /** Members holding pair[0] and pair[1]; a dual national holding both counts on both sides. */
      readonly counts: readonly [number, number];
      readonly maxImbalance: number;
    }
  // §3.7 Eligibility.
  | { readonly code: "unavailable-slot"; readonly panel: string; readonly participant: string; readonly slot: string }
  | {
      readonly code: "topic-required";
      readonly panel: string;
      readonly participant: string;
      readonly participantTopics: readonly string[];
      readonly panelTopics: readonly string[];
    }
  // §3.8 Together and pinned.
  | {
      readonly code: "co-authors";
      readonly group: string;
      readonly participants: readonly string[];
      /** Every panel on which at least one member of the group presents. */
      readonly panels: readonly string[];
    }
  | { readonly code: "pinned"; readonly panel: string; readonly participant: string; readonly role: Role };

export type RuleCode = AnyViolation["code"];
export type Violation<C extends RuleCode = RuleCode> = Extract<AnyViolation, { code: C }>;

/** What each code guards, naming the program field that states the rule (README, explanations). */
export const RULE_DESCRIPTIONS: { readonly [C in RuleCode]: string } = {
  "unknown-panel": "the solution lists a panel id that is not in the program's panels",
  "duplicate-panel": "the solution lists a panel more than once (only the first listing is checked)",
  "missing-panel": "a panel of the program is missing from the solution (checked as empty)",
  "unknown-participant": "the solution names a participant id that is not in the program's participants",
  "slot-mismatch": "the solution gives a panel another slot than panels[].slot (the program's slot is used)",
  presents: "a participant presents on exactly participants[].presents panels",
  "chair-load": "a participant chairs at most participants[].mayChair panels",
  "discussant-load": "a participant is discussant on at most participants[].mayDiscuss panels",
  "max-roles": "a participant holds at most policy.maxRoles roles in all",
  "two-roles-one-panel": "nobody holds two roles on one panel",
  "slot-clash": "nobody is on two panels of the same slot (panels[].slot)",
  "panel-size": "presenters within panels[].size (default policy.panelSize)",
  "chair-missing": "a panel that needs a chair (panels[].chair, default policy.chair) has one",
  "chair-unneeded": "a panel that needs no chair (panels[].chair, default policy.chair) has none",
  "discussant-missing": "a panel that needs a discussant (panels[].discussant, default policy.discussant) has one",
  "discussant-unneeded": "a panel that needs no discussant (panels[].discussant, default policy.discussant) has none",
  "nationality-cap": "members holding one nationality are at most policy.nationality.maxShare of the members",
  "nationality-distinct": "a non-empty panel's members hold at least policy.nationality.minDistinct nationalities",
  "attribute-cap": "members holding one attribute value are at most policy.balance[].maxShare of the members",
  "attribute-distinct": "a non-empty panel's members hold at least policy.balance[].minDistinct values",
  "avoid-nationality": "never on a panel with a member holding a nationality in participants[].avoid.nationalities",
  "avoid-participant": "never on a panel with a participant in participants[].avoid.participants",
  "dialogue-out": "with participants[].dialogue \"out\", never with a member of the counterpart nation of a policy.dialogue.pairs entry",
  "keep-apart": "the two participants of a policy.keepApart pair never share a panel",
  separate: "members holding the two nations of a policy.separate pair never share a panel",
  "at-risk-recorded": "an at-risk participant (participants[].atRisk) is never on a recorded panel (panels[].recorded)",
  "neutral-chair": "with policy.dialogue.neutralChair, the chair holds neither nation of a pair the panel realises",
  "min-side": "on a panel realising a dialogue pair, each side has at least policy.dialogue.minSide members",
  "max-imbalance": "on a panel realising a dialogue pair, the sides differ by at most policy.dialogue.maxImbalance",
  "unavailable-slot": "never on a panel in a slot listed in participants[].unavailable",
  "topic-required": "with policy.topics \"required\", a presenter shares a topic with the panel (when both have topics)",
  "co-authors": "the participants of one participants[].group present on one common panel",
  pinned: "the assignments in panels[].pinned hold",
};

/** Every code, in the order of DESIGN.md §3 (structural ones first). */
export const RULE_CODES = Object.keys(RULE_DESCRIPTIONS) as readonly RuleCode[];
