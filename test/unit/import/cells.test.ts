import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatListCell,
  formatTextCell,
  listItems,
  normaliseKey,
  parseCount,
  parseDialogue,
  parseSizeRange,
  parseTextCell,
  parseYesNo,
} from "../../../src/import/cells.js";

/** Text with the characters the cell syntax treats specially, plus ordinary letters and other scripts. */
const cellText = fc.string({ unit: fc.constantFrom('"', ";", ",", "\n", " ", "\t", "/", "|", "+", "a", "B", "é", "Ж", "名", "'"), maxLength: 8 });

describe("text cells", () => {
  it("read back what formatTextCell wrote, whatever the text", () => {
    fc.assert(
      fc.property(cellText, (text) => {
        expect(parseTextCell(formatTextCell(text))).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it("trim, read an empty cell as no value and a quoted one literally", () => {
    expect(parseTextCell("  Olena K. ")).toBe("Olena K.");
    expect(parseTextCell("   ")).toBeUndefined();
    expect(parseTextCell('""')).toBe("");
    expect(parseTextCell('"  spaced "')).toBe("  spaced ");
    expect(parseTextCell('Robert "Bob" Smith')).toBe('Robert "Bob" Smith');
  });
});

describe("list cells", () => {
  it("read back the items formatListCell wrote, whatever they hold", () => {
    fc.assert(
      fc.property(fc.array(cellText, { maxLength: 5 }), (items) => {
        expect(listItems(formatListCell(items)).map((i) => i.text)).toEqual(items);
      }),
      { numRuns: 1000 },
    );
  });

  it("split at semicolons, commas and line breaks, dropping empty items", () => {
    expect(listItems("security; energy,trade\nwater;;").map((i) => i.text)).toEqual(["security", "energy", "trade", "water"]);
    expect(listItems("Thu 08:15, Fri 10:30; Sat", ";").map((i) => i.text)).toEqual(["Thu 08:15, Fri 10:30", "Sat"]);
    expect(listItems('"a; b", c')).toEqual([{ text: "a; b", quoted: true }, { text: "c", quoted: false }]);
  });
});

describe("yes/no, counts, dialogue and sizes", () => {
  it("accept the usual spellings and reject the rest", () => {
    for (const yes of ["Yes", "y", "TRUE", "1", "x", "✓"]) expect(parseYesNo(yes)).toBe(true);
    for (const no of ["No", "n", "FALSE", "0", "-"]) expect(parseYesNo(no)).toBe(false);
    expect(parseYesNo("")).toBeUndefined();
    expect(parseYesNo("maybe")).toBeNull();
    expect(parseCount("2")).toBe(2);
    expect(parseCount("1.0")).toBe(1);
    expect(parseCount("Yes")).toBe(1);
    expect(parseCount("no")).toBe(0);
    expect(parseCount("1.5")).toBeNull();
    expect(parseDialogue("Opt-out")).toBe("out");
    expect(parseDialogue("yes")).toBe("in");
    expect(parseDialogue("sometimes")).toBeNull();
    expect(parseSizeRange("3-5")).toEqual({ min: 3, max: 5 });
    expect(parseSizeRange("4")).toEqual({ min: 4, max: 4 });
    expect(parseSizeRange("three")).toBeNull();
  });

  it("compare headers without case, accents or punctuation", () => {
    expect(normaliseKey("  Willing to CHAIR? ")).toBe("willing to chair");
    expect(normaliseKey("Côte d’Ivoire")).toBe("cote d'ivoire");
    expect(normaliseKey("Co-author group")).toBe("co author group");
  });
});
