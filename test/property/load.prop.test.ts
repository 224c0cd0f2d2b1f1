// DESIGN.md §8: any JSON at all either loads or fails with validation issues naming the file and a JSON path,
// never another exception. A program that loads must also normalise without throwing (solvers rely on it).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDataText, validateProgram } from "../../src/model/load.js";
import { normalizeProgram } from "../../src/model/normalize.js";
import { almostValidProgramArb, anyJsonArb } from "../arbitraries/program.js";
import { runs } from "../helpers/runs.js";

const FILE = "input.json";

function loadsOrExplains(value: unknown): void {
  const loaded = validateProgram(value, FILE);
  if (loaded.ok) {
    expect(() => normalizeProgram(loaded.value)).not.toThrow();
    return;
  }
  expect(loaded.issues.length).toBeGreaterThan(0);
  for (const issue of loaded.issues) {
    expect(issue.file).toBe(FILE);
    expect(Array.isArray(issue.path)).toBe(true);
    for (const key of issue.path) expect(["string", "number"]).toContain(typeof key);
    expect(typeof issue.message).toBe("string");
    expect(issue.message.length).toBeGreaterThan(0);
  }
}

/** Issues about one place must point into the document: every path prefix exists in it. */
function pathExists(doc: unknown, path: readonly (string | number)[]): boolean {
  let node = doc;
  for (const key of path) {
    if (node === null || typeof node !== "object" || !(key in (node as object))) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return true;
}

describe("loading never throws", () => {
  it("any JSON value either loads or yields issues with file and path", () => {
    fc.assert(fc.property(anyJsonArb(), loadsOrExplains), { numRuns: runs(500) });
  });

  it("mutated programs either load or yield issues with file and path", () => {
    fc.assert(fc.property(almostValidProgramArb({ maxParticipants: 6, maxPanels: 3 }), loadsOrExplains), { numRuns: runs(500) });
  });

  it("issue paths on mutated programs lead into the document (or to a missing key under an existing parent)", () => {
    fc.assert(
      fc.property(almostValidProgramArb({ maxParticipants: 6, maxPanels: 3 }), (doc) => {
        const loaded = validateProgram(doc, FILE);
        if (loaded.ok) return;
        for (const issue of loaded.issues) {
          // A missing required field is reported at its own (absent) key: its parent must exist.
          expect(pathExists(doc, issue.path) || pathExists(doc, issue.path.slice(0, -1)), JSON.stringify(issue)).toBe(true);
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it("any text either parses or yields issues with file and an empty path", () => {
    const text = fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v) ?? ""), fc.string({ unit: "binary" }));
    fc.assert(
      fc.property(text, fc.constantFrom("input.json", "input.yaml"), (body, file) => {
        const parsed = parseDataText(body, file);
        if (parsed.ok) {
          loadsOrExplains(parsed.value);
          return;
        }
        for (const issue of parsed.issues) {
          expect(issue.file).toBe(file);
          expect(issue.path).toEqual([]);
        }
      }),
      { numRuns: runs(300) },
    );
  });
});
