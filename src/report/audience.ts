// Every artefact tracktwo writes has one audience. Public artefacts (the published programme) depend only on the
// assignment, names, titles, slots and rooms; organiser artefacts may also show nationalities, opt-outs, the
// at-risk flag, explanations and diffs. The audience is stated in each artefact's header or file name, so a file
// that travels keeps saying who may read it.
export const AUDIENCES = ["public", "organisers"] as const;
export type Audience = (typeof AUDIENCES)[number];

export function isAudience(value: string): value is Audience {
  return (AUDIENCES as readonly string[]).includes(value);
}

/** One line for an artefact's header, saying who may read it. */
export function audienceNotice(audience: Audience): string {
  return audience === "public"
    ? "Audience: public (names, titles and roles only)"
    : "Audience: organisers only (contains nationalities, opt-outs and safety information; do not publish)";
}
