// The loader's promise: every problem in a program file is reported at once, each with the file and the JSON path
// where it sits, and nothing a user can write makes it throw.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { formatInputIssue, formatPath, type InputIssue } from "../../../src/model/issues.js";
import { loadProgram, parseDataText, validateProgram } from "../../../src/model/load.js";
import { MAX_WEIGHT, programJsonSchema } from "../../../src/model/schema.js";
import type { ProgramInput } from "../../../src/model/schema.js";
import { almostValidProgramArb, anyJsonArb } from "../../arbitraries/program.js";

/** A small program that loads: 6 participants, 2 panels of 3, 2 slots. Tests break one thing at a time. */
function validProgram(): ProgramInput {
  return {
    name: "fixture",
    slots: [{ id: "S1" }, { id: "S2" }],
    participants: [
      { id: "p1", nationalities: ["UA"] },
      { id: "p2", nationalities: ["RU"], avoid: { participants: ["p3"], nationalities: ["GE"] } },
      { id: "p3", nationalities: ["GE", "US"], unavailable: ["S2"] },
      { id: "p4", nationalities: ["DE"], mayChair: 1 },
      { id: "p5", nationalities: ["US"] },
      { id: "p6", nationalities: ["UA"] },
    ],
    panels: [
      { id: "P1", slot: "S1", size: { min: 3, max: 3 }, pinned: { presenters: ["p1"] } },
      { id: "P2", slot: "S2", size: { min: 3, max: 3 } },
    ],
    policy: {
      keepApart: [["p1", "p2"]],
      affinities: [{ between: ["p5", "p6"], weight: 2 }],
      dialogue: { pairs: [{ between: ["RU", "UA"], weight: 10 }] },
    },
  };
}

/** The issues of a program that must not load; fails the test when it loads. */
function issuesOf(program: unknown, file = "program.json"): readonly InputIssue[] {
  const loaded = validateProgram(program, file);
  if (loaded.ok) throw new Error("expected the program to be rejected");
  return loaded.issues;
}

const paths = (issues: readonly InputIssue[]) => issues.map((i) => formatPath(i.path));

