import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSolution } from "../../../src/check/check.js";
import { scoreSolution } from "../../../src/check/score.js";
import { loadBestKnown, loadMdgp, mdgpToProgram, mdgpValue, parseBestKnown, parseMdgp } from "../../../bench/mdgp-instances.js";
import { validateProgram } from "../../../src/model/load.js";

// 5 elements, 2 groups: one of 2..3, one of 2..3 (a "ds"-style header written by hand).
const SMALL = `5 2 ds 2 3 2 3 
0 1 4
0 2 1.5
0 3 0
0 4 2
1 2 3
1 3 1
1 4 0.5
2 3 7
2 4 2
3 4 6
`;

/** A random instance in the published text format. */
function instanceText(n: number, m: number, values: readonly number[]): string {
  const lo = Math.floor(n / m);
  const bounds = Array.from({ length: m }, () => `${lo} ${lo + 1}`).join(" ");
  const lines = [`${n} ${m} ss ${bounds}`];
  let k = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) lines.push(`${i} ${j} ${values[k++ % values.length]}`);
  return `${lines.join("\n")}\n`;
}

describe("parseMdgp", () => {
  it("reads the header, the bounds and a symmetric value matrix", () => {
    const parsed = parseMdgp(SMALL, "data/tiny_ds_01.txt");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const inst = parsed.value;
    expect(inst).toMatchObject({ name: "tiny_ds_01", n: 5, m: 2, kind: "ds" });
    expect(inst.groupBounds).toEqual([{ min: 2, max: 3 }, { min: 2, max: 3 }]);
    expect(inst.d[2 * 5 + 3]).toBe(7);
    expect(inst.d[3 * 5 + 2]).toBe(7);
    expect(inst.d[0]).toBe(0);
    expect(mdgpValue(inst, [0, 0, 1, 1, 1])).toBe(4 + 7 + 2 + 6);
  });

  it.each([
    ["", /empty/, 0],
    ["5 2\n", /bad header/, 1],
    ["\n5 2 xs 2 3 2 3\n", /line 2: bad header/, 2],
    ["5 2 ss 2 3\n", /2 bound values for 2 groups/, 1],
    ["5 2 ss 3 2 2 3\n", /group 1 has bounds "3 2"/, 1],
    ["5 2 ss 1 2 1 2\n", /admit 2 to 4 elements but n is 5/, 1],
    [SMALL.replace("1 3 1", "1 3 x"), /line 7: "1 3 x" is not a pair line/, 7],
    [SMALL.replace("1 3 1", "1 9 1"), /line 7: pair 1 9 is out of range/, 7],
    [SMALL.replace("1 3 1", "2 2 1"), /line 7: pair 2 2 is out of range/, 7],
    [SMALL.replace("1 3 1", "3 1 1").replace("0 1 4", "1 3 4"), /pair 3 1 is listed twice/, 7],
    [SMALL.replace("1 3 1\n", ""), /9 pair lines for n = 5/, 0],
  ])("reports %j as an issue naming the file and line", (text, message) => {
    const parsed = parseMdgp(text, "bad.txt");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues[0]!.file).toBe("bad.txt");
    expect(parsed.issues[0]!.message).toMatch(message);
    expect(parsed.issues[0]!.expected).toBeTruthy();
  });

  it("caps the number of issues for a thoroughly broken file", () => {
    const text = `4 1 ss 4 4\n${Array.from({ length: 100 }, () => "nonsense").join("\n")}`;
    const parsed = parseMdgp(text, "broken.txt");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.length).toBe(20);
  });

  it("loads from disk and reports a missing file", () => {
    const dir = mkdtempSync(join(tmpdir(), "tracktwo-mdgp-"));
    writeFileSync(join(dir, "t.txt"), SMALL);
    expect(loadMdgp(join(dir, "t.txt")).ok).toBe(true);
    const missing = loadMdgp(join(dir, "none.txt"));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.issues[0]!.message).toBe("file not found");
  });
});

describe("mdgpToProgram", () => {
  it("makes a valid program whose affinity score of any grouping is the MDGP value", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 12 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 1000 }),
        (n, mWanted, values, shuffleSeed) => {
          const m = Math.min(mWanted, Math.floor(n / 2));
          const parsed = parseMdgp(instanceText(n, m, values), "prop.txt");
          expect(parsed.ok).toBe(true);
          if (!parsed.ok) return;
          const loaded = validateProgram(mdgpToProgram(parsed.value), "prop.txt");
          expect(loaded.ok).toBe(true);
          if (!loaded.ok) return;
          // A grouping within the bounds: deal elements round-robin in a seeded order.
          const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => ((a * 7919 + shuffleSeed) % n) - ((b * 7919 + shuffleSeed) % n));
          const groupOf = new Array<number>(n);
          order.forEach((element, k) => (groupOf[element] = k % m));
          const panels = Array.from({ length: m }, (_, g) => ({
            id: `G${g + 1}`,
            presenters: order.filter((e) => groupOf[e] === g).map((e) => `e${e}`),
            chair: null,
            discussant: null,
          }));
          expect(checkSolution(loaded.value, panels)).toEqual([]);
          const score = scoreSolution(loaded.value, panels, null);
          expect(score.total).toBeCloseTo(mdgpValue(parsed.value, groupOf), 6);
          expect(score.terms.affinity).toBeCloseTo(score.total, 6);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe("best-known values", () => {
  it("parses bks.csv rows, with quoted cells", () => {
    const csv = 'instance,set,bks,source\nRanReal_n120_ss_01,RanReal,47363.206898,"Yang, 2022"\n\nRanInt_n120_ds_01,RanInt,1234,Y22\n';
    const parsed = parseBestKnown(csv, "bks.csv");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.get("RanReal_n120_ss_01")).toEqual({ instance: "RanReal_n120_ss_01", value: 47363.206898, source: "Yang, 2022" });
    expect(parsed.value.get("RanInt_n120_ds_01")?.value).toBe(1234);
  });

  it("reports a missing column, a bad number and a missing file with row and column", () => {
    const noColumn = parseBestKnown("name,value\na,1\n", "bks.csv");
    expect(!noColumn.ok && noColumn.issues[0]!.message).toMatch(/row 1: the header lacks/);
    const badValue = parseBestKnown("instance,bks\na,1\nb,lots\n", "bks.csv");
    expect(!badValue.ok && badValue.issues[0]!.message).toBe('row 3, column bks: "lots" is not a number');
    const missing = loadBestKnown(join(tmpdir(), "no-such-dir-tracktwo", "bks.csv"));
    expect(!missing.ok && missing.issues[0]!.message).toBe("file not found");
  });
});
