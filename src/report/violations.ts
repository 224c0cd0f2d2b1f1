// One line of English per checker violation: the values involved and the program field that states the rule, so
// an organiser can find what to change. The at-risk flag is named only by the at-risk-recorded violation, which the
// organiser needs to act on; every other line stays silent about it (a public output is redacted anyway).
import type { Violation } from "../check/violations.js";

export function formatViolation(v: Violation): string {
  switch (v.code) {
    case "unknown-panel":
      return `the solution lists panel ${v.panel}, which is not a panel of the program (panels[].id)`;
    case "duplicate-panel":
      return `panel ${v.panel} is listed ${v.count} times in the solution; only the first listing is checked`;
    case "missing-panel":
      return `panel ${v.panel} is missing from the solution; it is checked as empty (every panel of the program is listed)`;
    case "unknown-participant":
      return `${v.panel}: ${v.role} ${v.participant} is not a participant of the program (participants[].id)`;
    case "slot-mismatch":
      return `${v.panel}: the solution puts it in ${slotName(v.listed)}, the program in ${slotName(v.slot)} (panels[].slot)`;

    case "presents":
      return `${v.participant} presents on ${count(v.count, "panel")}, but must present on exactly ${v.required} (participants[].presents)`;
    case "chair-load":
      return `${v.participant} chairs ${count(v.count, "panel")}, more than the ${v.limit} allowed (participants[].mayChair)`;
    case "discussant-load":
      return `${v.participant} is discussant on ${count(v.count, "panel")}, more than the ${v.limit} allowed (participants[].mayDiscuss)`;
    case "max-roles":
      return `${v.participant} holds ${count(v.count, "role")}, more than the ${v.limit} allowed (policy.maxRoles)`;
    case "two-roles-one-panel":
      return `${v.panel}: ${v.participant} holds ${v.roles.length} roles on one panel (${v.roles.join(", ")}); one person, one role per panel`;
    case "slot-clash":
      return `${v.participant} is on ${list(v.panels)}, ${v.panels.length === 2 ? "both" : "all"} in slot ${v.slot} (panels[].slot)`;

    case "panel-size":
      return `${v.panel} has ${count(v.count, "presenter")}, outside ${v.min}..${v.max} (panels[].size, default policy.panelSize)`;
    case "chair-missing":
      return `${v.panel} needs a chair but has none (panels[].chair, default policy.chair)`;
    case "chair-unneeded":
      return `${v.panel} has chair ${v.participant} but needs none (panels[].chair, default policy.chair)`;
    case "discussant-missing":
      return `${v.panel} needs a discussant but has none (panels[].discussant, default policy.discussant)`;
    case "discussant-unneeded":
      return `${v.panel} has discussant ${v.participant} but needs none (panels[].discussant, default policy.discussant)`;

    case "nationality-cap":
      return (
        `${v.panel} has ${v.count} of ${v.members} members holding ${v.nationality} ` +
        `(limit ${v.limit} at policy.nationality.maxShare ${v.maxShare}): ${v.holders.join(", ")}`
      );
    case "nationality-distinct":
      return (
        `${v.panel}'s members hold ${count(v.distinct, "nationality", "nationalities")} (${v.nationalities.join(", ")}), ` +
        `fewer than ${v.minDistinct} (policy.nationality.minDistinct)`
      );
    case "attribute-cap":
      return (
        `${v.panel} has ${v.count} of ${v.members} members with ${v.attribute} "${v.value}" ` +
        `(limit ${v.limit} at policy.balance[${v.attribute}].maxShare ${v.maxShare}): ${v.holders.join(", ")}`
      );
    case "attribute-distinct":
      return (
        `${v.panel}'s members hold ${count(v.distinct, "value")} of ${v.attribute}` +
        `${v.values.length > 0 ? ` (${v.values.map((x) => `"${x}"`).join(", ")})` : ""}, ` +
        `fewer than ${v.minDistinct} (policy.balance[${v.attribute}].minDistinct)`
      );

    case "avoid-nationality":
      return `${v.panel}: ${v.participant} avoids ${v.nationality}, but shares the panel with ${v.other}, who holds ${v.nationality} (participants[].avoid.nationalities)`;
    case "avoid-participant":
      return `${v.panel}: ${v.participant} avoids ${v.other}, but they share the panel (participants[].avoid.participants)`;
    case "dialogue-out":
      return (
        `${v.panel}: ${v.participant} (${v.nationality}) is out of the ${v.nationality}-${v.counterpart} dialogue, ` +
        `but shares the panel with ${v.other} (${v.counterpart}) (participants[].dialogue)`
      );

    case "keep-apart":
      return `${v.panel}: ${v.pair[0]} and ${v.pair[1]} share the panel, but must be kept apart (policy.keepApart)`;
    case "separate":
      return (
        `${v.panel}: ${v.participants[0]} (${v.nations[0]}) and ${v.participants[1]} (${v.nations[1]}) share the panel, ` +
        `but ${v.nations[0]} and ${v.nations[1]} are kept separate (policy.separate)`
      );
    case "at-risk-recorded":
      return `${v.panel} is recorded, but ${v.participant} is at risk (panels[].recorded, participants[].atRisk)`;
    case "neutral-chair":
      return (
        `${v.panel}: chair ${v.chair} holds ${v.held.join(" and ")}, but ${v.panel} brings ${v.pair[0]} and ${v.pair[1]} ` +
        `together (policy.dialogue.neutralChair)`
      );
    case "min-side":
      return (
        `${v.panel} brings ${v.pair[0]} and ${v.pair[1]} together with ${count(v.count, "member")} holding ${v.nationality}, ` +
        `fewer than ${v.minSide} (policy.dialogue.minSide)`
      );
    case "max-imbalance":
      return (
        `${v.panel} brings ${v.pair[0]} and ${v.pair[1]} together ${v.counts[0]} to ${v.counts[1]}, ` +
        `a difference over ${v.maxImbalance} (policy.dialogue.maxImbalance)`
      );

    case "unavailable-slot":
      return `${v.panel}: ${v.participant} is unavailable in slot ${v.slot} (participants[].unavailable)`;
    case "topic-required":
      return (
        `${v.panel}: presenter ${v.participant} (topics ${v.participantTopics.join(", ")}) shares no topic with the panel ` +
        `(${v.panelTopics.join(", ")}) (policy.topics "required")`
      );

    case "co-authors":
      return (
        `group ${v.group} (${v.participants.join(", ")}) does not present on one common panel` +
        `${v.panels.length > 0 ? `; its members present on ${v.panels.join(", ")}` : ""} (participants[].group)`
      );
    case "pinned":
      return `${v.panel}: ${v.participant} is pinned as ${v.role} but does not hold that role (panels[].pinned.${pinnedField(v.role)})`;

    default:
      return unrecognised(v);
  }
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

function list(items: readonly string[]): string {
  return items.length <= 2 ? items.join(" and ") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)!}`;
}

function slotName(slot: string | null): string {
  return slot === null ? "no slot" : `slot ${slot}`;
}

function pinnedField(role: "presenter" | "chair" | "discussant"): string {
  return role === "presenter" ? "presenters" : role;
}

/**
 * Unreachable for a checker Violation (the switch is exhaustive), but violations also travel through solution
 * files and redaction: name the code rather than throw, and print no other field (it might name a person).
 */
function unrecognised(v: never): string {
  const code = (v as { readonly code?: unknown }).code;
  return `unrecognised violation ${typeof code === "string" ? JSON.stringify(code) : "without a code"}`;
}