describe("validateProgram: cross-references", () => {
  it("accepts the fixture and fills defaults", () => {
    const loaded = validateProgram(validProgram(), "program.json");
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.participants[0]!.presents).toBe(1);
    expect(loaded.value.participants[0]!.atRisk).toBe(false);
    expect(loaded.value.policy.dialogue.maxImbalance).toBe(1);
    expect(loaded.value.policy.weights).toEqual({ dialogue: 1, diversity: 0, topicFit: 0, affinity: 1, stability: 1 });
  });

  it.each<[string, (p: ProgramInput) => void, string, RegExp]>([
    ["duplicate participant id", (p) => void (p.participants[3]!.id = "p1"), "participants[3].id", /duplicate participant id "p1" \(first at participants\[0\]\)/],
    ["duplicate panel id", (p) => void (p.panels[1]!.id = "P1"), "panels[1].id", /duplicate panel id "P1"/],
    ["duplicate slot id", (p) => void (p.slots![1]!.id = "S1"), "slots[1].id", /duplicate slot id "S1"/],
    ["unknown avoided participant", (p) => void (p.participants[1]!.avoid!.participants![0] = "p99"), "participants[1].avoid.participants[0]", /unknown participant "p99"/],
    ["avoiding oneself", (p) => void (p.participants[1]!.avoid!.participants![0] = "p2"), "participants[1].avoid.participants[0]", /avoids themself/],
    ["unknown keep-apart participant", (p) => void (p.policy!.keepApart![0] = ["p1", "ghost"]), "policy.keepApart[0][1]", /unknown participant "ghost"/],
    ["keep-apart with oneself", (p) => void (p.policy!.keepApart![0] = ["p1", "p1"]), "policy.keepApart[0]", /with themself/],
    ["unknown affinity participant", (p) => void (p.policy!.affinities![0]!.between = ["nobody", "p6"]), "policy.affinities[0].between[0]", /unknown participant "nobody"/],
    ["unknown pinned presenter", (p) => void (p.panels[0]!.pinned = { presenters: ["p42"] }), "panels[0].pinned.presenters[0]", /unknown participant "p42"/],
    ["unknown pinned chair", (p) => void (p.panels[0]!.pinned = { chair: "x" }), "panels[0].pinned.chair", /unknown participant "x"/],
    ["unknown pinned discussant", (p) => void (p.panels[1]!.pinned = { discussant: "y" }), "panels[1].pinned.discussant", /unknown participant "y"/],
    ["unknown panel slot", (p) => void (p.panels[1]!.slot = "S9"), "panels[1].slot", /unknown slot "S9"/],
    ["unknown unavailable slot", (p) => void (p.participants[2]!.unavailable = ["S7"]), "participants[2].unavailable[0]", /unknown slot "S7"/],
    ["panel size min > max", (p) => void (p.panels[0]!.size = { min: 4, max: 2 }), "panels[0].size", /min 4 is greater than max 2/],
    ["policy size min > max", (p) => void (p.policy!.panelSize = { min: 5, max: 3 }), "policy.panelSize", /min 5 is greater than max 3/],
    ["nationality listed twice", (p) => void (p.participants[0]!.nationalities = ["UA", "UA"]), "participants[0].nationalities", /listed twice/],
    ["dialogue pair with itself", (p) => void (p.policy!.dialogue!.pairs![0]!.between = ["UA", "UA"]), "policy.dialogue.pairs[0].between", /with itself/],
    ["separate a nation from itself", (p) => void (p.policy!.separate = [["RU", "RU"]]), "policy.separate[0]", /from itself/],
  ])("%s", (_, breakIt, path, message) => {
    const program = validProgram();
    breakIt(program);
    const issues = issuesOf(program);
    const issue = issues.find((i) => formatPath(i.path) === path);
    expect(issue, `issues: ${issues.map(formatInputIssue).join(" | ")}`).toBeDefined();
    expect(issue!.message).toMatch(message);
    expect(issue!.file).toBe("program.json");
  });

  it("reports presentations beyond the seats, and seats beyond the presentations", () => {
    const tooMany = validProgram();
    tooMany.participants.forEach((p) => (p.presents = 2)); // 12 presentations, 6 seats
    const [over] = issuesOf(tooMany);
    expect(formatPath(over!.path)).toBe("panels");
    expect(over!.message).toBe("12 presentations but the panels seat at most 6 presenters");

    const tooFew = validProgram();
    tooFew.panels.push({ id: "P3", size: { min: 2, max: 4 } }); // 6 presentations, 8 seats needed
    const [under] = issuesOf(tooFew);
    expect(under!.message).toBe("6 presentations but the panels need at least 8 presenters");
  });

  it("reports every cross-reference problem of a file at once", () => {
    const program = validProgram();
    program.participants[3]!.id = "p1";
    program.panels[1]!.slot = "S9";
    program.policy!.keepApart = [["p1", "ghost"]];
    program.panels[0]!.size = { min: 4, max: 2 };
    const issues = issuesOf(program);
    expect(paths(issues)).toEqual(
      expect.arrayContaining(["participants[3].id", "panels[1].slot", "policy.keepApart[0][1]", "panels[0].size"]),
    );
    expect(issues.length).toBeGreaterThanOrEqual(4);
  });
});

describe("validateProgram: schema", () => {
  it.each<[string, number]>([
    ["zero", 0],
    ["above one", 1.5],
    ["negative", -0.2],
  ])("rejects a nationality maxShare that is %s", (_, maxShare) => {
    const program = validProgram();
    program.policy!.nationality = { maxShare };
    expect(paths(issuesOf(program))).toContain("policy.nationality.maxShare");
  });

  it("accepts maxShare exactly 1", () => {
    const program = validProgram();
    program.policy!.nationality = { maxShare: 1, minDistinct: 2 };
    expect(validateProgram(program, "x.json").ok).toBe(true);
  });

  it("rejects a balance maxShare outside (0,1]", () => {
    const program = validProgram();
    program.policy!.balance = [{ attribute: "gender", maxShare: 2 }];
    expect(paths(issuesOf(program))).toContain("policy.balance[0].maxShare");
  });

  it("rejects empty nationalities and non-ISO codes, each at its own path", () => {
    const program = validProgram();
    program.participants[0]!.nationalities = [];
    program.participants[4]!.nationalities = ["usa"];
    const issues = issuesOf(program);
    expect(paths(issues)).toEqual(expect.arrayContaining(["participants[0].nationalities", "participants[4].nationalities[0]"]));
    expect(issues.find((i) => formatPath(i.path) === "participants[0].nationalities")!.message).toMatch(/at least one nationality/);
  });

  it("rejects unknown fields (typos must not be ignored silently)", () => {
    const program = validProgram() as Record<string, unknown>;
    (program["participants"] as Record<string, unknown>[])[0]!["nationality"] = ["UA"];
    const issues = issuesOf(program);
    // Reported at the typo itself, so an editor jumps to the right line.
    expect(paths(issues)).toContain("participants[0].nationality");
    expect(issues.find((i) => formatPath(i.path) === "participants[0].nationality")!.message).toBe('unknown field "nationality"');
  });

  it("names the allowed values of an enumerated field", () => {
    const program = validProgram() as Record<string, unknown>;
    (program["participants"] as Record<string, unknown>[])[0]!["dialogue"] = "maybe";
    const [issue] = issuesOf(program);
    expect(formatPath(issue!.path)).toBe("participants[0].dialogue");
    expect(issue!.expected).toBe('one of "in" | "out"');
  });

  it("names the expected type for a wrong type", () => {
    const program = validProgram() as Record<string, unknown>;
    (program["participants"] as Record<string, unknown>[])[2]!["presents"] = "two";
    const [issue] = issuesOf(program);
    expect(formatPath(issue!.path)).toBe("participants[2].presents");
    expect(issue!.expected).toBe("number");
  });

  it("formats an issue as file: path: message; expected ...", () => {
    const program = validProgram();
    program.policy!.keepApart = [["p1", "ghost"]];
    const [issue] = issuesOf(program, "conf/program.yaml");
    expect(formatInputIssue(issue!)).toBe(
      'conf/program.yaml: policy.keepApart[0][1]: unknown participant "ghost"; expected the id of a participant in this program',
    );
  });
});

