// The programme page in a real browser: Debian's chromium, driven by playwright-core (`.ci/run` installs chromium
// when it is missing; this test never skips). The page loads from a file with no console error and no network
// request, shows every panel, and names built to run script (`<img src=x onerror=...>`, `<script>`) stay text.
// TRACKTWO_SCREENSHOTS=DIR keeps full-page screenshots of both pages there, for a person to look at.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportProgramme } from "../../src/export/export.js";
import { generateWithWitness } from "../../src/generate/generate.js";
import type { Audience } from "../../src/report/audience.js";
import { loadGenerated } from "../helpers/program.js";

const CHROMIUM = "/usr/bin/chromium";
// The closed network refuses chromium's own connections; without these flags it keeps trying and logs errors.
const ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync",
];

const HOSTILE = [
  "<img src=x onerror=window.__pwned=1>",
  "<script>window.__pwned=2</script>Eve",
  '"><svg onload=window.__pwned=3>',
  "=HYPERLINK(\"https://example.invalid\") | \u202eyrollaM",
];

const dir = mkdtempSync(join(tmpdir(), "tracktwo-browser-"));
let context: BrowserContext;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`);
  context = await chromium.launchPersistentContext(join(dir, "profile"), { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await context?.close();
  rmSync(dir, { recursive: true, force: true });
});

const generated = generateWithWitness({ participants: 60, seed: 5, name: "Browser <b>test</b> convention" });
const program = loadGenerated({
  ...generated.program,
  participants: generated.program.participants.map((p, k) => (k < HOSTILE.length ? { ...p, name: HOSTILE[k] } : p)),
  panels: generated.program.panels.map((p, k) => ({ ...p, title: k === 0 ? "<i onmouseover=window.__pwned=4>Title</i>" : p.title, room: `Room ${k % 4}` })),
});
const solution = { status: "feasible" as const, solver: "witness", seed: null, objective: null, bound: null, panels: generated.witness, violations: [], explanation: null, stats: {} };

async function load(audience: Audience) {
  const file = join(dir, `programme.${audience}.html`);
  writeFileSync(file, exportProgramme(program, solution, "html", audience)[0]!.text);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => {
    if (!r.url().startsWith("file://")) problems.push(`network request: ${r.url()}`);
  });
  await page.goto(`file://${file}`, { waitUntil: "load" });
  const shots = process.env["TRACKTWO_SCREENSHOTS"];
  if (shots !== undefined) await page.screenshot({ path: join(shots, `programme.${audience}.png`), fullPage: true });
  return { page, problems };
}

describe.each(["public", "organisers"] as const)("the %s programme page in chromium", (audience) => {
  it("loads with no console error or network request, shows every panel, and runs no name", async () => {
    const { page, problems } = await load(audience);
    expect(problems).toEqual([]);
    const shown = await page.locator("article.panel").evaluateAll((els) => els.map((e) => e.getAttribute("data-panel")));
    expect([...shown].sort()).toEqual(program.panels.map((p) => p.id).sort());
    // Evaluated in the page (as text: the project compiles without the DOM library).
    expect(await page.evaluate("typeof window.__pwned")).toBe("undefined");
    expect(await page.locator("img, script, i, body svg:not(.chart)").count()).toBe(0);
    // No element carries an event handler (onerror, onload, onmouseover, ...): none could ever run.
    const handlers = await page.evaluate<string[]>(`[...document.querySelectorAll("*")].flatMap((el) => el.getAttributeNames().filter((n) => n.startsWith("on")))`);
    expect(handlers).toEqual([]);
    const text = await page.locator("body").innerText();
    expect(text).toContain("<img src=x onerror=window.__pwned=1>");
    expect(text).toContain("<script>window.__pwned=2</script>Eve");
    expect(text).toContain("\\u{202e}yrollaM");
    expect(await page.title()).toBe(`Browser <b>test</b> convention · ${audience === "public" ? "Programme" : "Organisers' programme"}`);
    if (audience === "organisers") {
      expect(await page.locator("#dashboard svg.chart").count()).toBeGreaterThanOrEqual(3);
      expect(text).toMatch(/organisers only/);
    } else {
      expect(await page.locator("#dashboard, .nat, .mix").count()).toBe(0);
    }
    await page.close();
  });
});
