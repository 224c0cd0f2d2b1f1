// The command line end to end: argv in, text and exit code out (DESIGN.md §6). Most cases call main() with
// captured io (fast, same code path as the binary); a few spawn the real process to cover the bin shim,
// process.exitCode and the absence of stack traces.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { COMMANDS, internalErrorText, main, type CommandEntry } from "../../src/cli/main.js";
import type { CliIo } from "../../src/cli/io.js";
import { generateProgram } from "../../src/generate/generate.js";
import type { ProgramInput } from "../../src/model/schema.js";
import { SolutionSchema } from "../../src/model/solution.js";

const root = join(import.meta.dirname, "..", "..");
const run = promisify(execFile);

interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function cli(...argv: string[]): Promise<Captured> {
  return cliWith({}, ...argv);
}

async function cliWith(extra: Partial<CliIo>, ...argv: string[]): Promise<Captured> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTty: false, ...extra };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** Node prints "    at fn (file:line:col)" for stack frames; none of those may reach a user. */
const STACK_FRAME = /^\s+at .+[:(]\d+/m;

/** Six participants, two panels of three: one RU/UA dialogue panel is possible, the other panel is recorded. */
function smallProgram(): ProgramInput {
  return {
    name: "e2e",
    slots: [{ id: "S1" }, { id: "S2" }],
    participants: [
      { id: "ua1", nationalities: ["UA"] },
      { id: "ru1", nationalities: ["RU"] },
      { id: "de1", nationalities: ["DE"] },
      { id: "us1", nationalities: ["US"] },
      { id: "pl1", nationalities: ["PL"], atRisk: true },
      { id: "no1", nationalities: ["NO"] },
    ],
    panels: [
      { id: "P1", slot: "S1", size: { min: 3, max: 3 }, recorded: true },
      { id: "P2", slot: "S2", size: { min: 3, max: 3 } },
    ],
    policy: {
      nationality: { maxShare: 0.5, minDistinct: 2 },
      dialogue: { pairs: [{ between: ["RU", "UA"], weight: 10 }] },
      keepApart: [["de1", "us1"]],
    },
  };
}

/** Loads, but no assignment exists: the only panel seats exactly the two people who must be kept apart. */
function infeasibleProgram(): ProgramInput {
  return {
    participants: [
      { id: "a", nationalities: ["UA"] },
      { id: "b", nationalities: ["DE"] },
    ],
    panels: [{ id: "P1", size: { min: 2, max: 2 } }],
    policy: { keepApart: [["a", "b"]] },
  };
}

let dir = "";
let programFile = "";
let infeasibleFile = "";
let invalidFile = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tracktwo-e2e-"));
  programFile = join(dir, "small.json");
  writeFileSync(programFile, JSON.stringify(smallProgram(), null, 2));
  infeasibleFile = join(dir, "infeasible.json");
  writeFileSync(infeasibleFile, JSON.stringify(infeasibleProgram()));
  invalidFile = join(dir, "invalid.yaml");
  writeFileSync(
    invalidFile,
    "participants:\n  - { id: a, nationalities: [UA], unavailable: [S9] }\n  - { id: a, nationalities: [] }\npanels:\n  - { id: P1, size: { min: 1, max: 2 } }\n",
  );
});

