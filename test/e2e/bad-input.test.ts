// The bad-input corpus: what a careless or hostile user can hand tracktwo (devices, pipes, folders, huge and deeply
// nested files, broken encodings, duplicate keys, absurd numbers, bad options for every command, paths that must not
// be written), each with the exit code and the words it must get. One table; every case also asserts what must
// never happen: a stack trace, an "internal error", a raw control character on the terminal. Cases run in-process
// through main(argv, io); those that need a real process (a FIFO, /dev/zero, standard input, a signal) spawn the CLI.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, lstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve as resolvePath } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import type { StandardInput } from "../../src/cli/files.js";
import { main } from "../../src/cli/main.js";
import type { ProgramInput } from "../../src/model/schema.js";
import { smallInput } from "../unit/scenarios/fixtures.js";

const root = join(import.meta.dirname, "..", "..");
const STACK_FRAME = /^\s+at .+[:(]\d+/m;
/** Raw C0/C1 controls (other than the line break) and bidirectional formatting characters. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** The scenario tests' six participants and two panels, with c at risk and P1 recorded. Feasible. */
function program(): ProgramInput {
  const input = smallInput();
  return {
    ...input,
    name: "corpus",
    participants: input.participants.map((p) => (p.id === "c" ? { ...p, atRisk: true } : p)),
    panels: input.panels.map((p) => (p.id === "P1" ? { ...p, recorded: true } : p)),
  };
}

/** The program with one participant field changed, as JSON text. */
function withParticipant(patch: Record<string, unknown>): string {
  const p = program();
  p.participants[0] = { ...p.participants[0]!, ...patch } as ProgramInput["participants"][number];
  return JSON.stringify(p);
}

function withPolicy(patch: Record<string, unknown>): string {
  const p = program();
  return JSON.stringify({ ...p, policy: { ...p.policy, ...patch } });
}

let w = "";
const at = (name: string) => join(w, name);
let socketServer: Server | null = null;
/** A character device tracktwo may be pointed at as an output. As root a copy of /dev/null made for the test, so a
 * regression replaces that copy and not the machine's own device (one did replace /dev/full). */
let device = "/dev/full";

beforeAll(async () => {
  w = mkdtempSync(join(tmpdir(), "tracktwo-corpus-"));
  const files: Record<string, string | Buffer> = {
    "good.json": JSON.stringify(program(), null, 2),
    "empty.json": "",
    "blank.yaml": "  \n\n",
    "latin1.json": Buffer.concat([Buffer.from('{\n  "name": "Caf'), Buffer.from([0xe9]), Buffer.from('",\n "participants": [], "panels": []}')]),
    "overlong.yaml": Buffer.concat([Buffer.from("name: x"), Buffer.from([0xc0, 0xaf]), Buffer.from("\nparticipants: []\npanels: []\n")]),
    "utf16.json": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"participants":[],"panels":[]}', "utf16le")]),
    "nul.json": '{"participants": [], \u0000 "panels": []}',
    "binary.png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    "deep-block.yaml": Array.from({ length: 3000 }, (_, i) => `${" ".repeat(i * 2)}-\n`).join("") + `${" ".repeat(6000)}x\n`,
    "deep-line.yaml": `${"- ".repeat(3000)}x\n`,
    "deep-flow.yaml": `${"[".repeat(1000)}x${"]".repeat(1000)}\n`,
    "deep-array.json": `${"[".repeat(100_000)}${"]".repeat(100_000)}`,
    "deep-object.json": `{"participants": [], "panels": [], "name": ${'{"a": '.repeat(5000)}1${"}".repeat(5000)}}`,
    "self-alias.yaml": "a: &a [*a]\nparticipants: []\npanels: []\n",
    "alias-bomb.yaml": billionLaughs(),
    "dup-top.json": '{"participants": [], "panels": [], "participants": []}',
    "dup-atrisk.json": JSON.stringify(program()).replace('"atRisk":true', '"atRisk":true,"atRisk":false'),
    "dup-escaped.json": '{"participants": [], "panels": [], "pan\\u0065ls": []}',
    "dup.yaml": "participants: []\npanels: []\npanels: []\n",
    "two-docs.yaml": "participants: []\npanels: []\n---\nparticipants: []\n",
    "trailing-comma.json": '{"participants": [], "panels": [],}',
    "yaml-in.json": "participants: []\npanels: []\n",
    "broken.yaml": "participants:\n  - id: p1\n    nationalities: [UA\npanels: []\n",
    "array.json": "[1, 2, 3]",
    "string.yaml": "just words\n",
    "infinity.json": withParticipant({ presents: "INF" }).replace('"INF"', "1e400"),
    "presents-huge.json": withParticipant({ presents: 1e9 }),
    "maychair-huge.json": withParticipant({ mayChair: 1e15 }),
    "presents-negative.json": withParticipant({ presents: -1 }),
    "presents-fraction.json": withParticipant({ presents: 1.5 }),
    "minside-huge.json": withPolicy({ dialogue: { pairs: [{ between: ["RU", "UA"] }], minSide: 1e9 } }),
    "share-zero.json": withPolicy({ nationality: { maxShare: 0 } }),
    "weight-huge.json": withPolicy({ weights: { dialogue: 1e308 } }),
    "id-newline.json": withParticipant({ id: "a\nok: no violations" }),
    "id-bidi.json": withParticipant({ id: "a\u202e1" }),
    "topic-escape.json": withParticipant({ topics: ["\u001b[2Jwiped"] }),
    "attribute-escape.json": withParticipant({ attributes: { gender: "f\u0007" } }),
    "proto.json": '{"__proto__": {"atRisk": true}, "participants": [], "panels": []}',
    "unknown-field.json": withParticipant({ atrisk: true }),
    "unknown-ref.json": withPolicy({ keepApart: [["a", "zz9"]] }),
    "hostile-names.json": JSON.stringify({
      ...program(),
      name: "Conv\u001b]0;pwned\u0007ention",
      participants: program().participants.map((p, i) => (i === 0 ? { ...p, name: "Olena\u202eK.\nstatus optimal" } : p)),
      panels: program().panels.map((p, i) => (i === 1 ? { ...p, title: "Peace | \u009b31m talks" } : p)),
    }),
    "solution-unknown.json": JSON.stringify({ status: "optimal", solver: "mip", panels: [{ id: "P9", presenters: ["zz"] }] }),
    "solution-deep.json": `{"status": "optimal", "solver": "mip", "panels": [], "explanation": ${"[".repeat(200)}${"]".repeat(200)}}`,
    "scenario-fifo.yaml": "base: fifo\nchanges: []\n",
    "scenario-zero.yaml": "base: /dev/zero\nchanges: []\n",
    "scenario-deep.yaml": `base: good.json\nchanges: ${"[".repeat(500)}${"]".repeat(500)}\n`,
    "scenario-dup.json": '{"base": "good.json", "base": "other.json"}',
    "scenario-name.yaml": 'name: "two\\nlines"\nbase: good.json\n',
    "scenario-pipe.yaml": "name: a|b\nbase: good.json\n",
    "scenario-baseline.yaml": "name: base-line\nbase: good.json\nbaseline: out2/base-line.solution.json\n",
    "a-file": "not a folder\n",
    "target.json": "{}\n",
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(at(name), text);
  mkdirSync(at("folder"));
  mkdirSync(at("out2"));
  writeFileSync(at("out2/base-line.solution.json"), JSON.stringify({ status: "optimal", solver: "mip", panels: [] }));
  // 40 MiB without writing 40 MiB: a sparse file (its bytes read as NUL).
  writeFileSync(at("huge.json"), "");
  truncateSync(at("huge.json"), 40 * 2 ** 20);
  mkfifo(at("fifo"));
  mkfifo(at("out-fifo"));
  symlinkSync(at("good.json"), at("link-to-program.json"));
  symlinkSync(at("target.json"), at("link-to-target.json"));
  symlinkSync(at("not-yet.json"), at("link-to-new.json"));
  symlinkSync(at("no-such-folder/x.json"), at("link-dangling.json"));
  symlinkSync(at("loop-b"), at("loop-a"));
  symlinkSync(at("loop-a"), at("loop-b"));
  if (process.getuid?.() === 0) {
    device = at("device");
    const made = spawnSync("mknod", [device, "c", "1", "3"]);
    if (made.status !== 0) throw new Error(`mknod failed (${made.stderr}); refusing to test writes against a real device as root`);
  }
  socketServer = createServer();
  await new Promise<void>((resolve) => socketServer!.listen(at("socket"), resolve));
});

afterAll(async () => {
  await new Promise<void>((resolve) => (socketServer === null ? resolve() : socketServer.close(() => resolve())));
  // The workspace holds a device node and FIFOs: leave none behind.
  rmSync(w, { recursive: true, force: true });
});

function mkfifo(path: string): void {
  const made = spawnSync("mkfifo", [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
}

/** Nine levels of nine aliases each: a billion leaves if expanded. */
function billionLaughs(): string {
  let text = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (let k = 1; k <= 9; k++) text += `l${k}: &l${k} [${Array.from({ length: 9 }, () => `*l${k - 1}`).join(", ")}]\n`;
  return `${text}participants: []\npanels: []\n`;
}

interface Outcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

interface Case {
  readonly name: string;
  /** The command line, with workspace files named through `at`. */
  readonly argv: () => string[];
  readonly code: 0 | 1 | 2;
  /** What stderr must say (every case also has its own stdout or stderr checked for the things that must never show). */
  readonly stderr?: RegExp;
  readonly stdout?: RegExp;
  /** Extra checks on the workspace afterwards (a file intact, a link still a link). */
  readonly after?: (outcome: Outcome) => void;
  /** Standard input for the in-process run (a fake): what kind it is and what it holds. */
  readonly stdin?: { kind: StandardInput["kind"]; text?: string; bytes?: Uint8Array; endless?: boolean };
  /** Abort (Ctrl-C) after this many milliseconds. */
  readonly abortAfterMs?: number;
}

const solveFast = ["--solver", "greedy", "--time-limit", "5"];

const CASES: readonly Case[] = [
  // ── Input files that are not files ──────────────────────────────────────────────────────────────────────────
  { name: "a missing program", argv: () => ["solve", at("nope.json")], code: 2, stderr: /nope\.json: file not found; expected a program file/ },
  { name: "a directory as the program", argv: () => ["solve", at("folder")], code: 2, stderr: /folder: is a directory, not a regular file; expected a program file/ },
  { name: "a FIFO as the program, never opened", argv: () => ["solve", at("fifo")], code: 2, stderr: /fifo: is a named pipe \(FIFO\), not a regular file/ },
  { name: "/dev/zero as the program", argv: () => ["solve", "/dev/zero"], code: 2, stderr: /^\/dev\/zero: is a character device, not a regular file/m },
  { name: "/dev/null as the program", argv: () => ["solve", "/dev/null"], code: 2, stderr: /^\/dev\/null: is a character device, not a regular file/m },
  { name: "a socket as the program", argv: () => ["solve", at("socket")], code: 2, stderr: /socket: is a socket, not a regular file/ },
  { name: "a symlink loop as the program", argv: () => ["solve", at("loop-a")], code: 2, stderr: /loop-a: symbolic links loop/ },
  { name: "a 40 MiB program", argv: () => ["solve", at("huge.json")], code: 2, stderr: /huge\.json: is larger than the input size limit of 32 MiB; expected a file of at most 32 MiB \(--max-input-size raises the limit\)/ },
  { name: "a 40 MiB program under a raised limit is read, then judged", argv: () => ["solve", at("huge.json"), "--max-input-size", "64M"], code: 2, stderr: /huge\.json: holds a NUL byte at line 1, column 1/ },
  { name: "a program over a lowered limit", argv: () => ["solve", at("good.json"), "--max-input-size", "100"], code: 2, stderr: /good\.json: is larger than the input size limit of 100 bytes/ },

  // ── Encodings ───────────────────────────────────────────────────────────────────────────────────────────────
  { name: "an empty file", argv: () => ["solve", at("empty.json")], code: 2, stderr: /empty\.json: the file is empty; expected a JSON or YAML document/ },
  { name: "a file of blanks", argv: () => ["solve", at("blank.yaml")], code: 2, stderr: /blank\.yaml: the file is empty/ },
  { name: "Latin-1 bytes", argv: () => ["solve", at("latin1.json")], code: 2, stderr: /latin1\.json: is not valid UTF-8: byte 0xe9 at line 2, column 15; expected UTF-8 text/ },
  { name: "an overlong UTF-8 sequence", argv: () => ["solve", at("overlong.yaml")], code: 2, stderr: /overlong\.yaml: is not valid UTF-8: byte 0xc0 at line 1, column 8/ },
  { name: "UTF-16 with a byte-order mark", argv: () => ["solve", at("utf16.json")], code: 2, stderr: /utf16\.json: is UTF-16 text; expected UTF-8 text \(save the file as UTF-8\)/ },
  { name: "a NUL byte", argv: () => ["solve", at("nul.json")], code: 2, stderr: /nul\.json: holds a NUL byte at line 1, column 22 \(a binary file\?\)/ },
  { name: "a binary file", argv: () => ["solve", at("binary.png")], code: 2, stderr: /binary\.png: is not valid UTF-8: byte 0x89 at line 1, column 1/ },

  // ── Structure: nesting, duplicates, documents ───────────────────────────────────────────────────────────────
  { name: "a 3,000-deep YAML block sequence", argv: () => ["solve", at("deep-block.yaml")], code: 2, stderr: /deep-block\.yaml: not valid YAML at line 65: nested too deeply; expected at most 64 levels/ },
  { name: "a 3,000-deep YAML sequence on one line", argv: () => ["solve", at("deep-line.yaml")], code: 2, stderr: /deep-line\.yaml: not valid YAML at line 1: nested too deeply/ },
  { name: "a 1,000-deep YAML flow sequence", argv: () => ["solve", at("deep-flow.yaml")], code: 2, stderr: /deep-flow\.yaml: not valid YAML at line 1: nested too deeply/ },
  { name: "100,000 nested JSON arrays", argv: () => ["solve", at("deep-array.json")], code: 2, stderr: /deep-array\.json: nested more than 64 levels deep at line 1; expected at most 64 levels/ },
  { name: "5,000 nested JSON objects", argv: () => ["solve", at("deep-object.json")], code: 2, stderr: /deep-object\.json: nested more than 64 levels deep/ },
  { name: "a YAML alias that contains itself", argv: () => ["solve", at("self-alias.yaml")], code: 2, stderr: /self-alias\.yaml: not valid YAML: its aliases nest too deeply/ },
  { name: "a billion-laughs alias bomb", argv: () => ["solve", at("alias-bomb.yaml")], code: 2, stderr: /alias-bomb\.yaml: not valid YAML: Excessive alias count/ },
  { name: "a JSON key given twice", argv: () => ["solve", at("dup-top.json")], code: 2, stderr: /dup-top\.json: participants: the key "participants" is given twice in one object \(line 1 and line 1\); expected each key once/ },
  { name: "atRisk given twice (JSON would keep the last)", argv: () => ["solve", at("dup-atrisk.json")], code: 2, stderr: /dup-atrisk\.json: participants\[2\]\.atRisk: the key "atRisk" is given twice/ },
  { name: "a duplicate JSON key spelled with an escape", argv: () => ["solve", at("dup-escaped.json")], code: 2, stderr: /dup-escaped\.json: panels: the key "panels" is given twice/ },
  { name: "a YAML key given twice", argv: () => ["solve", at("dup.yaml")], code: 2, stderr: /dup\.yaml: not valid YAML at line 3: Map keys must be unique/ },
  { name: "two YAML documents", argv: () => ["solve", at("two-docs.yaml")], code: 2, stderr: /two-docs\.yaml: not valid YAML at line 3: a second document starts here; expected one YAML document per file/ },
  { name: "a trailing comma in JSON", argv: () => ["solve", at("trailing-comma.json")], code: 2, stderr: /trailing-comma\.json: not valid JSON at line 1, column 35/ },
  { name: "YAML in a .json file", argv: () => ["solve", at("yaml-in.json")], code: 2, stderr: /yaml-in\.json: not valid JSON at line 1, column 1: .*; expected JSON text \(or name the file \.yaml for YAML\)/ },
  { name: "broken YAML", argv: () => ["solve", at("broken.yaml")], code: 2, stderr: /broken\.yaml: not valid YAML at line \d+/ },
  { name: "a list where a program belongs", argv: () => ["solve", at("array.json")], code: 2, stderr: /array\.json: received array; expected object/ },
  { name: "a sentence where a program belongs", argv: () => ["solve", at("string.yaml")], code: 2, stderr: /string\.yaml: received string; expected object/ },
  { name: "a __proto__ key", argv: () => ["solve", at("proto.json")], code: 2, stderr: /proto\.json: __proto__: unknown field "__proto__"/ },

  // ── Values ──────────────────────────────────────────────────────────────────────────────────────────────────
  { name: "a number past the largest double", argv: () => ["solve", at("infinity.json")], code: 2, stderr: /participants\[0\]\.presents: received Infinity; expected number/ },
  { name: "a billion presentations", argv: () => ["solve", at("presents-huge.json")], code: 2, stderr: /participants\[0\]\.presents: more than 10000, which no convention needs; expected a number <= 10000/ },
  { name: "mayChair 1e15 (overflowed to -1.5e9 once)", argv: () => ["solve", at("maychair-huge.json")], code: 2, stderr: /participants\[0\]\.mayChair: more than 10000/ },
  { name: "minSide 1e9 (ran out of memory once)", argv: () => ["solve", at("minside-huge.json")], code: 2, stderr: /policy\.dialogue\.minSide: more than 10000/ },
  { name: "a negative count", argv: () => ["solve", at("presents-negative.json")], code: 2, stderr: /participants\[0\]\.presents: too small; expected a number >= 0/ },
  { name: "a fractional count", argv: () => ["solve", at("presents-fraction.json")], code: 2, stderr: /participants\[0\]\.presents: not a whole number; expected a whole number/ },
  { name: "a share of 0", argv: () => ["solve", at("share-zero.json")], code: 2, stderr: /policy\.nationality\.maxShare: a share must be greater than 0/ },
  { name: "a weight of 1e308", argv: () => ["solve", at("weight-huge.json")], code: 2, stderr: /policy\.weights\.dialogue: a weight above 1000000 could overflow the objective/ },
  { name: "an id with a line break (a forged line)", argv: () => ["solve", at("id-newline.json")], code: 2, stderr: /participants\[0\]\.id: holds a control, line-break or bidirectional-formatting character/ },
  { name: "an id with a right-to-left override", argv: () => ["solve", at("id-bidi.json")], code: 2, stderr: /participants\[0\]\.id: holds a control, line-break or bidirectional-formatting character/ },
  { name: "a topic that clears the screen", argv: () => ["solve", at("topic-escape.json")], code: 2, stderr: /participants\[0\]\.topics\[0\]: holds a control/ },
  { name: "an attribute value that rings the bell", argv: () => ["solve", at("attribute-escape.json")], code: 2, stderr: /participants\[0\]\.attributes\.gender: holds a control/ },
  { name: "a misspelt field", argv: () => ["solve", at("unknown-field.json")], code: 2, stderr: /participants\[0\]\.atrisk: unknown field "atrisk"/ },
  { name: "a reference to nobody", argv: () => ["solve", at("unknown-ref.json")], code: 2, stderr: /policy\.keepApart\[0\]\[1\]: unknown participant "zz9"/ },
  {
    name: "hostile names are shown, escaped, and never act on the terminal",
    argv: () => ["solve", at("hostile-names.json"), ...solveFast],
    code: 0,
    stdout: /^Conv\\u\{001b\}\]0;pwned\\u\{0007\}ention$[\s\S]*Olena\\u\{202e\}K\.\\u\{000a\}status optimal[\s\S]*"Peace \| \\u\{009b\}31m talks"/m,
  },

  // ── Solutions and scenarios ─────────────────────────────────────────────────────────────────────────────────
  { name: "check: a solution that is a FIFO", argv: () => ["check", at("good.json"), at("fifo")], code: 2, stderr: /fifo: is a named pipe \(FIFO\), not a regular file; expected a solution file/ },
  { name: "check: a missing solution", argv: () => ["check", at("good.json"), at("nope.json")], code: 2, stderr: /nope\.json: file not found; expected a solution file/ },
  { name: "check: a solution naming unknown ids", argv: () => ["check", at("good.json"), at("solution-unknown.json")], code: 2, stderr: /solution-unknown\.json: panels\[0\]\.id: unknown panel "P9"/ },
  { name: "check: a solution nested 200 deep", argv: () => ["check", at("good.json"), at("solution-deep.json")], code: 2, stderr: /solution-deep\.json: nested more than 64 levels deep/ },
  { name: "check: standard input for both files", argv: () => ["check", "-", "-"], code: 2, stderr: /^tracktwo check: "-" \(standard input\) is given 2 times; it can stand for one file only$/m },
  { name: "whatif: a base that is a FIFO", argv: () => ["whatif", at("scenario-fifo.yaml"), "--jobs", "1"], code: 2, stderr: /scenario-fifo\.yaml: base: cannot load "fifo": is a named pipe \(FIFO\), not a regular file/ },
  { name: "whatif: a base that is /dev/zero", argv: () => ["whatif", at("scenario-zero.yaml"), "--jobs", "1"], code: 2, stderr: /scenario-zero\.yaml: base: cannot load "\/dev\/zero": is a character device/ },
  { name: "whatif: a scenario nested 500 deep", argv: () => ["whatif", at("scenario-deep.yaml"), "--jobs", "1"], code: 2, stderr: /scenario-deep\.yaml: not valid YAML at line 2: nested too deeply/ },
  { name: "whatif: a scenario key given twice", argv: () => ["whatif", at("scenario-dup.json"), "--jobs", "1"], code: 2, stderr: /scenario-dup\.json: base: the key "base" is given twice/ },
  { name: "whatif: a scenario name with a line break", argv: () => ["whatif", at("scenario-name.yaml"), "--jobs", "1"], code: 2, stderr: /scenario-name\.yaml: name: holds a control, line-break/ },
  {
    name: "whatif: a pipe in a scenario name does not split the table",
    argv: () => ["whatif", at("scenario-pipe.yaml"), "--jobs", "1", "--solver", "greedy", "--time-limit", "5", "--out-dir", at("out-pipe")],
    code: 0,
    stdout: /^\| a\\\|b +\| feasible/m,
  },
  {
    name: "whatif: an output that would replace the scenario's baseline",
    argv: () => ["whatif", at("scenario-baseline.yaml"), "--jobs", "1", "--out-dir", at("out2")],
    code: 2,
    stderr: /^tracktwo whatif: cannot write to .*out2: is the baseline file .*base-line\.solution\.json; expected another path \(writing there would replace the baseline\)$/m,
  },
  { name: "whatif: an --out-dir that is a file", argv: () => ["whatif", at("scenario-pipe.yaml"), "--jobs", "1", "--out-dir", at("a-file")], code: 2, stderr: /cannot write to .*a-file: .*a-file exists and is not a directory/ },

  // ── Output paths ────────────────────────────────────────────────────────────────────────────────────────────
  {
    name: "solve --out a character device",
    argv: () => ["solve", at("good.json"), ...solveFast, "--out", device],
    code: 2,
    stderr: /^tracktwo solve: cannot write \S+: is a character device; expected a new path or a regular file \(tracktwo never writes into devices or pipes\)$/m,
    after: () => expect(lstatSync(device).isCharacterDevice()).toBe(true),
  },
  {
    name: "solve --out a symlink to a device",
    argv: () => ["solve", at("good.json"), ...solveFast, "--out", at("link-to-device")],
    code: 2,
    stderr: /cannot write \S+link-to-device: is a character device/,
    after: () => expect(lstatSync(device).isCharacterDevice()).toBe(true),
  },
  { name: "solve --out a FIFO, never opened", argv: () => ["solve", at("good.json"), ...solveFast, "--out", at("out-fifo")], code: 2, stderr: /cannot write \S+out-fifo: is a named pipe \(FIFO\); expected a new path or a regular file/ },
  { name: "solve --out a directory", argv: () => ["solve", at("good.json"), ...solveFast, "--out", at("folder")], code: 2, stderr: /cannot write \S+folder: is a directory; expected a file path/ },
  { name: "solve --out a socket", argv: () => ["solve", at("good.json"), ...solveFast, "--out", at("socket")], code: 2, stderr: /cannot write \S+socket: is a socket/ },
  {
    name: "solve --out the program itself",
    argv: () => ["solve", at("good.json"), ...solveFast, "--out", at("good.json")],
    code: 2,
    stderr: /cannot write \S+good\.json: is the program file \S+good\.json; expected another path \(writing there would replace the program\)/,
    after: () => expect(JSON.parse(readFileSync(at("good.json"), "utf8"))).toEqual(program()),
  },
  { name: "solve --out a symlink to the program", argv: () => ["solve", at("good.json"), ...solveFast, "--out", at("link-to-program.json")], code: 2, stderr: /is the program file/ },
  { name: "solve --out a dangling symlink into a missing folder", argv: () => ["solve", at("good.json"), ...solveFast, "--out", at("link-dangling.json")], code: 2, stderr: /cannot write \S+link-dangling\.json: directory \S+no-such-folder does not exist/ },
  { name: "solve --out a symlink loop", argv: () => ["solve", at("good.json"), ...solveFast, "--out", at("loop-a")], code: 2, stderr: /cannot write \S+loop-a: is a symbolic link that leads to another for more than 40 steps/ },
  { name: "solve --out into a missing folder", argv: () => ["solve", at("good.json"), ...solveFast, "--out", at("missing/s.json")], code: 2, stderr: /cannot write \S+missing\/s\.json: directory \S+missing does not exist; expected a writable path/ },
  { name: "solve --out -", argv: () => ["solve", at("good.json"), ...solveFast, "--out", "-"], code: 2, stderr: /cannot write -: "-" cannot be written to; expected a file path/ },
  { name: "solve --out an empty path", argv: () => ["solve", at("good.json"), ...solveFast, "--out="], code: 2, stderr: /cannot write : is empty; expected a file path/ },
  {
    name: "solve --out a symlink to a regular file writes the target and keeps the link",
    argv: () => ["solve", at("good.json"), ...solveFast, "--out", at("link-to-target.json")],
    code: 0,
    after: () => {
      expect(lstatSync(at("link-to-target.json")).isSymbolicLink()).toBe(true);
      expect(JSON.parse(readFileSync(at("target.json"), "utf8"))).toMatchObject({ audience: "public", status: "feasible" });
    },
  },
  {
    name: "solve --out a symlink to a file not yet there creates it",
    argv: () => ["solve", at("good.json"), ...solveFast, "--out", at("link-to-new.json")],
    code: 0,
    after: () => {
      expect(readlinkSync(at("link-to-new.json"))).toBe(at("not-yet.json"));
      expect(statSync(at("not-yet.json")).isFile()).toBe(true);
    },
  },
  { name: "sweep --csv a FIFO, refused before solving", argv: () => ["sweep", at("good.json"), "--set", "policy.maxRoles=1,2", "--csv", at("out-fifo")], code: 2, stderr: /^tracktwo sweep: cannot write \S+out-fifo: is a named pipe/m },
  { name: "sweep --csv the program", argv: () => ["sweep", at("good.json"), "--set", "policy.maxRoles=1,2", "--csv", at("good.json")], code: 2, stderr: /is the program file/ },
  { name: "generate --out a character device", argv: () => ["generate", "--participants", "10", "--out", device], code: 2, stderr: /^tracktwo generate: cannot write \S+: is a character device/m },
  { name: "generate --out a directory", argv: () => ["generate", "--participants", "10", "--out", at("folder")], code: 2, stderr: /^tracktwo generate: cannot write \S+folder: is a directory/m },

  // ── Options, for every command ──────────────────────────────────────────────────────────────────────────────
  { name: "solve --time-limit -5", argv: () => ["solve", at("good.json"), "--time-limit", "-5"], code: 2, stderr: /^tracktwo: --time-limit: "-5" is negative; expected seconds, more than 0 and at most 604800 \(a week\)$/m },
  { name: "solve --seed -3", argv: () => ["solve", at("good.json"), "--seed", "-3"], code: 2, stderr: /^tracktwo: --seed: "-3" is negative; expected a whole number >= 0$/m },
  { name: "solve --time-limit with no value", argv: () => ["solve", at("good.json"), "--time-limit"], code: 2, stderr: /^tracktwo solve: --time-limit needs a value$/m },
  { name: "solve --seed followed by an option", argv: () => ["solve", at("good.json"), "--seed", "--json"], code: 2, stderr: /^tracktwo solve: --seed needs a value, but the next argument is the option --json$/m },
  { name: "solve --json=yes", argv: () => ["solve", at("good.json"), "--json=yes"], code: 2, stderr: /^tracktwo solve: --json takes no value \(got "yes"\)$/m },
  { name: "solve --tme-limit (a typo)", argv: () => ["solve", at("good.json"), "--tme-limit", "5"], code: 2, stderr: /^tracktwo solve: unknown option --tme-limit \(did you mean --time-limit\?\); expected one of --solver, --time-limit/m },
  { name: "solve -x", argv: () => ["solve", at("good.json"), "-x"], code: 2, stderr: /^tracktwo solve: unknown option -x; expected one of/m },
  { name: "solve -5", argv: () => ["solve", at("good.json"), "-5"], code: 2, stderr: /^tracktwo solve: unexpected -5: a negative number is taken only as the value of an option/m },
  { name: "solve --seed given twice", argv: () => ["solve", at("good.json"), "--seed", "1", "--seed", "2"], code: 2, stderr: /^tracktwo solve: --seed is given twice \("1" and "2"\); expected it once$/m },
  { name: "solve --time-limit 1e99", argv: () => ["solve", at("good.json"), "--time-limit", "1e99"], code: 2, stderr: /--time-limit: "1e99" is out of range/ },
  { name: "solve --time-limit 0x10", argv: () => ["solve", at("good.json"), "--time-limit", "0x10"], code: 2, stderr: /--time-limit: "0x10" is not a number/ },
  { name: "solve --time-limit Infinity", argv: () => ["solve", at("good.json"), "--time-limit", "Infinity"], code: 2, stderr: /--time-limit: "Infinity" is not a number/ },
  { name: "solve --seed empty", argv: () => ["solve", at("good.json"), "--seed="], code: 2, stderr: /--seed: "" is not a number/ },
  { name: "solve --seed 1.5", argv: () => ["solve", at("good.json"), "--seed", "1.5"], code: 2, stderr: /--seed: "1\.5" is not a whole number/ },
  { name: "solve --solver magic", argv: () => ["solve", at("good.json"), "--solver", "magic"], code: 2, stderr: /--solver: unknown solver "magic"; expected one of mip, highs, greedy, search, auto/ },
  { name: "solve --max-input-size 1T", argv: () => ["solve", at("good.json"), "--max-input-size", "1T"], code: 2, stderr: /--max-input-size: "1T" is not a size; expected a size such as 64M/ },
  { name: "solve --max-input-size 0", argv: () => ["solve", at("good.json"), "--max-input-size", "0"], code: 2, stderr: /--max-input-size: "0" is out of range/ },
  { name: "solve --max-input-size 1G (past what a string holds)", argv: () => ["solve", at("good.json"), "--max-input-size", "1G"], code: 2, stderr: /--max-input-size: "1G" is out of range; expected a size such as 64M or 200000, from 1 byte to 512 MiB/ },
  { name: "solve with two programs", argv: () => ["solve", at("good.json"), at("good.json")], code: 2, stderr: /^tracktwo solve: expected one PROGRAM file, got 2$/m },
  { name: "check --bogus", argv: () => ["check", at("good.json"), at("good.json"), "--bogus"], code: 2, stderr: /^tracktwo check: unknown option --bogus; expected one of --reveal-at-risk, --max-input-size$/m },
  { name: "check with three files", argv: () => ["check", at("good.json"), at("good.json"), at("good.json")], code: 2, stderr: /^tracktwo check: expected PROGRAM and SOLUTION, got 3 file\(s\)$/m },
  { name: "explain --solver greedy", argv: () => ["explain", at("good.json"), "--solver", "greedy"], code: 2, stderr: /--solver: "greedy" cannot prove infeasibility; expected mip or highs/ },
  { name: "explain --time-limit -1", argv: () => ["explain", at("good.json"), "--time-limit", "-1"], code: 2, stderr: /--time-limit: "-1" is negative/ },
  { name: "explain --reveal-at-risk=yes", argv: () => ["explain", at("good.json"), "--reveal-at-risk=yes"], code: 2, stderr: /^tracktwo explain: --reveal-at-risk takes no value/m },
  { name: "whatif --jobs 0", argv: () => ["whatif", at("scenario-pipe.yaml"), "--jobs", "0"], code: 2, stderr: /^tracktwo: --jobs: "0" is out of range; expected a whole number >= 1$/m },
  { name: "whatif --max-moves -1", argv: () => ["whatif", at("scenario-pipe.yaml"), "--max-moves", "-1"], code: 2, stderr: /--max-moves: "-1" is negative/ },
  { name: "whatif --stability-weight heavy", argv: () => ["whatif", at("scenario-pipe.yaml"), "--stability-weight", "heavy"], code: 2, stderr: /--stability-weight: "heavy" is not a number/ },
  { name: "whatif --explain-time-limit 0", argv: () => ["whatif", at("scenario-pipe.yaml"), "--explain-time-limit", "0"], code: 2, stderr: /--explain-time-limit: "0" is out of range; expected seconds, more than 0/ },
  { name: "whatif with no scenario", argv: () => ["whatif"], code: 2, stderr: /^tracktwo whatif: expected at least one SCENARIO file$/m },
  { name: "sweep without --set", argv: () => ["sweep", at("good.json")], code: 2, stderr: /^tracktwo sweep: expected one PROGRAM file and --set PATH=VALUES$/m },
  { name: "sweep --set without values", argv: () => ["sweep", at("good.json"), "--set", "policy.maxRoles"], code: 2, stderr: /--set: "policy\.maxRoles" has no "=VALUES"/ },
  { name: "sweep --jobs -2", argv: () => ["sweep", at("good.json"), "--set", "policy.maxRoles=1", "--jobs", "-2"], code: 2, stderr: /--jobs: "-2" is negative/ },
  { name: "schema with a file", argv: () => ["schema", "program.json"], code: 2, stderr: /^tracktwo schema: unexpected argument "program\.json"; schema takes options only$/m },
  { name: "schema --scenario=1", argv: () => ["schema", "--scenario=1"], code: 2, stderr: /^tracktwo schema: --scenario takes no value \(got "1"\)$/m },
  { name: "generate --participants 1e9", argv: () => ["generate", "--participants", "1e9"], code: 2, stderr: /--participants: "1e9" is out of range; expected a whole number from 4 to 20000/ },
  { name: "generate --slots 0", argv: () => ["generate", "--participants", "10", "--slots", "0"], code: 2, stderr: /--slots: "0" is out of range; expected a whole number from 1 to 100/ },
  { name: "generate --seed -1", argv: () => ["generate", "--participants", "10", "--seed", "-1"], code: 2, stderr: /--seed: "-1" is negative/ },
  { name: "an unknown command", argv: () => ["sovle", at("good.json")], code: 2, stderr: /^tracktwo: unknown command "sovle"/m },

  // ── Standard input (a fake one here; the real one below) ────────────────────────────────────────────────────
  { name: "- with no standard input", argv: () => ["solve", "-"], code: 2, stderr: /^tracktwo solve: <stdin>: standard input is not available; expected a file path$/m },
  { name: "- from a terminal", argv: () => ["solve", "-"], stdin: { kind: "terminal" }, code: 2, stderr: /^tracktwo solve: <stdin>: standard input is a terminal; expected a file piped or redirected/m },
  { name: "- from a device", argv: () => ["explain", "-"], stdin: { kind: "device" }, code: 2, stderr: /^tracktwo explain: <stdin>: standard input is a device, not a pipe or a regular file/m },
  { name: "- holding broken UTF-8", argv: () => ["solve", "-"], stdin: { kind: "pipe", bytes: Uint8Array.from([0x7b, 0xff, 0x7d]) }, code: 2, stderr: /<stdin>: is not valid UTF-8: byte 0xff at line 1, column 2/ },
  { name: "- over the size limit", argv: () => ["solve", "-", "--max-input-size", "10"], stdin: { kind: "pipe", text: "x".repeat(11) }, code: 2, stderr: /<stdin>: holds more than the input size limit of 10 bytes/ },
  { name: "- that never ends, then Ctrl-C", argv: () => ["solve", "-"], stdin: { kind: "pipe", endless: true }, abortAfterMs: 200, code: 2, stderr: /<stdin>: interrupted while reading standard input/ },
  { name: "- holding a bad program names <stdin>", argv: () => ["solve", "-"], stdin: { kind: "pipe", text: '{"participants": []}' }, code: 2, stderr: /^<stdin>: panels: missing; expected array$/m },
  { name: "import -: spreadsheets are read from files", argv: () => ["import", "-"], stdin: { kind: "pipe", text: "ID,Nationality\np1,UA\n" }, code: 2, stderr: /^tracktwo import: "-" \(standard input\) is not read by import: a workbook is binary and its sheets are found by name; expected a file path \(\.csv or \.xlsx\)$/m },
  { name: "- holding a good program", argv: () => ["solve", "-", ...solveFast], stdin: { kind: "pipe", text: JSON.stringify(program()) }, code: 0, stdout: /^status feasible/m },
];

function fakeStdin(spec: NonNullable<Case["stdin"]>): StandardInput {
  let closed = false;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    if (spec.bytes !== undefined) yield spec.bytes;
    if (spec.text !== undefined) yield Buffer.from(spec.text);
    while (spec.endless === true && !closed) {
      yield Buffer.from(" ");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  return { kind: spec.kind, open: chunks, close: () => void (closed = true) };
}

async function runInProcess(c: Case): Promise<Outcome> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    isTty: false,
    ...(c.stdin === undefined ? {} : { stdin: fakeStdin(c.stdin) }),
    ...(c.abortAfterMs === undefined ? {} : { signal: AbortSignal.timeout(c.abortAfterMs) }),
  };
  const code = await main(c.argv(), io);
  return { code, stdout, stderr };
}

function expectNothingLeaked(outcome: Outcome): void {
  for (const text of [outcome.stdout, outcome.stderr]) {
    expect(text).not.toMatch(STACK_FRAME);
    expect(text).not.toContain("internal error");
    expect(text).not.toMatch(RAW_CONTROL);
  }
}

describe("the bad-input corpus", () => {
  it("has at least 60 cases, each named once", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  beforeAll(() => {
    symlinkSync(device, at("link-to-device"));
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_, c) => {
    const outcome = await runInProcess(c);
    expect(outcome.code, `${outcome.stderr}${outcome.stdout}`).toBe(c.code);
    if (c.stderr !== undefined) expect(outcome.stderr).toMatch(c.stderr);
    if (c.stdout !== undefined) expect(outcome.stdout).toMatch(c.stdout);
    if (c.code === 2) expect(outcome.stdout).toBe("");
    expectNothingLeaked(outcome);
    c.after?.(outcome);
  });
});

// ── The real process: what only a real process can show ──────────────────────────────────────────────────────

interface ChildRun {
  readonly argv: readonly string[];
  /** What standard input is: a file opened for it, a pipe that gets `text` and closes, or a pipe left open. */
  readonly stdin: { file: string } | { text: string } | "open-pipe" | "ignore";
  /** Send SIGINT once the process reads standard input. */
  readonly interrupt?: boolean;
}

const CHILD_TIMEOUT_MS = 60_000;
/** tsx's loader by absolute URL: the children run in a scratch folder, where `--import tsx` would not resolve. */
const TSX_LOADER = pathToFileURL(join(root, "node_modules", "tsx", "dist", "loader.mjs")).href;

/** Runs the CLI from the sources (src/cli/bin.ts under tsx); a hang fails the test by the timeout instead of hanging the suite. */
function runChild(run: ChildRun): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const fd = typeof run.stdin === "object" && "file" in run.stdin ? openSync(resolvePath(w, run.stdin.file), "r") : null;
    const child = spawn(process.execPath, ["--import", TSX_LOADER, join(root, "src", "cli", "bin.ts"), ...run.argv], {
      cwd: w,
      stdio: [fd ?? (run.stdin === "ignore" ? "ignore" : "pipe"), "pipe", "pipe"],
    });
    if (fd !== null) closeSync(fd);
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d: Buffer) => void (stdout += d.toString()));
    child.stderr!.on("data", (d: Buffer) => void (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`tracktwo ${run.argv.join(" ")} did not finish in ${CHILD_TIMEOUT_MS} ms (a hang)\n${stderr}`));
    }, CHILD_TIMEOUT_MS);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    if (typeof run.stdin === "object" && "text" in run.stdin) child.stdin!.end(run.stdin.text);
    if (run.interrupt === true) void interruptWhenReading(child.pid!, () => child.kill("SIGINT"));
  });
}

