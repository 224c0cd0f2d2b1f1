import fc from "fast-check";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { terminalSafe } from "../../../src/cli/io.js";
import { hasUnsafeCharacters } from "../../../src/report/escape.js";
import { programFileFormat, programFileText } from "../../../src/report/program-file.js";

/** Free text as registration forms deliver it: controls, bidi overrides, line breaks, quotes, YAML indicators. */
const hostileText = fc.string({
  unit: fc.constantFrom("\u202e", "\u2066", "\u200d", "\u0007", "\u001b", "\u007f", "\u0085", "\u2028", "\ufeff", "\t", "\n", "\r", '"', "'", "\\", ":", "#", "-", " ", "a", "é", "名"),
  maxLength: 8,
});

const programLike = fc.record({
  name: hostileText,
  participants: fc.array(fc.record({ id: fc.constantFrom("p1", "p2"), name: hostileText, nationalities: fc.constant(["UA"]), topics: fc.array(hostileText, { maxLength: 3 }) }), { maxLength: 4 }),
  panels: fc.array(fc.record({ id: fc.constant("P1"), title: hostileText, size: fc.constant({ min: 1, max: 3 }) }), { maxLength: 2 }),
});

describe("program files", () => {
  it("read back as the same program in YAML and JSON, with no raw unsafe character for a terminal to act on", () => {
    fc.assert(
      fc.property(programLike, hostileText, (program, source) => {
        for (const format of ["yaml", "json"] as const) {
          const text = programFileText(program, format, [`Imported by \`tracktwo import\` from ${source}`]);
          expect(format === "yaml" ? parse(text) : JSON.parse(text)).toEqual(program);
          // What the CLI's terminal guard would change: nothing, so stdout and --out get the same bytes.
          expect(terminalSafe(text)).toBe(text);
          expect(hasUnsafeCharacters(text.replaceAll("\n", ""))).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("YAML states its audience, keeps its comments and flows short lists; the format follows the file name", () => {
    const text = programFileText({ name: "x", participants: [{ id: "p1", nationalities: ["UA", "RU"] }] }, "yaml", ["one", "two"]);
    expect(text).toBe(
      "# Audience: organisers only (contains nationalities, opt-outs and safety information; do not publish)\n# one\n# two\nname: x\nparticipants:\n  - id: p1\n    nationalities: [ UA, RU ]\n",
    );
    expect(programFileText({ a: 1 }, "json", ["dropped"])).toBe('{\n  "a": 1\n}\n');
    expect([programFileFormat("p.YML"), programFileFormat("p.yaml"), programFileFormat("p.json"), programFileFormat("p")]).toEqual(["yaml", "yaml", "json", "json"]);
  });
});