describe("tracktwo (dispatch)", () => {
  it("--help lists every command and exits 0", async () => {
    const { code, stdout } = await cli("--help");
    expect(code).toBe(0);
    for (const name of ["solve", "check", "schema"]) expect(stdout).toMatch(new RegExp(`^ {2}${name} `, "m"));
  });
  it("every command in the table loads a module of that name", async () => {
    for (const entry of COMMANDS) expect((await entry.load()).name).toBe(entry.name);
  });
  it("--version and -v print the package's version", async () => {
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    for (const flag of ["--version", "-v"]) expect(await cli(flag)).toEqual({ code: 0, stdout: `tracktwo ${version}\n`, stderr: "" });
  });
  it("without a command prints the usage to stderr and exits 2", async () => {
    const { code, stderr, stdout } = await cli();
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^usage: tracktwo <command>/);
  });
  it("an unknown command exits 2 with the usage", async () => {
    const { code, stderr } = await cli("solv", "x.json");
    expect(code).toBe(2);
    expect(stderr).toMatch(/^tracktwo: unknown command "solv"\nusage: tracktwo/);
  });
  it("`<command> --help` prints that command's usage", async () => {
    const { code, stdout } = await cli("solve", "--help");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: tracktwo solve PROGRAM/);
    expect(stdout).toContain("--time-limit");
  });
  it("`help <command>` is the same as `<command> --help`; after `--` a --help is an argument", async () => {
    const help = await cli("help", "check");
    expect(help.code).toBe(0);
    expect(help.stdout).toBe((await cli("check", "--help")).stdout);
    const literal = await cli("solve", "--", "--help");
    expect(literal.code).toBe(2);
    expect(literal.stderr).toMatch(/^--help: file not found/);
  });
  it("an exception escaping a command becomes one line and exit 2", async () => {
    const broken: CommandEntry = {
      name: "boom",
      summary: "throws",
      load: async () => ({ name: "boom", usage: "tracktwo boom", run: () => Promise.reject(new Error("kaput\nsecond line")) }),
    };
    let stderr = "";
    const io: CliIo = { stdout: () => undefined, stderr: (t) => void (stderr += t), isTty: false };
    expect(await main(["boom"], io, [broken])).toBe(2);
    expect(stderr.split("\n")[0]).toBe("tracktwo: internal error: kaput");
    expect(stderr).not.toMatch(STACK_FRAME);
    expect(internalErrorText(new Error("kaput"), true)).toMatch(STACK_FRAME);
  });
});

describe("tracktwo schema", () => {
  it("prints the program JSON Schema", async () => {
    const { code, stdout } = await cli("schema");
    expect(code).toBe(0);
    const schema = JSON.parse(stdout) as { type: string; properties: Record<string, unknown>; required: string[] };
    expect(schema.type).toBe("object");
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["participants", "panels", "policy", "slots"]));
    expect(schema.required).toEqual(expect.arrayContaining(["participants", "panels"]));
  });
  it("refuses arguments", async () => {
    expect((await cli("schema", "extra")).code).toBe(2);
  });
});

