// The one writing function: what it replaces, what it follows, what it keeps. The refusals (devices, pipes,
// folders, inputs) are in the bad-input corpus (test/e2e/bad-input.test.ts); here is what a good write leaves behind.
import { chmodSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { makeDirectory, outputProblem, writeOutputFile } from "../../../src/cli/files.js";

let dir = "";
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tracktwo-files-"));
});

describe("writeOutputFile", () => {
  it("creates a new file and leaves no temporary file beside it", () => {
    expect(writeOutputFile(join(dir, "s.json"), "one\n", "public")).toBeNull();
    expect(readFileSync(join(dir, "s.json"), "utf8")).toBe("one\n");
    expect(readdirSync(dir)).toEqual(["s.json"]);
  });

  it("replaces a regular file and keeps its permission bits (an organisers' file made private stays private)", () => {
    const file = join(dir, "diff.json");
    writeFileSync(file, "old\n");
    chmodSync(file, 0o600);
    expect(writeOutputFile(file, "new\n", "public")).toBeNull();
    expect(readFileSync(file, "utf8")).toBe("new\n");
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("creates an organisers' file readable by its owner alone, a public one as the umask allows", () => {
    expect(writeOutputFile(join(dir, "diff.json"), "x\n", "organisers")).toBeNull();
    expect(statSync(join(dir, "diff.json")).mode & 0o777).toBe(0o600);
    expect(writeOutputFile(join(dir, "public.json"), "x\n", "public")).toBeNull();
    expect(statSync(join(dir, "public.json")).mode & 0o777).toBe(0o666 & ~process.umask());
    // A file the user opened up on purpose stays as they made it.
    chmodSync(join(dir, "diff.json"), 0o640);
    expect(writeOutputFile(join(dir, "diff.json"), "y\n", "organisers")).toBeNull();
    expect(statSync(join(dir, "diff.json")).mode & 0o777).toBe(0o640);
  });

  it("writes through a symbolic link and keeps the link a link", () => {
    writeFileSync(join(dir, "real.json"), "old\n");
    symlinkSync(join(dir, "real.json"), join(dir, "latest.json"));
    expect(writeOutputFile(join(dir, "latest.json"), "new\n", "public")).toBeNull();
    expect(lstatSync(join(dir, "latest.json")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "real.json"), "utf8")).toBe("new\n");
  });

  it("follows a chain of links, relative ones too, to where the file is created", () => {
    mkdirSync(join(dir, "sub"));
    symlinkSync("sub/b.json", join(dir, "a.json"));
    symlinkSync("c.json", join(dir, "sub", "b.json"));
    expect(writeOutputFile(join(dir, "a.json"), "x\n", "public")).toBeNull();
    expect(readFileSync(join(dir, "sub", "c.json"), "utf8")).toBe("x\n");
    expect(lstatSync(join(dir, "sub", "b.json")).isSymbolicLink()).toBe(true);
  });

  it("refuses a hard link to an input, named as what it is, and leaves it intact", () => {
    writeFileSync(join(dir, "program.json"), "{}\n");
    linkSync(join(dir, "program.json"), join(dir, "other-name.json"));
    const problem = writeOutputFile(join(dir, "other-name.json"), "solution\n", "public", [{ path: join(dir, "program.json"), role: "program" }]);
    expect(problem).toBe(`is the program file ${join(dir, "program.json")}; expected another path (writing there would replace the program)`);
    expect(readFileSync(join(dir, "program.json"), "utf8")).toBe("{}\n");
  });

  it("checks before the work exactly what the write would refuse", () => {
    const cases = [join(dir, "missing", "x.json"), dir, "-", ""];
    for (const file of cases) expect(outputProblem(file)).toBe(writeOutputFile(file, "x", "public"));
    expect(outputProblem(join(dir, "fine.json"))).toBeNull();
  });
});

describe("makeDirectory", () => {
  it("creates parents, accepts an existing folder, and names a file in the way", () => {
    expect(makeDirectory(join(dir, "a", "b"))).toBeNull();
    expect(makeDirectory(join(dir, "a", "b"))).toBeNull();
    writeFileSync(join(dir, "f"), "");
    expect(makeDirectory(join(dir, "f"))).toBe(`${join(dir, "f")} exists and is not a directory; expected a directory path`);
  });
});