/**
 * Node sets standard input non-blocking (O_NONBLOCK, octal 04000 in /proc/PID/fdinfo/0) when it starts reading it,
 * which is after the Ctrl-C handler is installed: then SIGINT tests the handler, not Node's default exit.
 */
async function interruptWhenReading(pid: number, interrupt: () => void): Promise<void> {
  for (let k = 0; k < 600; k++) {
    try {
      const flags = /^flags:\s+(\d+)$/m.exec(readFileSync(`/proc/${pid}/fdinfo/0`, "utf8"))?.[1];
      if (flags !== undefined && (Number.parseInt(flags, 8) & 0o4000) !== 0) {
        interrupt();
        return;
      }
    } catch {
      return; // the process is gone
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const CHILD_CASES: readonly (ChildRun & { name: string; code: number; stderr?: RegExp; stdout?: RegExp })[] = [
  { name: "a FIFO without a writer does not hang", argv: ["solve", "fifo"], stdin: "ignore", code: 2, stderr: /^fifo: is a named pipe \(FIFO\), not a regular file/m },
  { name: "/dev/zero is refused before a byte is read", argv: ["solve", "/dev/zero"], stdin: "ignore", code: 2, stderr: /^\/dev\/zero: is a character device/m },
  { name: "standard input from /dev/zero is refused", argv: ["solve", "-"], stdin: { file: "/dev/zero" }, code: 2, stderr: /^tracktwo solve: <stdin>: standard input is a device, not a pipe or a regular file/m },
  { name: "standard input redirected from a file", argv: ["solve", "-", "--solver", "greedy", "--time-limit", "40"], stdin: { file: "good.json" }, code: 0, stdout: /^status feasible/m },
  { name: "standard input piped", argv: ["check", "good.json", "-"], stdin: { text: '{"status": "infeasible", "solver": "mip", "panels": []}' }, code: 1, stdout: /the file holds no assignment to check/ },
  { name: "standard input past the limit stops at the limit", argv: ["solve", "-", "--max-input-size", "1K"], stdin: { text: " ".repeat(5000) }, code: 2, stderr: /<stdin>: holds more than the input size limit of 1 KiB/ },
  { name: "Ctrl-C while reading a pipe that never ends", argv: ["solve", "-"], stdin: "open-pipe", interrupt: true, code: 2, stderr: /<stdin>: interrupted while reading standard input/ },
];

describe("the bad-input corpus, in a real process", () => {
  it.concurrent.each(CHILD_CASES.map((c) => [c.name, c] as const))("%s", async (_, c) => {
    const outcome = await runChild(c);
    expect(outcome.code, outcome.stderr).toBe(c.code);
    if (c.stderr !== undefined) expect(outcome.stderr).toMatch(c.stderr);
    if (c.stdout !== undefined) expect(outcome.stdout).toMatch(c.stdout);
    expectNothingLeaked(outcome);
  });
});
