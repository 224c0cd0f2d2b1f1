// The main thread's side of a hosted command: the time limit it arms before the worker has even started must be
// the one solve's own parser reads, and the first Ctrl-C's wording says what will happen.
import { describe, expect, it } from "vitest";
import { interruptText, timeLimitMsOf } from "../../../src/cli/hosted.js";

describe("timeLimitMsOf", () => {
  it("reads --time-limit as solve does, with its default, and ignores what follows --", () => {
    expect(timeLimitMsOf(["solve", "p.json"])).toBe(60_000);
    expect(timeLimitMsOf(["solve", "p.json", "--time-limit", "2.5"])).toBe(2500);
    expect(timeLimitMsOf(["solve", "--time-limit=0.25", "p.json"])).toBe(250);
    expect(timeLimitMsOf(["solve", "--", "--time-limit", "5"])).toBe(60_000);
  });

  it("gives null for what solve refuses (it then exits at once with a usage error)", () => {
    for (const bad of ["soon", "-3", "0", "", "Infinity", String(8 * 24 * 3600)]) expect(timeLimitMsOf(["solve", "--time-limit", bad])).toBeNull();
    expect(timeLimitMsOf(["solve", "--time-limit"])).toBeNull();
  });
});

describe("interruptText", () => {
  it("says whether there is something to write", () => {
    expect(interruptText(null)).toMatch(/before anything was found; stopping/);
    expect(interruptText("objective 12")).toMatch(/finishing with the best found so far \(objective 12\)/);
    expect(interruptText(undefined)).toMatch(/finishing what is running/);
  });
});
