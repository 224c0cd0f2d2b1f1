// The dashboard's charts as inline SVG: no script, no font or file from outside, readable in print. Every label
// passes through escapeHtml (SVG text is XML). Colours come from one qualitative palette that stays apart in
// one another for the commonest colour-vision deficiencies (Okabe and Ito's, black left out, then Paul Tol's), with grey kept
// for "Other" and "Not recorded".
import { escapeHtml } from "../report/escape.js";

const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#332288", "#88CCEE", "#AA4499", "#44AA99", "#882255"];
const GREY = "#B8BEC6";

/** The colour of a category in a chart: grey for the catch-all ones, the palette in order for the rest. */
export function categoryColours(categories: readonly string[], greyed: ReadonlySet<string>): string[] {
  let k = 0;
  return categories.map((c) => (greyed.has(c) ? GREY : PALETTE[k++ % PALETTE.length]!));
}

export interface StackedRow {
  readonly label: string;
  readonly total: number;
  readonly values: readonly number[];
}

const WIDTH = 760;
const LABEL_WIDTH = 150;
const TOTAL_WIDTH = 44;
const ROW_HEIGHT = 22;
const ROW_GAP = 8;

const percent = (value: number, total: number) => (total === 0 ? 0 : (100 * value) / total);
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/**
 * 100% stacked bars, one per row, with a legend above. The last row (the overall one) is set apart by a rule.
 * `title` names the chart for screen readers.
 */
export function stackedShareChart(title: string, categories: readonly string[], colours: readonly string[], rows: readonly StackedRow[]): string {
  const legend = legendItems(categories, colours);
  const barWidth = WIDTH - LABEL_WIDTH - TOTAL_WIDTH;
  const top = legend.height + 16;
  const parts: string[] = [legend.svg, `<text x="${WIDTH - 4}" y="${top - 2}" text-anchor="end" class="chart-total">members</text>`];
  rows.forEach((row, r) => {
    const isOverall = r === rows.length - 1 && rows.length > 1;
    const y = top + r * (ROW_HEIGHT + ROW_GAP) + (isOverall ? 10 : 0);
    if (isOverall) parts.push(`<line x1="0" x2="${WIDTH}" y1="${y - 9}" y2="${y - 9}" stroke="#c9ced4" stroke-width="1"/>`);
    parts.push(`<text x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end" class="${isOverall ? "chart-label strong" : "chart-label"}">${escapeHtml(truncate(row.label, 22))}</text>`);
    let x = LABEL_WIDTH;
    row.values.forEach((value, c) => {
      if (value <= 0 || row.total === 0) return;
      const width = (barWidth * value) / row.total;
      const share = percent(value, row.total);
      parts.push(
        `<rect x="${x.toFixed(2)}" y="${y}" width="${width.toFixed(2)}" height="${ROW_HEIGHT}" fill="${colours[c]}"><title>${escapeHtml(`${row.label}: ${categories[c]} ${fmt(value)} of ${row.total} members (${share.toFixed(0)}%)`)}</title></rect>`,
      );
      if (width >= 30) parts.push(`<text x="${(x + width / 2).toFixed(2)}" y="${y + 15}" text-anchor="middle" class="chart-in" fill="${textOn(colours[c]!)}">${share.toFixed(0)}%</text>`);
      x += width;
    });
    parts.push(`<text x="${WIDTH - 4}" y="${y + 15}" text-anchor="end" class="chart-total">${row.total}</text>`);
  });
  const height = top + rows.length * (ROW_HEIGHT + ROW_GAP) + (rows.length > 1 ? 10 : 0);
  return svg(title, height, parts);
}

/** Horizontal bars of absolute values (dialogue pairs, objective terms), each with its value at the end. */
export function barChart(title: string, items: readonly { readonly label: string; readonly value: number; readonly detail?: string }[], colour = PALETTE[0]!): string {
  const max = Math.max(1e-9, ...items.map((i) => Math.abs(i.value)));
  const barWidth = WIDTH - LABEL_WIDTH - 90;
  const parts = items.map((item, r) => {
    const y = r * (ROW_HEIGHT + ROW_GAP);
    const width = (barWidth * Math.abs(item.value)) / max;
    const tip = item.detail === undefined ? `${item.label}: ${fmt(item.value)}` : `${item.label}: ${fmt(item.value)} (${item.detail})`;
    return [
      `<text x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end" class="chart-label">${escapeHtml(truncate(item.label, 22))}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${Math.max(width, item.value === 0 ? 0 : 1).toFixed(2)}" height="${ROW_HEIGHT}" fill="${item.value < 0 ? PALETTE[5] : colour}"><title>${escapeHtml(tip)}</title></rect>`,
      `<text x="${(LABEL_WIDTH + width + 6).toFixed(2)}" y="${y + 15}" class="chart-total">${escapeHtml(item.detail === undefined ? fmt(item.value) : `${fmt(item.value)}  (${item.detail})`)}</text>`,
    ].join("");
  });
  return svg(title, Math.max(ROW_HEIGHT, items.length * (ROW_HEIGHT + ROW_GAP)), parts);
}

function legendItems(categories: readonly string[], colours: readonly string[]): { svg: string; height: number } {
  const parts: string[] = [];
  let x = 0;
  let y = 0;
  categories.forEach((category, c) => {
    const label = truncate(category, 18);
    const width = 22 + label.length * 7.2 + 14;
    if (x + width > WIDTH && x > 0) {
      x = 0;
      y += 20;
    }
    parts.push(`<rect x="${x}" y="${y + 3}" width="12" height="12" rx="2" fill="${colours[c]}"/><text x="${x + 17}" y="${y + 13}" class="chart-legend">${escapeHtml(label)}</text>`);
    x += width;
  });
  return { svg: parts.join(""), height: y + 18 };
}

function svg(title: string, height: number, parts: readonly string[]): string {
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${Math.ceil(height)}" role="img" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title>${parts.join("")}</svg>`;
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** Black or white text, whichever reads better on `hex`. */
function textOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16) / 255) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.55 ? "#1d232b" : "#ffffff";
}