describe("validateProgram: schema and cross-reference problems in one report", () => {
  it("a schema error does not hide duplicate ids or unknown references", () => {
    const program = validProgram();
    program.policy!.nationality = { maxShare: 0 };
    program.participants[3]!.id = "p1";
    program.policy!.keepApart = [["p1", "ghost"]];
    program.panels[1]!.slot = "S9";
    const issues = issuesOf(program);
    expect(paths(issues)).toEqual(
      expect.arrayContaining(["policy.nationality.maxShare", "participants[3].id", "policy.keepApart[0][1]", "panels[1].slot"]),
    );
  });

  it("cross-checks the well-formed fields of a malformed entry", () => {
    const program = validProgram();
    program.participants[1]!.nationalities = ["russia"]; // malformed participant...
    program.participants[1]!.avoid = { participants: ["nobody"] }; // ...whose other fields still get checked
    const issues = issuesOf(program);
    expect(paths(issues)).toEqual(expect.arrayContaining(["participants[1].nationalities[0]", "participants[1].avoid.participants[0]"]));
  });

  it("a malformed entry that still has a string id is known: no false unknown-id", () => {
    const program = validProgram();
    program.participants[1]!.presents = -2; // p2 is malformed, but p1 keeps apart from p2
    (program.participants[4] as Record<string, unknown>) = { id: "p5", nationalities: "US" }; // referenced by nobody
    program.policy!.affinities = [{ between: ["p5", "p6"], weight: 2 }];
    program.policy!.keepApart = [["p1", "p2"], ["p2", "ghost"]];
    const issues = issuesOf(program);
    // Only the id that no entry carries is unknown.
    expect(paths(issues.filter((i) => /unknown participant/.test(i.message)))).toEqual(["policy.keepApart[1][1]"]);
    expect(paths(issues)).toEqual(expect.arrayContaining(["participants[1].presents", "participants[4].nationalities"]));
  });

  it("an unreadable list is not taken as an empty one", () => {
    const program = validProgram() as Record<string, unknown>;
    program["participants"] = "everyone";
    const issues = issuesOf(program);
    expect(issues.map((i) => i.message)).not.toContainEqual(expect.stringMatching(/unknown participant/));
    expect(paths(issues)).toEqual(["participants"]);
  });

  it("a duplicate id among malformed entries is still a duplicate", () => {
    const program = validProgram();
    (program.participants[2] as Record<string, unknown>)["presents"] = "many";
    program.participants[2]!.id = "p1";
    const issues = issuesOf(program);
    expect(paths(issues)).toEqual(expect.arrayContaining(["participants[2].presents", "participants[2].id"]));
  });

  it("reports in document order, the same every time", () => {
    const program = validProgram();
    program.policy!.nationality = { maxShare: 2 };
    program.panels[1]!.slot = "S9";
    program.participants[5]!.unavailable = ["S8"];
    program.participants[0]!.nationalities = [];
    const first = paths(issuesOf(program));
    expect(first).toEqual(["participants[0].nationalities", "participants[5].unavailable[0]", "panels[1].slot", "policy.nationality.maxShare"]);
    expect(paths(issuesOf(structuredClone(program)))).toEqual(first);
  });

  it("judges capacity only when every count could be read", () => {
    const program = validProgram();
    (program.participants[0] as Record<string, unknown>)["presents"] = "one";
    expect(paths(issuesOf(program))).toEqual(["participants[0].presents"]);
  });

  it("a missing required field says missing", () => {
    const program = validProgram() as Record<string, unknown>;
    delete program["panels"];
    const issues = issuesOf(program);
    expect(issues.map(formatInputIssue)).toEqual(["program.json: panels: missing; expected array"]);
  });

  it("names the bound of a number out of range", () => {
    const program = validProgram();
    program.participants[0]!.presents = -1;
    const issue = issuesOf(program).find((i) => formatPath(i.path) === "participants[0].presents")!;
    expect(formatInputIssue(issue)).toBe("program.json: participants[0].presents: too small; expected a number >= 0");
  });
});

