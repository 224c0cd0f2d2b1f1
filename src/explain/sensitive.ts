// At-risk status is "never shown in public outputs" (DESIGN.md §2), and an explanation can reveal it without ever
// naming the flag: "ru04 opts out of dialogue panels" when ru04 wrote no opt-out, "P01 is recorded" when that only
// matters because someone at risk could sit there. So sensitivity is decided where an entry is made (it knows why
// it exists) and publishing is structural: every sensitive entry of a list becomes one neutral withheld entry
// at the end of it, with no participant, panel or path, and no count of how many there were.
import type { Program } from "../model/schema.js";
import type { ConflictMember, Explanation, NecessaryCheck, Relaxation } from "./types.js";

/** What a published output shows in place of anything that would reveal who is at risk. */
export const WITHHELD = "a safety rule protecting a participant (details withheld)";

/** The program with nobody at risk (an unwritten dialogue stays unwritten, so it becomes "in"). */
export function withoutAtRisk(program: Program): Program {
  if (!program.participants.some((p) => p.atRisk)) return program;
  return { ...program, participants: program.participants.map((p) => (p.atRisk ? { ...p, atRisk: false } : p)) };
}

export function isExplanation(value: unknown): value is Explanation {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v["verdict"] === "string" && Array.isArray(v["checks"]) && Array.isArray(v["conflicts"]) && Array.isArray(v["relaxations"]);
}

const isSensitive = (entry: { readonly sensitive?: boolean }) => entry.sensitive === true;

/** Non-sensitive entries in order, then one placeholder when any entry was sensitive. */
function publishList<T extends { readonly sensitive?: boolean }>(list: readonly T[], placeholder: () => T): T[] {
  const kept = list.filter((e) => !isSensitive(e));
  return kept.length < list.length ? [...kept, placeholder()] : kept;
}

/** One withheld check per verdict hidden: a failing sensitive check still says "this alone rules it out". */
function publishChecks(checks: readonly NecessaryCheck[]): NecessaryCheck[] {
  const placeholder = (ok: boolean): NecessaryCheck => ({ code: "withheld", ok, path: "", numbers: {}, message: WITHHELD, sensitive: true });
  const hidden = checks.filter(isSensitive);
  return [
    ...checks.filter((c) => !isSensitive(c)),
    ...(hidden.some((c) => !c.ok) ? [placeholder(false)] : []),
    ...(hidden.some((c) => c.ok) ? [placeholder(true)] : []),
  ];
}

/**
 * The explanation as it may be published: sensitive checks, conflict members and relaxations replaced by withheld
 * entries. Idempotent (a withheld entry is itself marked sensitive); the input is not touched.
 */
export function publishExplanation(explanation: Explanation): Explanation {
  const conflict = (): ConflictMember => ({ rule: "withheld", instance: WITHHELD, path: "", fixesAlone: null, sensitive: true });
  const relaxation = (): Relaxation => ({ path: "", from: null, to: null, smallest: false, message: WITHHELD, sensitive: true });
  return {
    verdict: explanation.verdict,
    checks: publishChecks(explanation.checks),
    conflicts: publishList(explanation.conflicts, conflict),
    conflictsMinimal: explanation.conflictsMinimal,
    relaxations: publishList(explanation.relaxations, relaxation),
    stats: { solves: explanation.stats.solves, timeMs: explanation.stats.timeMs, timedOut: explanation.stats.timedOut },
  };
}
