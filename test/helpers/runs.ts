// numRuns for the property tests, tuned for CI (2 cores, a few minutes for the whole suite). PROP_SCALE
// multiplies them for a longer bug hunt: `PROP_SCALE=10 npx vitest run test/property`.
const scale = Number(process.env["PROP_SCALE"] ?? "1");
if (!Number.isFinite(scale) || scale <= 0) throw new RangeError(`PROP_SCALE must be a positive number, got "${process.env["PROP_SCALE"]}"`);

export function runs(ciRuns: number): number {
  return Math.max(1, Math.round(ciRuns * scale));
}
