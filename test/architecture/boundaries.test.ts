// The architecture rules of STYLE.md §1 as tests: the checker is an independent re-implementation (it may read
// the file contracts in src/model but nothing a solver uses), and only src/cli prints or exits.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts|mjs|js)$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]!);
}

describe("architecture", () => {
  it("the checker imports only the file contracts, never solver code or the normaliser", () => {
    const allowed = new Set(["../model/schema.js", "../model/solution.js", "./violations.js", "./check.js", "./score.js"]);
    const offending = sourceFiles("src/check").flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith(".") && !allowed.has(spec) && !/^\.\/[\w-]+\.js$/.test(spec))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(sourceFiles("src/check").length).toBeGreaterThan(0);
    expect(offending).toEqual([]);
  });

  it("only src/cli prints or exits: the library returns data", () => {
    const offending = sourceFiles("src")
      .filter((file) => !file.startsWith(join("src", "cli")))
      .filter((file) => /\bconsole\.(log|error|warn|info)\(|process\.exit\(|process\.(stdout|stderr)\.write\(/.test(
        readFileSync(join(root, file), "utf8"),
      ));
    expect(offending).toEqual([]);
  });
});
