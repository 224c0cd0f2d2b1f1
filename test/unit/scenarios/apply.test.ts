import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyChanges, parseValuePath, setPolicyValue } from "../../../src/scenarios/apply.js";
import { formatInputIssue } from "../../../src/model/issues.js";
import { loadBaseProgram, loadScenario } from "../../../src/scenarios/load.js";
import { ChangeSchema, type Change } from "../../../src/scenarios/schema.js";
import { program, smallInput } from "./fixtures.js";

const change = (raw: unknown): Change => ChangeSchema.parse(raw);
const apply = (...raws: unknown[]) => applyChanges(program(smallInput()), raws.map(change), "s.yaml");
const applied = (...raws: unknown[]) => {
  const result = apply(...raws);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};

describe("applyChanges", () => {
  it("withdraws a participant together with every reference to them", () => {
    const base = program({
      ...smallInput(),
      panels: [
        { id: "P1", slot: "S1", size: { min: 2, max: 4 }, pinned: { presenters: ["b", "c"] } },
        { id: "P2", slot: "S2", size: { min: 2, max: 4 } },
      ],
    });
    const result = applyChanges(base, [change({ withdraw: "b" }), change({ removeParticipants: ["f"] })], "s.yaml");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const p = result.value;
    expect(p.participants.map((x) => x.id)).toEqual(["a", "c", "d", "e"]);
    expect(p.policy.keepApart).toEqual([]);
    expect(p.participants.find((x) => x.id === "e")!.avoid.participants).toEqual([]);
    expect(p.panels[0]!.pinned!.presenters).toEqual(["c"]);
  });

  it("lets a balance rule outlive the last holder of its attribute, but not name an attribute the base never had", () => {
    const input = smallInput();
    const base = program({
      ...input,
      participants: input.participants.map((p) => (p.id === "a" ? { ...p, attributes: { gender: "f" } } : p)),
      policy: { ...input.policy, balance: [{ attribute: "gender", maxShare: 0.75 }] },
    });
    expect(applyChanges(base, [change({ withdraw: "a" })], "s.yaml").ok).toBe(true);
    const typo = applyChanges(base, [change({ set: { "policy.balance": [{ attribute: "gendre", maxShare: 0.75 }] } })], "s.yaml");
    expect(typo.ok).toBe(false);
    if (!typo.ok) expect(typo.issues.map(formatInputIssue).join("\n")).toContain('no participant has attribute "gendre"');
  });

  it("adds and edits participants and panels, validated by the program schema", () => {
    const p = applied(
      { addParticipants: [{ id: "g", nationalities: ["AM"] }] },
      { editParticipant: { id: "c", set: { mayChair: 2, nationalities: ["GE", "AM"] } } },
      { addPanel: { id: "P3", size: { min: 0, max: 3 } } },
      { editPanel: { id: "P2", set: { recorded: true } } },
      { cancelPanel: "P1" },
    );
    expect(p.participants.at(-1)).toMatchObject({ id: "g", presents: 1, nationalities: ["AM"] });
    expect(p.participants.find((x) => x.id === "c")).toMatchObject({ mayChair: 2, nationalities: ["GE", "AM"] });
    expect(p.panels.map((x) => x.id)).toEqual(["P2", "P3"]);
    expect(p.panels[0]!.recorded).toBe(true);
  });

  it("adds opt-outs, keep-apart pairs and pins without duplicates", () => {
    const p = applied(
      { optOut: { participant: "e", participants: ["f", "d"], nationalities: ["RU"], dialogue: "out" } },
      { keepApart: [["c", "d"], ["d", "e"]] },
      { keepApart: ["a", "f"] },
      { editPanel: { id: "P1", set: { chair: true } } }, // a pinned chair needs a panel that has a chair
      { pin: { panel: "P1", presenters: ["c"], chair: "a" } },
      { pin: { panel: "P1", presenters: ["c", "d"] } },
    );
    const e = p.participants.find((x) => x.id === "e")!;
    expect(e.avoid).toEqual({ participants: ["f", "d"], nationalities: ["RU"] });
    expect(e.dialogue).toBe("out");
    expect(p.policy.keepApart).toEqual([["a", "b"], ["c", "d"], ["d", "e"], ["a", "f"]]);
    expect(p.panels[0]!.pinned).toEqual({ presenters: ["c", "d"], chair: "a" });
  });

  it("sets policy values by path, including lists and indexed entries", () => {
    const p = applied({ set: { "policy.nationality.maxShare": 0.4, "policy.separate": [["RU", "UA"]], "policy.dialogue.pairs[0].weight": 2 } });
    expect(p.policy.nationality.maxShare).toBe(0.4);
    expect(p.policy.separate).toEqual([["RU", "UA"]]);
    expect(p.policy.dialogue.pairs[0]!.weight).toBe(2);
  });

  it("rejects __proto__, constructor and prototype path steps without touching Object.prototype", () => {
    const base = program(smallInput());
    for (const key of ["policy.__proto__.polluted", "policy.constructor.prototype.polluted", "policy.nationality.__proto__", "policy.prototype", "policy.dialogue.pairs[0].constructor"]) {
      const result = setPolicyValue(base, key, 7, "s.yaml", ["changes", 0, "set", key]);
      expect(result.ok, key).toBe(false);
      if (!result.ok) expect(result.issues[0]!.message).toMatch(/steps through "(__proto__|constructor|prototype)", which is not a policy setting/);
    }
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
    const viaChange = apply({ set: { "policy.__proto__.polluted": 7 } });
    expect(!viaChange.ok && viaChange.issues.map((i) => [i.file, i.path])).toEqual([["s.yaml", ["changes", 0, "set", "policy.__proto__.polluted"]]]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("leaves the base program untouched", () => {
    const base = program(smallInput());
    const before = JSON.stringify(base);
    applyChanges(base, [change({ withdraw: "a" }), change({ set: { "policy.chair": true } })], "s.yaml");
    expect(JSON.stringify(base)).toBe(before);
  });

  it.each([
    [{ withdraw: "zz" }, ["changes", 0, "withdraw"], 'unknown participant "zz"'],
    [{ withdraw: ["a", "zz"] }, ["changes", 0, "withdraw", 1], 'unknown participant "zz"'],
    [{ cancelPanel: "P9" }, ["changes", 0, "cancelPanel"], 'unknown panel "P9"'],
    [{ optOut: { participant: "a", participants: ["q"] } }, ["changes", 0, "optOut", "participants", 0], 'unknown participant "q"'],
    [{ keepApart: ["a", "q"] }, ["changes", 0, "keepApart", 1], 'unknown participant "q"'],
    [{ pin: { panel: "P1", chair: "q" } }, ["changes", 0, "pin", "chair"], 'unknown participant "q"'],
    [{ editPanel: { id: "P7", set: {} } }, ["changes", 0, "editPanel", "id"], 'unknown panel "P7"'],
    [{ addParticipants: [{ id: "a", nationalities: ["UA"] }] }, ["changes", 0, "addParticipants", 0, "id"], "already exists"],
  ])("reports %j at its change index", (raw, path, message) => {
    const result = apply(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]!.file).toBe("s.yaml");
    expect(result.issues[0]!.path).toEqual(path);
    expect(result.issues[0]!.message).toContain(message);
  });

  it("names the change index of a later change that points at an id an earlier change removed", () => {
    const result = apply({ withdraw: "a" }, { pin: { panel: "P1", presenters: ["a"] } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.path).toEqual(["changes", 1, "pin", "presenters", 0]);
  });

  it("rejects policy values the schema rejects, and paths outside the policy", () => {
    const bad = apply({ set: { "policy.nationality.maxShare": 1.5 } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]!.path).toEqual(["changes", 0, "set", "policy.nationality.maxShare"]);
    const outside = apply({ set: { "participants.0.presents": 2 } });
    expect(outside.ok).toBe(false);
    const typo = apply({ set: { "policy.nationalty.maxShare": 0.4 } });
    expect(typo.ok).toBe(false);
  });

  it("rejects a change that leaves a dangling reference (a panel in a slot that does not exist)", () => {
    const result = apply({ addPanel: { id: "P3", slot: "S9" } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.message).toContain('unknown slot "S9"');
  });

  it("does not treat a withdrawal that leaves panels short of presenters as an input error", () => {
    // 6 presentations, 2 panels of at least 2: withdrawing 3 leaves 3 < 4 seats, an infeasible what-if, not bad input.
    expect(apply({ withdraw: ["a", "b", "c"] }).ok).toBe(true);
  });
});

describe("ChangeSchema", () => {
  it("wants exactly one kind per change", () => {
    expect(ChangeSchema.safeParse({}).success).toBe(false);
    expect(ChangeSchema.safeParse({ withdraw: "a", cancelPanel: "P1" }).success).toBe(false);
    expect(ChangeSchema.safeParse({ withdraw: "a", note: "flight cancelled" }).success).toBe(true);
  });
});

describe("parseValuePath and setPolicyValue", () => {
  it("reads dotted and indexed paths", () => {
    expect(parseValuePath("policy.balance[0].maxShare")).toEqual(["policy", "balance", 0, "maxShare"]);
    expect(parseValuePath("policy.balance.0.maxShare")).toEqual(["policy", "balance", 0, "maxShare"]);
    expect(parseValuePath("policy..x")).toBeNull();
  });
  it("returns a new program and validates the value", () => {
    const base = program(smallInput());
    const set = setPolicyValue(base, "policy.dialogue.maxImbalance", null, "f", []);
    expect(set.ok && set.value.policy.dialogue.maxImbalance).toBeNull();
    expect(base.policy.dialogue.maxImbalance).toBe(1);
    expect(setPolicyValue(base, "policy.topics", "sometimes", "f", []).ok).toBe(false);
  });
});

describe("loadScenario", () => {
  it("resolves base and baseline relative to the scenario file and applies the changes", () => {
    const dir = mkdtempSync(join(tmpdir(), "tracktwo-scenario-"));
    writeFileSync(join(dir, "base.json"), JSON.stringify(smallInput()));
    writeFileSync(join(dir, "published.json"), JSON.stringify({ status: "optimal", solver: "mip", panels: [{ id: "P1", presenters: ["a", "c"] }] }));
    writeFileSync(join(dir, "late.yaml"), "base: base.json\nbaseline: published.json\nmaxMoves: 2\nchanges:\n  - withdraw: c\n");
    const loaded = loadScenario(join(dir, "late.yaml"));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.name).toBe("late");
    expect(loaded.value.program.participants).toHaveLength(5);
    expect(loaded.value.baseline?.panels[0]!.presenters).toEqual(["a", "c"]);
    expect(loaded.value.maxMoves).toBe(2);
  });

  it("reports a missing base at the scenario's base field, and maxMoves without a baseline", () => {
    const dir = mkdtempSync(join(tmpdir(), "tracktwo-scenario-"));
    writeFileSync(join(dir, "a.yaml"), "base: nowhere.json\n");
    const missing = loadScenario(join(dir, "a.yaml"));
    expect(!missing.ok && missing.issues.map(formatInputIssue)).toEqual([`${join(dir, "a.yaml")}: base: cannot load "nowhere.json": file not found`]);
    writeFileSync(join(dir, "base.json"), JSON.stringify(smallInput()));
    writeFileSync(join(dir, "b.yaml"), "base: base.json\nmaxMoves: 1\n");
    const capped = loadScenario(join(dir, "b.yaml"));
    expect(!capped.ok && capped.issues[0]!.path).toEqual(["maxMoves"]);
  });

  it("reports a missing base and a missing baseline in one pass", () => {
    const dir = mkdtempSync(join(tmpdir(), "tracktwo-scenario-"));
    writeFileSync(join(dir, "s.yaml"), "base: /nonexistent.yaml\nbaseline: out/published.json\nmaxMoves: 2\n");
    const loaded = loadScenario(join(dir, "s.yaml"));
    expect(!loaded.ok && loaded.issues.map(formatInputIssue)).toEqual([
      `${join(dir, "s.yaml")}: base: cannot load "/nonexistent.yaml": file not found`,
      `${join(dir, "s.yaml")}: baseline: cannot load "out/published.json": file not found`,
    ]);
  });

  it("reports the base program's and the baseline's own problems against their files, with the changes' problems", () => {
    const dir = mkdtempSync(join(tmpdir(), "tracktwo-scenario-"));
    const broken = { ...smallInput(), panels: [{ id: "P1", slot: "S9", size: { min: 2, max: 4 } }, { id: "P2", slot: "S2", size: { min: 2, max: 4 } }] };
    writeFileSync(join(dir, "broken.json"), JSON.stringify(broken));
    writeFileSync(join(dir, "base.json"), JSON.stringify(smallInput()));
    writeFileSync(join(dir, "published.json"), JSON.stringify({ status: "great", solver: "mip", panels: [] }));
    writeFileSync(join(dir, "a.yaml"), "base: broken.json\nbaseline: published.json\n");
    const a = loadScenario(join(dir, "a.yaml"));
    expect(a.ok).toBe(false);
    if (a.ok) return;
    // The base file's issues are the ones loading that file on its own gives.
    const own = loadBaseProgram(join(dir, "broken.json"));
    expect(own.ok).toBe(false);
    expect(a.issues.filter((i) => i.file === join(dir, "broken.json"))).toEqual(own.ok ? [] : own.issues);
    expect(a.issues.filter((i) => i.file === join(dir, "published.json")).map((i) => i.path)).toEqual([["status"]]);

    writeFileSync(join(dir, "b.yaml"), "base: base.json\nbaseline: published.json\nchanges:\n  - withdraw: zz\n");
    const b = loadScenario(join(dir, "b.yaml"));
    expect(!b.ok && b.issues.map((i) => [i.file, i.path[0]])).toEqual([
      [join(dir, "published.json"), "status"],
      [join(dir, "b.yaml"), "changes"],
    ]);
  });
});

describe("loadScenario: the baseline against the base program", () => {
  it("reports every unknown participant and panel id at its path in the baseline, with the change problems, in one pass", () => {
    const dir = mkdtempSync(join(tmpdir(), "tracktwo-scenario-"));
    writeFileSync(join(dir, "base.json"), JSON.stringify(smallInput()));
    writeFileSync(
      join(dir, "published.json"),
      JSON.stringify({
        status: "optimal",
        solver: "mip",
        panels: [
          { id: "P1", presenters: ["a", "zz"], chair: "c" },
          { id: "P9", presenters: ["d"], chair: "qq", discussant: "xx" },
        ],
      }),
    );
    writeFileSync(join(dir, "s.yaml"), "base: base.json\nbaseline: published.json\nchanges:\n  - withdraw: nobody\n");
    const loaded = loadScenario(join(dir, "s.yaml"));
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    const scenario = join(dir, "s.yaml");
    const baseline = join(dir, "published.json");
    const expected = (what: string) => `; expected the id of a ${what} in the base program base.json of ${scenario}`;
    expect(loaded.issues.map(formatInputIssue)).toEqual([
      `${baseline}: panels[0].presenters[1]: unknown participant "zz"${expected("participant")}`,
      `${baseline}: panels[1].id: unknown panel "P9"${expected("panel")}`,
      `${baseline}: panels[1].chair: unknown participant "qq"${expected("participant")}`,
      `${baseline}: panels[1].discussant: unknown participant "xx"${expected("participant")}`,
      `${scenario}: changes[0].withdraw: unknown participant "nobody"; expected the id of a participant in the base program (after earlier changes)`,
    ]);
  });

  it("accepts ids the scenario removes (they are in the base program) and writes out the base program's slots", () => {
    const dir = mkdtempSync(join(tmpdir(), "tracktwo-scenario-"));
    writeFileSync(join(dir, "base.json"), JSON.stringify(smallInput()));
    writeFileSync(
      join(dir, "published.json"),
      JSON.stringify({ status: "optimal", solver: "mip", panels: [{ id: "P1", presenters: ["a", "c", "e"] }, { id: "P2", slot: "S2", presenters: ["b", "d", "f"] }] }),
    );
    writeFileSync(join(dir, "s.yaml"), "base: base.json\nbaseline: published.json\nchanges:\n  - withdraw: e\n  - cancelPanel: P1\n");
    const loaded = loadScenario(join(dir, "s.yaml"));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.baseline!.panels.map((p) => [p.id, p.slot])).toEqual([["P1", "S1"], ["P2", "S2"]]);
  });
});