describe("validateProgram: pins that contradict the program are input errors", () => {
  const pinIssue = (breakIt: (p: ProgramInput) => void, path: string): InputIssue => {
    const program = validProgram();
    breakIt(program);
    const issues = issuesOf(program);
    const issue = issues.find((i) => formatPath(i.path) === path);
    expect(issue, `issues: ${issues.map(formatInputIssue).join(" | ")}`).toBeDefined();
    return issue!;
  };

  it.each<[string, (p: ProgramInput) => void, string, RegExp]>([
    ["a presenter pinned twice on one panel", (p) => void (p.panels[0]!.pinned = { presenters: ["p1", "p3", "p1"] }), "panels[0].pinned.presenters[2]", /"p1" is pinned as presenter twice \(first at presenters\[0\]\)/],
    ["a chair pinned on a panel whose chair is false", (p) => {
      p.policy!.chair = true;
      p.panels[0]!.chair = false;
      p.panels[0]!.pinned = { chair: "p4" };
    }, "panels[0].pinned.chair", /"p4" is pinned as chair of panel "P1", which has no chair \(its chair is false\)/],
    ["a chair pinned where policy.chair is false", (p) => void (p.panels[0]!.pinned = { chair: "p4" }), "panels[0].pinned.chair", /which has no chair \(policy\.chair is false/],
    ["a discussant pinned where policy.discussant is false", (p) => {
      p.participants[4]!.mayDiscuss = 1;
      p.panels[1]!.pinned = { discussant: "p5" };
    }, "panels[1].pinned.discussant", /"p5" is pinned as discussant of panel "P2", which has no discussant/],
    ["presenter pins beyond presents", (p) => void (p.panels[1]!.pinned = { presenters: ["p1"] }), "panels[1].pinned.presenters[0]", /"p1" is pinned as presenter on 2 panels \("P1", "P2"\) but participants\[0\]\.presents is 1/],
    ["a presenter pin with presents 0", (p) => {
      p.participants[2]!.presents = 0;
      p.panels[0]!.pinned = { presenters: ["p3"] };
    }, "panels[0].pinned.presenters[0]", /"p3" is pinned as presenter on 1 panel \("P1"\) but participants\[2\]\.presents is 0/],
    ["one person pinned as presenter and chair of one panel", (p) => {
      p.panels[0]!.chair = true;
      p.participants[0]!.mayChair = 1;
      p.panels[0]!.pinned = { presenters: ["p1"], chair: "p1" };
    }, "panels[0].pinned.chair", /"p1" is pinned as both presenter and chair of panel "P1"/],
    ["one person pinned as chair and discussant of one panel", (p) => {
      p.panels[0]!.chair = true;
      p.panels[0]!.discussant = true;
      p.participants[3]!.mayDiscuss = 1;
      p.panels[0]!.pinned = { chair: "p4", discussant: "p4" };
    }, "panels[0].pinned.discussant", /"p4" is pinned as both chair and discussant of panel "P1"/],
    ["a chair pin with mayChair 0", (p) => {
      p.panels[0]!.chair = true;
      p.panels[0]!.pinned = { chair: "p5" };
    }, "panels[0].pinned.chair", /"p5" is pinned as chair on 1 panel \("P1"\) but participants\[4\]\.mayChair is 0/],
    ["a discussant pin with mayDiscuss 0", (p) => {
      p.panels[1]!.discussant = true;
      p.panels[1]!.pinned = { discussant: "p6" };
    }, "panels[1].pinned.discussant", /"p6" is pinned as discussant on 1 panel \("P2"\) but participants\[5\]\.mayDiscuss is 0/],
    ["chair pins beyond mayChair", (p) => {
      p.policy!.chair = true;
      p.panels[0]!.pinned = { chair: "p4" };
      p.panels[1]!.pinned = { chair: "p4" };
    }, "panels[1].pinned.chair", /"p4" is pinned as chair on 2 panels \("P1", "P2"\) but participants\[3\]\.mayChair is 1/],
  ])("%s", (_, breakIt, path, message) => {
    const issue = pinIssue(breakIt, path);
    expect(issue.message).toMatch(message);
    expect(issue.expected).toBeDefined();
  });

  it("a pinned chair on a panel whose own chair field is malformed is not judged against policy.chair", () => {
    const program = validProgram();
    program.participants[3]!.mayChair = 1;
    (program.panels[0] as Record<string, unknown>)["chair"] = "yes";
    program.panels[0]!.pinned = { chair: "p4" };
    expect(paths(issuesOf(program))).toEqual(["panels[0].chair"]);
  });

  it("pins that agree with the program load", () => {
    const program = validProgram();
    program.policy!.chair = true;
    program.panels[0]!.pinned = { presenters: ["p1", "p2"], chair: "p4" };
    expect(validateProgram(program, "ok.json").ok).toBe(true);
  });
});

describe("validateProgram: balance attributes", () => {
  it("reports an attribute no participant has, naming the ones they do have", () => {
    const program = validProgram();
    program.participants[0]!.attributes = { gender: "f", career: "early" };
    program.participants[1]!.attributes = { gender: "m" };
    program.policy!.balance = [{ attribute: "gender" }, { attribute: "gendre", maxShare: 0.5 }];
    expect(issuesOf(program).map(formatInputIssue)).toEqual([
      'program.json: policy.balance[1].attribute: no participant has attribute "gendre"; expected one of: gender, career',
    ]);
  });

  it("reports a balance rule when no participant records any attribute", () => {
    const program = validProgram();
    for (const p of program.participants) delete p.attributes;
    program.policy!.balance = [{ attribute: "gender", maxShare: 0.75 }];
    expect(issuesOf(program).map(formatInputIssue)).toEqual([
      'program.json: policy.balance[0].attribute: no participant has attribute "gender"; expected an attribute set in participants[].attributes (none is)',
    ]);
  });

  it("accepts an attribute some participant has", () => {
    const program = validProgram();
    program.participants[4]!.attributes = { career: "senior" };
    program.policy!.balance = [{ attribute: "career", maxShare: 1 }];
    expect(validateProgram(program, "ok.json").ok).toBe(true);
  });
});

describe("validateProgram: weights are bounded", () => {
  it.each<[string, (p: ProgramInput) => void, string]>([
    ["a dialogue pair weight", (p) => void (p.policy!.dialogue!.pairs![0]!.weight = 1e308), "policy.dialogue.pairs[0].weight"],
    ["an affinity weight", (p) => void (p.policy!.affinities![0]!.weight = -1e7), "policy.affinities[0].weight"],
    ["a policy weight", (p) => void (p.policy!.weights = { diversity: 2e6 }), "policy.weights.diversity"],
  ])("%s beyond the bound", (_, breakIt, path) => {
    const program = validProgram();
    breakIt(program);
    const issue = issuesOf(program).find((i) => formatPath(i.path) === path);
    expect(issue).toBeDefined();
    expect(issue!.message).toMatch(/could overflow the objective/);
    expect(issue!.expected).toMatch(new RegExp(`${MAX_WEIGHT}`));
  });

  it("accepts weights at the bound", () => {
    const program = validProgram();
    program.policy!.dialogue!.pairs![0]!.weight = MAX_WEIGHT;
    program.policy!.affinities![0]!.weight = -MAX_WEIGHT;
    program.policy!.weights = { dialogue: MAX_WEIGHT, stability: -MAX_WEIGHT };
    expect(validateProgram(program, "ok.json").ok).toBe(true);
  });

  it("the JSON Schema states the bound", () => {
    const text = JSON.stringify(programJsonSchema());
    const bounds = text.match(/"weight":\{[^}]*\}/g) ?? [];
    expect(bounds.length).toBeGreaterThan(0);
    for (const bound of bounds) expect(bound).toMatch(new RegExp(`"maximum":${MAX_WEIGHT}`));
    expect(text).toMatch(new RegExp(`"diversity":\\{[^}]*"minimum":-${MAX_WEIGHT}`));
  });
});

