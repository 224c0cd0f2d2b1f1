// Named constraint instances at the program level: every keep-apart entry, opt-out entry, unavailable slot, pin,
// panel size, co-author group and active policy field. An instance's key is its program path, and relaxing a set
// of instances is an edit of the program (remove the entry, or set the field to its permissive value), so a
// conflict set reads as "change these lines of your program". Every relaxation only adds solutions (the deletion
// filter relies on it), which is why "needs a chair" is not an instance: a panel without a chair must have none,
// and dropping a member changes its caps. Chair shortages are the chairs check's and the relaxations' business.
// Two kinds of instance exist only because someone is at risk, and are marked sensitive: a dialogue opt-out nobody
// wrote (the at-risk default "out"), and "P01 is recorded" (listed only when an at-risk participant exists).
import { formatPath, type IssuePath } from "../model/issues.js";
import type { Program } from "../model/schema.js";

export interface ConstraintInstance {
  readonly rule: string;
  readonly instance: string;
  /** formatPath of where it lives; also its key. */
  readonly path: string;
  /** Exists only because someone is at risk; published only as a withheld entry (src/explain/sensitive.ts). */
  readonly sensitive?: boolean;
}

export function listConstraintInstances(program: Program): ConstraintInstance[] {
  const out: ConstraintInstance[] = [];
  const add = (rule: string, path: IssuePath, instance: string, sensitive = false) =>
    out.push({ rule, instance, path: formatPath(path), ...(sensitive ? { sensitive } : {}) });
  const { policy } = program;
  const anyAtRisk = program.participants.some((p) => p.atRisk);
  const atRiskIds = program.participants.filter((p) => p.atRisk).map((p) => p.id).join(", ");
  const anyPairs = policy.dialogue.pairs.length > 0;
  const seenGroups = new Set<string>();

  program.participants.forEach((p, i) => {
    p.avoid.participants.forEach((ref, j) => add("opt-out", ["participants", i, "avoid", "participants", j], `${p.id} avoids ${ref}`));
    p.avoid.nationalities.forEach((code, j) =>
      add("opt-out", ["participants", i, "avoid", "nationalities", j], `${p.id} avoids panels with ${code}`));
    if (anyPairs && (p.dialogue ?? (p.atRisk ? "out" : "in")) === "out") {
      // Written by the participant, an opt-out anyone may have; left out, it is the at-risk default.
      const byDefault = p.dialogue === undefined;
      add("dialogue-out", ["participants", i, "dialogue"],
        byDefault ? `${p.id} is kept off dialogue panels (at-risk default)` : `${p.id} opts out of dialogue panels`, byDefault);
    }
    p.unavailable.forEach((slot, j) => add("unavailable", ["participants", i, "unavailable", j], `${p.id} is unavailable in ${slot}`));
    if (p.group !== undefined && !seenGroups.has(p.group)) {
      seenGroups.add(p.group);
      add("together", ["participants", i, "group"], `co-authors of group ${p.group} present together`);
    }
  });

  program.panels.forEach((panel, k) => {
    if (panel.recorded && anyAtRisk) add("recorded", ["panels", k, "recorded"], `${panel.id} is recorded, so the at-risk ${atRiskIds} may not sit on it`, true);
    panel.pinned?.presenters.forEach((ref, j) =>
      add("pinned", ["panels", k, "pinned", "presenters", j], `${ref} is pinned to present on ${panel.id}`));
    if (panel.pinned?.chair !== undefined) add("pinned", ["panels", k, "pinned", "chair"], `${panel.pinned.chair} is pinned to chair ${panel.id}`);
    if (panel.pinned?.discussant !== undefined) {
      add("pinned", ["panels", k, "pinned", "discussant"], `${panel.pinned.discussant} is pinned as discussant of ${panel.id}`);
    }
    if (panel.size !== undefined) {
      if (panel.size.min > 0) add("panel-size", ["panels", k, "size", "min"], `${panel.id} has at least ${panel.size.min} presenters`);
      add("panel-size", ["panels", k, "size", "max"], `${panel.id} has at most ${panel.size.max} presenters`);
    }
  });

  const usesDefaultSize = program.panels.some((panel) => panel.size === undefined);
  if (usesDefaultSize) {
    if (policy.panelSize.min > 0) add("panel-size", ["policy", "panelSize", "min"], `panels have at least ${policy.panelSize.min} presenters`);
    add("panel-size", ["policy", "panelSize", "max"], `panels have at most ${policy.panelSize.max} presenters`);
  }
  if (policy.nationality.maxShare < 1) {
    add("nationality-cap", ["policy", "nationality", "maxShare"], `policy.nationality.maxShare ${policy.nationality.maxShare}`);
  }
  if (policy.nationality.minDistinct > 1) {
    add("nationality-cap", ["policy", "nationality", "minDistinct"], `policy.nationality.minDistinct ${policy.nationality.minDistinct}`);
  }
  policy.balance.forEach((rule, k) => {
    if (rule.maxShare < 1) add("attribute-balance", ["policy", "balance", k, "maxShare"], `${rule.attribute} maxShare ${rule.maxShare}`);
    if (rule.minDistinct > 1) add("attribute-balance", ["policy", "balance", k, "minDistinct"], `${rule.attribute} minDistinct ${rule.minDistinct}`);
  });
  policy.keepApart.forEach(([a, b], k) => add("keep-apart", ["policy", "keepApart", k], `keep ${a} and ${b} apart`));
  policy.separate.forEach(([a, b], k) => add("separate", ["policy", "separate", k], `separate ${a} from ${b}`));
  if (anyPairs) {
    if (policy.dialogue.neutralChair && (policy.chair || program.panels.some((p) => p.chair === true))) {
      add("dialogue-safety", ["policy", "dialogue", "neutralChair"], "dialogue panels need a neutral chair");
    }
    if (policy.dialogue.maxImbalance !== null) {
      add("dialogue-safety", ["policy", "dialogue", "maxImbalance"], `dialogue sides differ by at most ${policy.dialogue.maxImbalance}`);
    }
    if (policy.dialogue.minSide > 1) add("dialogue-safety", ["policy", "dialogue", "minSide"], `each dialogue side has at least ${policy.dialogue.minSide} members`);
  }
  if (policy.maxRoles !== null) add("max-roles", ["policy", "maxRoles"], `at most ${policy.maxRoles} roles per participant`);
  if (policy.topics === "required") add("topics", ["policy", "topics"], 'presenters share a topic with their panel (policy.topics "required")');
  return out;
}

