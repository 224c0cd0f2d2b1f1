// DESIGN.md §8: any JSON at all either loads or fails with validation issues naming the file and a JSON path,
// never another exception. A program that loads must also normalise without throwing (solvers rely on it).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonErrorOffset, parseDataText, validateProgram } from "../../src/model/load.js";
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

  it("a schema error anywhere never hides a duplicate participant id", () => {
    // Breaking one scalar somewhere must not hide the duplicate id planted in the participants list.
    fc.assert(
      fc.property(almostValidProgramArb({ maxParticipants: 6, maxPanels: 3 }), (doc) => {
        if (doc === null || typeof doc !== "object" || !Array.isArray((doc as { participants?: unknown }).participants)) return;
        const participants = (doc as { participants: unknown[] }).participants;
        const first = participants[0] as { id?: unknown } | undefined;
        if (first === null || typeof first !== "object" || typeof first.id !== "string" || first.id === "") return;
        const planted = structuredClone(doc) as { participants: unknown[] };
        planted.participants.push({ id: first.id, nationalities: ["UA"] });
        const loaded = validateProgram(planted, FILE);
        expect(loaded.ok).toBe(false);
        if (loaded.ok) return;
        const at = planted.participants.length - 1;
        expect(loaded.issues.some((i) => i.path.join(".") === `participants.${at}.id` && /duplicate participant id/.test(i.message))).toBe(true);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe("JSON syntax errors", () => {
  // Text near JSON: valid documents with a few characters inserted or removed, and strings of JSON's own symbols.
  const nearJson = fc.oneof(
    fc.string({ unit: fc.constantFrom(...Array.from('{}[]:,"\\ \t\n\u0001tfnrueabcdef0123456789.-+eEu')) }),
    fc
      .jsonValue()
      .map((v) => JSON.stringify(v, null, 1))
      .chain((t) => fc.tuple(fc.nat(t.length), fc.string({ maxLength: 2 }), fc.nat(2)).map(([k, ins, del]) => t.slice(0, k) + ins + t.slice(k + del))),
  );

  it("the scanner finds the offset JSON.parse names, or the token it quotes", () => {
    fc.assert(
      fc.property(nearJson, (text) => {
        let message: string | null = null;
        try {
          JSON.parse(text);
        } catch (error) {
          message = (error as Error).message;
        }
        const offset = jsonErrorOffset(text);
        if (message === null) {
          expect(offset).toBe(text.length);
          return;
        }
        const position = /at position (\d+)/.exec(message);
        const token = /^Unexpected token '(.)'/su.exec(message);
        if (position !== null) expect(offset).toBe(Number(position[1]));
        else if (token !== null) expect(text[offset]).toBe(token[1]);
        else expect(offset).toBe(text.length); // "Unexpected end of JSON input"
      }),
      { numRuns: runs(2000) },
    );
  });

  it("every JSON syntax error names a line and column inside the file", () => {
    fc.assert(
      fc.property(nearJson, (text) => {
        const parsed = parseDataText(text, "input.json");
        if (parsed.ok) return;
        const [issue] = parsed.issues;
        if (text.trim() === "") {
          expect(issue!.message).toBe("the file is empty");
          return;
        }
        const lines = text.split("\n");
        // Valid JSON syntax with a key given twice in one object is refused too, naming both lines.
        const twice = /^the key ".*" is given twice in one object \(line (\d+) and line (\d+)\)$/su.exec(issue!.message);
        if (twice !== null) {
          expect(() => JSON.parse(text)).not.toThrow();
          expect(Number(twice[1])).toBeGreaterThanOrEqual(1);
          expect(Number(twice[1])).toBeLessThanOrEqual(Number(twice[2]));
          expect(Number(twice[2])).toBeLessThanOrEqual(lines.length);
          return;
        }
        const where = /^not valid JSON at line (\d+), column (\d+): \S/.exec(issue!.message);
        expect(where, issue!.message).not.toBeNull();
        const line = Number(where![1]);
        expect(line).toBeGreaterThanOrEqual(1);
        expect(line).toBeLessThanOrEqual(lines.length);
        expect(Number(where![2])).toBeLessThanOrEqual(lines[line - 1]!.length + 1);
      }),
      { numRuns: runs(500) },
    );
  });
});