describe("tracktwo solve: bad input exits 2 with one line per problem", () => {
  it("a missing file", async () => {
    const missing = join(dir, "nope.json");
    const { code, stderr } = await cli("solve", missing);
    expect(code).toBe(2);
    expect(stderr).toBe(`${missing}: file not found; expected a program file (.json or .yaml)\n`);
  });
  it("an invalid program: every problem, with file and JSON path", async () => {
    const { code, stderr, stdout } = await cli("solve", invalidFile);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    expect(lines.every((l) => l.startsWith(`${invalidFile}: `))).toBe(true);
    expect(lines.some((l) => l.includes("participants[1].nationalities"))).toBe(true);
    expect(stderr).not.toMatch(STACK_FRAME);
  });
  it("a cross-reference error", async () => {
    const program = smallProgram();
    program.participants[0]!.unavailable = ["S9"];
    const file = join(dir, "xref.json");
    writeFileSync(file, JSON.stringify(program));
    const { code, stderr } = await cli("solve", file);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}: participants[0].unavailable[0]: unknown slot "S9"`);
  });
  it.each<[string, string[], RegExp]>([
    ["an unknown solver", ["--solver", "gurobi"], /unknown solver "gurobi"; expected one of mip, highs, greedy, search, auto/],
    ["a bad time limit", ["--time-limit", "soon"], /--time-limit: "soon" is not a number; expected seconds/],
    ["a negative time limit", ["--time-limit", "-3"], /--time-limit: "-3" is negative; expected seconds/],
    ["a fractional seed", ["--seed", "1.5"], /--seed: "1.5" is not a whole number/],
    ["an unknown option", ["--fast"], /^tracktwo solve: unknown option --fast; expected one of --solver, /],
  ])("%s", async (_, options, message) => {
    const { code, stderr } = await cli("solve", programFile, ...options);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(STACK_FRAME);
  });
  it("no program, or two", async () => {
    expect((await cli("solve")).code).toBe(2);
    expect((await cli("solve", programFile, programFile)).code).toBe(2);
  });
});

describe("tracktwo solve and check", () => {
  let solutionFile = "";
  let json: Captured;
  beforeAll(async () => {
    solutionFile = join(dir, "small.solution.json");
    json = await cli("solve", programFile, "--solver", "mip", "--json", "--out", solutionFile);
  });

  it("solves to optimality, prints the solution JSON and writes the same file", () => {
    // stdout is the file's data alone; the line saying where it went is on stderr.
    expect(json.stderr).toBe(`wrote ${solutionFile} (audience: public)\n`);
    expect(json.code).toBe(0);
    const printed = SolutionSchema.parse(JSON.parse(json.stdout));
    expect(printed.status).toBe("optimal");
    expect(printed.solver).toBe("mip");
    expect(printed.violations).toEqual([]);
    // The public file carries no objective: its dialogue and diversity terms count nationalities.
    expect(printed.objective).toBeNull();
    expect(JSON.parse(readFileSync(solutionFile, "utf8"))).toEqual(JSON.parse(json.stdout));
  });

  it("the organisers' file carries the objective", async () => {
    const organisers = await cli("solve", programFile, "--solver", "mip", "--json", "--audience", "organisers");
    expect(organisers.code).toBe(0);
    // There is one UA and one RU participant, so exactly one panel can realise the pair: dialogue = 10.
    expect(SolutionSchema.parse(JSON.parse(organisers.stdout)).objective?.terms["dialogue"]).toBe(10);
  });

  it("never marks the at-risk participant in the file", () => {
    const text = readFileSync(solutionFile, "utf8");
    expect(text).not.toMatch(/at[-_ ]?risk/i);
    const printed = SolutionSchema.parse(JSON.parse(text));
    const recorded = printed.panels.find((p) => p.id === "P1")!;
    expect(recorded.presenters).not.toContain("pl1");
  });

  it("leaves no temporary file next to the solution", () => {
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("check accepts the written solution", async () => {
    const { code, stdout } = await cli("check", programFile, solutionFile);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^objective 10 \(dialogue 10, /m);
    expect(stdout).toMatch(/^ok: no violations$/m);
  });

  it("check finds a hand-made violation and exits 1", async () => {
    const solution = JSON.parse(readFileSync(solutionFile, "utf8")) as { panels: { id: string; presenters: string[] }[] };
    // Put the at-risk participant on the recorded panel by swapping with someone there.
    const p1 = solution.panels.find((p) => p.id === "P1")!;
    const p2 = solution.panels.find((p) => p.id === "P2")!;
    const k = p2.presenters.indexOf("pl1");
    [p1.presenters[0], p2.presenters[k]] = [p2.presenters[k]!, p1.presenters[0]!];
    const tampered = join(dir, "tampered.json");
    writeFileSync(tampered, JSON.stringify(solution));
    const { code, stdout } = await cli("check", programFile, tampered, "--reveal-at-risk");
    expect(code).toBe(1);
    expect(stdout).toMatch(/^P1 is recorded, but pl1 /m);
    expect(stdout).toMatch(/^\d+ violations?$/m);
    // Without the flag the organisers' report still shows the violation, but not whom it protects.
    const withheld = await cli("check", programFile, tampered);
    expect(withheld.code).toBe(1);
    expect(withheld.stdout).toMatch(/^P1: a safety rule protecting a participant \(details withheld\)$/m);
    expect(withheld.stdout).not.toContain("pl1");
  });

  it("prints the readable summary without --json", async () => {
    const { code, stdout } = await cli("solve", programFile, "--solver", "mip");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^P1  slot S1  recorded$/m);
    expect(stdout).toMatch(/^ {2}presenter +ua1 +UA$/m);
    expect(stdout).toMatch(/^ {2}dialogue {3}RU-UA \(weight 10\)$/m);
    expect(stdout).toMatch(/^ {2}total +10$/m);
    expect(stdout).toMatch(/^status optimal \(proven\) {2}solver mip {2}seed 1 {2}time /m);
    expect(stdout).not.toMatch(/at[-_ ]?risk/i);
  });

  it("check reports problems in both files at once and exits 2", async () => {
    const brokenSolution = join(dir, "broken.solution.json");
    writeFileSync(brokenSolution, JSON.stringify({ status: "great", panels: [] }));
    const { code, stderr } = await cli("check", invalidFile, brokenSolution);
    expect(code).toBe(2);
    expect(stderr).toContain(`${invalidFile}: `);
    expect(stderr).toContain(`${brokenSolution}: status: `);
  });

  it("check needs exactly two files", async () => {
    expect((await cli("check", programFile)).code).toBe(2);
  });
});

describe("tracktwo solve: infeasible and unwritable", () => {
  it("an infeasible program exits 1 and still writes a solution with status infeasible", async () => {
    const out = join(dir, "infeasible.solution.json");
    const { code, stdout } = await cli("solve", infeasibleFile, "--solver", "mip", "--out", out);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^status infeasible/m);
    const written = SolutionSchema.parse(JSON.parse(readFileSync(out, "utf8")));
    expect(written.status).toBe("infeasible");
    expect(written.panels).toEqual([]);
    const checked = await cli("check", infeasibleFile, out);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(/status "infeasible"/);
  });

  it("an --out that cannot be written exits 2 and keeps what was there", async () => {
    const target = join(dir, "keep");
    mkdirSync(target, { recursive: true });
    writeFileSync(join(target, "inside.txt"), "still here");
    const { code, stderr } = await cli("solve", programFile, "--solver", "mip", "--out", target);
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`cannot write ${target.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `));
    expect(readFileSync(join(target, "inside.txt"), "utf8")).toBe("still here");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("tracktwo solve: nothing already written is lost", () => {
  it("a run that finds nothing keeps an existing solution file with panels", async () => {
    const out = join(dir, "kept.solution.json");
    const earlier = JSON.stringify({ status: "feasible", solver: "search", panels: [{ id: "P1", presenters: ["a", "b"] }] });
    writeFileSync(out, earlier);
    // greedy cannot claim "infeasible", so on this program it reports a timeout: nothing found.
    const { code, stdout, stderr } = await cli("solve", infeasibleFile, "--solver", "greedy", "--out", out);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^status timeout/m);
    expect(stderr).toContain(`kept ${out}`);
    expect(readFileSync(out, "utf8")).toBe(earlier);
  });

  it("an --out in a missing folder is refused before solving", async () => {
    const started = performance.now();
    const { code, stderr } = await cli("solve", programFile, "--solver", "search", "--time-limit", "30", "--out", join(dir, "no-such-folder", "x.json"));
    expect(code).toBe(2);
    expect(stderr).toBe(`tracktwo solve: cannot write ${join(dir, "no-such-folder", "x.json")}: directory ${join(dir, "no-such-folder")} does not exist; expected a writable path\n`);
    expect(performance.now() - started).toBeLessThan(25_000);
  });

  it("a time limit past a week is a usage error, not a 1 ms timer", async () => {
    const { code, stderr } = await cli("solve", programFile, "--time-limit", "2147484");
    expect(code).toBe(2);
    expect(stderr).toMatch(/--time-limit: "2147484" is out of range/);
  });

  it("--panels takes all or a whole number; anything else is a usage error", async () => {
    const { code, stderr } = await cli("solve", programFile, "--panels", "some");
    expect(code).toBe(2);
    expect(stderr).toBe('tracktwo solve: --panels: "some" is neither "all" nor a whole number of panels\n');
    const none = await cli("solve", programFile, "--solver", "greedy", "--panels", "0");
    expect(none.code).toBe(0);
    expect(none.stdout).not.toMatch(/^P\d/m);
    expect(none.stdout).toMatch(/^panels +2, \d of them realising a dialogue pair$/m);
  });

  it("--audience organisers writes the bound into the solution file; public (the default) leaves it out", async () => {
    const organisers = await cli("solve", programFile, "--solver", "search", "--time-limit", "1", "--json", "--audience", "organisers");
    expect(organisers.code).toBe(0);
    const full = SolutionSchema.parse(JSON.parse(organisers.stdout));
    expect(full.audience).toBe("organisers");
    expect(full.bound).not.toBeNull();
    expect(full.bound!).toBeGreaterThanOrEqual(full.objective!.total);
    const wrong = await cli("solve", programFile, "--audience", "press");
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe('tracktwo solve: --audience: unknown audience "press"; expected one of public, organisers\n');
  });

  it("a heuristic's solution carries a bound and so a gap, shown to organisers and left out of the public file", async () => {
    const { code, stdout } = await cli("solve", programFile, "--solver", "search", "--time-limit", "1");
    expect(code).toBe(0);
    const total = Number(/^ {2}total +(\S+)$/m.exec(stdout)![1]);
    const bound = Number(/^ {2}bound +(\S+) +gap /m.exec(stdout)![1]);
    expect(bound).toBeGreaterThanOrEqual(total);
    const json = await cli("solve", programFile, "--solver", "search", "--time-limit", "1", "--json");
    const solution = SolutionSchema.parse(JSON.parse(json.stdout));
    expect(solution.status).toBe("feasible");
    expect(solution.bound).toBeNull();
  });
});

describe("the sample convention", () => {
  it("`npm start` (the package.json start script) proves an optimum that check accepts", async () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: { start: string } };
    const startArgs = pkg.scripts.start.split(" src/cli/bin.ts ")[1]!.split(" ");
    expect(startArgs.slice(0, 2)).toEqual(["solve", "scenarios/sample-small.yaml"]);
    const sample = join(root, "scenarios", "sample-small.yaml");
    const out = join(dir, "sample.solution.json");
    const { code, stdout } = await cli("solve", sample, ...startArgs.slice(2), "--out", out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^status optimal \(proven\)/m);
    expect(stdout).toMatch(/gap 0%$/m);
    expect(stdout).not.toMatch(/at[-_ ]?risk/i);
    const checked = await cli("check", sample, out);
    expect(checked.code).toBe(0);
    // The at-risk participant (ru04) is never on the recorded plenary.
    const solution = SolutionSchema.parse(JSON.parse(readFileSync(out, "utf8")));
    const plenary = solution.panels.find((p) => p.id === "P01")!;
    expect([...plenary.presenters, plenary.chair]).not.toContain("ru04");
  });
});

describe("interrupting a solve", () => {
  it("an aborted signal (Ctrl-C) ends a long search early with its best solution and exit 0", async () => {
    const file = join(dir, "generated-200.json");
    writeFileSync(file, JSON.stringify(generateProgram({ participants: 200, seed: 3 })));
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 1500);
    const started = Date.now();
    const out = join(dir, "generated-200.solution.json");
    const { code } = await cliWith(
      { signal: controller.signal },
      "solve", file, "--solver", "search", "--time-limit", "600", "--out", out,
    );
    clearTimeout(timer);
    expect(code).toBe(0);
    // Liveness, not speed: the 600 s limit was not waited for.
    expect(Date.now() - started).toBeLessThan(120_000);
    const solution = SolutionSchema.parse(JSON.parse(readFileSync(out, "utf8")));
    expect(solution.status).toBe("feasible");
    expect((await cli("check", file, out)).code).toBe(0);
  });
});

describe("the real process", () => {
  // The same entry the package's `bin` runs, from the sources (test/package/pack.test.ts runs the installed one).
  const bin = ["--import", "tsx", join(root, "src", "cli", "bin.ts")];
  it("src/cli/bin.ts runs the CLI and sets the exit code", async () => {
    const { stdout } = await run(process.execPath, [...bin, "--help"], { cwd: root });
    expect(stdout).toMatch(/^usage: tracktwo <command>/);
    const failed = await run(process.execPath, [...bin, "solve", join(dir, "missing.yaml")], {
      cwd: root,
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toMatch(/missing\.yaml: file not found/);
    expect(failed?.stderr).not.toMatch(STACK_FRAME);
  });
});

describe("tracktwo solve: --out never replaces the program", () => {
  it.each<[string, () => string]>([
    ["the same path", () => programFile],
    ["another spelling of it", () => `${dir}/keep/../small.json`],
    ["a symlink to it", () => {
      const link = join(dir, "link-to-small.json");
      try {
        symlinkSync(programFile, link);
      } catch {
        // already made by an earlier run of this case
      }
      return link;
    }],
  ])("refuses %s, exit 2, program intact", async (_, out) => {
    mkdirSync(join(dir, "keep"), { recursive: true });
    const before = readFileSync(programFile, "utf8");
    const target = out();
    const { code, stdout, stderr } = await cli("solve", programFile, "--solver", "greedy", "--out", target);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      `tracktwo solve: cannot write ${target}: is the program file ${programFile}; expected another path (writing there would replace the program)\n`,
    );
    expect(readFileSync(programFile, "utf8")).toBe(before);
  });

  it("a bad program and a bad --out are reported together", async () => {
    const { code, stderr } = await cli("solve", invalidFile, "--out", join(dir, "missing-dir", "s.json"));
    expect(code).toBe(2);
    expect(stderr).toContain(`${invalidFile}: participants[1].nationalities`);
    expect(stderr).toContain(`cannot write ${join(dir, "missing-dir", "s.json")}: directory ${join(dir, "missing-dir")} does not exist`);
  });
});

describe("tracktwo solve: contradictions and unbounded numbers are input errors", () => {
  const write = (name: string, program: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(program));
    return file;
  };

  it("contradicting pins exit 2 with the JSON path of each pin, not 'infeasible'", async () => {
    const file = write("pins.json", {
      participants: [
        { id: "a", nationalities: ["UA"] },
        { id: "b", nationalities: ["RU"] },
        { id: "c", nationalities: ["DE"], presents: 0 },
        { id: "d", nationalities: ["FR"] },
        { id: "e", nationalities: ["FR"] },
        { id: "f", nationalities: ["IT"] },
      ],
      panels: [{ id: "P1", pinned: { presenters: ["a", "a", "c"], chair: "b" } }, { id: "P2" }],
      policy: { panelSize: { min: 2, max: 3 } },
    });
    const { code, stdout, stderr } = await cli("solve", file);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toEqual([
      `${file}: panels[0].pinned.presenters[1]: "a" is pinned as presenter twice (first at presenters[0]); expected each pinned presenter once`,
      `${file}: panels[0].pinned.chair: "b" is pinned as chair of panel "P1", which has no chair (policy.chair is false and it does not set chair); expected no pinned chair, or chair: true on the panel`,
      `${file}: panels[0].pinned.presenters[2]: "c" is pinned as presenter on 1 panel ("P1") but participants[2].presents is 0; expected no presenter pin for "c", or a larger presents`,
      `${file}: panels[0].pinned.chair: "b" is pinned as chair on 1 panel ("P1") but participants[1].mayChair is 0; expected no chair pin for "b", or a larger mayChair`,
    ]);
  });

  it("weights that would overflow the objective are refused, so solve never writes what check rejects", async () => {
    const program = smallProgram();
    program.participants.push({ id: "il1", nationalities: ["IL"] }, { id: "ps1", nationalities: ["PS"] });
    program.panels.push({ id: "P3", size: { min: 2, max: 2 } });
    program.policy!.dialogue = { pairs: [{ between: ["RU", "UA"], weight: 1e308 }, { between: ["IL", "PS"], weight: 1e308 }] };
    const file = write("huge-weights.json", program);
    const out = join(dir, "huge-weights.solution.json");
    const { code, stderr } = await cli("solve", file, "--solver", "greedy", "--out", out);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `${file}: policy.dialogue.pairs[0].weight: a weight above 1000000 could overflow the objective; expected a number <= 1000000\n` +
        `${file}: policy.dialogue.pairs[1].weight: a weight above 1000000 could overflow the objective; expected a number <= 1000000\n`,
    );
    expect(readdirSync(dir)).not.toContain("huge-weights.solution.json");
  });

  it("`tracktwo schema` shows the weight bound", async () => {
    const { stdout } = await cli("schema");
    const schema = JSON.parse(stdout) as { properties: { policy: { properties: { weights: { properties: Record<string, { maximum?: number; minimum?: number }> } } } } };
    const weights = schema.properties.policy.properties.weights.properties;
    for (const term of ["dialogue", "diversity", "topicFit", "affinity", "stability"]) {
      expect(weights[term]).toMatchObject({ maximum: 1_000_000, minimum: -1_000_000 });
    }
  });

  it("a balance attribute nobody has is named with the attributes that exist", async () => {
    const program = smallProgram();
    program.participants[0]!.attributes = { gender: "f" };
    program.participants[1]!.attributes = { career: "early" };
    program.policy!.balance = [{ attribute: "gendre", maxShare: 0.75 }];
    const file = write("gendre.json", program);
    const { code, stderr } = await cli("solve", file);
    expect(code).toBe(2);
    expect(stderr).toBe(`${file}: policy.balance[0].attribute: no participant has attribute "gendre"; expected one of: gender, career\n`);
  });

  it("a JSON file with a byte-order mark solves; a JSON syntax error names line and column", async () => {
    const bom = join(dir, "bom.json");
    writeFileSync(bom, `\uFEFF${JSON.stringify(smallProgram(), null, 2)}`);
    expect((await cli("solve", bom, "--solver", "greedy")).code).toBe(0);
    const broken = join(dir, "syntax.json");
    writeFileSync(broken, '{\n  "participants": [],\n  "panels": [,]\n}\n');
    const { code, stderr } = await cli("solve", broken);
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`^${escapeRe(broken)}: not valid JSON at line 3, column 14: `));
  });
});

describe("tracktwo check: a solution that does not fit its program is bad input", () => {
  let solutionFile = "";
  beforeAll(async () => {
    solutionFile = join(dir, "fit.solution.json");
    const { code } = await cli("solve", programFile, "--solver", "mip", "--out", solutionFile);
    expect(code).toBe(0);
  });

  it("unknown panels and participants and a panel listed twice: exit 2, file and JSON path per problem", async () => {
    const solution = JSON.parse(readFileSync(solutionFile, "utf8")) as { panels: { id: string; presenters: string[]; chair: string | null }[] };
    solution.panels[0]!.presenters[1] = "zz9";
    solution.panels.push({ ...solution.panels[1]!, presenters: [...solution.panels[1]!.presenters] });
    solution.panels.push({ id: "P9", presenters: [], chair: "nobody" });
    const file = join(dir, "misfit.solution.json");
    writeFileSync(file, JSON.stringify(solution));
    const { code, stdout, stderr } = await cli("check", programFile, file);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toEqual([
      `${file}: panels[0].presenters[1]: unknown participant "zz9"; expected the id of a participant in ${programFile}`,
      `${file}: panels[2].id: panel "${solution.panels[1]!.id}" is listed twice (first at panels[1]); expected each panel once`,
      `${file}: panels[3].id: unknown panel "P9"; expected the id of a panel in ${programFile}`,
      `${file}: panels[3].chair: unknown participant "nobody"; expected the id of a participant in ${programFile}`,
    ]);
  });

  it("a SOLUTION that is a directory is expected to be a solution file", async () => {
    const folder = join(dir, "solutions");
    mkdirSync(folder, { recursive: true });
    const { code, stderr } = await cli("check", programFile, folder);
    expect(code).toBe(2);
    expect(stderr).toBe(`${folder}: is a directory, not a regular file; expected a solution file (.json, as written by \`tracktwo solve --out\`)\n`);
  });

  it("real rule violations still exit 1 on stdout", async () => {
    const solution = JSON.parse(readFileSync(solutionFile, "utf8")) as { panels: { presenters: string[] }[] };
    solution.panels[0]!.presenters.pop();
    const file = join(dir, "short.solution.json");
    writeFileSync(file, JSON.stringify(solution));
    const { code, stdout, stderr } = await cli("check", programFile, file);
    expect(code).toBe(1);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/violations?$/m);
  });
});

describe("tracktwo explain: a co-author group with someone who presents 0 times", () => {
  it("points at the participant it names", async () => {
    const file = join(dir, "group.json");
    writeFileSync(file, JSON.stringify({
      participants: [
        { id: "a", nationalities: ["UA"], group: "g" },
        { id: "b", nationalities: ["RU"], group: "g" },
        { id: "c", nationalities: ["DE"], group: "g" },
        { id: "d", nationalities: ["FR"], group: "g" },
        { id: "e", nationalities: ["IT"], group: "g2" },
        { id: "f", nationalities: ["ES"], group: "g2", presents: 0 },
      ],
      panels: [{ id: "P1", size: { min: 1, max: 3 } }, { id: "P2", size: { min: 1, max: 3 } }],
    }));
    const { stdout } = await cli("explain", file);
    expect(stdout).toContain("group g2: f presents 0 times, so the co-authors cannot present together  [participants[5].presents]");
  });
});

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
