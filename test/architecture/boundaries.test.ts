// The architecture rules of STYLE.md §1 as tests: the checker is an independent re-implementation (it may read
// the file contracts in src/model but nothing a solver uses), the constraint catalogue is the only list of rules,
// no module of src/ imports itself through others, and only src/cli prints or exits.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
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

/** Modules a module loads at run time (type-only imports and re-exports left out), as paths relative to the root. */
function runtimeImportsOf(file: string): string[] {
  const text = readFileSync(join(root, file), "utf8");
  const specs = [
    ...[...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+["'](\.[^"']+)["']/gms)].map((m) => m[1]!),
    ...[...text.matchAll(/import\(\s*["'](\.[^"']+)["']\s*\)/g)].map((m) => m[1]!),
  ];
  return specs.map((spec) => relative(root, resolve(dirname(join(root, file)), spec)).replace(/\.js$/, ".ts"));
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

  it("no module of src/ imports itself through other modules", () => {
    const files = new Set(sourceFiles("src").filter((f) => f.endsWith(".ts")));
    const graph = new Map([...files].map((f) => [f, runtimeImportsOf(f).filter((d) => files.has(d))]));
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, "open");
      stack.push(file);
      for (const next of graph.get(file)!) {
        if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next].join(" -> "));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, "done");
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(files.size).toBeGreaterThan(50);
    expect(cycles).toEqual([]);
  });

  it("rules are listed only by the catalogue's registry, and use of the solvers only their building blocks", () => {
    const rules = new Set(sourceFiles(join("src", "constraints")).filter((f) => !/(registry|rule)\.ts$/.test(f) && !f.includes(join("constraints", "shared"))));
    const outside = sourceFiles("src").filter((f) => !f.startsWith(join("src", "constraints")) && f.endsWith(".ts"));
    const listing = outside.flatMap((f) => runtimeImportsOf(f).filter((d) => rules.has(d)).map((d) => `${f} imports ${d}`));
    expect(listing).toEqual([]);
    // Rules see the search state, the MIP context and the linear model, never a solver that runs them.
    const blocks = new Set([join("src", "solvers", "search", "state.ts"), join("src", "solvers", "mip", "context.ts"), join("src", "solvers", "mip", "linear-model.ts")]);
    const reaching = sourceFiles(join("src", "constraints")).flatMap((f) =>
      runtimeImportsOf(f).filter((d) => d.startsWith(join("src", "solvers")) && !blocks.has(d)).map((d) => `${f} imports ${d}`),
    );
    expect(reaching).toEqual([]);
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
