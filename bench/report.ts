// Pure formatting of a bench run: a terminal table, a Markdown report, and one hand-written SVG per instance with
// every solver's objective over time (step lines, since the best objective only changes at improvements).
import type { CellResult, InstanceResult, MatrixResult } from "./harness.js";
import { formatMs } from "./harness.js";

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly platform: string;
}

/** The code that ran: commit and whether the work tree had uncommitted changes. */
export interface Revision {
  readonly commit: string;
  readonly dirty: boolean;
}

export interface BenchReport extends MatrixResult {
  readonly date: string;
  readonly machine: Machine;
  readonly revision: Revision | null;
  readonly options: { readonly quick: boolean; readonly timeLimitS: number; readonly seed: number; readonly solvers: readonly string[] };
  readonly notes: readonly string[];
  readonly totalMs: number;
}

const HEADER = ["instance", "solver", "status", "objective", "reference", "gap", "to best", "time", "rss MB", "heap MB"];

export function cellRow(cell: CellResult, instance: InstanceResult | undefined): string[] {
  const ref = instance?.reference;
  return [
    cell.instance,
    cell.solver,
    cell.status,
    num(cell.objective),
    ref == null ? "-" : `${num(ref.value)} ${ref.kind === "best-known" ? "bks" : ref.kind === "optimum" ? "opt" : "ub"}`,
    cell.gap === null ? "-" : `${(cell.gap * 100).toFixed(2)}%`,
    cell.timeToBestMs === null ? "-" : formatMs(cell.timeToBestMs),
    formatMs(cell.timeMs),
    cell.status === "skipped" ? "-" : cell.peakRssMb.toFixed(0),
    cell.status === "skipped" ? "-" : cell.peakHeapMb.toFixed(0),
  ];
}

export function textTable(result: MatrixResult): string {
  const byName = new Map(result.instances.map((i) => [i.name, i] as const));
  const rows = result.cells.map((c) => cellRow(c, byName.get(c.instance)));
  const widths = HEADER.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, k) => (k < 3 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join("  ");
  const notes = result.cells
    .filter((c) => c.note !== null)
    .map((c) => `  ${c.instance} / ${c.solver}: ${c.note}`);
  return [line(HEADER), line(widths.map((w) => "-".repeat(w))), ...rows.map(line), ...(notes.length > 0 ? ["", "notes:", ...notes] : [])].join("\n");
}

