// The package as a user gets it: `npm pack` (which builds dist/ through the `prepack` script), the tarball
// installed into an empty folder (from the npm cache when it can: --prefer-offline), then the README's two library
// examples run against it, `example.mjs` as it is and `example.ts` compiled with tsc, and the installed `tracktwo`
// command run with HiGHS and scenario worker threads, which load compiled code from the package.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { SolutionSchema } from "../../src/model/solution.js";

const root = join(import.meta.dirname, "..", "..");
const run = promisify(execFile);

/** The README code block whose first line is `// <name>`. */
function readmeExample(name: string): string {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const block = [...readme.matchAll(/^```(?:js|ts)\n([\s\S]*?)^```$/gm)].map((m) => m[1]!).find((code) => code.startsWith(`// ${name}\n`));
  if (block === undefined) throw new Error(`README.md has no code block starting with "// ${name}"`);
  return block;
}

let consumer = "";
let files: string[] = [];
const bin = () => join(consumer, "node_modules", ".bin", "tracktwo");

beforeAll(async () => {
  const work = mkdtempSync(join(tmpdir(), "tracktwo-pack-"));
  const packed = await run("npm", ["pack", "--json", "--pack-destination", work], { cwd: root, maxBuffer: 64 << 20 });
  // `npm pack --json` prints the build's own output first (the prepack script), then the JSON report.
  const report = JSON.parse(packed.stdout.slice(packed.stdout.indexOf("[\n"))) as { filename: string; files: { path: string }[] }[];
  files = report[0]!.files.map((f) => f.path);
  consumer = join(work, "consumer");
  await run("mkdir", [consumer]);
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", join(work, report[0]!.filename)], { cwd: consumer });
}, 600_000);

describe("the packed package", () => {
  it("ships the build, the README and the sample programs, and no tests, benchmarks or sources", () => {
    expect(files).toEqual(expect.arrayContaining(["package.json", "README.md", "LICENSE", "dist/index.js", "dist/index.d.ts", "dist/cli/bin.js", "scenarios/sample-small.yaml"]));
    expect(files).toEqual(expect.arrayContaining(["scenarios/registration/registrations.csv", "scenarios/registration/panels.csv", "scenarios/registration/map.yaml"]));
    const stray = files.filter((f) => !/^(dist\/|scenarios\/[\w-]+\.yaml$|scenarios\/registration\/[\w-]+\.(csv|xlsx|yaml)$|package\.json$|README\.md$|LICENSE$)/.test(f));
    expect(stray).toEqual([]);
    expect(files.filter((f) => /(^|\/)(test|bench)\/|\.test\.|\.tsbuildinfo$|ts-boot/.test(f) || (f.endsWith(".ts") && !f.endsWith(".d.ts")))).toEqual([]);
  });

  it("runs the README's example.mjs", { timeout: 120_000 }, async () => {
    writeFileSync(join(consumer, "example.mjs"), readmeExample("example.mjs"));
    const { stdout } = await run(process.execPath, ["example.mjs"], { cwd: consumer });
    expect(stdout).toMatch(/^sample: 60 participants$/m);
    expect(stdout).toMatch(/^optimal 10 bound 10$/m);
    expect(stdout).toMatch(/^violations \[\]$/m);
    expect(stdout).toMatch(/^infeasible$/m);
    expect(stdout).toMatch(/keep olena and pavel apart/);
    expect(stdout).toMatch(/^optimal moved: \[ 'rita' \] left: \[ 'pavel' \]$/m);
  });

  it("compiles the README's example.ts against the package's declarations and runs it", { timeout: 300_000 }, async () => {
    writeFileSync(join(consumer, "example.ts"), readmeExample("example.ts"));
    writeFileSync(
      join(consumer, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          outDir: "out",
          types: ["node"],
          typeRoots: [join(root, "node_modules", "@types")],
          skipLibCheck: true,
        },
        files: ["example.ts"],
      }),
    );
    // An unused @ts-expect-error is itself an error, so this also proves the declarations are real types, not any.
    await run(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "."], { cwd: consumer });
    const { stdout } = await run(process.execPath, [join("out", "example.js")], { cwd: consumer });
    expect(stdout).toMatch(/^feasible 10 0 false$/m);
  });

  it("installs the tracktwo command: --version, a HiGHS solve and what-if scenarios on worker threads", { timeout: 300_000 }, async () => {
    const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version as string;
    expect((await run(bin(), ["--version"])).stdout).toBe(`tracktwo ${version}\n`);
    expect((await run(bin(), ["--help"])).stdout).toMatch(/^usage: tracktwo <command>/);
    const sample = join(consumer, "node_modules", "tracktwo", "scenarios", "sample-small.yaml");
    const out = join(consumer, "sample.solution.json");
    const solved = await run(bin(), ["solve", sample, "--solver", "highs", "--time-limit", "120", "--out", out]);
    expect(solved.stdout).toMatch(/^status optimal \(proven\)/m);
    // The public file: the assignment, no objective; check recomputes it from the program.
    expect(SolutionSchema.parse(JSON.parse(readFileSync(out, "utf8"))).objective).toBeNull();
    expect((await run(bin(), ["check", sample, out])).stdout).toBe(
      "Audience: organisers only (contains nationalities, opt-outs and safety information; do not publish)\nobjective 181 (dialogue 120, diversity 52, topicFit 58, affinity 3)\nok: no violations\n",
    );
    for (const [name, changes] of [["same", "[]"], ["apart", '[{ set: { policy.separate: [[RU, UA]] } }]']]) {
      writeFileSync(join(consumer, `${name}.yaml`), `base: ${sample}\nchanges: ${changes}\n`);
    }
    const whatif = await run(bin(), ["whatif", "same.yaml", "apart.yaml", "--jobs", "2", "--solver", "search", "--time-limit", "5"], { cwd: consumer });
    expect(whatif.stdout).toMatch(/\| same +\| feasible/);
    expect(whatif.stdout).toMatch(/\| apart +\| feasible/);
    // The README's quick start: the shipped registration export imported, solved and exported.
    const registration = join(consumer, "node_modules", "tracktwo", "scenarios", "registration");
    await run(bin(), ["import", join(registration, "registrations.csv"), "--panels", join(registration, "panels.csv"), "--map", join(registration, "map.yaml"), "--out", "convention.yaml"], { cwd: consumer });
    await run(bin(), ["solve", "convention.yaml", "--solver", "greedy", "--time-limit", "20", "--audience", "organisers", "--out", "registration.solution.json"], { cwd: consumer });
    const exported = await run(bin(), ["export", "convention.yaml", "registration.solution.json", "--format", "html", "--audience", "public", "--out", "site"], { cwd: consumer });
    expect(exported.stdout).toMatch(/programme\.public\.html/);
    expect(readFileSync(join(consumer, "site", "programme.public.html"), "utf8")).toMatch(/<html/);
    const failed = await run(bin(), ["solve", join(consumer, "missing.yaml")]).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toMatch(/missing\.yaml: file not found/);
  });
});