describe("loadProgram: files", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "tracktwo-load-"));
  });
  afterAll(() => {
    // mkdtemp dirs are left to the OS: removing recursively here would risk more than it saves.
  });
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it("loads the same program from JSON and from YAML", () => {
    const fromJson = loadProgram(write("p.json", JSON.stringify(validProgram())));
    const fromYaml = loadProgram(write("p.yaml", stringify(validProgram())));
    expect(fromJson.ok && fromYaml.ok).toBe(true);
    if (fromJson.ok && fromYaml.ok) expect(fromYaml.value).toEqual(fromJson.value);
  });

  it("reports cross-reference problems with the YAML file's name", () => {
    const program = validProgram();
    program.panels[1]!.slot = "S9";
    const file = write("bad.yaml", stringify(program));
    const loaded = loadProgram(file);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.issues.map(formatInputIssue)).toContain(`${file}: panels[1].slot: unknown slot "S9"; expected the id of a slot in this program's slots list`);
  });

  it("reports broken JSON as one issue for the whole file", () => {
    const file = write("broken.json", '{ "participants": [ { "id": "p1", } ] }');
    const loaded = loadProgram(file);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.issues).toHaveLength(1);
    expect(formatInputIssue(loaded.issues[0]!)).toMatch(new RegExp(`^${escape(file)}: not valid JSON`));
  });

  it("reads a JSON file that starts with a byte-order mark, like YAML", () => {
    const fromJson = loadProgram(write("bom.json", `\uFEFF${JSON.stringify(validProgram())}`));
    const fromYaml = loadProgram(write("bom.yaml", `\uFEFF${stringify(validProgram())}`));
    expect(fromJson.ok).toBe(true);
    expect(fromYaml.ok).toBe(true);
  });

  it.each<[string, string, string]>([
    ["a trailing comma (Node names the offset)", '{\n  "participants": [\n    { "id": "p1", }\n  ]\n}', "line 3, column 19"],
    ["a bad literal (Node quotes the token only)", '{\n  "panels": [],\n  "participants": tru\n}', "line 3, column 22"],
    ["a file cut short", '{\n  "panels": [', "line 2, column 14"],
  ])("reports broken JSON with line and column: %s", (_, text, where) => {
    const file = write("syntax.json", text);
    const loaded = loadProgram(file);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.issues).toHaveLength(1);
    expect(loaded.issues[0]!.message).toMatch(new RegExp(`^not valid JSON at line \\d+, column \\d+: `));
    expect(loaded.issues[0]!.message).toContain(`at ${where}: `);
    expect(loaded.issues[0]!.message).not.toMatch(/position|is not valid JSON/);
  });

  it("reports broken YAML with its line", () => {
    const file = write("broken.yaml", "participants:\n  - id: p1\n    nationalities: [UA\npanels: []\n");
    const loaded = loadProgram(file);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.issues[0]!.message).toMatch(/^not valid YAML at line \d+/);
  });

  it("reports a missing file and a directory", () => {
    const missing = loadProgram(join(dir, "nope.yaml"));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.issues[0]!.message).toBe("file not found");
    const sub = join(dir, "sub");
    mkdirSync(sub, { recursive: true });
    const directory = loadProgram(sub);
    expect(directory.ok).toBe(false);
    if (!directory.ok) expect(directory.issues[0]!.message).toBe("is a directory, not a regular file");
  });

  it("reports a file that is valid YAML but not a program", () => {
    const loaded = loadProgram(write("list.yaml", "- just\n- a list\n"));
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.issues[0]!.path).toEqual([]);
  });

  it("reads YAML flow style that starts with a brace", () => {
    const parsed = parseDataText("{participants: [], panels: []}", "flow.yaml");
    expect(parsed).toEqual({ ok: true, value: { participants: [], panels: [] } });
  });
});

describe("validateProgram never throws", () => {
  const loadsOrReports = (value: unknown) => {
    const loaded = validateProgram(value, "any.json");
    if (!loaded.ok) {
      expect(loaded.issues.length).toBeGreaterThan(0);
      for (const issue of loaded.issues) expect(issue.file).toBe("any.json");
    }
  };
  it("for any JSON value", () => {
    fc.assert(fc.property(anyJsonArb(), loadsOrReports), { numRuns: 300 });
  });
  it("for valid programs with a few mutations", () => {
    fc.assert(fc.property(almostValidProgramArb({ maxParticipants: 10, maxPanels: 4 }), loadsOrReports), { numRuns: 300 });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