/** The program with the instances at these paths relaxed; the input is not touched. */
export function relaxInstances(program: Program, paths: ReadonlySet<string>): Program {
  if (paths.size === 0) return program;
  const has = (...path: (string | number)[]) => paths.has(formatPath(path));
  const draft = structuredClone(program);
  const { policy } = draft;
  const totalPresentations = program.participants.reduce((sum, p) => sum + p.presents, 0);
  const droppedGroups = new Set<string>();

  draft.participants.forEach((p, i) => {
    p.avoid = {
      participants: p.avoid.participants.filter((_, j) => !has("participants", i, "avoid", "participants", j)),
      nationalities: p.avoid.nationalities.filter((_, j) => !has("participants", i, "avoid", "nationalities", j)),
    };
    if (has("participants", i, "dialogue")) p.dialogue = "in";
    p.unavailable = p.unavailable.filter((_, j) => !has("participants", i, "unavailable", j));
    if (p.group !== undefined && has("participants", i, "group")) droppedGroups.add(p.group);
  });
  for (const p of draft.participants) if (p.group !== undefined && droppedGroups.has(p.group)) delete p.group;

  draft.panels.forEach((panel, k) => {
    if (has("panels", k, "recorded")) panel.recorded = false;
    if (panel.pinned !== undefined) {
      const { chair, discussant, presenters } = panel.pinned;
      panel.pinned = {
        presenters: presenters.filter((_, j) => !has("panels", k, "pinned", "presenters", j)),
        ...(chair === undefined || has("panels", k, "pinned", "chair") ? {} : { chair }),
        ...(discussant === undefined || has("panels", k, "pinned", "discussant") ? {} : { discussant }),
      };
    }
    if (panel.size !== undefined) {
      panel.size = {
        min: has("panels", k, "size", "min") ? 0 : panel.size.min,
        max: has("panels", k, "size", "max") ? Math.max(panel.size.max, totalPresentations) : panel.size.max,
      };
    }
  });

  if (has("policy", "panelSize", "min")) policy.panelSize = { ...policy.panelSize, min: 0 };
  if (has("policy", "panelSize", "max")) policy.panelSize = { ...policy.panelSize, max: Math.max(policy.panelSize.max, totalPresentations) };
  if (has("policy", "nationality", "maxShare")) policy.nationality = { ...policy.nationality, maxShare: 1 };
  if (has("policy", "nationality", "minDistinct")) policy.nationality = { ...policy.nationality, minDistinct: 0 };
  policy.balance = policy.balance.map((rule, k) => ({
    ...rule,
    maxShare: has("policy", "balance", k, "maxShare") ? 1 : rule.maxShare,
    minDistinct: has("policy", "balance", k, "minDistinct") ? 0 : rule.minDistinct,
  }));
  policy.keepApart = policy.keepApart.filter((_, k) => !has("policy", "keepApart", k));
  policy.separate = policy.separate.filter((_, k) => !has("policy", "separate", k));
  policy.dialogue = {
    ...policy.dialogue,
    neutralChair: has("policy", "dialogue", "neutralChair") ? false : policy.dialogue.neutralChair,
    maxImbalance: has("policy", "dialogue", "maxImbalance") ? null : policy.dialogue.maxImbalance,
    minSide: has("policy", "dialogue", "minSide") ? 1 : policy.dialogue.minSide,
  };
  if (has("policy", "maxRoles")) policy.maxRoles = null;
  if (has("policy", "topics")) policy.topics = "preferred";
  return draft;
}
