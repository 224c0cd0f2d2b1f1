// Named constraint instances at the program level, as the rules of the catalogue list them (their
// `explain.instances` face): every keep-apart entry, opt-out, unavailable slot, pin, panel size, co-author group and
// active policy field. An instance's key is its program path, and relaxing a set of instances is an edit of the
// program (remove the entry, or set the field to its permissive value), so a conflict set reads as "change these
// lines of your program". Every relaxation only adds solutions (the deletion filter relies on it). An instance's
// `rule` is the checker's code for what it asks (keep-apart, avoid-participant, unavailable-slot, ...). Two kinds
// exist only because someone is at risk and are marked sensitive: a dialogue opt-out nobody wrote (the at-risk
// default "out"), and "P01 is recorded" (listed only when an at-risk participant exists).
import { HARD_RULES } from "../constraints/registry.js";
import type { ViolationCode } from "../constraints/rule.js";
import { formatPath, type IssuePath } from "../model/issues.js";
import type { Program } from "../model/schema.js";

export interface ConstraintInstance {
  readonly rule: ViolationCode;
  readonly instance: string;
  /** formatPath of where it lives; also its key. */
  readonly path: string;
  /** Exists only because someone is at risk; published only as a withheld entry (src/explain/sensitive.ts). */
  readonly sensitive?: boolean;
}

export function listConstraintInstances(program: Program): ConstraintInstance[] {
  return HARD_RULES.flatMap((rule) =>
    (rule.explain.instances?.(program) ?? []).map(({ rule: code, path, instance, sensitive }) => ({
      rule: code,
      instance,
      path: formatPath(path),
      ...(sensitive === true ? { sensitive } : {}),
    })),
  );
}

/** The program with the instances at these paths relaxed; the input is not touched. */
export function relaxInstances(program: Program, paths: ReadonlySet<string>): Program {
  if (paths.size === 0) return program;
  const isRelaxed = (path: IssuePath) => paths.has(formatPath(path));
  const draft = structuredClone(program);
  for (const rule of HARD_RULES) rule.explain.relax?.(draft, isRelaxed, program);
  return draft;
}
