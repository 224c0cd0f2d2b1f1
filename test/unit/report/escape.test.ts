import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  escapeHtml,
  escapeMarkdownCell,
  escapeTableCell,
  escapeTerminalText,
  hasUnsafeCharacters,
  jsonText,
  neutraliseControls,
  neutraliseFormula,
  restoreFormulaCell,
  SAFE_TEXT,
} from "../../../src/report/escape.js";
import { terminalSafe } from "../../../src/cli/io.js";

const BIDI_AND_CONTROLS = ["\u202e", "\u2066", "\u2069", "\u200f", "\u061c", "\u001b", "\u0007", "\u009b", "\u2028", "\ufeff", "\t", "\n", "\r"];

/** Strings that mix ordinary text with the characters an attacker would use. */
const hostileText = fc.array(
  fc.oneof(fc.string({ unit: "grapheme", maxLength: 4 }), fc.constantFrom(...BIDI_AND_CONTROLS, "|", "<", ">", "&", '"', "'", "=", "+", "-", "@", "\\", "`")),
  { maxLength: 12 },
).map((parts) => parts.join(""));

describe("neutraliseControls", () => {
  it("shows a right-to-left override and an escape sequence as visible escapes", () => {
    expect(neutraliseControls("Olena\u202eK.")).toBe("Olena\\u{202e}K.");
    expect(neutraliseControls("\u001b[31mred")).toBe("\\u{001b}[31mred");
  });

  it("keeps ordinary letters of any script", () => {
    expect(neutraliseControls("Ольга Ш. · محمد · 王芳 · Zoë")).toBe("Ольга Ш. · محمد · 王芳 · Zoë");
  });

  it("leaves no control or bidirectional character in any text", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const out = neutraliseControls(text);
        expect(hasUnsafeCharacters(out)).toBe(false);
        // Nothing is lost: safe text passes unchanged.
        if (!hasUnsafeCharacters(text)) expect(out).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});

describe("escapeMarkdownCell", () => {
  it("escapes a table pipe, so a name cannot add a column", () => {
    expect(escapeMarkdownCell("A | B")).toBe("A \\| B");
  });

  it("never leaves an unescaped pipe, angle bracket or control character", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const out = escapeMarkdownCell(text);
        expect(hasUnsafeCharacters(out)).toBe(false);
        // Every pipe or angle bracket is preceded by an odd run of backslashes (it is escaped itself).
        for (const match of out.matchAll(/(\\*)[|<>]/g)) expect(match[1]!.length % 2).toBe(1);
      }),
      { numRuns: 500 },
    );
  });
});

describe("escapeHtml", () => {
  it("turns markup into text", () => {
    expect(escapeHtml('<img src=x onerror="alert(1)">')).toBe("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("leaves no raw <, >, quote or unsafe character", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const out = escapeHtml(text);
        expect(out).not.toMatch(/[<>"']/);
        expect(hasUnsafeCharacters(out)).toBe(false);
        // Every & starts an entity this function wrote.
        expect(out.replace(/&(amp|lt|gt|quot|#39);/g, "")).not.toContain("&");
      }),
      { numRuns: 500 },
    );
  });
});

describe("neutraliseFormula", () => {
  it("prefixes cells a spreadsheet would run as a formula", () => {
    expect(neutraliseFormula("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")");
    expect(neutraliseFormula("+1")).toBe("'+1");
    expect(neutraliseFormula("-2+3")).toBe("'-2+3");
    expect(neutraliseFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseFormula("\t=1")).toBe("'\t=1");
  });

  it("keeps ordinary cells, line breaks, controls and bidirectional characters as they are (CSV is data)", () => {
    expect(neutraliseFormula("Olena K.")).toBe("Olena K.");
    expect(neutraliseFormula("line one\nline two")).toBe("line one\nline two");
    expect(neutraliseFormula("\u202eyrollaM")).toBe("\u202eyrollaM");
    expect(neutraliseFormula("Mohammad\u200cReza\u0007")).toBe("Mohammad\u200cReza\u0007");
  });

  it("never returns a cell that starts a formula", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(neutraliseFormula(text)).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 500 },
    );
  });

  it("doubles a leading apostrophe, so the one a spreadsheet hides is not lost", () => {
    expect(neutraliseFormula("'Isa")).toBe("''Isa");
    expect(neutraliseFormula("O'Brien")).toBe("O'Brien");
  });
});

describe("restoreFormulaCell", () => {
  it("undoes exactly the apostrophe neutraliseFormula added, whatever the text holds", () => {
    const plain = fc.string({ unit: fc.constantFrom("=", "+", "-", "@", "'", "a", " ", "\n", "\t", "\r", "\u202e", "\u0007", "é", "|"), maxLength: 6 });
    fc.assert(
      fc.property(plain, (text) => {
        expect(restoreFormulaCell(neutraliseFormula(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it("leaves a hand-written leading apostrophe that no formula follows", () => {
    expect(restoreFormulaCell("'Isa")).toBe("'Isa");
    expect(restoreFormulaCell("'=1")).toBe("=1");
    expect(restoreFormulaCell(neutraliseFormula("\t=1"))).toBe("\t=1");
  });
});

describe("escapeTerminalText and the CLI's output guard", () => {
  it("keeps line breaks and shows every other unsafe character", () => {
    expect(escapeTerminalText("a\u001b[31m\nb\u202ec\r\n")).toBe("a\\u{001b}[31m\nb\\u{202e}c\\u{000d}\n");
  });

  it("lets a write begin by returning to the line start and clearing it (progress lines), and nothing else", () => {
    expect(terminalSafe("\r\u001b[2K  2/3 done")).toBe("\r\u001b[2K  2/3 done");
    expect(terminalSafe("x\r\u001b[2K")).toBe("x\\u{000d}\\u{001b}[2K");
    fc.assert(
      fc.property(hostileText, (text) => {
        const out = terminalSafe(`tracktwo: ${text}`);
        expect(hasUnsafeCharacters(out.replaceAll("\n", ""))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe("jsonText", () => {
  it("is the same JSON value, with no raw unsafe character but the indentation's line breaks", () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, hostileText, fc.integer(), fc.constant(null), fc.array(tie("node"), { maxLength: 3 }), fc.dictionary(hostileText, tie("node"), { maxKeys: 3 })),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        const text = jsonText(v);
        expect(JSON.parse(text)).toEqual(v);
        expect(hasUnsafeCharacters(text.replaceAll("\n", ""))).toBe(false);
        expect(text.endsWith("\n")).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe("escapeTableCell", () => {
  it("escapes pipes and backslashes, and only those, so a cell never splits and still reads as written", () => {
    expect(escapeTableCell("policy.balance[0].maxShare")).toBe("policy.balance[0].maxShare");
    expect(escapeTableCell("a|b\\")).toBe("a\\|b\\\\");
    fc.assert(
      fc.property(hostileText, (text) => {
        const out = escapeTableCell(text);
        expect(hasUnsafeCharacters(out)).toBe(false);
        for (const match of out.matchAll(/(\\*)\|/g)) expect(match[1]!.length % 2).toBe(1);
      }),
      { numRuns: 500 },
    );
  });
});

describe("SAFE_TEXT", () => {
  it("matches exactly the texts with nothing to neutralise (the identifiers a program may use)", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(SAFE_TEXT.test(text)).toBe(!hasUnsafeCharacters(text));
      }),
      { numRuns: 500 },
    );
  });
});