export function markdownReport(report: BenchReport, svgLinks: ReadonlyMap<string, string>): string {
  const m = report.machine;
  const byName = new Map(report.instances.map((i) => [i.name, i] as const));
  const out: string[] = [
    `# tracktwo benchmark, ${report.date}`,
    "",
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node} (${m.platform}).`,
    `Code: ${report.revision === null ? "unknown revision" : `commit ${report.revision.commit}${report.revision.dirty ? " with uncommitted changes" : ""}`}.`,
    `Options: ${report.options.quick ? "quick, " : ""}time limit ${report.options.timeLimitS} s per cell, seed ${report.options.seed}, ` +
      `solvers ${report.options.solvers.join(", ")}. Total ${formatMs(report.totalMs)}.`,
    "",
    "Objective: the checker's score of a re-verified solution. Gap: (reference - objective) / |reference|, where the",
    "reference is the optimum proven in this run (opt), the literature best-known value (bks), or the tightest upper",
    "bound (ub). Planted: the checked objective of the feasible solution the generator built the program around",
    "(every solver should find a solution at least this good). Memory: peak process RSS and V8 heap sampled during",
    "the cell (cells share one process, so RSS includes what earlier cells left behind).",
    "",
    "## Instances",
    "",
    "| instance | family | participants | panels | planted | reference | note |",
    "| --- | --- | ---: | ---: | ---: | --- | --- |",
    ...report.instances.map(
      (i) =>
        `| ${i.name} | ${i.family} | ${i.participants ?? "-"} | ${i.panels ?? "-"} | ${num(i.planted)} | ` +
        `${i.reference === null ? "-" : `${num(i.reference.value)} (${i.reference.kind}: ${escapeMd(i.reference.source)})`} | ${escapeMd(i.note ?? "")} |`,
    ),
    "",
    "## Results",
    "",
    `| ${HEADER.join(" | ")} |`,
    `| ${HEADER.map((_, k) => (k < 3 ? "---" : "---:")).join(" | ")} |`,
    ...report.cells.map((c) => `| ${cellRow(c, byName.get(c.instance)).map(escapeMd).join(" | ")} |`),
  ];
  const notes = report.cells.filter((c) => c.note !== null);
  if (notes.length > 0 || report.notes.length > 0) {
    out.push("", "## Notes", "", ...report.notes.map((n) => `- ${escapeMd(n)}`));
    out.push(...notes.map((c) => `- ${c.instance} / ${c.solver}: ${escapeMd(c.note ?? "")}`));
  }
  if (svgLinks.size > 0) {
    out.push("", "## Objective over time", "");
    for (const [instance, href] of svgLinks) out.push(`![${instance}](${href})`, "");
  }
  return `${out.join("\n")}\n`;
}

const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];

/** Objective over time for one instance; null when no cell produced a curve. */
export function curveSvg(instance: InstanceResult, cells: readonly CellResult[]): string | null {
  const series = cells.filter((c) => c.curve.length > 0);
  if (series.length === 0) return null;
  const width = 760;
  const height = 420;
  const left = 80;
  const right = 170;
  const top = 40;
  const bottom = 50;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  // Time on a log axis from 1 ms: most improvements happen in the first second, and cells end at the limit.
  const maxMs = Math.max(10, ...series.map((c) => Math.max(c.timeMs, c.curve[c.curve.length - 1]!.ms)));
  const values = series.flatMap((c) => c.curve.map((p) => p.objective));
  if (instance.reference !== null) values.push(instance.reference.value);
  if (instance.planted !== null) values.push(instance.planted);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * 0.05;
  lo -= pad;
  hi += pad;
  const x = (ms: number) => left + (Math.log10(Math.max(1, ms)) / Math.log10(maxMs)) * plotW;
  const y = (v: number) => top + (1 - (v - lo) / (hi - lo)) * plotH;
  const f = (v: number) => v.toFixed(1);

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${left}" y="22" font-size="15" font-weight="bold">${escapeXml(instance.name)}: objective over time</text>`,
    `<rect x="${left}" y="${top}" width="${plotW}" height="${plotH}" fill="none" stroke="#888"/>`,
  ];
  for (let ms = 1; ms <= maxMs; ms *= 10) {
    parts.push(
      `<line x1="${f(x(ms))}" y1="${top}" x2="${f(x(ms))}" y2="${top + plotH + 5}" stroke="#eee"/>`,
      `<text x="${f(x(ms))}" y="${top + plotH + 18}" text-anchor="middle">${escapeXml(formatMs(ms))}</text>`,
    );
  }
  const step = niceStep((hi - lo) / 5);
  for (let v = Math.ceil(lo / step) * step; v <= hi; v += step) {
    parts.push(
      `<line x1="${left - 5}" y1="${f(y(v))}" x2="${left + plotW}" y2="${f(y(v))}" stroke="#eee"/>`,
      `<text x="${left - 8}" y="${f(y(v) + 4)}" text-anchor="end">${escapeXml(num(Math.round(v / step) * step))}</text>`,
    );
  }
  parts.push(`<text x="${left + plotW / 2}" y="${height - 10}" text-anchor="middle">time (log scale)</text>`);
  if (instance.reference !== null) {
    const ry = f(y(instance.reference.value));
    parts.push(
      `<line x1="${left}" y1="${ry}" x2="${left + plotW}" y2="${ry}" stroke="#444" stroke-dasharray="6 4"/>`,
      `<text x="${left + 6}" y="${f(y(instance.reference.value) - 5)}" fill="#444">${escapeXml(`${instance.reference.kind} ${num(instance.reference.value)}`)}</text>`,
    );
  }
  if (instance.planted !== null) {
    const py = f(y(instance.planted));
    parts.push(
      `<line x1="${left}" y1="${py}" x2="${left + plotW}" y2="${py}" stroke="#999" stroke-dasharray="2 3"/>`,
      `<text x="${left + 6}" y="${f(y(instance.planted) + 14)}" fill="#777">planted ${escapeXml(num(instance.planted))}</text>`,
    );
  }
  series.forEach((cell, k) => {
    const color = COLORS[k % COLORS.length]!;
    // Steps: the best objective holds until the next improvement, then to the end of the cell.
    const points: string[] = [];
    cell.curve.forEach((p, j) => {
      if (j > 0) points.push(`${f(x(p.ms))},${f(y(cell.curve[j - 1]!.objective))}`);
      points.push(`${f(x(p.ms))},${f(y(p.objective))}`);
    });
    const last = cell.curve[cell.curve.length - 1]!;
    points.push(`${f(x(Math.max(last.ms, cell.timeMs)))},${f(y(last.objective))}`);
    parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.join(" ")}"/>`);
    // A dot where the cell ended, so a solver that stops after milliseconds is still visible.
    parts.push(`<circle cx="${f(x(Math.max(last.ms, cell.timeMs)))}" cy="${f(y(last.objective))}" r="3.5" fill="${color}"/>`);
    const ly = top + 16 + k * 18;
    parts.push(
      `<line x1="${left + plotW + 50}" y1="${ly - 4}" x2="${left + plotW + 70}" y2="${ly - 4}" stroke="${color}" stroke-width="3"/>`,
      `<text x="${left + plotW + 76}" y="${ly}">${escapeXml(cell.solver)}</text>`,
    );
  });
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}

/** 1, 2 or 5 times a power of ten, at least `raw`: round tick values. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

function num(v: number | null): string {
  if (v === null) return "-";
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 1000 ? v.toFixed(1) : v.toFixed(3);
}

function escapeMd(text: string): string {
  return text.replace(/\|/g, "\\|");
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
